using System.IO.Compression;

namespace DefenseCoop.DataCompiler;

/// <summary>
/// Every published release's data file, kept under <c>data/releases/</c> as <c>VERSION.json.gz</c>, so
/// that two releases can be compared by version (<c>diff 2026.1 2026.3</c>) and a user can answer
/// "why did this number change?" from the repository alone. The compiler adds the release it compiles.
/// </summary>
public static class ReleaseHistory
{
    /// <summary>The folder of published releases, inside the data folder.</summary>
    public const string Folder = "releases";

    // Releases can be larger than the loader's default limit.
    private static readonly DataLimits Limits = new() { MaxFileBytes = int.MaxValue - 1024 };

    /// <summary>The path of the kept file of <paramref name="version"/>.</summary>
    public static string PathOf(string dataDirectory, DataVersion version) => Path.Combine(dataDirectory, Folder, $"{version}.json.gz");

    /// <summary>The versions kept, oldest first.</summary>
    public static IReadOnlyList<DataVersion> Versions(string dataDirectory)
    {
        string folder = Path.Combine(dataDirectory, Folder);
        if (!Directory.Exists(folder)) return [];
        return [.. Directory.EnumerateFiles(folder, "*.json.gz")
            .Select(f => DataVersion.TryParse(Path.GetFileName(f)[..^".json.gz".Length], out var v) ? v : (DataVersion?)null)
            .OfType<DataVersion>().Order()];
    }

    /// <summary>Writes <paramref name="release"/> (a compiled data file) as the kept file of its version, the same bytes for the same file.</summary>
    public static void Keep(string dataDirectory, DataVersion version, byte[] release)
    {
        Directory.CreateDirectory(Path.Combine(dataDirectory, Folder));
        using var output = new MemoryStream();
        // GZip without a file name or time stamp, so that the same release gives the same bytes.
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true)) gzip.Write(release);
        File.WriteAllBytes(PathOf(dataDirectory, version), output.ToArray());
    }

    /// <summary>
    /// Loads a release named by its version (<c>2026.1</c>: the kept file) or by the path of a data file
    /// (plain or <c>.gz</c>).
    /// </summary>
    /// <exception cref="FileNotFoundException">No file has that path and no release that version.</exception>
    public static DefenseCoopCatalog Load(string dataDirectory, string versionOrPath)
    {
        if (!File.Exists(versionOrPath) && DataVersion.TryParse(versionOrPath, out var version))
        {
            string kept = PathOf(dataDirectory, version);
            if (!File.Exists(kept))
                throw new FileNotFoundException($"No release {version} is kept in {Path.Combine(dataDirectory, Folder)}; the releases kept are: {string.Join(", ", Versions(dataDirectory))}.", kept);
            versionOrPath = kept;
        }
        if (!versionOrPath.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) return DefenseCoopCatalog.LoadFile(versionOrPath, Limits);
        using var gzip = new GZipStream(File.OpenRead(versionOrPath), CompressionMode.Decompress);
        return DefenseCoopCatalog.Load(gzip, Path.GetFileName(versionOrPath), Limits);
    }
}
