using BenchmarkDotNet.Attributes;
using DefenseCoop.Benchmarks.Synthetic;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// A catalog built from records made in code, as <c>CreateBuilder().AddBundled().AddRecords(records).Build()</c>
/// makes it (and as an importer's records are built): the synthetic generator's records on top of the bundled
/// release, validated and indexed. <c>Default</c> is loaded and the records generated in setup.
/// </summary>
[MemoryDiagnoser]
public class RecordsBuildBenchmarks
{
    private CatalogRecords _records = null!;

    /// <summary>Gets the catalog sizes: 10k and 100k agreements, or those of <c>DEFENSECOOP_BENCH_SIZES</c>.</summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("DEFENSECOOP_BENCH_SIZES") is { Length: > 0 } ? BenchmarkSizes.Values : [10_000, 100_000];

    /// <summary>Gets or sets the number of generated agreements.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Agreements { get; set; }

    /// <summary>Generates the records and loads the bundled release.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ = DefenseCoopCatalog.Default;
        _records = SyntheticCatalog.Generate(Agreements);
    }

    /// <summary>The public builder: the bundled release and the records, validated and indexed.</summary>
    [Benchmark(Baseline = true)]
    public DefenseCoopCatalog AddRecords() =>
        DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(_records, "synthetic").Build();
}
