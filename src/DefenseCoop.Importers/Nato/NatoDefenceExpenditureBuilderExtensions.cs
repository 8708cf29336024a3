namespace DefenseCoop.Importers;

/// <summary>Adds NATO's defence expenditure tables to a <see cref="DefenseCoopCatalogBuilder"/>, made by <see cref="DefenseCoopCatalog.CreateBuilder"/> or configured by a dependency-injection registration (<c>services.AddDefenseCoop(catalog => ...)</c>).</summary>
public static class NatoDefenceExpenditureBuilderExtensions
{
    /// <summary>
    /// Imports NATO's "Defence Expenditure of NATO Countries" workbook at <paramref name="path"/> when
    /// the catalog is built; see <see cref="NatoDefenceExpenditureImporter"/>. Add the bundled release
    /// (or a data file with the countries and the organization <c>nato</c>) first.
    /// </summary>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static DefenseCoopCatalogBuilder AddNatoDefenceExpenditure(this DefenseCoopCatalogBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddImporter(new NatoDefenceExpenditureImporter(path));
    }

    /// <summary>Like <see cref="AddNatoDefenceExpenditure(DefenseCoopCatalogBuilder, string)"/>, refusing a workbook beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The workbook; read when the catalog is built.</param>
    /// <param name="limits">The bounds on the workbook's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static DefenseCoopCatalogBuilder AddNatoDefenceExpenditure(this DefenseCoopCatalogBuilder builder, string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddImporter(new NatoDefenceExpenditureImporter(path, limits));
    }
}
