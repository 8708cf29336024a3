namespace DefenseCoop.Indexing;

/// <summary>
/// Timelines by merging, not sorting. A timeline has four kinds of entry, each already in date order in
/// an index: signings (the agreements' own order), status changes (kept here, in date order, with their
/// own posting lists), trade flows and events. So the timeline of a country or a dyad is four posting
/// lists, counted by their lengths and read by a merge on date keys packed once per record, in time
/// linear in its length. Built on first use of a timeline; afterwards only the entries it keeps, each
/// made once on first read, are added (atomically), so it is safe from many threads.
/// </summary>
/// <remarks>
/// Entries of one date come signings, status changes, trade, events, and within a kind in the order of
/// its index, which is the order <see cref="DefenseCoopCatalog.BuildTimeline"/> defines.
/// </remarks>
internal sealed class TimelineIndex
{
    private readonly AgreementIndex _agreements;
    private readonly TradeIndex _trade;
    private readonly EventIndex _events;
    private readonly long[] _signed, _periods, _eventDates;
    // The status changes that make entries of their own, in date order, and the agreement of each.
    private readonly (int Agreement, StatusChange Change)[] _changes;
    private readonly long[] _changed;
    private readonly Dictionary<CountryCode, int[]> _changeCountries, _changeStateCountries;
    private readonly Dictionary<(CountryCode, CountryCode), int[]> _changeDyads, _changeStateDyads;
    // The entries made so far, by list and ordinal (null until first read): one reference per record.
    private readonly TimelineEntry?[] _signedEntries, _changeEntries, _flowEntries, _eventEntries;

    public TimelineIndex(AgreementIndex agreements, TradeIndex trade, EventIndex events, Func<OrganizationId, CountryCode?> homeCountry)
    {
        (_agreements, _trade, _events) = (agreements, trade, events);
        _signed = Keys(agreements.Records, a => a.SignedOn);
        _periods = Keys(trade.Records, f => f.Period);
        _eventDates = Keys(events.Records, e => e.Date);

        // Collected in agreement order, then sorted by date: ties keep that order, as a timeline lists them.
        var changes = new List<(int Agreement, StatusChange Change)>();
        for (int ordinal = 0; ordinal < agreements.Records.Length; ordinal++)
        {
            var agreement = agreements.Records[ordinal];
            foreach (var change in agreement.StatusHistory)
                if (DefenseCoopCatalog.HasOwnEntry(agreement, change)) changes.Add((ordinal, change));
        }
        _changes = DateOrder.Sort([.. changes], c => c.Change.Date);
        _changed = Keys(_changes, c => c.Change.Date);

        var byCountry = new CountryPostings(homeCountry);
        for (int rank = 0; rank < _changes.Length; rank++)
        {
            foreach (var party in agreements.Records[_changes[rank].Agreement].Parties)
            {
                if (party.Country is { } country) byCountry.AddState(country);
                if (party.Organization is { } organization) byCountry.AddOrganization(organization);
            }
            byCountry.Post(rank);
        }
        _changeCountries = byCountry.Countries();
        _changeStateCountries = byCountry.StateCountries();
        _changeDyads = byCountry.Dyads();
        _changeStateDyads = byCountry.StateDyads();
        _signedEntries = new TimelineEntry?[agreements.Records.Length];
        _changeEntries = new TimelineEntry?[_changes.Length];
        _flowEntries = new TimelineEntry?[trade.Records.Length];
        _eventEntries = new TimelineEntry?[events.Records.Length];
    }

    /// <summary>The timeline of one country.</summary>
    public Timeline Of(CountryCode country, bool statesOnly) => statesOnly
        ? new(this, Postings.Get(_agreements.StateCountries, country), Postings.Get(_changeStateCountries, country), Postings.Get(_trade.StateCountries, country), Postings.Get(_events.StateCountries, country))
        : new(this, Postings.Get(_agreements.Countries, country), Postings.Get(_changeCountries, country), Postings.Get(_trade.Countries, country), Postings.Get(_events.Countries, country));

    /// <summary>The timeline of a pair of countries (<see cref="AgreementIndex.Dyad"/>).</summary>
    public Timeline Between((CountryCode, CountryCode) dyad, bool statesOnly) => statesOnly
        ? new(this, Postings.Get(_agreements.StateDyads, dyad), Postings.Get(_changeStateDyads, dyad), Postings.Get(_trade.StateDyads, dyad), Postings.Get(_events.StateDyads, dyad))
        : new(this, Postings.Get(_agreements.Dyads, dyad), Postings.Get(_changeDyads, dyad), Postings.Get(_trade.Dyads, dyad), Postings.Get(_events.Dyads, dyad));

    /// <summary>
    /// The next entry of a merge of the four lists from the positions in <paramref name="cursor"/>, which it
    /// advances: the head with the least date key, and of equal keys the earlier kind (the order of the
    /// tests), as <see cref="DefenseCoopCatalog.BuildTimeline"/> orders them. An entry is its list (two bits,
    /// the top two of the number) and its ordinal in that list's index. False when the lists are done.
    /// </summary>
    public bool Next(ref MergeCursor cursor, int[] signed, int[] changed, int[] flows, int[] events, out int entry)
    {
        int next = -1;
        long least = long.MaxValue;
        if (cursor.Signed < signed.Length) (next, least) = (0, _signed[signed[cursor.Signed]]);
        if (cursor.Changed < changed.Length && (next < 0 || _changed[changed[cursor.Changed]] < least)) (next, least) = (1, _changed[changed[cursor.Changed]]);
        if (cursor.Flows < flows.Length && (next < 0 || _periods[flows[cursor.Flows]] < least)) (next, least) = (2, _periods[flows[cursor.Flows]]);
        if (cursor.Events < events.Length && (next < 0 || _eventDates[events[cursor.Events]] < least)) next = 3;
        entry = next switch
        {
            0 => signed[cursor.Signed++],
            1 => 1 << KindShift | changed[cursor.Changed++],
            2 => 2 << KindShift | flows[cursor.Flows++],
            3 => 3 << KindShift | events[cursor.Events++],
            _ => 0,
        };
        return next >= 0;
    }

    /// <summary>Where a merge stands in each of the four lists.</summary>
    internal struct MergeCursor
    {
        public int Signed, Changed, Flows, Events;
    }

    // An entry is its list (two bits) and its ordinal in that list's index.
    private const int KindShift = 30;

    /// <summary>
    /// The entry a merged number stands for: made on its first read in any timeline of the catalog and
    /// kept, so that every timeline listing it shares one object, its summary written once. Two threads
    /// reading a new entry at once may both make it; both return the one kept.
    /// </summary>
    public TimelineEntry Entry(int entry)
    {
        int ordinal = entry & ((1 << KindShift) - 1);
        ref var kept = ref Kept(entry >>> KindShift, ordinal);
        return kept ?? Keep(ref kept, Make(entry >>> KindShift, ordinal));
    }

    private static TimelineEntry Keep(ref TimelineEntry? slot, TimelineEntry made) => Interlocked.CompareExchange(ref slot, made, null) ?? made;

    private ref TimelineEntry? Kept(int list, int ordinal)
    {
        switch (list)
        {
            case 0: return ref _signedEntries[ordinal];
            case 1: return ref _changeEntries[ordinal];
            case 2: return ref _flowEntries[ordinal];
            default: return ref _eventEntries[ordinal];
        }
    }

    private TimelineEntry Make(int list, int ordinal)
    {
        switch (list)
        {
            case 0:
                var agreement = _agreements.Records[ordinal];
                return new TimelineEntry(agreement.SignedOn, TimelineEntryKind.AgreementSigned, agreement);
            case 1:
                var (owner, change) = _changes[ordinal];
                return new TimelineEntry(change.Date, TimelineEntryKind.StatusChanged, _agreements.Records[owner], change);
            case 2:
                var flow = _trade.Records[ordinal];
                return new TimelineEntry(flow.Period, TimelineEntryKind.Trade, flow);
            default:
                var ev = _events.Records[ordinal];
                return new TimelineEntry(ev.Date, TimelineEntryKind.Event, ev);
        }
    }

    private static long[] Keys<T>(T[] records, Func<T, PartialDate?> date)
    {
        var keys = new long[records.Length];
        for (int i = 0; i < keys.Length; i++) keys[i] = DateOrder.Pack(date(records[i]));
        return keys;
    }
}
