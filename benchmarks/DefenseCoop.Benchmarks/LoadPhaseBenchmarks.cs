using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DefenseCoop.Benchmarks.Synthetic;
using DefenseCoop.Data;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// Where the time of <see cref="DefenseCoopCatalog.LoadFile"/> goes, phase by phase, against
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> of the same bytes, with two
/// floors below any loader: reading every token, and keeping every string value as a .NET string (what
/// records that hold their text must at least do). The phases are the loader's own: checking and
/// deserializing the bytes, validating and mapping every record (from a file parsed in setup), and
/// building the indexes and lookups (from records validated in setup).
/// </summary>
[MemoryDiagnoser]
public class LoadPhaseBenchmarks
{
    private string _path = null!;
    private DataFragment _fragment = null!;
    private CatalogContent _content = null!;

    /// <summary>Gets the catalog sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values;

    /// <summary>Gets or sets the number of generated agreements.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Agreements { get; set; }

    /// <summary>Finds (or generates) the file, and parses and validates it once for the later phases.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _path = CatalogFiles.Ensure(Agreements);
        _fragment = DataFragment.Parse(_path, File.ReadAllBytes(_path), CatalogFiles.Limits);
        _content = DataValidator.ValidateFile(_fragment, strict: false, CatalogFiles.Limits);
    }

    /// <summary>Reads the file and parses it into a <see cref="JsonDocument"/>, as <see cref="LoadBenchmarks"/> does.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentParse() => CatalogFiles.ParseWithJsonDocument(_path);

    /// <summary>Floor: reads the file and every token with a <see cref="Utf8JsonReader"/>, keeping nothing.</summary>
    [Benchmark]
    public int ReadTokens()
    {
        var reader = new Utf8JsonReader(File.ReadAllBytes(_path), new JsonReaderOptions { MaxDepth = 64 });
        int tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }

    /// <summary>Floor: reads the file and keeps every string value as a .NET string.</summary>
    [Benchmark]
    public int ReadStrings()
    {
        var reader = new Utf8JsonReader(File.ReadAllBytes(_path), new JsonReaderOptions { MaxDepth = 64 });
        var strings = new List<string>();
        while (reader.Read())
            if (reader.TokenType == JsonTokenType.String) strings.Add(reader.GetString()!);
        return strings.Count;
    }

    /// <summary>Phase 1: reads the file, checks its bytes and deserializes it into the format's transfer objects.</summary>
    [Benchmark]
    public object Parse() => DataFragment.Parse(_path, File.ReadAllBytes(_path), CatalogFiles.Limits);

    /// <summary>Phase 2: validates the parsed file and maps every record to the model.</summary>
    [Benchmark]
    public object Validate() => DataValidator.ValidateFile(_fragment, strict: false, CatalogFiles.Limits);

    /// <summary>Phase 3: builds the indexes and lookups from the validated records.</summary>
    [Benchmark]
    public DefenseCoopCatalog Index() => new(_content);

    /// <summary>All three: <see cref="DefenseCoopCatalog.LoadFile"/>.</summary>
    [Benchmark]
    public DefenseCoopCatalog LoadFile() => DefenseCoopCatalog.LoadFile(_path, CatalogFiles.Limits);
}
