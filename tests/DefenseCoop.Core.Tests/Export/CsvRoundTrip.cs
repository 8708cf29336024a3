using DefenseCoop.Export;

namespace DefenseCoop.Tests.Export;

/// <summary>Exports a catalog as CSV to a temporary directory and reads the tables back.</summary>
internal static class CsvRoundTrip
{
    /// <summary>Exports every table of <paramref name="catalog"/>, lets <paramref name="tamper"/> change the files, and reads them back.</summary>
    public static ExportedRecords Run(DefenseCoopCatalog catalog, Action<string>? tamper = null) => Run(CatalogExporter.ForCatalog(catalog), tamper);

    /// <summary>Writes the tables of <paramref name="exporter"/>, lets <paramref name="tamper"/> change the files, and reads them back.</summary>
    public static ExportedRecords Run(CatalogExporter exporter, Action<string>? tamper = null)
    {
        string directory = Path.Combine(Path.GetTempPath(), "defensecoop-roundtrip-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            exporter.WriteToDirectoryAsync(directory, ExportFormat.Csv).GetAwaiter().GetResult();
            tamper?.Invoke(directory);
            return ExportReader.Read(directory);
        }
        finally
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
