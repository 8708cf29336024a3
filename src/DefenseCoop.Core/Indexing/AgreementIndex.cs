using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// The agreements in signing-date order (undated last), with posting lists of ordinals per country,
/// dyad, organization, system, kind, area and status, and the intervals of when each is in force
/// (<see cref="InForceIndex"/>, built on first use). Built once per catalog; read-only afterwards, so safe from many threads.
/// </summary>
internal sealed class AgreementIndex : IRecordIndex<Agreement, AgreementKind>
{
    private readonly LocalDate[] _signedEarliest;
    private readonly LocalDate[] _signedLatest;
    private readonly int _longestSigningDays;
    private InForceIndex? _inForce;
    private Agreement[]? _records;
    private readonly Func<Agreement[]>? _materialize;

    /// <param name="agreements">The agreements in id order, as validated content holds them: agreements signed on the same date stay in it.</param>
    /// <param name="homeCountry">The country an organization party counts for, or null (an intergovernmental organization counts for none).</param>
    public AgreementIndex(IEnumerable<Agreement> agreements, Func<OrganizationId, CountryCode?> homeCountry)
    {
        var records = DateOrder.Sort([.. agreements], a => a.SignedOn);
        _records = records;
        Count = records.Length;
        int dated = 0;
        while (dated < records.Length && records[dated].SignedOn is not null) dated++;
        DatedCount = dated;
        _signedEarliest = new LocalDate[dated];
        _signedLatest = new LocalDate[dated];
        for (int i = 0; i < dated; i++)
        {
            (_signedEarliest[i], _signedLatest[i]) = (records[i].SignedOn!.Value.Earliest, records[i].SignedOn!.Value.Latest);
            _longestSigningDays = Math.Max(_longestSigningDays, Period.DaysBetween(_signedEarliest[i], _signedLatest[i]));
        }
        All = Ordinals(Count);

        // One pass over the records fills every posting list; a key repeated within a record is kept once.
        var byCountry = new CountryPostings(homeCountry);
        var organizations = new Postings.Builder<OrganizationId>();
        var systems = new Postings.Builder<SystemId>();
        var kinds = new Postings.Builder<AgreementKind>();
        var areas = new Postings.Builder<CooperationArea>();
        var statuses = new Postings.Builder<AgreementStatus>();
        for (int ordinal = 0; ordinal < records.Length; ordinal++)
        {
            var agreement = records[ordinal];
            foreach (var party in agreement.Parties)
            {
                if (party.Country is { } country) byCountry.AddState(country);
                if (party.Organization is not { } organization) continue;
                organizations.Add(organization, ordinal);
                byCountry.AddOrganization(organization);
            }
            byCountry.Post(ordinal);
            foreach (var system in agreement.Systems) systems.Add(system, ordinal);
            kinds.Add(agreement.Kind, ordinal);
            foreach (var area in agreement.Areas) areas.Add(area, ordinal);
            foreach (var change in agreement.StatusHistory) statuses.Add(change.Status, ordinal);
        }
        // Plain dictionaries, never written after this: a frozen one reads a little faster but costs more to
        // build (and to JIT, per key type) than the few lookups a query plan makes would ever save.
        Countries = byCountry.Countries();
        Dyads = byCountry.Dyads();
        StateCountries = byCountry.StateCountries();
        StateDyads = byCountry.StateDyads();
        Organizations = organizations.ToDictionary();
        Systems = systems.ToDictionary();
        Kinds = kinds.ToDictionary();
        Areas = areas.ToDictionary();
        Statuses = statuses.ToDictionary();
        Bits = new PostingBits(Count, EveryList);
    }

    /// <summary>
    /// An index read back from its stored form (<see cref="StoredAgreementIndex"/>), whose agreements are
    /// put in date order only when a query first reads one: counting and planning need only the lists.
    /// </summary>
    /// <param name="stored">The lists and signing days, as the index built from the same agreements had them.</param>
    /// <param name="agreements">The agreements in id order, read when first needed.</param>
    public AgreementIndex(StoredAgreementIndex stored, Func<IReadOnlyList<Agreement>> agreements)
    {
        Count = stored.DateOrder.Length;
        DatedCount = stored.SignedEarliest.Length;
        (_signedEarliest, _signedLatest) = (stored.SignedEarliest, stored.SignedLatest);
        for (int i = 0; i < DatedCount; i++)
            _longestSigningDays = Math.Max(_longestSigningDays, Period.DaysBetween(_signedEarliest[i], _signedLatest[i]));
        _materialize = () =>
        {
            var byId = agreements();
            var records = new Agreement[Count];
            for (int i = 0; i < records.Length; i++) records[i] = byId[stored.DateOrder[i]];
            return records;
        };
        All = Ordinals(Count);
        (Countries, Dyads, StateCountries, StateDyads) = (stored.Countries, stored.Dyads, stored.StateCountries, stored.StateDyads);
        (Organizations, Systems, Kinds, Areas, Statuses) = (stored.Organizations, stored.Systems, stored.Kinds, stored.Areas, stored.Statuses);
        Bits = new PostingBits(Count, EveryList);
    }

    // Every posting list, for the bitmaps of the dense ones (made on first use).
    private IEnumerable<int[]> EveryList() => [.. Countries.Values, .. Dyads.Values, .. StateCountries.Values, .. StateDyads.Values,
        .. Organizations.Values, .. Systems.Values, .. Kinds.Values, .. Areas.Values, .. Statuses.Values];

    private static int[] Ordinals(int count)
    {
        var all = new int[count];
        for (int i = 0; i < all.Length; i++) all[i] = i;
        return all;
    }

    /// <inheritdoc/>
    public Func<Agreement[]> RecordSource => _recordSource ??= () => Records;

    private Func<Agreement[]>? _recordSource;

    /// <summary>Gets the bitmaps of the dense posting lists.</summary>
    public PostingBits Bits { get; }

    /// <summary>Gets how many agreements there are.</summary>
    public int Count { get; }

    /// <summary>Gets the agreements by ordinal (made on first read for an index read back from its stored form; every thread gets the same array).</summary>
    public Agreement[] Records => _records ?? Interlocked.CompareExchange(ref _records, _materialize!(), null) ?? _records;

    /// <summary>Gets how many agreements have a signing date; they hold ordinals 0..DatedCount-1.</summary>
    public int DatedCount { get; }

    /// <summary>Gets every ordinal.</summary>
    public int[] All { get; }

    public Dictionary<CountryCode, int[]> Countries { get; }
    public Dictionary<(CountryCode, CountryCode), int[]> Dyads { get; }
    public Dictionary<CountryCode, int[]> StateCountries { get; }
    public Dictionary<(CountryCode, CountryCode), int[]> StateDyads { get; }
    public Dictionary<OrganizationId, int[]> Organizations { get; }
    public Dictionary<SystemId, int[]> Systems { get; }
    public Dictionary<AgreementKind, int[]> Kinds { get; }
    public Dictionary<CooperationArea, int[]> Areas { get; }
    public Dictionary<AgreementStatus, int[]> Statuses { get; }

    IReadOnlyDictionary<CountryCode, int[]> IPostingIndex<AgreementKind>.CountryPostings => Countries;
    IReadOnlyDictionary<CountryCode, int[]> IPostingIndex<AgreementKind>.StateCountryPostings => StateCountries;
    IReadOnlyDictionary<(CountryCode, CountryCode), int[]> IPostingIndex<AgreementKind>.DyadPostings => Dyads;
    IReadOnlyDictionary<(CountryCode, CountryCode), int[]> IPostingIndex<AgreementKind>.StateDyadPostings => StateDyads;
    IReadOnlyDictionary<OrganizationId, int[]> IPostingIndex<AgreementKind>.OrganizationPostings => Organizations;
    IReadOnlyDictionary<SystemId, int[]> IPostingIndex<AgreementKind>.SystemPostings => Systems;
    IReadOnlyDictionary<AgreementKind, int[]> IPostingIndex<AgreementKind>.KindPostings => Kinds;

    (int From, int To) IPostingIndex<AgreementKind>.DateWindow(LocalDate from, LocalDate to) => SignedWindow(from, to);

    // Ordinals before EndsBy start early enough to end within the range; only later ones need their latest day.
    Func<int, bool> IPostingIndex<AgreementKind>.EndsBy(LocalDate to)
    {
        int endsBy = EndsBy(to);
        return ordinal => ordinal < endsBy || _signedLatest[ordinal] <= to;
    }

    /// <summary>The unordered pair key of two countries.</summary>
    public static (CountryCode, CountryCode) Dyad(CountryCode a, CountryCode b) => a.CompareTo(b) <= 0 ? (a, b) : (b, a);

    /// <summary>The ordinals whose signing date may start within <paramref name="from"/>..<paramref name="to"/>: a window, since ordinals follow the date.</summary>
    public (int From, int To) SignedWindow(LocalDate from, LocalDate to)
    {
        var earliest = _signedEarliest.AsSpan();
        return (DateOrder.LowerBound(earliest, from), DateOrder.UpperBound(earliest, to));
    }

    /// <summary>The first day the signing date of dated ordinal <paramref name="ordinal"/> may be.</summary>
    public LocalDate SignedEarliest(int ordinal) => _signedEarliest[ordinal];

    /// <summary>The last day the signing date of dated ordinal <paramref name="ordinal"/> may be, kept beside the
    /// earliest so that a date-range check reads an array instead of the record.</summary>
    public LocalDate SignedLatest(int ordinal) => _signedLatest[ordinal];

    /// <summary>
    /// The first ordinal whose signing date may end after <paramref name="date"/>: every one before it
    /// starts early enough that even the longest partial date in the catalog (a year, say) ends by then,
    /// so a range check need not read its latest day.
    /// </summary>
    public int EndsBy(LocalDate date)
    {
        int bound = date.ToDateOnly().DayNumber - _longestSigningDays + 1;
        if (bound > DateOnly.MaxValue.DayNumber) return _signedEarliest.Length; // past the calendar's end: every date starts before it
        return bound <= DateOnly.MinValue.DayNumber ? 0 : DateOrder.LowerBound(_signedEarliest, LocalDate.FromDateOnly(DateOnly.FromDayNumber(bound)));
    }

    /// <summary>When each agreement is certainly or possibly in force; built on first use, so that a catalog
    /// whose in-force filters are never used never pays for it. Two threads may both build it; the results
    /// are equal and immutable, so either may be kept.</summary>
    public InForceIndex InForce => _inForce ??= new InForceIndex(Records);
}
