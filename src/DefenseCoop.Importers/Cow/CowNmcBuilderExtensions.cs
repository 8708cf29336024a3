namespace DefenseCoop.Importers;

/// <summary>Adds the Correlates of War National Material Capabilities data set to a <see cref="DefenseCoopCatalogBuilder"/>, made by <see cref="DefenseCoopCatalog.CreateBuilder"/> or configured by a dependency-injection registration (<c>services.AddDefenseCoop(catalog => ...)</c>).</summary>
public static class CowNmcBuilderExtensions
{
    /// <summary>Adds military expenditure and personnel from an NMC v6.0 CSV file; see <see cref="CowNmcImporter"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file (e.g. <c>NMC-60-abridged.csv</c>); read when the catalog is built.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static DefenseCoopCatalogBuilder AddCowNmc(this DefenseCoopCatalogBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddImporter(new CowNmcImporter(path));
    }

    /// <summary>Like <see cref="AddCowNmc(DefenseCoopCatalogBuilder, string)"/>, refusing a file beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file; read when the catalog is built.</param>
    /// <param name="limits">The bounds on the file's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static DefenseCoopCatalogBuilder AddCowNmc(this DefenseCoopCatalogBuilder builder, string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddImporter(new CowNmcImporter(path, limits));
    }
}
