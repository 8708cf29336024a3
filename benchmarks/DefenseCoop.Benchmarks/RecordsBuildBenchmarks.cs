using BenchmarkDotNet.Attributes;
using DefenseCoop.Benchmarks.Synthetic;
using DefenseCoop.Data;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// A catalog built from records made in code, as <c>CreateBuilder().AddBundled().AddRecords(records).Build()</c>
/// makes it (and as an importer's records are built): the synthetic generator's records on top of the bundled
/// release, validated and indexed. The baseline takes the detour the build took before the records were
/// checked as models: written to the file format's transfer objects (<see cref="ModelWriter"/>), then parsed
/// and checked as a file's records are. <c>Default</c> is loaded and the records generated in setup.
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

    /// <summary>Generates the records and loads the bundled release; checks that both ways build the same catalog.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ = DefenseCoopCatalog.Default;
        _records = SyntheticCatalog.Generate(Agreements);
        var (detour, models) = (ThroughTheFileFormat().Content, AddRecords().Content);
        if (!detour.Agreements.SequenceEqual(models.Agreements) || !detour.Trade.SequenceEqual(models.Trade) || !detour.Spending.SequenceEqual(models.Spending)
            || !detour.Events.SequenceEqual(models.Events) || !detour.Organizations.SequenceEqual(models.Organizations))
            throw new InvalidOperationException("The records built through the file format and as models differ.");
    }

    /// <summary>The detour: the records written to the file format's objects, then parsed and checked as a file's.</summary>
    [Benchmark(Baseline = true)]
    public DefenseCoopCatalog ThroughTheFileFormat() =>
        new(DataValidator.ValidateFiles([DataFragment.Bundled(), DataFragment.FromWrittenRecords("synthetic", ModelWriter.Write(CallerRecords.Owned(_records)))], DataLimits.Default));

    /// <summary>The public builder: the records checked as models.</summary>
    [Benchmark]
    public DefenseCoopCatalog AddRecords() =>
        DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(_records, "synthetic").Build();
}
