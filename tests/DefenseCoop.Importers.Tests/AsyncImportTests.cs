using System.IO.Compression;
using System.Text;
using DefenseCoop.Data;
using DefenseCoop.Importers.Csv;
using DefenseCoop.Importers.Xlsx;
using static DefenseCoop.Importers.Tests.HostileFiles;

namespace DefenseCoop.Importers.Tests;

/// <summary>
/// Each importer's <see cref="IDataImporter.ImportAsync"/> reads its files asynchronously and gives what
/// <see cref="IDataImporter.Import"/> gives: the same records, the same issues for a broken file, the same
/// exception for a missing one; and it stops with <see cref="OperationCanceledException"/> when its token is
/// cancelled, before or while reading, leaving nothing imported.
/// </summary>
public sealed class AsyncImportTests
{
    /// <summary>The importers, and for SIPRI's arms transfers each kind of file.</summary>
    public enum Kind { SipriMilex, Nato, TradeRegister, TivTable, Cow }

    public static TheoryData<Kind> Kinds => [.. Enum.GetValues<Kind>()];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // The bundled release holds NATO's 2024 edition, which the importer refuses to import twice.
    private static readonly Lazy<DefenseCoopCatalog> WithoutNato = new(() => DefenseCoopCatalog.LoadFile(NatoImporterTests.ReleaseWithoutNato.Value));

    private static IDataImporter Create(Kind kind, string path, ImportLimits? limits = null)
    {
        limits ??= ImportLimits.Default;
        return kind switch
        {
            Kind.SipriMilex => new SipriMilexImporter(path, limits),
            Kind.Nato => new NatoDefenceExpenditureImporter(path, limits),
            Kind.TradeRegister => new SipriArmsTransfersImporter(path, limits),
            Kind.TivTable => new SipriArmsTransfersImporter(new SipriArmsTransfersFiles { SupplierTable = path }, limits),
            Kind.Cow => new CowNmcImporter(path, limits),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private static string Sample(Kind kind) => RawData.Fixture(kind switch
    {
        Kind.SipriMilex => "sipri-milex-mini.xlsx",
        Kind.Nato => "nato-mini.xlsx",
        Kind.TradeRegister => "sipri-trade-register-sample.csv",
        Kind.TivTable => "sipri-tiv-supplier-sample.csv",
        _ => "cow-nmc-sample.csv",
    });

    private static string Malformed(Kind kind) => RawData.Fixture(kind switch
    {
        Kind.SipriMilex => "sipri-milex-malformed.xlsx",
        Kind.Nato => "nato-malformed.xlsx",
        Kind.TradeRegister => "sipri-trade-register-malformed.csv",
        Kind.TivTable => "sipri-tiv-supplier-malformed.csv",
        _ => "cow-nmc-malformed.csv",
    });

    private static string Real(Kind kind) => RawData.Require(kind switch
    {
        Kind.SipriMilex => "sipri-milex/SIPRI-Milex-data-1949-2024_2.xlsx",
        Kind.Nato => "nato-defence-expenditure/240617-def-exp-2024-TABLES-en.xlsx",
        Kind.TradeRegister => "sipri-arms-transfers/trade-register.csv",
        Kind.TivTable => "sipri-arms-transfers/supplier_1950-2023.csv",
        _ => "cow-nmc/NMC-60-abridged.csv",
    });

    private static DefenseCoopCatalog Base(Kind kind) => kind == Kind.Nato ? WithoutNato.Value : DefenseCoopCatalog.Default;

    private static ImportContext Context(Kind kind) => new(Base(kind));

    private static DefenseCoopCatalogBuilder Builder(Kind kind) =>
        kind == Kind.Nato ? DefenseCoopCatalog.CreateBuilder().AddFile(NatoImporterTests.ReleaseWithoutNato.Value) : DefenseCoopCatalog.CreateBuilder().AddBundled();

    /// <summary>The records as a data file would hold them, so that two imports compare by value.</summary>
    private static string Json(CatalogRecords records) => Encoding.UTF8.GetString(ModelWriter.Serialize(ModelWriter.Write(records)));

    private static byte[] Saved(DefenseCoopCatalog catalog)
    {
        using var stream = new MemoryStream();
        catalog.Save(stream);
        return stream.ToArray();
    }

    private static IReadOnlyList<DataIssue> IssuesOf(Action import) => Assert.Throws<DefenseCoopDataException>(import).Issues;

    private static async Task<IReadOnlyList<DataIssue>> IssuesOfAsync(Func<Task> import) => (await Assert.ThrowsAsync<DefenseCoopDataException>(import)).Issues;

    /// <summary>Requires that reading at once and asynchronously refuse the file with the same issues, and returns them.</summary>
    private static async Task<IReadOnlyList<DataIssue>> SameRefusal(Kind kind, string path, ImportLimits? limits = null)
    {
        var issues = IssuesOf(() => Create(kind, path, limits).Import(Context(kind)));
        Assert.Equal(issues, await IssuesOfAsync(async () => await Create(kind, path, limits).ImportAsync(Context(kind), Token)));
        return issues;
    }

    // ---- the same records ----

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ImportAsync_GivesTheRecordsOfImport(Kind kind)
    {
        var expected = Json(Create(kind, Sample(kind)).Import(Context(kind)));
        var records = await Create(kind, Sample(kind)).ImportAsync(Context(kind), Token);
        Assert.Equal(expected, Json(records));
        Assert.False(records.Spending.IsEmpty && records.Trade.IsEmpty);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task BuildAsync_WithTheImporter_GivesTheCatalogOfBuild(Kind kind)
    {
        var expected = Saved(Builder(kind).AddImporter(Create(kind, Sample(kind))).Build());
        var catalog = await Builder(kind).AddImporter(Create(kind, Sample(kind))).BuildAsync(Token);
        Assert.Equal(expected, Saved(catalog));
    }

    [Fact]
    public async Task ImportAsync_OfARegisterAndBothTables_GivesTheRecordsAndSummaryOfImport()
    {
        var files = new SipriArmsTransfersFiles
        {
            TradeRegister = Sample(Kind.TradeRegister),
            SupplierTable = Sample(Kind.TivTable),
            RecipientTable = RawData.Fixture("sipri-tiv-recipient-sample.csv"),
        };
        var atOnce = new SipriArmsTransfersImporter(files);
        var expected = Json(atOnce.Import(Context(Kind.TradeRegister)));
        var importer = new SipriArmsTransfersImporter(files);
        Assert.Equal(expected, Json(await importer.ImportAsync(Context(Kind.TradeRegister), Token)));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(atOnce.LastImport), System.Text.Json.JsonSerializer.Serialize(importer.LastImport));
    }

    [Fact]
    public async Task ImportAsync_OfCow_RecordsTheSummaryOfImport()
    {
        var atOnce = new CowNmcImporter(Sample(Kind.Cow));
        atOnce.Import(Context(Kind.Cow));
        var importer = new CowNmcImporter(Sample(Kind.Cow));
        await importer.ImportAsync(Context(Kind.Cow), Token);
        Assert.Equal(atOnce.LastImport, importer.LastImport);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ImportAsync_RealFile_GivesTheRecordsOfImport(Kind kind)
    {
        string path = Real(kind);
        var expected = Json(Create(kind, path).Import(Context(kind)));
        Assert.Equal(expected, Json(await Create(kind, path).ImportAsync(Context(kind), Token)));
    }

    // ---- the same issues ----

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ImportAsync_MalformedFile_GivesTheIssuesOfImport(Kind kind)
    {
        var issues = await SameRefusal(kind, Malformed(kind));
        Assert.All(issues, i => Assert.Equal(Malformed(kind), i.File));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ImportAsync_Directory_GivesTheIssueOfImport(Kind kind)
    {
        string directory = Directory.CreateTempSubdirectory("defensecoop-").FullName;
        try
        {
            Assert.Contains("directory", Assert.Single(await SameRefusal(kind, directory)).Message);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ImportAsync_OverALimit_GivesTheIssueOfImport(Kind kind)
    {
        var issue = Assert.Single(await SameRefusal(kind, Sample(kind), new ImportLimits { MaxRows = 3 }));
        Assert.Equal(DataRule.LimitExceeded, issue.Rule);
    }

    [Fact]
    public async Task ImportAsync_WorkbookFileOverMaxUncompressedBytes_IsRefusedBeforeItIsRead_AsByImport()
    {
        var issue = Assert.Single(await SameRefusal(Kind.SipriMilex, Sample(Kind.SipriMilex), new ImportLimits { MaxUncompressedBytes = 1000 }));
        Assert.Equal(("workbook", DataRule.LimitExceeded), (issue.Path, issue.Rule));
        Assert.Contains("ImportLimits.MaxUncompressedBytes", issue.Message);
    }

    [Fact]
    public async Task ImportAsync_MalformedSheetPart_GivesTheIssueOfImport()
    {
        using var file = WithPart("nato-mini.xlsx", "xl/worksheets/sheet1.xml", xml => xml.ReplaceOnce("</x:sheetData>", "<x:row></x:sheetData>"));
        var issue = Assert.Single(await SameRefusal(Kind.Nato, file.Path));
        Assert.StartsWith("part /xl/worksheets/", issue.Path);
    }

    [Theory]
    [InlineData("unclosed quote")]
    [InlineData("invalid UTF-8")]
    [InlineData("record too long")]
    public async Task ImportAsync_CsvBrokenPartWay_ListsTheProblemsOfTheRecordsBeforeIt_AsImportDoes(string breakage)
    {
        // Line 3's figure is not a number: an issue the parser finds before the reading stops at the end.
        // Valid rows after it carry the breakage beyond the first block of text the reader decodes.
        string rows = string.Concat(Enumerable.Repeat("\nFIN,375,2016,3000,20,3000,40000,5500,1500,0.0015,2021", 3000));
        byte[] text = Encoding.UTF8.GetBytes(CsvText("cow-nmc-sample.csv").ReplaceOnce("TUR,640,2015,12345,", "TUR,640,2015,lots,") + rows);
        byte[] end = breakage switch
        {
            "unclosed quote" => "\nFIN,375,\"2017,3000,20\n"u8.ToArray(),
            "invalid UTF-8" => [.. "\nFIN,375,2017,3000,20,3000,40000,5500,1500,0.0015,"u8, 0xFF, (byte)'\n'],
            _ => Encoding.UTF8.GetBytes("\nFIN,375,2017," + new string('9', 300) + "\n"),
        };
        using var file = new TempFile([.. text, .. end]);
        var issues = await SameRefusal(Kind.Cow, file.Path, new ImportLimits { MaxLineLength = 200 });
        Assert.Equal(2, issues.Count);
        Assert.Equal((3, "milex"), (issues[0].Line!.Value, issues[0].Path));
        Assert.Equal("file", issues[1].Path);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ImportAsync_MissingFile_IsAFileNotFoundExceptionNamingThePath_AsByImport(Kind kind)
    {
        string path = Path.Combine(Path.GetTempPath(), $"defensecoop-missing-{Guid.NewGuid():N}", kind == Kind.SipriMilex || kind == Kind.Nato ? "tables.xlsx" : "data.csv");
        var atOnce = Assert.Throws<FileNotFoundException>(() => Create(kind, path).Import(Context(kind)));
        var e = await Assert.ThrowsAsync<FileNotFoundException>(async () => await Create(kind, path).ImportAsync(Context(kind), Token));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Equal(atOnce.Message, e.Message);
    }

    [Fact]
    public async Task BuildAsync_MissingImporterFile_IsAFileNotFoundExceptionNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"defensecoop-missing-{Guid.NewGuid():N}.csv");
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddCowNmc(path).BuildAsync(Token));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    // ---- cancellation ----

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ImportAsync_CancelledToken_ThrowsBeforeReading(Kind kind)
    {
        var importer = Create(kind, Sample(kind));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await importer.ImportAsync(Context(kind), new CancellationToken(canceled: true)));
        AssertNothingImported(importer);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task ImportAsync_CancelledWhileReading_Throws_AndLeavesNothingImported(Kind kind)
    {
        using var file = Large(kind);
        var importer = Create(kind, file.Path);
        using var cancellation = new CancellationTokenSource();
        var import = importer.ImportAsync(Context(kind), cancellation.Token);
        // The file takes far longer to read than this takes to run: the token is cancelled while it is read.
        Assert.False(import.IsCompleted, "The import finished before it could be cancelled.");
        cancellation.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await import);
        AssertNothingImported(importer);
    }

    [Fact]
    public async Task BuildAsync_CancelledWhileAnImporterReads_Throws()
    {
        using var file = Large(Kind.Cow);
        var importer = new CowNmcImporter(file.Path);
        using var cancellation = new CancellationTokenSource();
        var build = DefenseCoopCatalog.CreateBuilder().AddBundled().AddImporter(new CancelWhenStarted(importer, cancellation)).BuildAsync(cancellation.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => build);
        Assert.Null(importer.LastImport);
    }

    [Fact]
    public async Task CsvReader_ReadAsync_StopsAtTheNextRecord_OnceCancelled()
    {
        string text = string.Concat(Enumerable.Repeat("FIN,375,2016,3000,20,3000,40000,5500,1500,0.0015,2021\n", 20_000));
        using var cancellation = new CancellationTokenSource();
        using var reader = new CsvReader(new CancellingOnSecondBlock(text, cancellation));
        int records = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await reader.ReadAsync(cancellation.Token) is not null) records++;
        });
        Assert.InRange(records, 1, 19_999);
    }

    [Fact]
    public async Task XlsxWorkbook_OpenedAsynchronously_StopsReadingASheet_OnceCancelled()
    {
        string path = Sample(Kind.Nato);
        using var cancellation = new CancellationTokenSource();
        using var workbook = await XlsxWorkbook.OpenAsync(path, new WorkbookIssues(path), ImportLimits.Default, cancellation.Token);
        Assert.NotNull(workbook.ReadSheet(workbook.SheetNames[0]));
        cancellation.Cancel();
        Assert.Throws<OperationCanceledException>(() => workbook.ReadSheet(workbook.SheetNames[0]));
    }

    private static void AssertNothingImported(IDataImporter importer)
    {
        if (importer is CowNmcImporter cow) Assert.Null(cow.LastImport);
        if (importer is SipriArmsTransfersImporter arms) Assert.Null(arms.LastImport);
    }

    /// <summary>A file of the importer's kind, some megabytes long, so that reading it takes a while.</summary>
    private static TempFile Large(Kind kind)
    {
        if (kind is Kind.SipriMilex or Kind.Nato)
        {
            // A part of random bytes, stored: nothing reads it, but the file is read whole before parsing.
            byte[] filler = new byte[16 << 20];
            new Random(20_261_130).NextBytes(filler);
            return Workbook([.. Parts(Path.GetFileName(Sample(kind))), ("xl/media/filler.xml", filler)], CompressionLevel.NoCompression);
        }
        (string fixture, string row, Encoding encoding) = kind switch
        {
            Kind.TradeRegister => ("sipri-trade-register-sample.csv", "Kazakhstan,Turkiye,2019,?,4,,Bayraktar TB2,armed UAV,2,?,2020; 2021,New,Invented row for tests,2.4,9.6,4.8\n", TextEncodings.Windows1252),
            Kind.TivTable => ("sipri-tiv-supplier-sample.csv", ",2,,Sweden,,,7,,,7,3.5%,\n", TextEncodings.Windows1252),
            _ => ("cow-nmc-sample.csv", "FIN,375,2016,3000,20,3000,40000,5500,1500,0.0015,2021\n", Encoding.UTF8),
        };
        var text = new StringBuilder(CsvText(fixture)).Append('\n');
        for (int i = 0; i < 300_000; i++) text.Append(row);
        return new TempFile(text.ToString(), encoding);
    }

    /// <summary>Runs an importer and cancels the build's token once its reading has started.</summary>
    private sealed class CancelWhenStarted(IDataImporter importer, CancellationTokenSource cancellation) : IDataImporter
    {
        public string Name => importer.Name;

        public CatalogRecords Import(ImportContext context) => throw new InvalidOperationException("BuildAsync runs ImportAsync.");

        public ValueTask<CatalogRecords> ImportAsync(ImportContext context, CancellationToken cancellationToken)
        {
            var import = importer.ImportAsync(context, cancellationToken);
            Assert.False(import.IsCompleted, "The import finished before it could be cancelled.");
            cancellation.Cancel();
            return import;
        }
    }

    /// <summary>Text that cancels a token as it hands out its second block, as if the user cancelled while the file was read.</summary>
    private sealed class CancellingOnSecondBlock(string text, CancellationTokenSource cancellation) : TextReader
    {
        private readonly StringReader _text = new(text);
        private int _blocks;

        public override int Read(Span<char> buffer) => Deliver(_text.Read(buffer));

        public override int Read(char[] buffer, int index, int count) => Deliver(_text.Read(buffer, index, count));

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Deliver(_text.Read(buffer.Span)));

        public override Task<int> ReadAsync(char[] buffer, int index, int count) => Task.FromResult(Deliver(_text.Read(buffer, index, count)));

        private int Deliver(int read)
        {
            if (++_blocks == 2) cancellation.Cancel();
            return read;
        }
    }
}
