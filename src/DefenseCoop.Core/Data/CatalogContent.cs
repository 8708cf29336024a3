using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Data;

/// <summary>
/// Validated records, ready to index: every reference in them resolves, and each kind is in (ordinal) id order.
/// </summary>
/// <remarks>
/// Content read from a snapshot holds its records as undecoded sections (<see cref="SnapshotSections"/>):
/// each kind is decoded on its first read, once, so that a first query touches only what it needs and
/// the time to open the bundled release does not grow with the release. Content from files, records
/// and importers holds every kind from the start. Either way it reads the same, and is immutable.
/// </remarks>
internal sealed record CatalogContent
{
    private readonly SnapshotSections? _sections;
    private ImmutableArray<Source> _sources;
    private ImmutableArray<Country> _countries;
    private ImmutableArray<Organization> _organizations;
    private ImmutableArray<Person> _people;
    private ImmutableArray<DefenseSystem> _systems;
    private ImmutableArray<Agreement> _agreements;
    private ImmutableArray<SpendingSeries> _spending;
    private ImmutableArray<TradeFlow> _trade;
    private ImmutableArray<Event> _events;
    private IReadOnlyDictionary<(DataValidator.Target, string), (object Record, string File)>? _origins;
    private bool _storedIndexValid;

    public CatalogContent(int schemaVersion, DataVersion dataVersion, LocalDate released,
        ImmutableArray<Source> sources, ImmutableArray<Country> countries, ImmutableArray<Organization> organizations,
        ImmutableArray<Person> people, ImmutableArray<DefenseSystem> systems, ImmutableArray<Agreement> agreements,
        ImmutableArray<SpendingSeries> spending, ImmutableArray<TradeFlow> trade, ImmutableArray<Event> events)
    {
        (SchemaVersion, DataVersion, Released) = (schemaVersion, dataVersion, released);
        (_sources, _countries, _organizations, _people, _systems) = (sources, countries, organizations, people, systems);
        (_agreements, _spending, _trade, _events) = (agreements, spending, trade, events);
    }

    /// <summary>Content whose records are decoded from a snapshot's sections when first read.</summary>
    public CatalogContent(int schemaVersion, DataVersion dataVersion, LocalDate released, SnapshotSections sections)
    {
        (SchemaVersion, DataVersion, Released) = (schemaVersion, dataVersion, released);
        _sections = sections;
        _storedIndexValid = true;
    }

    /// <summary>The snapshot's sections these records are decoded from, or null for content that holds every kind.</summary>
    public SnapshotSections? Sections => _sections;

    public int SchemaVersion { get; init; }

    public DataVersion DataVersion { get; init; }

    public LocalDate Released { get; init; }

    // Each kind: what was given, or else the snapshot's section, decoded once (the sections hand every
    // thread the same array, so two threads that both find a kind unread still share its records).
    public ImmutableArray<Source> Sources { get => Read(ref _sources, SnapshotSections.Kind.Sources); init => _sources = value; }

    public ImmutableArray<Country> Countries { get => Read(ref _countries, SnapshotSections.Kind.Countries); init => _countries = value; }

    // The stored agreement index rolls organizations up to their home countries: replacing the
    // organizations or the agreements (a `with` in a test, say) makes it stale, so it is dropped.
    public ImmutableArray<Organization> Organizations
    {
        get => Read(ref _organizations, SnapshotSections.Kind.Organizations);
        init => (_organizations, _storedIndexValid) = (value, false);
    }

    public ImmutableArray<Person> People { get => Read(ref _people, SnapshotSections.Kind.People); init => _people = value; }

    public ImmutableArray<DefenseSystem> Systems { get => Read(ref _systems, SnapshotSections.Kind.Systems); init => _systems = value; }

    public ImmutableArray<Agreement> Agreements
    {
        get => Read(ref _agreements, SnapshotSections.Kind.Agreements);
        init => (_agreements, _storedIndexValid) = (value, false);
    }

    public ImmutableArray<SpendingSeries> Spending { get => Read(ref _spending, SnapshotSections.Kind.Spending); init => _spending = value; }

    public ImmutableArray<TradeFlow> Trade { get => Read(ref _trade, SnapshotSections.Kind.Trade); init => _trade = value; }

    public ImmutableArray<Event> Events { get => Read(ref _events, SnapshotSections.Kind.Events); init => _events = value; }

    /// <summary>Each record and the file it came from, by the record's key (<see cref="DataValidator.KeyOf"/>).</summary>
    public IReadOnlyDictionary<(DataValidator.Target, string), (object Record, string File)> Origins
    {
        get => _origins ??= _sections?.Origins(this) ?? new Dictionary<(DataValidator.Target, string), (object, string)>();
        init => _origins = value;
    }

    /// <summary>The agreement index the snapshot stores for these very agreements and organizations, or null (then it is built from the records).</summary>
    public Indexing.AgreementIndex? StoredAgreementIndex() =>
        _storedIndexValid && _sections is { } sections ? sections.AgreementIndex(() => Agreements) : null;

    private ImmutableArray<T> Read<T>(ref ImmutableArray<T> field, SnapshotSections.Kind kind)
    {
        if (field.IsDefault && _sections is { } sections) field = sections.Records<T>(kind);
        return field;
    }
}
