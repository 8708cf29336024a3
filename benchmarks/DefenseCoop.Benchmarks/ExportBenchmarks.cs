using BenchmarkDotNet.Attributes;
using DefenseCoop.Benchmarks.Fixtures;
using DefenseCoop.Benchmarks.Synthetic;
using DefenseCoop.Export;
using DefenseCoop.Export.Parquet;
using DuckDB.NET.Data;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// Exports every agreement of a synthetic catalog (the agreements, agreement_parties,
/// agreement_status_changes and sources tables) to Parquet and to CSV, and reads the Parquet files back
/// with DuckDB: a count per kind and the fixed dyad's agreements, checked against the library in setup.
/// </summary>
/// <remarks>
/// Memory must stay flat with size: the export streams. The setup exports once more in each format,
/// collecting fully at every tenth of the rows, and prints the most the export held alive above the
/// loaded catalog, which benchmarks/README.md reports beside the time.
/// </remarks>
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private CatalogFixture _fixture = null!;
    private string _folder = null!;
    private string _parquet = null!;
    private long _catalogHeap;

    /// <summary>Gets the catalog sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values;

    /// <summary>Gets or sets the number of generated agreements.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Agreements { get; set; }

    /// <summary>Loads the catalog, exports it once for the read benchmark, and checks DuckDB's answers against the library's.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fixture = CatalogFixture.Get(Agreements);
        // One folder per size in the cache folder, emptied first: a setup without its cleanup leaves no more than one.
        _folder = Path.Combine(CatalogFiles.Folder, $"export-{Agreements}");
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        _parquet = Path.Combine(_folder, "read");
        Export(_parquet, ParquetFormat.Default);
        var catalog = _fixture.Catalog;
        long agreements = catalog.Agreements.Count(), dyad = catalog.Agreements.Between(_fixture.FixedA, _fixture.FixedB).Count();
        var (total, fixedDyad) = ReadBack_DuckDb();
        if (total != agreements || fixedDyad != dyad)
            throw new InvalidOperationException($"DuckDB read {total:N0} agreements and {fixedDyad} for the fixed dyad; the library has {agreements:N0} and {dyad}.");
        _catalogHeap = GC.GetTotalMemory(forceFullCollection: true);
        foreach (var format in new ExportFormat[] { ParquetFormat.Default, ExportFormat.Csv })
        {
            long peak = LiveHeapAboveCatalog(format);
            Console.WriteLine($"// Export {format.Name} at {Agreements:N0} agreements: live heap at most {peak / (1024.0 * 1024):N1} MiB above the loaded catalog's {_catalogHeap / (1024.0 * 1024):N0} MiB; process peak working set so far {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):N0} MiB");
        }
    }

    /// <summary>
    /// The most the export holds alive at once: the heap after a full collection, at every tenth of the rows
    /// written, less the heap the catalog holds. Flat with size when the export streams.
    /// </summary>
    private long LiveHeapAboveCatalog(ExportFormat format)
    {
        var catalog = _fixture.Catalog;
        long peak = 0, next = 0;
        var sampler = new Sampler(p =>
        {
            if (p.TotalRowsWritten < next) return;
            next = p.TotalRowsWritten + Math.Max(1, p.TotalRows / 10);
            peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - _catalogHeap);
        });
        CatalogExporter.ForAgreements(catalog, catalog.Agreements)
            .WriteToDirectoryAsync(Path.Combine(_folder, "probe-" + format.Name), format, new ExportOptions { ProgressInterval = 1_000 }, sampler)
            .GetAwaiter().GetResult();
        return peak;
    }

    /// <summary>Removes the files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    /// <summary>Every agreement to Parquet, streaming.</summary>
    [Benchmark]
    public long Export_Parquet() => Export(Path.Combine(_folder, "parquet"), ParquetFormat.Default);

    /// <summary>Every agreement to CSV, streaming.</summary>
    [Benchmark]
    public long Export_Csv() => Export(Path.Combine(_folder, "csv"), ExportFormat.Csv);

    /// <summary>DuckDB reads the exported Parquet: agreements per kind, and the fixed dyad's agreements through agreement_parties.</summary>
    [Benchmark]
    public (long Total, long FixedDyad) ReadBack_DuckDb()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        string agreements = Path.Combine(_parquet, "agreements.parquet"), parties = Path.Combine(_parquet, "agreement_parties.parquet");
        command.CommandText = $"""
            SELECT (SELECT CAST(sum(n) AS BIGINT) FROM (SELECT kind, count(*) AS n FROM read_parquet('{agreements}') GROUP BY kind)),
                   (SELECT count(*) FROM (SELECT agreement_id FROM read_parquet('{parties}') WHERE country_code IN ('{_fixture.FixedA}', '{_fixture.FixedB}')
                                          GROUP BY agreement_id HAVING count(DISTINCT country_code) = 2))
            """;
        using var reader = command.ExecuteReader();
        reader.Read();
        return (Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture));
    }

    private long Export(string folder, ExportFormat format)
    {
        var catalog = _fixture.Catalog;
        var result = CatalogExporter.ForAgreements(catalog, catalog.Agreements).WriteToDirectoryAsync(folder, format).GetAwaiter().GetResult();
        return result.Tables.Sum(t => t.Rows);
    }

    // Reports run on the exporting thread, so the sample sees the heap as the writer holds it.
    private sealed class Sampler(Action<ExportProgress> sample) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => sample(value);
    }
}
