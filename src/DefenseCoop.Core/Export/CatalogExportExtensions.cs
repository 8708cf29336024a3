namespace DefenseCoop.Export;

/// <summary>Exports a whole catalog in one call; <see cref="CatalogExporter"/> exports query results and single tables.</summary>
public static class CatalogExportExtensions
{
    /// <summary>Writes every table of the catalog and the attribution file to a directory; see <see cref="CatalogExporter.WriteToDirectoryAsync"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="options"/> or <paramref name="progress"/> is null.</exception>
    /// <exception cref="RestrictedSourcesException">Rows cite restricted sources and the options do not say what to do with them; nothing was written.</exception>
    public static Task<ExportResult> ExportAsync(this DefenseCoopCatalog catalog, string directory, ExportFormat format, ExportOptions? options = null,
        IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        CatalogExporter.ForCatalog(catalog).WriteToDirectoryAsync(directory, format, options, progress, cancellationToken);
}
