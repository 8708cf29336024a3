using DefenseCoop.Importers.SipriArmsTransfers;

namespace DefenseCoop.Importers;

/// <summary>
/// Imports the SIPRI Arms Transfers Database (https://www.sipri.org/databases/armstransfers), as its web
/// tool exports it to CSV: the trade register as <see cref="TradeKind.ArmsTransfer"/> trade flows, and the
/// annual TIV tables by supplier and by recipient as <see cref="TradeKind.ArmsTransferVolume"/> flows.
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
/// <para>Suppliers and recipients are resolved against the catalog's countries by name and alias. No deal is
/// dropped: a party that is not a state (labels SIPRI marks <c>*</c> for armed non-state actors and <c>**</c>
/// for international organisations, its unknown suppliers and recipients, and Katanga, Biafra and Northern
/// Cyprus) becomes an organization of kind <see cref="OrganizationKind.ArmedNonStateActor"/>,
/// <see cref="OrganizationKind.InternationalOrganization"/>, <see cref="OrganizationKind.UnknownParty"/> or
/// <see cref="OrganizationKind.UnrecognizedState"/>, with no home country, so that it counts for no country.
/// It is linked to the catalog's organization of that name where there is one ("NATO**" is <c>nato</c>,
/// "European Union**" is <c>eu</c>), and otherwise added as <c>sipri-party-{name}</c> (e.g.
/// <c>sipri-party-united-nations</c>). The flow's <see cref="TradeFlow.ExporterOrganization"/> or
/// <see cref="TradeFlow.ImporterOrganization"/> names it, its <see cref="TradeFlow.Exporter"/> or
/// <see cref="TradeFlow.Importer"/> is <see langword="null"/>, and it is among
/// <see cref="TradeFlow.Organizations"/>, so that <c>Trade.Involving(organization)</c> finds the deal and
/// country queries do not. Any other label that does not resolve is an error.</para>
/// <para>Each figure of a TIV table becomes a flow of its year (<see cref="TradeFlow.Period"/>) with the
/// figure in <see cref="TradeFlow.Tiv"/>: from the supplier to all destinations (the supplier table), or to
/// the recipient from all suppliers (the recipient table); ids are <c>sipri-tiv-{export date}-{exports|imports}-{party}-{year}</c>.
/// An empty cell (no deliveries identified) gives no flow; a 0 (between 0 and 0.5 million) is kept with a
/// note; rows of totals are left out. <see cref="Querying.TradeQuery.TivByYear"/> then gives SIPRI's own
/// yearly figures. SIPRI's table by region is not read: its regions are not countries of the catalog.</para>
/// <para>The files are read when the catalog is built. SIPRI's terms allow non-commercial use with citation;
/// the <see cref="Source"/> added for each file records them.</para>
/// </remarks>
/// <example><code>
/// var importer = new SipriArmsTransfersImporter("trade-register.csv");
/// var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddImporter(importer).Build();
/// Console.WriteLine($"{importer.LastImport!.NonStateDeals} deals with a non-state party");
/// </code></example>
public sealed class SipriArmsTransfersImporter : IDataImporter
{
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
        : this(new SipriArmsTransfersFiles { TradeRegister = RequirePath(path) }, limits)
    {
    }

    /// <summary>Creates an importer for a trade register and annual TIV tables, read together when the catalog is built.</summary>
    /// <param name="files">The files; at least one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="files"/> names no file, or an empty path.</exception>
    public SipriArmsTransfersImporter(SipriArmsTransfersFiles files)
        : this(files, ImportLimits.Default)
    {
    }

    /// <summary>Creates an importer for a trade register and annual TIV tables that refuses files beyond <paramref name="limits"/>.</summary>
    /// <param name="files">The files; at least one.</param>
    /// <param name="limits">The bounds on each file's size and shape.</param>
    /// <exception cref="ArgumentNullException"><paramref name="files"/> or <paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="files"/> names no file, or an empty path.</exception>
    public SipriArmsTransfersImporter(SipriArmsTransfersFiles files, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(limits);
        if (!files.Given.Any()) throw new ArgumentException("Give the trade register, a TIV table, or both.", nameof(files));
        if (files.Given.Any(string.IsNullOrEmpty)) throw new ArgumentException("A file's path is empty.", nameof(files));
        Files = files;
        Limits = limits;
    }

    /// <summary>Gets the files read.</summary>
    public SipriArmsTransfersFiles Files { get; }

    /// <summary>Gets the bounds on the file's size and shape; <see cref="ImportLimits.Default"/> unless given.</summary>
    public ImportLimits Limits { get; }

    /// <inheritdoc/>
    /// <remarks>The trade register's path, or else the first table's.</remarks>
    public string Name => Files.Given.First();

    /// <summary>Gets what the last successful <see cref="Import"/> or <see cref="ImportAsync"/> read; <see langword="null"/> before then.</summary>
    public SipriArmsTransfersSummary? LastImport { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">A file is malformed, exceeds <see cref="Limits"/>, is not the table it is given as, or names what the catalog lacks; every problem found in it is listed, each with its line.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public CatalogRecords Import(ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var import = new SipriArmsTransfersImport(context);
        if (Files.TradeRegister is { } register) import.AddRegister(register, TradeRegisterReader.Read(register, Limits));
        if (Files.SupplierTable is { } supplier) import.AddTable(supplier, TivTableReader.Read(supplier, Limits), SipriTivTableKind.Supplier);
        if (Files.RecipientTable is { } recipient) import.AddTable(recipient, TivTableReader.Read(recipient, Limits), SipriTivTableKind.Recipient);
        return Finish(import);
    }

    /// <summary>Reads the files as <see cref="Import"/> does, reading each asynchronously, one after the other.</summary>
    /// <param name="context">The catalog built so far, to resolve names against.</param>
    /// <param name="cancellationToken">Stops the reading: checked before each record of each file.</param>
    /// <returns>The records read; the same as <see cref="Import"/>'s.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">As for <see cref="Import"/>, with the same issues.</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<CatalogRecords> ImportAsync(ImportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var import = new SipriArmsTransfersImport(context);
        if (Files.TradeRegister is { } register)
            import.AddRegister(register, await TradeRegisterReader.ReadAsync(register, Limits, cancellationToken).ConfigureAwait(false));
        if (Files.SupplierTable is { } supplier)
            import.AddTable(supplier, await TivTableReader.ReadAsync(supplier, Limits, cancellationToken).ConfigureAwait(false), SipriTivTableKind.Supplier);
        if (Files.RecipientTable is { } recipient)
            import.AddTable(recipient, await TivTableReader.ReadAsync(recipient, Limits, cancellationToken).ConfigureAwait(false), SipriTivTableKind.Recipient);
        return Finish(import);
    }

    private CatalogRecords Finish(SipriArmsTransfersImport import)
    {
        LastImport = import.Summary();
        return import.Records();
    }

    private static string RequirePath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return path;
    }
}
