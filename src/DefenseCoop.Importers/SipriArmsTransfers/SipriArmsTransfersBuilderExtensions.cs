namespace DefenseCoop.Importers;

/// <summary>Adds the SIPRI Arms Transfers Database's trade register to a <see cref="DefenseCoopCatalogBuilder"/>, made by <see cref="DefenseCoopCatalog.CreateBuilder"/> or configured by a dependency-injection registration (<c>services.AddDefenseCoop(catalog => ...)</c>).</summary>
public static class SipriArmsTransfersBuilderExtensions
{
    /// <summary>Adds the deals of a trade-register CSV export as arms-transfer flows; see <see cref="SipriArmsTransfersImporter"/>.</summary>
    /// <remarks>To see how many deals have a non-state party, create the importer yourself, pass it to
    /// <see cref="DefenseCoopCatalogBuilder.AddImporter"/>, and read <see cref="SipriArmsTransfersImporter.LastImport"/> after building.</remarks>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file, as SIPRI exports it; read when the catalog is built.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static DefenseCoopCatalogBuilder AddSipriArmsTransfers(this DefenseCoopCatalogBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddImporter(new SipriArmsTransfersImporter(path));
    }

    /// <summary>Like <see cref="AddSipriArmsTransfers(DefenseCoopCatalogBuilder, string)"/>, refusing a file beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="path">The file; read when the catalog is built.</param>
    /// <param name="limits">The bounds on the file's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static DefenseCoopCatalogBuilder AddSipriArmsTransfers(this DefenseCoopCatalogBuilder builder, string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddImporter(new SipriArmsTransfersImporter(path, limits));
    }

    /// <summary>
    /// Adds the trade register and SIPRI's annual TIV tables by supplier and by recipient, read together;
    /// see <see cref="SipriArmsTransfersImporter"/>. With a table loaded, <see cref="Querying.TradeQuery.TivByYear"/> gives SIPRI's own yearly figures.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="files">The files, as SIPRI exports them; read when the catalog is built.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="files"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="files"/> names no file, or an empty path.</exception>
    public static DefenseCoopCatalogBuilder AddSipriArmsTransfers(this DefenseCoopCatalogBuilder builder, SipriArmsTransfersFiles files)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddImporter(new SipriArmsTransfersImporter(files));
    }

    /// <summary>Like <see cref="AddSipriArmsTransfers(DefenseCoopCatalogBuilder, SipriArmsTransfersFiles)"/>, refusing a file beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="files">The files; read when the catalog is built.</param>
    /// <param name="limits">The bounds on each file's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="files"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="files"/> names no file, or an empty path.</exception>
    public static DefenseCoopCatalogBuilder AddSipriArmsTransfers(this DefenseCoopCatalogBuilder builder, SipriArmsTransfersFiles files, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddImporter(new SipriArmsTransfersImporter(files, limits));
    }
}
