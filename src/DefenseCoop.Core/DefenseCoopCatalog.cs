using System.Collections.Frozen;
using System.Collections.Immutable;
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
public sealed class DefenseCoopCatalog
{
    /// <summary>The logical name of the embedded data file.</summary>
    internal const string ResourceName = "DefenseCoop.Data.defensecoop.json";

    internal DefenseCoopCatalog(CatalogContent content)
    {
        Content = content;
        Countries = new(content.Countries, c => c.Code, CountryNames, "country");
        Organizations = new(content.Organizations, o => o.Id, o => [o.Id.Value, o.Name, .. o.Names.Values, .. o.Aliases], "organization");
        People = new(content.People, p => p.Id, p => [p.Id.Value, p.Name, .. p.Aliases], "person");
        Systems = new(content.Systems, s => s.Id, s => [s.Id.Value, s.Name, .. s.Aliases], "system");
        Sources = new(content.Sources, s => s.Id, s => [s.Id.Value, s.Title], "source");
    }

    /// <summary>
    /// The country an organization counts for in country questions: its home country, or none for an
    /// intergovernmental organization (NATO, the EU), which has no home country.
    /// </summary>
    internal CountryCode? HomeCountry(OrganizationId organization) =>
        Organizations.TryGet(organization, out var o) ? o.Country : null;

    private static IEnumerable<string> CountryNames(Country c) =>
        [c.Code.Value, c.Alpha3, .. c.Names.Values, .. c.Aliases.Select(a => a.Name)];

    internal CatalogContent Content { get; }

    // Each index is built on first use of its query surface, so that a program that asks only about
    // agreements never pays for the trade, event and spending indexes. Two threads may both build one;
    // the results are equal and immutable, so either may be kept.
    private Indexing.AgreementIndex? _agreementIndex;
    private Indexing.TradeIndex? _tradeIndex;
    private Indexing.EventIndex? _eventIndex;
    private Indexing.SpendingIndex? _spendingIndex;
    private Indexing.TimelineIndex? _timelineIndex;

    internal Indexing.AgreementIndex AgreementIndex => _agreementIndex ??= new(Content.Agreements, HomeCountry);

    internal Indexing.TradeIndex TradeIndex => _tradeIndex ??= new(Content.Trade, HomeCountry);

    internal Indexing.EventIndex EventIndex => _eventIndex ??= new(Content.Events, HomeCountry);

    internal Indexing.SpendingIndex SpendingIndex => _spendingIndex ??= new(Content.Spending, id => Sources[id]);

    // Timelines merge the three indexes' lists (building those not built yet).
    internal Indexing.TimelineIndex TimelineIndex => _timelineIndex ??= new(AgreementIndex, TradeIndex, EventIndex, HomeCountry);

    /// <summary>Gets the catalog of the data release bundled with this package, loaded on first use.</summary>
    /// <exception cref="DefenseCoopDataException">The embedded file is damaged (never expected in a released package).</exception>
    public static DefenseCoopCatalog Default => DefaultHolder.Instance;

    // A nested holder defers loading until Default is first read, not when the type is first touched.
    private static class DefaultHolder
    {
        internal static readonly DefenseCoopCatalog Instance = LoadBundled();
    }

    /// <summary>Loads the bundled release afresh (what <see cref="Default"/> holds).</summary>
    /// <remarks>
    /// From the compiler's snapshot of the release, which was validated when it was compiled and is read
    /// without validating again (its format version and checksum guard it); from the JSON file, with full
    /// validation, if the snapshot is absent, of another format version or damaged. The two give equal catalogs.
    /// </remarks>
    internal static DefenseCoopCatalog LoadBundled() =>
        ReadResource(Snapshot.ResourceName) is { } snapshot && Snapshot.TryRead(snapshot, ResourceName) is { } content
            ? new DefenseCoopCatalog(content)
            : LoadBytes(ReadEmbedded(), ResourceName, DataLimits.Default);

    internal static byte[] ReadEmbedded() =>
        ReadResource(ResourceName)
            ?? throw new InvalidOperationException($"The embedded data file '{ResourceName}' is missing from {typeof(DefenseCoopCatalog).Assembly.GetName().Name}.");

    private static byte[]? ReadResource(string name)
    {
        using var stream = typeof(DefenseCoopCatalog).Assembly.GetManifestResourceStream(name);
        if (stream is null) return null;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>Starts building a catalog from the bundled release, your own files and importers.</summary>
    /// <example><code>
    /// var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddFile("our-deals.json").Build();
    /// </code></example>
    public static DefenseCoopCatalogBuilder CreateBuilder() => new();

    /// <summary>
    /// Loads a catalog from a data file in a stream. Reads the stream to its end and leaves it open.
    /// </summary>
    /// <param name="stream">The UTF-8 JSON data file.</param>
    /// <param name="name">A name for the data in error messages (a file name, say).</param>
    /// <param name="limits">Bounds on size, depth and string length; <see cref="DataLimits.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid; the exception lists every problem.</exception>
    public static DefenseCoopCatalog Load(Stream stream, string name = "stream", DataLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= DataLimits.Default;
        return LoadBytes(ReadBounded(stream, name, limits), name, limits);
    }

    /// <summary>Loads a catalog from a data file on disk.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>; the message names the path.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid; the exception lists every problem.</exception>
    public static DefenseCoopCatalog LoadFile(string path, DataLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = OpenDataFile(path);
        return Load(stream, path, limits);
    }

    /// <summary>
    /// Loads a catalog from a data file in a stream, reading the stream asynchronously. Reads the stream
    /// to its end and leaves it open. Parsing and validation, which need no I/O, run on the calling
    /// thread once the data is read.
    /// </summary>
    /// <param name="stream">The UTF-8 JSON data file.</param>
    /// <param name="name">A name for the data in error messages (a file name, say).</param>
    /// <param name="limits">Bounds on size, depth and string length; <see cref="DataLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the reading, and the loading before parsing and before validation.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid; the exception lists every problem.</exception>
    public static async Task<DefenseCoopCatalog> LoadAsync(Stream stream, string name = "stream", DataLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= DataLimits.Default;
        var bytes = await ReadBoundedAsync(stream, name, limits, cancellationToken).ConfigureAwait(false);
        return LoadBytes(bytes, name, limits, cancellationToken);
    }

    /// <summary>Loads a catalog from a data file on disk, reading the file asynchronously.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Bounds on size, depth and string length; <see cref="DataLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the reading, and the loading before parsing and before validation.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>; the message names the path.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid; the exception lists every problem.</exception>
    public static async Task<DefenseCoopCatalog> LoadFileAsync(string path, DataLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        cancellationToken.ThrowIfCancellationRequested();
        await using var stream = OpenDataFile(path, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await LoadAsync(stream, path, limits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a data file for reading, unbuffered (it is read in one call into an array of its size).</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>; the message names the full path.</exception>
    internal static FileStream OpenDataFile(string path, FileOptions options = FileOptions.None)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, options);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"The data file '{Path.GetFullPath(path)}' does not exist.", path, e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new FileNotFoundException($"The data file '{Path.GetFullPath(path)}' does not exist: its folder is missing.", path, e);
        }
    }

    internal static DefenseCoopCatalog LoadBytes(ReadOnlyMemory<byte> utf8, string name, DataLimits limits, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fragment = DataFragment.Parse(name, utf8, limits);
        cancellationToken.ThrowIfCancellationRequested();
        return new DefenseCoopCatalog(DataValidator.ValidateFile(fragment, strict: false, limits));
    }

    internal static async Task<byte[]> ReadBoundedAsync(Stream stream, string name, DataLimits limits, CancellationToken cancellationToken)
    {
        // As ReadBounded: a stream that knows its length is read straight into one array of its size.
        if (stream.CanSeek && stream.Length - stream.Position is var length and <= int.MaxValue)
        {
            if (length > limits.MaxFileBytes) throw TooLarge(name, limits);
            var bytes = new byte[length];
            int read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < bytes.Length) return bytes[..read];
            var probe = new byte[1];
            if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0) return bytes;
            using var rest = new MemoryStream();
            rest.Write(bytes);
            rest.Write(probe);
            return await ReadToEndAsync(stream, rest, name, limits, cancellationToken).ConfigureAwait(false);
        }
        using var buffer = new MemoryStream();
        return await ReadToEndAsync(stream, buffer, name, limits, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream, MemoryStream buffer, string name, DataLimits limits, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes) throw TooLarge(name, limits);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length > limits.MaxFileBytes) throw TooLarge(name, limits);
        return buffer.ToArray();
    }

    internal static byte[] ReadBounded(Stream stream, string name, DataLimits limits)
    {
        // A file (any stream that knows its length) is read straight into one array of its size.
        if (stream.CanSeek && stream.Length - stream.Position is var length and <= int.MaxValue)
        {
            if (length > limits.MaxFileBytes) throw TooLarge(name, limits);
            var bytes = new byte[length];
            int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read < bytes.Length) return bytes[..read];
            int next = stream.ReadByte();
            if (next < 0) return bytes;
            // Still growing: go on as for a stream of unknown length.
            using var rest = new MemoryStream();
            rest.Write(bytes);
            rest.WriteByte((byte)next);
            return ReadToEnd(stream, rest, name, limits);
        }
        using var buffer = new MemoryStream();
        return ReadToEnd(stream, buffer, name, limits);
    }

    private static byte[] ReadToEnd(Stream stream, MemoryStream buffer, string name, DataLimits limits)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes) throw TooLarge(name, limits);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length > limits.MaxFileBytes) throw TooLarge(name, limits);
        return buffer.ToArray();
    }

    private static DefenseCoopDataException TooLarge(string name, DataLimits limits) =>
        new([new DataIssue(name, "$", null, DataRule.LimitExceeded, $"The data is larger than the limit of {limits.MaxFileBytes:N0} bytes.")]);

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

    /// <summary>Gets the countries, by code and by any name, alias or code other datasets use.</summary>
    public RecordCollection<CountryCode, Country> Countries { get; }

    /// <summary>Gets the organizations, by id and by name or alias.</summary>
    public RecordCollection<OrganizationId, Organization> Organizations { get; }

    /// <summary>Gets the people, by id and by name or alias.</summary>
    public RecordCollection<PersonId, Person> People { get; }

    /// <summary>Gets the defence systems, by id and by name or alias.</summary>
    public RecordCollection<SystemId, DefenseSystem> Systems { get; }

    /// <summary>Gets the sources the records cite, by id.</summary>
    public RecordCollection<SourceId, Source> Sources { get; }

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
    /// The timeline of the given records, by definition: their entries, sorted by date, then kind, then the
    /// order given. The catalog's timelines merge presorted posting lists instead (<see cref="Indexing.TimelineIndex"/>);
    /// the tests check them against this, and the benchmarks' baselines assemble theirs with it.
    /// </summary>
    internal static List<TimelineEntry> BuildTimeline(IEnumerable<Agreement> agreements, IEnumerable<TradeFlow> flows, IEnumerable<Event> events)
    {
        // The entries' parts are gathered in a pooled buffer and sorted there; each entry is made once, in
        // its place in the result: a timeline of thousands of entries allocates the entries and one list.
        var pending = new PendingEntries();
        try
        {
            foreach (var agreement in agreements)
            {
                pending.Add(agreement.SignedOn, TimelineEntryKind.AgreementSigned, agreement, null);
                foreach (var change in agreement.StatusHistory)
                    if (HasOwnEntry(agreement, change)) pending.Add(change.Date, TimelineEntryKind.StatusChanged, agreement, change);
            }
            foreach (var flow in flows)
                pending.Add(flow.Period, TimelineEntryKind.Trade, flow, null);
            foreach (var ev in events)
                pending.Add(ev.Date, TimelineEntryKind.Event, ev, null);
            return pending.ToSortedEntries();
        }
        finally
        {
            pending.Dispose();
        }
    }

    /// <summary>Whether a status change makes a timeline entry of its own: the signing entry already marks its date, and an undated signing once.</summary>
    internal static bool HasOwnEntry(Agreement agreement, StatusChange change) =>
        !(change.Date == agreement.SignedOn && (change.Date is not null || change.Status == AgreementStatus.Signed));

    /// <summary>A timeline's entries before they are made: their parts, in a buffer rented from the shared pool.</summary>
    private struct PendingEntries : IDisposable
    {
        private (PartialDate? Date, TimelineEntryKind Kind, ISourced Record, StatusChange? Change)[]? _parts;
        private int _count;

        public void Add(PartialDate? date, TimelineEntryKind kind, ISourced record, StatusChange? change)
        {
            var parts = _parts ??= System.Buffers.ArrayPool<(PartialDate?, TimelineEntryKind, ISourced, StatusChange?)>.Shared.Rent(64);
            if (_count == parts.Length)
            {
                var larger = System.Buffers.ArrayPool<(PartialDate?, TimelineEntryKind, ISourced, StatusChange?)>.Shared.Rent(parts.Length * 2);
                Array.Copy(parts, larger, _count);
                System.Buffers.ArrayPool<(PartialDate?, TimelineEntryKind, ISourced, StatusChange?)>.Shared.Return(parts, clearArray: true);
                _parts = parts = larger;
            }
            parts[_count++] = (date, kind, record, change);
        }

        /// <summary>
        /// The entries in date order (undated last), then kind, then the order added, so that entries of one
        /// date keep agreements, then trade, then events: on keys packed once per entry, since comparing
        /// partial dates computes their bounds at every step.
        /// </summary>
        public readonly List<TimelineEntry> ToSortedEntries()
        {
            var result = new List<TimelineEntry>(_count);
            if (_parts is not { } parts) return result;
            var keys = System.Buffers.ArrayPool<Indexing.DateOrder.EntryKey>.Shared.Rent(_count);
            try
            {
                for (int i = 0; i < _count; i++) keys[i] = new(Indexing.DateOrder.Pack(parts[i].Date), (int)parts[i].Kind, i);
                Array.Sort(keys, 0, _count);
                for (int i = 0; i < _count; i++)
                {
                    var (date, kind, record, change) = parts[keys[i].Position];
                    result.Add(new TimelineEntry(date, kind, record, change));
                }
            }
            finally
            {
                System.Buffers.ArrayPool<Indexing.DateOrder.EntryKey>.Shared.Return(keys);
            }
            return result;
        }

        public void Dispose()
        {
            if (_parts is { } parts) System.Buffers.ArrayPool<(PartialDate?, TimelineEntryKind, ISourced, StatusChange?)>.Shared.Return(parts, clearArray: true);
            _parts = null;
        }
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

    private PartyLevel? Involvement(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations, CountryCode country) =>
        states.Contains(country) ? PartyLevel.State
        : organizations.Any(o => HomeCountry(o) == country) ? PartyLevel.Organization
        : null;

    /// <summary>
    /// The code of a country named in a query, by the rules of <c>Countries.Resolve</c> for text; one
    /// clear <see cref="ArgumentException"/> naming the input and the closest matches when the catalog
    /// has no such country.
    /// </summary>
    internal CountryCode CountryOf(CountryRef country, string parameter)
    {
        if (country.Code is { } code)
            return Countries.Contains(code) ? code : throw UnknownCountry(code.Value, parameter);
        string text = country.Text ?? "";
        return FindCountry(text) ?? throw UnknownCountry(text, parameter);
    }

    /// <summary>
    /// The country a code, a record or a text names, by the rules every query follows (codes, names, aliases
    /// and other datasets' spellings, as <c>Countries.Resolve</c>).
    /// </summary>
    /// <exception cref="UnknownCountryException">No country of the catalog has that name or code, or several share it; the exception suggests the closest.</exception>
    public Country ResolveCountry(CountryRef country) => Countries[CountryOf(country, nameof(country))];

    /// <summary>The country a text names, by code or by any name <c>Countries.Resolve</c> knows; null for none.</summary>
    private CountryCode? FindCountry(string text) =>
        CountryCode.TryParse(text, out var parsed) && Countries.Contains(parsed) ? parsed : Countries.Resolve(text)?.Code;

    /// <summary>The codes of two different countries named in a query.</summary>
    internal (CountryCode A, CountryCode B) DyadOf(CountryRef a, CountryRef b)
    {
        var (x, y) = (CountryOf(a, nameof(a)), CountryOf(b, nameof(b)));
        if (x == y) throw new ArgumentException($"A pair needs two different countries; both are {x}.", nameof(b));
        return (x, y);
    }

    /// <summary>What a query's text names: a country (by code or name), else an organization or a system (by id or name).</summary>
    internal object Involved(string countryOrId, string parameter)
    {
        ArgumentNullException.ThrowIfNull(countryOrId, parameter);
        if (FindCountry(countryOrId) is { } country) return country;
        if (Slug.IsValid(countryOrId) && Organizations.Contains(new OrganizationId(countryOrId))) return new OrganizationId(countryOrId);
        if (Slug.IsValid(countryOrId) && Systems.Contains(new SystemId(countryOrId))) return new SystemId(countryOrId);
        if (Organizations.Resolve(countryOrId) is { } organization) return organization.Id;
        if (Systems.Resolve(countryOrId) is { } system) return system.Id;
        throw UnknownCountry(countryOrId, parameter, "nor an organization or a system ");
    }

    private UnknownCountryException UnknownCountry(string input, string parameter, string orElse = "")
    {
        var closest = Countries.Closest(input, 3);
        return new UnknownCountryException(input, closest,
            $"'{input}' is not a country {orElse}of this catalog (data {DataVersion}); the closest country names are: {string.Join(", ", closest.Select(c => $"{c.Code} ({c.Name})"))}.", parameter);
    }
}
