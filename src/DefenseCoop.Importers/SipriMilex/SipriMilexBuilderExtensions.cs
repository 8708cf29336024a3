namespace DefenseCoop.Importers;

/// <summary>Adds SIPRI's Military Expenditure Database to a <see cref="DefenseCoopCatalogBuilder"/>, made by <see cref="DefenseCoopCatalog.CreateBuilder"/> or configured by a dependency-injection registration (<c>services.AddDefenseCoop(catalog => ...)</c>).</summary>
public static class SipriMilexBuilderExtensions
{
    /// <summary>
    /// Imports the SIPRI military expenditure workbook at <paramref name="path"/> when the catalog is
    /// built; see <see cref="SipriMilexImporter"/>. Add the bundled release (or a data file with the
    /// countries) first: the importer resolves SIPRI's country names against it.
    /// </summary>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static DefenseCoopCatalogBuilder AddSipriMilex(this DefenseCoopCatalogBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddImporter(new SipriMilexImporter(path));
    }

    /// <summary>Like <see cref="AddSipriMilex(DefenseCoopCatalogBuilder, string)"/>, refusing a workbook beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The workbook; read when the catalog is built.</param>
    /// <param name="limits">The bounds on the workbook's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static DefenseCoopCatalogBuilder AddSipriMilex(this DefenseCoopCatalogBuilder builder, string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddImporter(new SipriMilexImporter(path, limits));
    }
}
