namespace DefenseCoop.Importers;

/// <summary>Adds SIPRI's Military Expenditure Database to a <see cref="DefenseCoopCatalogBuilder"/>.</summary>
public static class SipriMilexBuilderExtensions
{
    /// <summary>
    /// Imports the SIPRI military expenditure workbook at <paramref name="path"/> when the catalog is
    /// built; see <see cref="SipriMilexImporter"/>. Add the bundled release (or a data file with the
    /// countries) first: the importer resolves SIPRI's country names against it.
    /// </summary>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    public static DefenseCoopCatalogBuilder AddSipriMilex(this DefenseCoopCatalogBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddImporter(new SipriMilexImporter(path));
    }
}
