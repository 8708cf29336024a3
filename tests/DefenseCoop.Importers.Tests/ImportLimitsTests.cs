using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DefenseCoop.Importers.Csv;
using static DefenseCoop.Importers.Tests.HostileFiles;

namespace DefenseCoop.Importers.Tests;

/// <summary>One test per limit: a small generated input just over it is refused early, with an issue naming where and which limit.</summary>
public sealed class ImportLimitsTests
{
    private const string Mini = "sipri-milex-mini.xlsx";

    [Fact]
    public void Defaults_AreDocumentedValues_AndZeroIsRefused()
    {
        var limits = ImportLimits.Default;
        Assert.Equal((64L << 20, 256L << 20, 100, 1_048_576, 32_767, 1 << 20),
            (limits.MaxPartBytes, limits.MaxUncompressedBytes, limits.MaxCompressionRatio, limits.MaxRows, limits.MaxCellLength, limits.MaxLineLength));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImportLimits { MaxRows = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImportLimits { MaxPartBytes = -1 });
        Assert.Throws<ArgumentNullException>(() => new SipriMilexImporter("x.xlsx", null!));
    }

    [Fact]
    public void ZipBomb_IsRefusedFromItsDirectory_BeforeAnythingIsInflated()
    {
        // 48 MiB of one repeated character (under the part limit) compress about 1,000 times.
        byte[] filler = new byte[48 << 20];
        filler.AsSpan().Fill((byte)' ');
        using var file = Workbook([.. Parts(Mini), ("xl/media/filler.xml", filler)], CompressionLevel.Optimal);
        filler = [];
        var clock = Stopwatch.StartNew();
        var issue = Single(Refusal(new SipriMilexImporter(file.Path)), "part /xl/media/filler.xml", DataRule.LimitExceeded);
        Assert.Contains("MaxCompressionRatio", issue.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The refusal took {clock.Elapsed}.");
    }

    [Fact]
    public void ZipDirectoryThatUnderstatesAPartsSize_GetsThePartCutShort_NotInflatedBeyondIt()
    {
        // The directory's sizes are what the limits check: a part that claims 100 bytes must not yield more.
        using var honest = WithPart(Mini, "xl/worksheets/sheet7.xml", xml => xml);
        byte[] bytes = File.ReadAllBytes(honest.Path);
        byte[] name = "xl/worksheets/sheet7.xml"u8.ToArray();
        int patched = 0;
        for (int at = 0; at + 46 < bytes.Length; at++)
        {
            // Local file header (PK 3 4): uncompressed size at +22, name at +30; central directory header (PK 1 2): at +24 and +46.
            bool local = bytes.AsSpan(at).StartsWith("PK\u0003\u0004"u8) && bytes.AsSpan(at + 30).StartsWith(name);
            bool central = bytes.AsSpan(at).StartsWith("PK\u0001\u0002"u8) && bytes.AsSpan(at + 46).StartsWith(name);
            if (!local && !central) continue;
            BitConverter.TryWriteBytes(bytes.AsSpan(at + (local ? 22 : 24), 4), 100u);
            patched++;
        }
        Assert.Equal(2, patched);
        using var lying = new TempFile(bytes, ".xlsx");
        var issue = Single(Refusal(new SipriMilexImporter(lying.Path)), "part /xl/worksheets/sheet7.xml", DataRule.InvalidValue);
        Assert.Contains("'Share of GDP'", issue.Message);
    }

    [Fact]
    public void MaxCompressionRatio_SpareSmallPartsButNotLargeOnes()
    {
        byte[] filler = new byte[2 << 20];
        filler.AsSpan().Fill((byte)'x');
        using var file = Workbook([.. Parts(Mini), ("xl/media/filler.xml", filler)], CompressionLevel.Optimal);
        var lenient = new SipriMilexImporter(file.Path, new ImportLimits { MaxCompressionRatio = 100_000 });
        Import(lenient); // the extra part is not read
        var issue = Single(Refusal(new SipriMilexImporter(file.Path, new ImportLimits { MaxCompressionRatio = 50 })), "part /xl/media/filler.xml", DataRule.LimitExceeded);
        Assert.Contains("ImportLimits.MaxCompressionRatio", issue.Message);
    }

    [Fact]
    public void MaxPartBytes_RefusesTheFirstPartOverIt()
    {
        var issue = Assert.Single(Refusal(new SipriMilexImporter(RawData.Fixture(Mini), new ImportLimits { MaxPartBytes = 3000 })));
        Assert.Equal(("part /xl/worksheets/sheet3.xml", DataRule.LimitExceeded), (issue.Path, issue.Rule));
        Assert.Contains("3,023 bytes", issue.Message);
    }

    [Fact]
    public void MaxUncompressedBytes_RefusesAtThePartThatCrossesIt()
    {
        var issue = Assert.Single(Refusal(new SipriMilexImporter(RawData.Fixture(Mini), new ImportLimits { MaxUncompressedBytes = 10_000 })));
        Assert.Equal(DataRule.LimitExceeded, issue.Rule);
        Assert.StartsWith("part /xl/", issue.Path);
        Assert.Contains("ImportLimits.MaxUncompressedBytes", issue.Message);
    }

    [Fact]
    public void MaxUncompressedBytes_BoundsACsvFile_BeforeItIsRead()
    {
        var issue = Assert.Single(Refusal(new CowNmcImporter(RawData.Fixture("cow-nmc-sample.csv"), new ImportLimits { MaxUncompressedBytes = 100 })));
        Assert.Equal(("file", DataRule.LimitExceeded, null), (issue.Path, issue.Rule, issue.Line));
        Assert.Contains("ImportLimits.MaxUncompressedBytes", issue.Message);
    }

    [Fact]
    public void MaxRows_OfASheet_StopsReadingIt()
    {
        var issue = Assert.Single(Refusal(new SipriMilexImporter(RawData.Fixture(Mini), new ImportLimits { MaxRows = 5 })));
        Assert.Equal(("'Local currency financial years'", DataRule.LimitExceeded), (issue.Path, issue.Rule));
    }

    [Fact]
    public void MaxCellLength_OfASheet_IsAnIssueAtTheCell()
    {
        var issues = Refusal(new SipriMilexImporter(RawData.Fixture(Mini), new ImportLimits { MaxCellLength = 40 }));
        var issue = Single(issues, "'Local currency financial years'!A2", DataRule.LimitExceeded);
        Assert.Equal(2, issue.Line);
        Assert.Contains("123 characters", issue.Message);
    }

    [Fact]
    public void MaxLineLength_RefusesALongLineWithoutBufferingIt()
    {
        // Four times the default limit, in a comment of the trade register.
        string text = CsvText("sipri-trade-register-sample.csv").ReplaceOnce("Invented row for tests", new string('x', 4 << 20));
        using var file = new TempFile(text, TextEncodings.Windows1252);
        long before = GC.GetTotalAllocatedBytes();
        var issue = Assert.Single(Refusal(new SipriArmsTransfersImporter(file.Path)));
        Assert.Equal((13, DataRule.LimitExceeded), (issue.Line!.Value, issue.Rule));
        Assert.Contains("ImportLimits.MaxLineLength", issue.Message);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 256L << 20, "Refusing the line allocated more than the line costs to read in blocks.");
    }

    [Fact]
    public void MaxCellLength_OfACsvField_IsRefusedAtItsLine()
    {
        var issue = Assert.Single(Refusal(new SipriArmsTransfersImporter(RawData.Fixture("sipri-trade-register-sample.csv"), new ImportLimits { MaxCellLength = 100 })));
        Assert.Equal((DataRule.LimitExceeded, 1), (issue.Rule, issue.Line!.Value));
        Assert.Contains("ImportLimits.MaxCellLength", issue.Message);
    }

    [Fact]
    public void MaxRows_OfACsvFile_StopsReadingIt()
    {
        var issue = Assert.Single(Refusal(new CowNmcImporter(RawData.Fixture("cow-nmc-sample.csv"), new ImportLimits { MaxRows = 4 })));
        Assert.Equal((DataRule.LimitExceeded, 5), (issue.Rule, issue.Line!.Value));
        Assert.Contains("ImportLimits.MaxRows", issue.Message);
    }

    [Fact]
    public void TooManyProblems_StopAtOneThousand()
    {
        var text = new StringBuilder("stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\n");
        for (int i = 0; i < 5000; i++) text.Append("TUR,640,").Append(1816 + i % 200).Append(",bad,1,1,1,1,1,0.1,2021\n");
        using var file = new TempFile(text.ToString());
        var issues = Refusal(new CowNmcImporter(file.Path));
        Assert.Equal(1001, issues.Count);
        Assert.Equal(DataRule.LimitExceeded, issues[^1].Rule);
    }
}
