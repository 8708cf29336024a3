using DefenseCoop.Data;

namespace DefenseCoop.DataCompiler.Import;

/// <summary>
/// Re-creates <c>data/imports/</c> from the public datasets that may be redistributed. Only this step
/// needs the raw files; the compiler builds the release from what it wrote, which is committed.
/// </summary>
public static class ImportStep
{
    /// <summary>Each imported file, by its path under <c>data/imports/</c>, and the bytes it should hold.</summary>
    public static IReadOnlyDictionary<string, byte[]> Run(string rawDirectory) => new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
    {
        ["countries.json"] = ReleaseCompiler.Serialize(CountryImport.Run(rawDirectory)),
    };
}
