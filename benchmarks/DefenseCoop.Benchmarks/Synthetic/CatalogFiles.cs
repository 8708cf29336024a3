using System.Diagnostics;
using System.Security.Cryptography;

namespace DefenseCoop.Benchmarks.Synthetic;

/// <summary>
/// Synthetic catalogs written once per size as data files in a cache folder outside the repository
/// (<c>$DEFENSECOOP_BENCH_CACHE</c>, or <c>defensecoop-benchmarks</c> in the temp folder) and reused.
/// </summary>
/// <remarks>
/// The file is what <see cref="DefenseCoopCatalog.Save"/> writes for the bundled release plus the
/// generated records, so loading it exercises exactly the library's own reader. Its name carries the
/// size, seed, generator version and a hash of the bundled data, so a change to any of them makes a new file.
/// </remarks>
public static class CatalogFiles
{
    /// <summary>
    /// The floor the load benchmarks compare against: reads the file and parses it into a
    /// <see cref="System.Text.Json.JsonDocument"/>, which tokenizes the bytes and builds nothing.
    /// </summary>
    /// <returns>The number of agreements, so that the work cannot be skipped.</returns>
    public static int ParseWithJsonDocument(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(path), new System.Text.Json.JsonDocumentOptions { MaxDepth = 64 });
        return document.RootElement.GetProperty("agreements").GetArrayLength();
    }

    /// <summary>Limits large enough for the 1M file; the defaults stop at 64 MiB.</summary>
    public static readonly DataLimits Limits = new() { MaxFileBytes = int.MaxValue - 1024 };

    /// <summary>Gets the cache folder.</summary>
    public static string Folder =>
        Environment.GetEnvironmentVariable("DEFENSECOOP_BENCH_CACHE") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "defensecoop-benchmarks");

    private static readonly Lazy<string> BundledHash = new(() =>
    {
        using var stream = DefenseCoopCatalog.OpenResource("DefenseCoop.Data.defensecoop.json")
            ?? throw new InvalidOperationException("The bundled data file is missing.");
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..12];
    });

    /// <summary>The path of the data file of <paramref name="agreements"/> agreements, generating it first if it is not cached.</summary>
    public static string Ensure(int agreements, int seed = SyntheticCatalog.DefaultSeed)
    {
        string path = PathFor(agreements, seed);
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Folder);
        var timing = Generate(agreements, seed, path);
        Console.Error.WriteLine($"// generated {path}: {timing}");
        File.WriteAllText(path + ".timing.txt", timing.ToString());
        return path;
    }

    /// <summary>The path of the cached data file of <paramref name="agreements"/> agreements, whether or not it exists yet.</summary>
    public static string PathFor(int agreements, int seed = SyntheticCatalog.DefaultSeed) =>
        Path.Combine(Folder, $"catalog-{agreements}-s{seed}-g{SyntheticCatalog.GeneratorVersion}-{BundledHash.Value}.json");

    /// <summary>How long each step of generating a file took.</summary>
    public sealed record Timing(int Agreements, TimeSpan Records, TimeSpan Build, TimeSpan Save, long Bytes)
    {
        /// <inheritdoc/>
        public override string ToString() =>
            $"{Agreements:N0} agreements: records {Records.TotalSeconds:F1} s, AddRecords+Build (validate, index) {Build.TotalSeconds:F1} s, Save {Save.TotalSeconds:F1} s, {Bytes / 1048576.0:F0} MiB";
    }

    /// <summary>Generates the records, builds the catalog through the public builder and saves it to <paramref name="path"/>.</summary>
    public static Timing Generate(int agreements, int seed, string path)
    {
        var clock = Stopwatch.StartNew();
        var records = SyntheticCatalog.Generate(agreements, seed);
        var recordsTime = clock.Elapsed;

        clock.Restart();
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(records, "synthetic").Build();
        var buildTime = clock.Elapsed;

        clock.Restart();
        // Written beside the final name and moved into place, so a reader never sees half a file.
        string temporary = $"{path}.{Environment.ProcessId}.tmp";
        using (var stream = File.Create(temporary)) catalog.Save(stream);
        File.Move(temporary, path, overwrite: true);
        var saveTime = clock.Elapsed;
        return new Timing(agreements, recordsTime, buildTime, saveTime, new FileInfo(path).Length);
    }
}
