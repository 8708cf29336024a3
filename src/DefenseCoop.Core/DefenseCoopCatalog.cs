using DefenseCoop.Data;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop;

/// <summary>
/// An immutable, validated catalog of defence-cooperation records: countries, organizations, people,
/// systems and sources, and the agreements, spending and trade that cite them. Safe to query from
/// many threads at once.
/// </summary>
/// <remarks>
/// Use <see cref="Default"/> for the release bundled with the package, or <see cref="Load"/> /
/// <see cref="LoadFile"/> (or <see cref="LoadAsync"/> / <see cref="LoadFileAsync"/>) for a newer release
/// or your own file in the same format. A file is either
/// loaded whole or refused with a <see cref="DefenseCoopDataException"/> listing every problem.
/// </remarks>
public sealed partial class DefenseCoopCatalog
{
    /// <summary>The logical name of the embedded data file.</summary>
    internal const string ResourceName = "DefenseCoop.Data.defensecoop.json";

    internal DefenseCoopCatalog(CatalogContent content)
    {
        Content = content;
    }

    internal CatalogContent Content { get; }

    // Each index is built on first use of its query surface, so that a program that asks only about
    // agreements never pays for the trade, event and spending indexes. Two threads may both build one;
    // the results are equal and immutable, so either may be kept.
    private Indexing.AgreementIndex? _agreementIndex;
    private Indexing.TradeIndex? _tradeIndex;
    private Indexing.EventIndex? _eventIndex;
    private Indexing.SpendingIndex? _spendingIndex;
    private Indexing.TimelineIndex? _timelineIndex;

    // A snapshot stores the agreement index, so that the first query reads its lists instead of every agreement.
    internal Indexing.AgreementIndex AgreementIndex => _agreementIndex ??= Content.StoredAgreementIndex() ?? new(Content.Agreements, HomeCountry);

    internal Indexing.TradeIndex TradeIndex => _tradeIndex ??= new(Content.Trade, HomeCountry);

    internal Indexing.EventIndex EventIndex => _eventIndex ??= new(Content.Events, HomeCountry);

    internal Indexing.SpendingIndex SpendingIndex => _spendingIndex ??= new(Content.Spending, id => Sources[id]);

    // Timelines merge the three indexes' lists (building those not built yet). Unlike the others, one
    // instance is kept for every thread: it keeps the entries it makes, and an entry is one object however read.
    internal Indexing.TimelineIndex TimelineIndex =>
        _timelineIndex ?? Interlocked.CompareExchange(ref _timelineIndex, new(AgreementIndex, TradeIndex, EventIndex, HomeCountry), null) ?? _timelineIndex;

    /// <summary>Gets the catalog of the data release bundled with this package, loaded on first use.</summary>
    /// <exception cref="DefenseCoopDataException">The embedded file is damaged (never expected in a released package).</exception>
    public static DefenseCoopCatalog Default => DefaultHolder.Instance;

    // A nested holder defers loading until Default is first read, not when the type is first touched.
    private static class DefaultHolder
    {
        internal static readonly DefenseCoopCatalog Instance = LoadBundled();
    }

    /// <summary>Starts building a catalog from the bundled release, your own files and importers.</summary>
    /// <example><code>
    /// var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddFile("our-deals.json").Build();
    /// </code></example>
    public static DefenseCoopCatalogBuilder CreateBuilder() => new();

    /// <summary>
    /// Writes the catalog as a data file (UTF-8 JSON in the format of <c>docs/data-format.md</c>) that
    /// <see cref="Load"/> reads back to an equal catalog. Leaves the stream open.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ModelWriter.Serialize(ModelWriter.Write(Content with { Agreements = [.. AgreementIndex.Records.OrderBy(a => a.Id)] })));
    }

    /// <summary>
    /// The file a record came from: the embedded release's name, a file path, an importer's file or the
    /// name given to records added in code; <see langword="null"/> for an object not of this catalog.
    /// </summary>
    /// <param name="record">A record of this catalog (a country, agreement, spending series, source ...).</param>
    public string? OriginOf(object record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record is SpendingObservation observation) record = observation.Series;
        // By key, then by reference: an equal copy made with `with` is not of this catalog.
        return DataValidator.KeyOf(record) is { } key && Content.Origins.TryGetValue(key, out var origin) && ReferenceEquals(origin.Record, record)
            ? origin.File
            : null;
    }

    /// <summary>Gets the version of the data release, e.g. 2026.1.</summary>
    public DataVersion DataVersion => Content.DataVersion;

    /// <summary>Gets the format version of the file the catalog was loaded from.</summary>
    public int SchemaVersion => Content.SchemaVersion;

    /// <summary>Gets the date the data was released.</summary>
    public LocalDate Released => Content.Released;

    // Each collection is made on first use, as the indexes are: a snapshot decodes a kind only when it is read.
    // Two threads may both make one; they hold the same records, so either may be kept.
    private RecordCollection<CountryCode, Country>? _countries;
    private RecordCollection<OrganizationId, Organization>? _organizations;
    private RecordCollection<PersonId, Person>? _people;
    private RecordCollection<SystemId, DefenseSystem>? _systems;
    private RecordCollection<SourceId, Source>? _sources;

    /// <summary>Gets the countries, by code and by any name, alias or code other datasets use.</summary>
    public RecordCollection<CountryCode, Country> Countries => _countries ??= new(Content.Countries, c => c.Code, CountryNames, "country");

    /// <summary>Gets the organizations, by id and by name or alias.</summary>
    public RecordCollection<OrganizationId, Organization> Organizations =>
        _organizations ??= new(Content.Organizations, o => o.Id, o => [o.Id.Value, o.Name, .. o.Names.Values, .. o.Aliases], "organization");

    /// <summary>Gets the people, by id and by name or alias.</summary>
    public RecordCollection<PersonId, Person> People => _people ??= new(Content.People, p => p.Id, p => [p.Id.Value, p.Name, .. p.Aliases], "person");

    /// <summary>Gets the defence systems, by id and by name or alias.</summary>
    public RecordCollection<SystemId, DefenseSystem> Systems => _systems ??= new(Content.Systems, s => s.Id, s => [s.Id.Value, s.Name, .. s.Aliases], "system");

    /// <summary>Gets the sources the records cite, by id.</summary>
    public RecordCollection<SourceId, Source> Sources => _sources ??= new(Content.Sources, s => s.Id, s => [s.Id.Value, s.Title], "source");

    /// <summary>Starts a query over every event (meetings, exhibitions, statements...), in date order, undated last.</summary>
    public EventQuery Events => new(this);

    /// <summary>
    /// The countries that are or were members (or candidates) of an organization, with the dates of
    /// each membership, in order of joining (undated last); e.g. every NATO ally with its accession date.
    /// </summary>
    public IReadOnlyList<(Country Country, Membership Membership)> Members(OrganizationId organization) =>
        [.. Countries.SelectMany(c => c.Memberships.Where(m => m.Organization == organization).Select(m => (Country: c, Membership: m)))
            .OrderBy(p => p.Membership.From is null).ThenBy(p => p.Membership.From ?? default).ThenBy(p => p.Country.Code)];

    /// <summary>Starts a query over every agreement.</summary>
    public AgreementQuery Agreements => new(this);

    /// <summary>Starts a query over every spending observation.</summary>
    public SpendingQuery Spending => new(this);

    /// <summary>Starts a query over every trade flow.</summary>
    public TradeQuery Trade => new(this);

    /// <summary>Starts describing a cooperation network over time: graphs per period from agreements, trade and events, with their measures (<see cref="Networks.NetworkQuery"/>).</summary>
    public Networks.NetworkQuery Networks => new(this);

    /// <summary>Panels for regression work: state-years and dyad-years of the Correlates of War state system, with columns from this catalog.</summary>
    public global::DefenseCoop.Panels.CatalogPanels Panels => new(this);

    /// <summary>
    /// Everything recorded between two countries, in date order (undated entries last): agreements both
    /// take part in and their status changes, trade flows either way, and events both took part in. A
    /// country takes part as a state or through an organization based in it (a Finnish and a Turkish
    /// company's agreement is between Finland and Türkiye), unless <paramref name="statesOnly"/> is set.
    /// </summary>
    /// <param name="a">A country: a code, a record, or a name or code in text.</param>
    /// <param name="b">The other country.</param>
    /// <param name="statesOnly">Whether to count only records where both countries take part as states.</param>
    /// <exception cref="ArgumentException">A country is not of the catalog, or both name the same country.</exception>
    /// <remarks>A timeline is counted without making its entries, and each entry is made on its first read and kept (see <see cref="DefenseCoop.Timeline"/>).</remarks>
    public Timeline Timeline(CountryRef a, CountryRef b, bool statesOnly = false)
    {
        var (x, y) = DyadOf(a, b);
        return TimelineIndex.Between(Indexing.AgreementIndex.Dyad(x, y), statesOnly);
    }

    /// <summary>Everything recorded about one country, in date order (undated entries last), as a state or through its organizations unless <paramref name="statesOnly"/> is set.</summary>
    /// <param name="country">The country: a code, a record, or a name or code in text.</param>
    /// <param name="statesOnly">Whether to count only records where the country takes part as a state.</param>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    /// <remarks>As for the timeline of two countries, each entry is made when it is read.</remarks>
    public Timeline Timeline(CountryRef country, bool statesOnly = false)
    {
        return TimelineIndex.Of(CountryOf(country, nameof(country)), statesOnly);
    }

    /// <summary>
    /// Every country that shares agreements, trade flows or events with <paramref name="country"/>,
    /// with the counts, most shared records first. Countries take part as states or through their
    /// organizations, unless <paramref name="statesOnly"/> is set.
    /// </summary>
    /// <param name="country">The country: a code, a record, or a name or code in text.</param>
    /// <param name="statesOnly">Whether to count only records where both take part as states.</param>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    public IReadOnlyList<PartnerSummary> Partners(CountryRef country, bool statesOnly = false) =>
        PartnerCounts.Count(this, CountryOf(country, nameof(country)), null, PartnerKinds.All, statesOnly);

    /// <summary>
    /// <see cref="Partners(CountryRef, bool)"/> over the records dated within years <paramref name="fromYear"/>
    /// to <paramref name="toYear"/>, inclusive, each by its own date as <c>Within</c> filters it: agreements
    /// signed in them, flows whose period lies in them, events that happened in them. Undated records are
    /// left out, as every time filter leaves them out.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range ends before it begins, or a year is outside 1–9999.</exception>
    public IReadOnlyList<PartnerSummary> Partners(CountryRef country, int fromYear, int toYear, bool statesOnly = false) =>
        PartnerCounts.Count(this, CountryOf(country, nameof(country)), (fromYear, toYear), PartnerKinds.All, statesOnly);

    /// <summary>
    /// <see cref="Partners(CountryRef, int, int, bool)"/> counting only the records of <paramref name="kinds"/>:
    /// <c>Partners("TR", 2015, 2023, PartnerKinds.Of(TradeKind.ArmsTransfer))</c> ranks Türkiye's arms-transfer partners.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The range ends before it begins, or a year is outside 1–9999.</exception>
    public IReadOnlyList<PartnerSummary> Partners(CountryRef country, int fromYear, int toYear, PartnerKinds kinds, bool statesOnly = false) =>
        PartnerCounts.Count(this, CountryOf(country, nameof(country)), (fromYear, toYear), kinds, statesOnly);

    /// <summary>How a country takes part in an agreement: as a state party, only through an organization based in it, or not at all (null).</summary>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    public PartyLevel? Involvement(Agreement agreement, CountryRef country)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return Involvement(agreement.Countries, agreement.Organizations, CountryOf(country, nameof(country)));
    }

    /// <summary>How a country takes part in a trade flow: as exporter or importer, only through an organization based in it, or not at all (null).</summary>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    public PartyLevel? Involvement(TradeFlow flow, CountryRef country)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return Involvement(new[] { flow.Exporter, flow.Importer }.OfType<CountryCode>(), flow.Organizations, CountryOf(country, nameof(country)));
    }

    /// <summary>How a country takes part in an event: as a state, only through an organization based in it, or not at all (null).</summary>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    public PartyLevel? Involvement(Event @event, CountryRef country)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Involvement(@event.Countries, @event.Organizations, CountryOf(country, nameof(country)));
    }

    /// <summary>
    /// The country a code, a record or a text names, by the rules every query follows (codes, names, aliases
    /// and other datasets' spellings, as <c>Countries.Resolve</c>).
    /// </summary>
    /// <exception cref="UnknownCountryException">No country of the catalog has that name or code, or several share it; the exception suggests the closest.</exception>
    public Country ResolveCountry(CountryRef country) => Countries[CountryOf(country, nameof(country))];
}
