using System.Text.Json;
using DefenseCoop.Data;
using NodaTime.Text;

namespace DefenseCoop.DataCompiler;

/// <summary>
/// Compiles the curated and imported files under a data directory into the single release file the
/// library embeds: validated as one body of data, sorted by id, written the same way every time.
/// </summary>
public static class ReleaseCompiler
{
    /// <summary>The release file's path relative to the data directory.</summary>
    public const string OutputFile = "defensecoop.json";

    /// <summary>The snapshot's path relative to the data directory: the compact form of the release the library reads at start.</summary>
    public const string SnapshotFile = "defensecoop.snapshot";

    private static readonly string[] InputFolders = ["curated", "imports"];

    /// <summary>Compiles <paramref name="dataDirectory"/> and returns the release file's bytes.</summary>
    /// <exception cref="DefenseCoopDataException">Any input is invalid; lists every problem.</exception>
    public static byte[] Compile(string dataDirectory) => Compile(dataDirectory, []);

    /// <summary>Compiles the curated files with the given import files in place of those under <c>data/imports/</c>.</summary>
    internal static byte[] Compile(string dataDirectory, params (string File, byte[] Content)[] imports)
    {
        var (version, released) = ReadRelease(Path.Combine(dataDirectory, "release.json"));
        IEnumerable<(string File, byte[] Content)> Files(string folder) =>
            Directory.Exists(Path.Combine(dataDirectory, folder))
                ? Directory.EnumerateFiles(Path.Combine(dataDirectory, folder), "*.json", SearchOption.AllDirectories)
                    .Select(file => (Path.GetRelativePath(dataDirectory, file).Replace('\\', '/'), File.ReadAllBytes(file)))
                : [];
        var inputs = imports.Length > 0 ? Files("curated").Concat(imports) : InputFolders.SelectMany(Files);
        var fragments = inputs.OrderBy(f => f.File, StringComparer.Ordinal)
            .Select(f => DataFragment.Parse(f.File, f.Content, DataLimits.Default))
            .ToList();
        CountryMerger.Merge(fragments);
        DataValidator.ValidateFragments(fragments, version, released, DataLimits.Default);

        var merged = new DataFileDto
        {
            SchemaVersion = DataFragment.CurrentSchemaVersion,
            DataVersion = version.ToString(),
            Released = LocalDatePattern.Iso.Format(released),
            Sources = Merge(fragments, d => d.Sources, s => s!.Id),
            Countries = [.. Merge(fragments, d => d.Countries, c => c!.Code).Where(c => c?.MergedInto is null)],
            Organizations = Merge(fragments, d => d.Organizations, o => o!.Id),
            People = Merge(fragments, d => d.People, p => p!.Id),
            Systems = Merge(fragments, d => d.Systems, s => s!.Id),
            Agreements = Merge(fragments, d => d.Agreements, a => a!.Id),
            Spending = Merge(fragments, d => d.Spending, s => s!.Id),
            Trade = Merge(fragments, d => d.Trade, t => t!.Id),
            Events = Merge(fragments, d => d.Events, e => e!.Id),
        };
        byte[] bytes = Serialize(merged);
        // What the compiler writes, the library must read: load it back as a user would.
        DefenseCoopCatalog.LoadBytes(bytes, OutputFile, DataLimits.Default);
        return bytes;
    }

    /// <summary>
    /// The snapshot of a release file: the file loaded as a user would (full validation), written in the
    /// compact form, then read back and compared record for record, so that what ships is what the JSON says.
    /// </summary>
    /// <exception cref="InvalidDataException">The snapshot does not read back to the same catalog (a model field the snapshot misses).</exception>
    public static byte[] CompileSnapshot(byte[] release)
    {
        var content = DefenseCoopCatalog.LoadBytes(release, OutputFile, DataLimits.Default).Content;
        byte[] snapshot = Snapshot.Write(content);
        var read = Snapshot.TryRead(snapshot, OutputFile) ?? throw new InvalidDataException("The snapshot just written does not read back.");
        if (!ModelWriter.Serialize(ModelWriter.Write(read)).AsSpan().SequenceEqual(ModelWriter.Serialize(ModelWriter.Write(content))))
            throw new InvalidDataException("The snapshot reads back to a catalog that differs from the release file.");
        return snapshot;
    }

    /// <summary>Writes data in the file format, the same bytes for the same data.</summary>
    internal static byte[] Serialize(DataFileDto data) => ModelWriter.Serialize(data);

    private static List<T?> Merge<T>(List<DataFragment> fragments, Func<DataFileDto, List<T?>?> select, Func<T?, string?> id) =>
        [.. fragments.SelectMany(f => select(f.Dto) ?? []).OrderBy(id, StringComparer.Ordinal)];

    private static (DataVersion, NodaTime.LocalDate) ReadRelease(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        string Property(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new InvalidDataException($"{path}: '{name}' is required and must be a string.");
        return (DataVersion.Parse(Property("dataVersion")), LocalDatePattern.Iso.Parse(Property("released")).GetValueOrThrow());
    }
}
