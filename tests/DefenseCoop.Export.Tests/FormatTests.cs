using System.Text;
using System.Text.Json;
using DefenseCoop.Export.Parquet;

namespace DefenseCoop.Export.Tests;

/// <summary>The text formats' rules, progress, cancellation, and the stable shape of the tables.</summary>
public sealed class FormatTests
{
    private static DefenseCoopCatalog WithAwkwardText() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords
    {
        Agreements =
        [
            new Agreement
            {
                Id = "test-awkward-text", Title = "A \"quoted\", comma-separated\r\nand multi-line title", Kind = AgreementKind.MemorandumOfUnderstanding,
                Parties = [new AgreementParty(CountryCode.Parse("TR"), null, PartyRole.Party), new AgreementParty(CountryCode.Parse("FI"), null, PartyRole.Party)],
                Place = "Ankara", Sources = ["nat-2025-06-04-turkiye-finland-defence-mou"],
            },
        ],
    }).Build();

    [Fact]
    public async Task Csv_QuotesWhereNeeded_KeepsNullsEmpty_AndReadsBackInDuckDb()
    {
        var catalog = WithAwkwardText();
        using var stream = new MemoryStream();
        var exporter = CatalogExporter.ForAgreements(catalog, catalog.Agreements.Between("TR", "FI"));
        await exporter.WriteTableAsync(ExportTables.Agreements, stream, ExportFormat.Csv, cancellationToken: TestContext.Current.CancellationToken);
        string csv = Encoding.UTF8.GetString(stream.ToArray());
        Assert.False(csv.StartsWith('\uFEFF'));
        Assert.StartsWith("agreement_id,kind,title,signed,signed_earliest,", csv, StringComparison.Ordinal);
        Assert.Contains("test-awkward-text,MemorandumOfUnderstanding,\"A \"\"quoted\"\", comma-separated\r\nand multi-line title\",,,,,Ankara,TR;FI,", csv, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);

        using var dir = new TempDirectory();
        await exporter.WriteToDirectoryAsync(dir.Path, ExportFormat.Csv, cancellationToken: TestContext.Current.CancellationToken);
        using var db = new DuckDb();
        var row = db.Query($"SELECT title, signed, place FROM {DuckDb.Table(dir.Path, "agreements", "csv")} WHERE agreement_id = 'test-awkward-text'").Single();
        Assert.Equal(["A \"quoted\", comma-separated\r\nand multi-line title", null, "Ankara"], row);
    }

    [Fact]
    public async Task JsonLines_WritesEveryColumn_WithNulls()
    {
        using var stream = new MemoryStream();
        var catalog = DefenseCoopCatalog.Default;
        var result = await CatalogExporter.ForTrade(catalog, catalog.Trade.From("FI").To("TR")).WriteTableAsync(ExportTables.TradeFlows, stream, ExportFormat.JsonLines, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Null(result.AttributionPath);
        Assert.Equal(["nat-2025-06-04-turkiye-finland-defence-mou"], result.Sources.Select(s => s.Source.Id.Value));
        Assert.Contains("### nat-2025-06-04-turkiye-finland-defence-mou", Attribution.Write(catalog, result), StringComparison.Ordinal);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(catalog.Trade.From("FI").To("TR").Count(), lines.Length);
        using var json = JsonDocument.Parse(lines[0]);
        Assert.Equal(ExportTables.TradeFlows.Columns.Select(c => c.Name), json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("order_year").ValueKind);
        Assert.Equal("FI", json.RootElement.GetProperty("exporter").GetString());
        Assert.Equal(12000m, json.RootElement.GetProperty("quantity").GetDecimal());
    }

    [Fact]
    public async Task Decimals_AreWrittenWithoutTrailingZeros_AndUnchanged()
    {
        var catalog = DefenseCoopCatalog.Default;
        var figure = catalog.Spending.Of("AL").FromPublisher("NATO").Measure(SpendingMeasure.CurrentUsd).Within(2014).Single();
        Assert.EndsWith("0", figure.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        string expected = figure.Value.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.JsonLines })
        {
            using var stream = new MemoryStream();
            await CatalogExporter.ForSpending(catalog, [figure]).WriteTableAsync(ExportTables.Spending, stream, format, cancellationToken: TestContext.Current.CancellationToken);
            string text = Encoding.UTF8.GetString(stream.ToArray());
            Assert.Contains(format == ExportFormat.Csv ? $",{expected}," : $"\"value\":{expected},", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Progress_CountsEveryRow_AndCancellationStopsAndDeletesThePartialFile()
    {
        var catalog = DefenseCoopCatalog.Default;
        var reports = new List<ExportProgress>();
        using var dir = new TempDirectory();
        var progress = new SynchronousProgress(reports.Add);
        var result = await catalog.ExportAsync(dir.Path, ExportFormat.Csv, new ExportOptions { ProgressInterval = 100 }, progress, TestContext.Current.CancellationToken);
        long total = result.Tables.Sum(t => t.Rows);
        Assert.Equal(total, reports[^1].TotalRows);
        Assert.Equal(total, reports[^1].TotalRowsWritten);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Contains(reports, r => r.Table == "spending" && r.RowsWritten == 100);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.TotalRowsWritten >= p.First.TotalRowsWritten));

        using var cancelled = new TempDirectory();
        using var cts = new CancellationTokenSource();
        var cancelling = new SynchronousProgress(p => { if (p.Table == "spending" && p.RowsWritten >= 200) cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            catalog.ExportAsync(cancelled.Path, ParquetFormat.Default, new ExportOptions { ProgressInterval = 100 }, cancelling, cts.Token));
        Assert.False(File.Exists(cancelled.File("spending.parquet")));
        Assert.False(File.Exists(cancelled.File(CatalogExporter.AttributionFileName)));
    }

    [Fact]
    public async Task Parquet_StreamsToAForwardOnlyStream()
    {
        var catalog = DefenseCoopCatalog.Default;
        using var dir = new TempDirectory();
        string path = dir.File("spending.parquet");
        await using (var file = File.Create(path))
        await using (var forwardOnly = new ForwardOnlyStream(file))
            await CatalogExporter.ForSpending(catalog, catalog.Spending.Of("FI")).WriteTableAsync(ExportTables.Spending, forwardOnly, new ParquetFormat(rowGroupSize: 100),
                cancellationToken: TestContext.Current.CancellationToken);
        using var db = new DuckDb();
        Assert.Equal(catalog.Spending.Of("FI").Count(), db.Scalar<long>($"SELECT count(*) FROM read_parquet('{path}')"));
        // Row groups of 100 rows: the writer held no more than that.
        Assert.True(db.Scalar<long>($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata('{path}')") > 1);
    }

    [Fact]
    public void Tables_HaveStableUniqueSnakeCaseColumns()
    {
        Assert.Equal(
            ["countries", "country_aliases", "country_memberships", "organizations", "systems", "agreements", "agreement_parties", "agreement_status_changes",
             "trade_flows", "trade_flow_delivery_years", "reported_values", "spending", "events", "people", "person_roles", "agreement_signatories",
             "event_participants", "notes", "sources"],
            ExportTables.All.Select(t => t.Name));
        foreach (var table in ExportTables.All)
        {
            Assert.Equal(table.Columns.Length, table.Columns.Select(c => c.Name).Distinct().Count());
            Assert.All(table.Columns, c => Assert.Matches("^[a-z][a-z0-9_]*$", c.Name));
            Assert.All(table.Columns, c => Assert.False(string.IsNullOrWhiteSpace(c.Description)));
        }
        Assert.Equal(["series_id", "country_code", "organization_id", "measure", "currency", "price_basis", "base_year", "component", "year", "value", "estimate", "uncertain", "source_id", "sources", "systems"],
            ExportTables.Spending.Columns.Select(c => c.Name));
        Assert.Equal(ExportColumnType.Decimal, ExportTables.Spending.Columns[ExportTables.Spending.Ordinal("value")].Type);
        Assert.Contains(ExportTables.TradeFlows.Columns, c => c.Name == "order_year" && c.Type == ExportColumnType.Int32);
    }

    [Fact]
    public void Docs_DescribeEveryColumn()
    {
        string? docs = null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null && docs is null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "docs", "export.md"))) docs = File.ReadAllText(Path.Combine(dir.FullName, "docs", "export.md"));
        Assert.NotNull(docs);
        foreach (var table in ExportTables.All)
        {
            Assert.Contains($"### {table.Name}", docs, StringComparison.Ordinal);
            foreach (var column in table.Columns)
                Assert.Contains($"| {column.Name} |", docs, StringComparison.Ordinal);
        }
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        private long _written;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            _written += count;
        }
    }

    private sealed class SynchronousProgress(Action<ExportProgress> report) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => report(value);
    }
}
