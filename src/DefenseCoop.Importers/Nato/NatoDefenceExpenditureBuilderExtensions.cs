namespace DefenseCoop.Importers;

/// <summary>Adds NATO's defence expenditure tables to a <see cref="DefenseCoopCatalogBuilder"/>.</summary>
public static class NatoDefenceExpenditureBuilderExtensions
{
    /// <summary>
    /// Imports NATO's "Defence Expenditure of NATO Countries" workbook at <paramref name="path"/> when
    /// the catalog is built; see <see cref="NatoDefenceExpenditureImporter"/>. Add the bundled release
    /// (or a data file with the countries and the organization <c>nato</c>) first.
    /// </summary>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    public static DefenseCoopCatalogBuilder AddNatoDefenceExpenditure(this DefenseCoopCatalogBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddImporter(new NatoDefenceExpenditureImporter(path));
    }
}
