using DefenseCoop.Importers.Csv;
using DefenseCoop.Importers.SipriArmsTransfers;

namespace DefenseCoop.Importers;

/// <summary>
/// Imports the trade register of the SIPRI Arms Transfers Database, as its web tool exports it to CSV
/// (https://www.sipri.org/databases/armstransfers), as <see cref="TradeKind.ArmsTransfer"/> trade flows.
/// </summary>
/// <remarks>
/// <para>Each deal becomes one directed flow from the supplier (<see cref="TradeFlow.Exporter"/>) to the
/// recipient (<see cref="TradeFlow.Importer"/>), dated by its order year (qualified
/// <see cref="DateQualifier.Approximately"/> where SIPRI marks the year uncertain), with the register's
/// details in <see cref="TradeFlow.Deal"/>. TIVs stay <see cref="TrendIndicatorValue"/>s, never money.
/// An empty TIV is absent; so is an order TIV of 0 where the number ordered is not known (SIPRI writes 0
/// there for "not available"). A delivered TIV of 0 means between 0 and 0.5 million, and the flow says so in a note.
/// A deal is linked to the catalog's defence system whose name or alias is its designation.</para>
/// <para>SIPRI publishes no deal key that lasts between releases, so ids are derived from content:
/// <c>sipri-at-{supplier}-{recipient}-{order year}-{designation}-{hash}</c>, e.g.
/// <c>sipri-at-tr-kg-2021-bayraktar-tb2-1a2b3c4d</c>, where the hash is the first 8 hexadecimal digits of the
/// SHA-256 of the record's trimmed fields. A row carried unchanged into a later release keeps its id; a row
/// SIPRI revises gets a new one. Verbatim repeats of a row get <c>-2</c>, <c>-3</c>, ... in file order.</para>
/// <para>Suppliers and recipients are resolved against the catalog's countries by name and alias. Parties
/// that are not states (labels SIPRI marks <c>*</c> or <c>**</c>, and its unknown suppliers and recipients)
/// are skipped with their deals and counted in <see cref="LastImport"/>; any other label that does not
/// resolve is an error.</para>
/// <para>The file is read when the catalog is built. SIPRI's terms allow non-commercial use with citation;
/// the <see cref="Source"/> added for the file records them.</para>
/// </remarks>
/// <example><code>
/// var importer = new SipriArmsTransfersImporter("trade-register.csv");
/// var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddImporter(importer).Build();
/// Console.WriteLine($"{importer.LastImport!.DealsSkipped} deals of non-state parties skipped");
/// </code></example>
public sealed class SipriArmsTransfersImporter : IDataImporter
{
    private readonly string _path;

    /// <summary>Creates an importer for a trade-register CSV file, which is read when the catalog is built.</summary>
    /// <param name="path">The file, as SIPRI exports it (Windows-1252).</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public SipriArmsTransfersImporter(string path)
        : this(path, ImportLimits.Default)
    {
    }

    /// <summary>Creates an importer for a trade-register CSV file that refuses files beyond <paramref name="limits"/>; it is read when the catalog is built.</summary>
    /// <param name="path">The file, as SIPRI exports it (Windows-1252).</param>
    /// <param name="limits">The bounds on the file's size and shape.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public SipriArmsTransfersImporter(string path, ImportLimits limits)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        _path = path;
    }

    /// <summary>Gets the bounds on the file's size and shape; <see cref="ImportLimits.Default"/> unless given.</summary>
    public ImportLimits Limits { get; }

    /// <inheritdoc/>
    public string Name => _path;

    /// <summary>Gets what the last successful <see cref="Import"/> read and skipped; <see langword="null"/> before then.</summary>
    public SipriArmsTransfersSummary? LastImport { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">The file is malformed, exceeds <see cref="Limits"/>, or names what the catalog lacks; every problem found is listed, each with its line.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public CatalogRecords Import(ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var register = TradeRegisterReader.Read(_path, Limits);
        var source = SipriArmsTransfersSource.For(register);
        var (flows, summary) = new TradeRegisterMapper(context, source.Id, new CsvIssues(_path)).Map(register);
        LastImport = summary;
        return new CatalogRecords { Sources = [source], Trade = flows };
    }
}
