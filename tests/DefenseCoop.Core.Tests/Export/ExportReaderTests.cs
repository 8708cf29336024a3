using System.Text;
using DefenseCoop.Data;
using DefenseCoop.Export;
using DefenseCoop.Tests.Data;

namespace DefenseCoop.Tests.Export;

/// <summary>The reader of exported CSV reads what the exporter writes, and refuses, naming the place, what breaks the documented shape.</summary>
public sealed class ExportReaderTests
{
    private static readonly string PeopleHeader = string.Join(',', ExportTables.People.Columns.Select(c => c.Name)) + "\r\n";

    private static CsvTable People(string body) => CsvTable.Parse(ExportTables.People, Encoding.UTF8.GetBytes(PeopleHeader + body));

    [Fact]
    public void QuotedFields_KeepCommasQuotesAndLineBreaks_AndAnEmptyTextStaysApartFromNull()
    {
        var table = People("p-1,\"Doe, \"\"J\"\"\r\nJr.\",\"\",,s1;s2\r\np-2,Plain,,TR,s1\r\n");
        Assert.Equal(2, table.Rows.Length);
        var first = table.Rows[0];
        Assert.Equal("Doe, \"J\"\r\nJr.", first.Text("name"));
        Assert.Equal("", first.Text("aliases"));
        Assert.Null(first.Text("country_code"));
        Assert.Equal([new SourceId("s1"), new SourceId("s2")], first.Sources());
        // The second record starts on the file's fourth line: the quoted line break counts.
        Assert.Equal("people.csv line 4", table.Rows[1].Where);
    }

    [Theory]
    [InlineData("\uFEFF", "byte-order mark")]
    [InlineData("p-1,Name,,,s1\n", "'\\n' after a field")]
    [InlineData("p-1,Name,,,s1", "does not end with CRLF")]
    [InlineData("p-1,\"Name,,,s1\r\n", "not closed")]
    [InlineData("p-1,Na\"me,,,s1\r\n", "quote inside an unquoted field")]
    [InlineData("p-1,\"Name\"x,,,s1\r\n", "'x' after a field")]
    [InlineData("p-1,Name,,s1\r\n", "4 fields, where the header has 5")]
    [InlineData("p-1,,,,s1\r\n", "name is null, but the column is never null")]
    public void MalformedCsv_IsRefused(string body, string message)
    {
        string text = body.StartsWith('\uFEFF') ? "\uFEFF" + PeopleHeader + "p-1,Name,,,s1\r\n" : PeopleHeader + body;
        var e = Assert.Throws<FormatException>(() => CsvTable.Parse(ExportTables.People, Encoding.UTF8.GetBytes(text)));
        Assert.Contains(message, e.Message);
        Assert.Contains("people.csv", e.Message);
    }

    [Fact]
    public void AHeaderOtherThanTheTablesColumns_IsRefused()
    {
        var e = Assert.Throws<FormatException>(() => CsvTable.Parse(ExportTables.People, Encoding.UTF8.GetBytes("person_id,name\r\n")));
        Assert.Contains("not the table's columns", e.Message);
    }

    [Theory]
    [InlineData("value", "1e3", "not a Decimal")]
    [InlineData("value", "1,000", "fields")]
    [InlineData("estimate", "True", "not a Boolean")]
    [InlineData("year", "2024.0", "not a Int32")]
    public void AFieldNotInTheExportersFormOfItsType_IsRefused(string column, string field, string message)
    {
        var columns = ExportTables.Spending.Columns;
        string Field(ExportColumn c) => c.Name == column ? field : c.Name switch
        {
            "year" => "2024", "value" => "1.5", "estimate" or "uncertain" => "false", "price_basis" => "current", _ => c.Nullable ? "" : "x",
        };
        string csv = string.Join(',', columns.Select(c => c.Name)) + "\r\n" + string.Join(',', columns.Select(Field)) + "\r\n";
        var e = Assert.Throws<FormatException>(() => CsvTable.Parse(ExportTables.Spending, Encoding.UTF8.GetBytes(csv)));
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Inferred_SplitsOnlyWhereACitedSourceBegins()
    {
        var header = string.Join(',', ExportTables.Notes.Columns.Select(c => c.Name)) + "\r\n";
        var row = CsvTable.Parse(ExportTables.Notes, Encoding.UTF8.GetBytes(header + "agreement,a-1,0,A note,a;b;c,b,a: x | y | b: z\r\n")).Rows[0];
        Assert.Equal([new SourceCaveat(new("a"), false, "x | y"), new SourceCaveat(new("b"), true, "z")], row.Caveats(row.Sources()));
    }

    [Fact]
    public void EnumsAreReadByName_NeverByNumber()
    {
        var e = Assert.Throws<FormatException>(() => ExportConventions.ParseEnum<AgreementKind>("1", "agreements.csv line 2: kind"));
        Assert.Contains("not a name of AgreementKind", e.Message);
        Assert.Equal(AgreementKind.MemorandumOfUnderstanding, ExportConventions.ParseEnum<AgreementKind>("MemorandumOfUnderstanding", "here"));
    }

    [Fact]
    public void TextWithEveryCharacterCsvQuotes_ComesBackEqual()
    {
        var (sample, _) = FormatCoverageTests.Kinds[typeof(Agreement)];
        var agreement = (Agreement)sample with { Title = "A \"quoted\", comma\r\nand two\nline ends", Place = " spaced ; semicolon " };
        var read = RoundTrip(FormatCoverageTests.SupportingCatalog(agreement), _ => { });
        Assert.Equal(agreement, read.Agreements.Single(a => a.Id == agreement.Id));
    }

    [Fact]
    public void AChildRowWithoutItsParent_IsRefused()
    {
        var e = Assert.Throws<FormatException>(() => RoundTrip(Minimal(), directory =>
            File.AppendAllText(Path.Combine(directory, "agreement_parties.csv"), "no-such-agreement,0,TR,,Party,report\r\n")));
        Assert.Contains("agreement_parties.csv has rows of no-such-agreement", e.Message);
    }

    [Fact]
    public void PositionsThatSkip_AreRefused()
    {
        var e = Assert.Throws<FormatException>(() => RoundTrip(Minimal(), directory => Replace(directory, "agreement_parties.csv", "tr-fi-mou,1,FI", "tr-fi-mou,2,FI")));
        Assert.Contains("are not 0 to 1", e.Message);
    }

    [Fact]
    public void ADerivedColumnThatDisagrees_IsRefused()
    {
        var e = Assert.Throws<FormatException>(() => RoundTrip(Minimal(), directory => Replace(directory, "agreements.csv", "TR;FI", "TR")));
        Assert.Contains("countries is 'TR', but the row's other columns give 'TR;FI'", e.Message);
    }

    [Fact]
    public void APartialDateWhoseDaysDisagreeWithItsText_IsRefused()
    {
        var e = Assert.Throws<FormatException>(() => RoundTrip(Minimal(), directory => Replace(directory, "events.csv", "2025-02-11,2025-02-11,2025-02-11", "2025-02-11,2025-02-10,2025-02-11")));
        Assert.Contains("date_earliest", e.Message);
    }

    private static CatalogContent Minimal() => TestData.Load(TestData.Minimal()).Content;

    private static void Replace(string directory, string file, string from, string to)
    {
        string path = Path.Combine(directory, file), text = File.ReadAllText(path);
        Assert.Contains(from, text);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private static ExportedRecords RoundTrip(CatalogContent content, Action<string> tamper) => CsvRoundTrip.Run(new DefenseCoopCatalog(content), tamper);
}
