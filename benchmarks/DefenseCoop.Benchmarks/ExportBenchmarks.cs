using System.Collections.Concurrent;
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
/// Memory must stay flat with size: the export streams. Each run samples the managed heap at every
/// progress report (every 10,000 rows) and records its peak above the heap the loaded catalog holds; the
/// cleanup prints the largest, which benchmarks/README.md reports beside the time.
/// </remarks>
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private static readonly ConcurrentDictionary<(int Size, string Format), long> PeakAboveCatalog = new();
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
    }

    /// <summary>Prints the export's peak heap above the catalog and removes the files.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var ((size, format), peak) in PeakAboveCatalog.Where(p => p.Key.Size == Agreements).OrderBy(p => p.Key.Format, StringComparer.Ordinal))
            Console.WriteLine($"// Export {format} at {size:N0} agreements: peak managed heap {peak / (1024.0 * 1024):N1} MiB above the loaded catalog ({_catalogHeap / (1024.0 * 1024):N0} MiB)");
        Console.WriteLine($"// Peak working set of the process (loading the catalog included): {Environment.WorkingSet / (1024.0 * 1024):N0} MiB now, {System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024):N0} MiB at most");
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
        long peak = 0;
        var progress = new Sampler(() => peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false)));
        var result = CatalogExporter.ForAgreements(catalog, catalog.Agreements).WriteToDirectoryAsync(folder, format, progress: progress).GetAwaiter().GetResult();
        if (_catalogHeap > 0) PeakAboveCatalog.AddOrUpdate((Agreements, format.Name), Math.Max(0, peak - _catalogHeap), (_, old) => Math.Max(old, peak - _catalogHeap));
        return result.Tables.Sum(t => t.Rows);
    }

    // Reports run on the exporting thread, so the sample sees the heap as the writer holds it.
    private sealed class Sampler(Action sample) : IProgress<ExportProgress>
    {
        public void Report(ExportProgress value) => sample();
    }
}
