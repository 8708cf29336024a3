using DefenseCoop.Importers;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>
/// Adds the datasets you downloaded (SIPRI, Correlates of War, NATO) to the catalog registered with
/// <c>services.AddDefenseCoop()</c>. Each file is read when the catalog is first resolved, against the
/// release (or <see cref="DefenseCoopOptions.DataFile"/>) and the overlays; a malformed file makes that
/// resolve, or <see cref="DefenseCoopServiceProviderExtensions.ValidateDefenseCoop"/>, throw a
/// <see cref="DefenseCoopDataException"/> listing every problem.
/// </summary>
/// <example><code>
/// services.AddDefenseCoop()
///         .AddSipriMilex("SIPRI-Milex-data-1949-2024.xlsx")
///         .AddCowNmc("NMC-60-abridged.csv");
/// </code></example>
public static class DefenseCoopImportersBuilderExtensions
{
    /// <summary>Adds SIPRI's Military Expenditure Database workbook; see <see cref="SipriMilexImporter"/>.</summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="path">The workbook, as SIPRI publishes it.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IDefenseCoopBuilder AddSipriMilex(this IDefenseCoopBuilder builder, string path) =>
        Add(builder, path, static p => new SipriMilexImporter(p));

    /// <summary>Like <see cref="AddSipriMilex(IDefenseCoopBuilder, string)"/>, refusing a workbook beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="path">The workbook.</param>
    /// <param name="limits">The bounds on the workbook's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IDefenseCoopBuilder AddSipriMilex(this IDefenseCoopBuilder builder, string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Add(builder, path, p => new SipriMilexImporter(p, limits));
    }

    /// <summary>Adds the SIPRI Arms Transfers Database's trade register (CSV export); see <see cref="SipriArmsTransfersImporter"/>.</summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="path">The file, as SIPRI exports it.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IDefenseCoopBuilder AddSipriArmsTransfers(this IDefenseCoopBuilder builder, string path) =>
        Add(builder, path, static p => new SipriArmsTransfersImporter(p));

    /// <summary>Like <see cref="AddSipriArmsTransfers(IDefenseCoopBuilder, string)"/>, refusing a file beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="path">The file.</param>
    /// <param name="limits">The bounds on the file's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IDefenseCoopBuilder AddSipriArmsTransfers(this IDefenseCoopBuilder builder, string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Add(builder, path, p => new SipriArmsTransfersImporter(p, limits));
    }

    /// <summary>
    /// Adds SIPRI Arms Transfers files read together: the trade register and SIPRI's annual tables by
    /// supplier and recipient; see <see cref="SipriArmsTransfersImporter"/>.
    /// </summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="files">The files, as SIPRI exports them.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="files"/> is null.</exception>
    public static IDefenseCoopBuilder AddSipriArmsTransfers(this IDefenseCoopBuilder builder, SipriArmsTransfersFiles files) =>
        AddSipriArmsTransfers(builder, files, ImportLimits.Default);

    /// <summary>Like <see cref="AddSipriArmsTransfers(IDefenseCoopBuilder, SipriArmsTransfersFiles)"/>, refusing a file beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="files">The files.</param>
    /// <param name="limits">The bounds on each file's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="files"/> or <paramref name="limits"/> is null.</exception>
    public static IDefenseCoopBuilder AddSipriArmsTransfers(this IDefenseCoopBuilder builder, SipriArmsTransfersFiles files, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        return builder.AddImporter(_ => new SipriArmsTransfersImporter(files, limits));
    }

    /// <summary>Adds the Correlates of War National Material Capabilities data set (v6.0 CSV); see <see cref="CowNmcImporter"/>.</summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="path">The file, e.g. <c>NMC-60-abridged.csv</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IDefenseCoopBuilder AddCowNmc(this IDefenseCoopBuilder builder, string path) =>
        Add(builder, path, static p => new CowNmcImporter(p));

    /// <summary>Like <see cref="AddCowNmc(IDefenseCoopBuilder, string)"/>, refusing a file beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="path">The file.</param>
    /// <param name="limits">The bounds on the file's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IDefenseCoopBuilder AddCowNmc(this IDefenseCoopBuilder builder, string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Add(builder, path, p => new CowNmcImporter(p, limits));
    }

    /// <summary>Adds NATO's "Defence Expenditure of NATO Countries" workbook; see <see cref="NatoDefenceExpenditureImporter"/>.</summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="path">The workbook, as NATO publishes it.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IDefenseCoopBuilder AddNatoDefenceExpenditure(this IDefenseCoopBuilder builder, string path) =>
        Add(builder, path, static p => new NatoDefenceExpenditureImporter(p));

    /// <summary>Like <see cref="AddNatoDefenceExpenditure(IDefenseCoopBuilder, string)"/>, refusing a workbook beyond <paramref name="limits"/> instead of <see cref="ImportLimits.Default"/>.</summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="path">The workbook.</param>
    /// <param name="limits">The bounds on the workbook's size and shape.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/>, <paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IDefenseCoopBuilder AddNatoDefenceExpenditure(this IDefenseCoopBuilder builder, string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return Add(builder, path, p => new NatoDefenceExpenditureImporter(p, limits));
    }

    // A fresh importer per catalog built: importers keep what they last read (LastImport).
    private static IDefenseCoopBuilder Add(IDefenseCoopBuilder builder, string path, Func<string, IDataImporter> create)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        return builder.AddImporter(_ => create(path));
    }
}
