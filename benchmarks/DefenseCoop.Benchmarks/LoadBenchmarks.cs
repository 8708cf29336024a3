using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using DefenseCoop.Benchmarks.Synthetic;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// Building a catalog from a data file (<see cref="DefenseCoopCatalog.LoadFile"/>: read, parse, validate,
/// index) against the floor for reading the same bytes, <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
/// of the file. Warm: each iteration loads the file again in a process that has already done it. The
/// setup also records the memory the loaded catalog holds per agreement (the Held/agreement column).
/// </summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private string _path = null!;

    /// <summary>Gets the catalog sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values;

    /// <summary>Gets or sets the number of generated agreements.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Agreements { get; set; }

    /// <summary>Finds (or generates) the file and measures what a loaded catalog holds.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = CatalogFiles.Ensure(Agreements);
        MemoryPerAgreement.Record(Agreements);
    }

    /// <summary>Reads the file and parses it into a <see cref="JsonDocument"/>: the floor.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentParse() => CatalogFiles.ParseWithJsonDocument(_path);

    /// <summary>Loads the catalog from the file.</summary>
    [Benchmark]
    public DefenseCoopCatalog LoadFile() => DefenseCoopCatalog.LoadFile(_path, CatalogFiles.Limits);
}

/// <summary>
/// The same two reads, each the first call in a fresh process (<see cref="RunStrategy.ColdStart"/>, one
/// iteration per launch, five launches): what a program pays on first use, JIT and type loading included.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ColdStartJob))]
public class ColdStartBenchmarks
{
    private string _path = null!;

    /// <summary>Gets the catalog sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values;

    /// <summary>Gets or sets the number of generated agreements.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Agreements { get; set; }

    /// <summary>Finds (or generates) the file; loads nothing.</summary>
    [GlobalSetup]
    public void Setup() => _path = CatalogFiles.Ensure(Agreements);

    /// <summary>First parse of the file into a <see cref="JsonDocument"/>.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentParse() => CatalogFiles.ParseWithJsonDocument(_path);

    /// <summary>First load of the catalog from the file.</summary>
    [Benchmark]
    public DefenseCoopCatalog LoadFile() => DefenseCoopCatalog.LoadFile(_path, CatalogFiles.Limits);
}

