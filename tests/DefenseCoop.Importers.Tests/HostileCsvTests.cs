using System.Text;
using DefenseCoop.Importers.Csv;
using static DefenseCoop.Importers.Tests.HostileFiles;

namespace DefenseCoop.Importers.Tests;

/// <summary>
/// CSV files broken or encoded in the ways real and hostile files are: each is refused with an issue
/// naming the file, the line and the rule, or, for an encoding, read as what it is.
/// </summary>
public sealed class HostileCsvTests
{
    private const string Register = "sipri-trade-register-sample.csv";
    private const string Nmc = "cow-nmc-sample.csv";

    [Fact]
    public void CowFigureTooLargeToScaleFromThousands_IsAnIssueAtItsLine()
    {
        using var file = new TempFile(CsvText(Nmc).ReplaceOnce("TUR,640,2015,12345,", "TUR,640,2015,79228162514264337593543950335,"));
        var issue = Single(Refusal(new CowNmcImporter(file.Path)), "milex", DataRule.InvalidValue);
        Assert.Equal((file.Path, 3), (issue.File, issue.Line!.Value));
        Assert.Contains("beyond the range", issue.Message);
    }

    // The sample's text in Windows-1252 with one byte put after the first occurrence of <paramref name="after"/>, and the line it is on.
    private static (byte[] Bytes, int Line) WithByte(string fixture, string after, byte inserted)
    {
        string text = CsvText(fixture);
        int at = text.IndexOf(after, StringComparison.Ordinal) + after.Length;
        var bytes = TextEncodings.Windows1252.GetBytes(text).ToList();
        bytes.Insert(TextEncodings.Windows1252.GetByteCount(text[..at]), inserted);
        return ([.. bytes], text[..at].Count(c => c == '\n') + 1);
    }

    [Theory]
    [InlineData((byte)0x00)]
    [InlineData((byte)0x81)]
    [InlineData((byte)0x9D)]
    [InlineData((byte)0x07)]
    public void ControlCharacterInADesignation_IsRefusedAtItsLine_NotMadeIntoAnId(byte inserted)
    {
        var (bytes, line) = WithByte(Register, "Bayraktar", inserted);
        using var file = new TempFile(bytes);
        var issue = Single(Refusal(new SipriArmsTransfersImporter(file.Path)), "Weapon designation", DataRule.InvalidValue);
        Assert.Equal((file.Path, line), (issue.File, issue.Line!.Value));
        Assert.Contains("U+00", issue.Message, StringComparison.Ordinal);
        Assert.Contains("position 10", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ControlCharacterInATivTablesParty_IsRefusedAtItsLine()
    {
        const string Tiv = "sipri-tiv-supplier-sample.csv";
        var (bytes, line) = WithByte(Tiv, "Tur", 0x81);
        using var file = new TempFile(bytes);
        var issue = Assert.Single(Refusal(new SipriArmsTransfersImporter(new SipriArmsTransfersFiles { SupplierTable = file.Path })));
        Assert.Equal((file.Path, line, DataRule.InvalidValue), (issue.File, issue.Line!.Value, issue.Rule));
        Assert.Contains("U+0081", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Directory_IsAnIssueNotAnAccessError()
    {
        string directory = Directory.CreateTempSubdirectory("defensecoop-").FullName;
        try
        {
            foreach (var importer in new IDataImporter[] { new CowNmcImporter(directory), new SipriArmsTransfersImporter(directory) })
            {
                var issue = Assert.Single(Refusal(importer));
                Assert.Equal((directory, "file", DataRule.InvalidValue), (issue.File, issue.Path, issue.Rule));
                Assert.Contains("directory", issue.Message);
            }
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void MissingFile_IsTheDocumentedFileNotFoundException()
    {
        string path = Path.Combine(Path.GetTempPath(), $"defensecoop-{Guid.NewGuid():N}.csv");
        Assert.Throws<FileNotFoundException>(() => Import(new SipriArmsTransfersImporter(path)));
        Assert.Throws<FileNotFoundException>(() => Import(new SipriMilexImporter(path)));
    }

    [Fact]
    public void TradeRegisterInUtf8WithoutByteOrderMark_IsReadAsUtf8_WithTheSameNamesAndIds()
    {
        string text = CsvText(Register);
        Assert.Contains("Göta", text);
        using var utf8 = new TempFile(text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        static List<(string, string?)> Deals(string path) =>
            [.. Import(new SipriArmsTransfersImporter(path)).Trade.OfKind(TradeKind.ArmsTransfer).Where(f => f.Deal is not null).Select(f => (f.Id.Value, f.Deal!.Comments)).OrderBy(d => d.Item1)];
        var fromUtf8 = Deals(utf8.Path);
        Assert.Equal(Deals(RawData.Fixture(Register)), fromUtf8);
        Assert.Contains(fromUtf8, d => d.Item2 == "For 2 Göteborg-class test ships");
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("utf-8")]
    public void ByteOrderMark_DecidesTheEncoding(string name)
    {
        using var file = new TempFile(CsvText(Register), Encoding.GetEncoding(name));
        Assert.Contains(Import(new SipriArmsTransfersImporter(file.Path)).Trade.OfKind(TradeKind.ArmsTransfer), f => f.Deal?.Designation == "Göta test radar");
    }

    [Fact]
    public void Windows1252Text_WithoutByteOrderMark_StaysWindows1252()
    {
        using var reader = CsvReader.Open(RawData.Fixture(Register), TextEncodings.Windows1252);
        Assert.Equal(1252, reader.Encoding!.CodePage);
    }

    [Fact]
    public void InvalidUtf8_InAUtf8Dataset_IsAnIssueNamingTheEncodingAndLine()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes(CsvText(Nmc)), .. "FIN,375,2017,3000,20,3000,40000,5500,1500,0.0015,2021 \xff\n"u8.ToArray()[..^3], 0xFF, (byte)'\n'];
        using var file = new TempFile(bytes);
        var issue = Single(Refusal(new CowNmcImporter(file.Path)), "file", DataRule.InvalidValue);
        Assert.Contains("utf-8", issue.Message);
        Assert.NotNull(issue.Line);
    }

    [Fact]
    public void UnclosedQuote_IsAnIssueAtTheLineOfItsRecord()
    {
        using var file = new TempFile(CsvText(Nmc) + "\nFIN,375,\"2017,3000,20\n");
        var issue = Single(Refusal(new CowNmcImporter(file.Path)), "file", DataRule.InvalidValue);
        Assert.Equal(9, issue.Line);
        Assert.Contains("closing quote", issue.Message);
    }

    [Fact]
    public void ManyLinesOfOneField_AreNotRejoinedWithoutEnd_SoTheTimeStaysLinear()
    {
        // A deal split by line breaks in its comments is rejoined; 100,000 lines of one field each must not
        // be rejoined into one ever-growing field (a million characters copied 100,000 times).
        var text = new StringBuilder(CsvText(Register));
        for (int i = 0; i < 100_000; i++) text.Append("xxxxxxxxxx\n");
        using var file = new TempFile(text.ToString(), TextEncodings.Windows1252);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var issues = Refusal(new SipriArmsTransfersImporter(file.Path));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The refusal took {clock.Elapsed}.");
        Assert.Equal((25, "row"), (issues[0].Line!.Value, issues[0].Path));
        Assert.Contains("16", issues[0].Message);
    }
}
