using System.Globalization;
using System.Text;
using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.Tests;

public sealed class CsvTests
{
    private static List<CsvRecord> Read(string text) => [.. new CsvReader(new StringReader(text)).ReadAll()];

    private static string[][] Fields(string text) => [.. Read(text).Select(r => r.Fields.ToArray())];

    [Fact]
    public void Read_PlainFields_SplitsOnCommas()
    {
        Assert.Equal([["a", "b", "c"], ["1", "2", "3"]], Fields("a,b,c\n1,2,3\n"));
    }

    [Fact]
    public void Read_EmptyFields_AreKept()
    {
        Assert.Equal([["", "", ""], ["x", ""]], Fields(",,\nx,\n"));
    }

    [Fact]
    public void Read_QuotedField_KeepsDelimitersAndDoubledQuotes()
    {
        Assert.Equal([["a,b", "say \"hi\"", ""]], Fields("\"a,b\",\"say \"\"hi\"\"\",\"\""));
    }

    [Fact]
    public void Read_QuotedLineBreaks_KeptAsWrittenAndCountedAsLines()
    {
        var records = Read("id,text\n1,\"two\r\nlines\"\n2,\"bare\rcr\"\n3,x\n");
        Assert.Equal("two\r\nlines", records[1][1]);
        Assert.Equal("bare\rcr", records[2][1]);
        Assert.Equal([1, 2, 4, 6], records.Select(r => r.Line));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void Read_LineEndings_EachEndsARecord(string newline)
    {
        var records = Read(string.Join(newline, "a,b", "c,d", "e,f"));
        Assert.Equal([["a", "b"], ["c", "d"], ["e", "f"]], records.Select(r => r.Fields.ToArray()));
        Assert.Equal([1, 2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_CrLfAcrossBufferBoundary_IsOneLineBreak()
    {
        // The reader's buffer holds 64 Ki characters: put the CR at its end and the LF at the start of the next fill.
        string first = new('x', 64 * 1024 - 1);
        var records = new CsvReader(new StringReader(first + "\r\nsecond\r\n"), limits: new ImportLimits { MaxCellLength = 64 * 1024 }).ReadAll().ToList();
        Assert.Equal([1, 2], records.Select(r => r.Line));
        Assert.Equal("second", records[1][0]);
    }

    [Fact]
    public void Read_BlankLines_AreSkippedButCounted()
    {
        var records = Read("a\n\n\r\n\rb\n");
        Assert.Equal(["a", "b"], records.Select(r => r[0]));
        Assert.Equal([1, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Read_QuoteInsideUnquotedField_IsText()
    {
        Assert.Equal([["5\" gun", "x"]], Fields("5\" gun,x"));
    }

    [Fact]
    public void Read_UnclosedQuote_ThrowsWithTheLineItOpensOn()
    {
        var e = Assert.Throws<CsvFormatException>(() => Read("a,b\nc,\"open\nstill open\n"));
        Assert.Equal(2, e.Line);
    }

    [Fact]
    public void Read_TextAfterClosingQuote_Throws()
    {
        var e = Assert.Throws<CsvFormatException>(() => Read("a\n\"quoted\"tail,b\n"));
        Assert.Equal(2, e.Line);
        Assert.Contains("closing quote", e.Message);
    }

    [Fact]
    public void Read_NoCharacterStartsAComment_AndTheDelimiterIsNeverGuessed()
    {
        Assert.Equal([["#a", "b"], ["c;d", "e"]], Fields("#a,b\nc;d,e\n"));
    }

    [Fact]
    public void Read_LineStartingWithNul_IsAnErrorAtItsLine_NotSkipped()
    {
        var e = Assert.Throws<CsvFormatException>(() => Read("a,b\n\0c,d\ne,f\n"));
        Assert.Equal(2, e.Line);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200)]
    public void Read_RecordLongerThanTheLimit_IsRefusedAtItsLine_EvenBelowTheBufferMinimum(int limit)
    {
        string text = "short\n" + new string('x', limit + 1) + "\n";
        var e = Assert.Throws<CsvFormatException>(() => new CsvReader(new StringReader(text), limits: new ImportLimits { MaxLineLength = limit }).ReadAll().ToList());
        Assert.Equal((2, DataRule.LimitExceeded), (e.Line, e.Rule));
        Assert.Equal(2, new CsvReader(new StringReader("short\n" + new string('x', limit) + "\n"), limits: new ImportLimits { MaxLineLength = limit }).ReadAll().Count());
    }

    [Fact]
    public void Read_LineNumbers_CountBreaksInQuotedFieldsOfEveryKind()
    {
        var records = Read("a,\"1\r\n2\r3\n4\"\n\nb,\"\"\"\n\"\"\"\r\nc\n");
        Assert.Equal([1, 6, 8], records.Select(r => r.Line));
        Assert.Equal("1\r\n2\r3\n4", records[0][1]);
        Assert.Equal("\"\n\"", records[1][1]);
    }

    [Fact]
    public void Read_OtherDelimiter_IsUsed()
    {
        var record = Assert.Single(new CsvReader(new StringReader("a,b;c"), ';').ReadAll());
        Assert.Equal(["a,b", "c"], record.Fields);
    }

    [Fact]
    public void Open_ByteOrderMark_DecidesTheEncoding()
    {
        using var file = new TempFile("Göteborg,x\n", Encoding.UTF8);
        using var reader = CsvReader.Open(file.Path, TextEncodings.Windows1252);
        Assert.Equal("Göteborg", Assert.Single(reader.ReadAll())[0]);
    }

    [Fact]
    public void Open_BareCrFile_ReadsEveryRecord()
    {
        using var reader = CsvReader.Open(RawData.Fixture("cow-country-codes-sample.csv"), Encoding.ASCII);
        var records = reader.ReadAll().ToList();
        Assert.Equal(4, records.Count);
        Assert.Equal(["BBB", "2", "Other, Testland"], records[3].Fields);
        Assert.Equal(4, records[3].Line);
    }

    [Fact]
    public void Open_Windows1252_DecodesLatinLetters()
    {
        using var reader = CsvReader.Open(RawData.Fixture("sipri-trade-register-sample.csv"), TextEncodings.Windows1252);
        var row = reader.ReadAll().Single(r => r.Line == 14);
        Assert.Equal("Göta test radar", row[6]);
    }

    [Fact]
    public void Row_Numbers_AreReadInTheInvariantCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var issues = new CsvIssues("test.csv");
            var row = new CsvRow(Read("1.5,-9,2024,0.25")[0], issues);
            Assert.Equal(1.5m, row.Decimal(new CsvColumn(0, "a")));
            Assert.Equal(-9, row.Integer(new CsvColumn(1, "b")));
            Assert.Equal(2024, row.Year(new CsvColumn(2, "c")));
            Assert.Equal(0.25m, row.Decimal(new CsvColumn(3, "d")));
            Assert.Equal(0, issues.Count);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Row_MalformedValues_AreReportedWithLineAndColumn()
    {
        var issues = new CsvIssues("test.csv");
        var row = new CsvRow(Read("\n\n1,5x,,-2,1700")[0], issues);
        Assert.Null(row.Decimal(new CsvColumn(1, "value")));
        Assert.Null(row.RequiredText(new CsvColumn(2, "name")));
        Assert.Null(row.Count(new CsvColumn(3, "number")));
        Assert.Null(row.Year(new CsvColumn(4, "year")));
        var e = Assert.Throws<DefenseCoopDataException>(issues.ThrowIfAny);
        Assert.Equal(
            [("value", DataRule.InvalidValue), ("name", DataRule.MissingValue), ("number", DataRule.InvalidValue), ("year", DataRule.InvalidValue)],
            e.Issues.Select(i => (i.Path, i.Rule)));
        Assert.All(e.Issues, i => Assert.Equal((3, "test.csv"), (i.Line!.Value, i.File)));
    }
}

/// <summary>A file in the temporary folder, deleted on dispose, for tests of files too small to be fixtures.</summary>
internal sealed class TempFile : IDisposable
{
    /// <summary>Writes <paramref name="text"/> as <see cref="File.WriteAllText(string, string?, Encoding)"/> would: with the encoding's byte-order mark, if it has one.</summary>
    public TempFile(string text, Encoding? encoding = null)
        : this(Bytes(text, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: false))) { }

    public TempFile(byte[] bytes, string extension = ".csv")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"defensecoop-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(Path, bytes);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);

    private static byte[] Bytes(string text, Encoding encoding) => [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
}
