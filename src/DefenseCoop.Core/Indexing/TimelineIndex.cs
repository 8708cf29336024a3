namespace DefenseCoop.Indexing;

/// <summary>
/// Timelines by merging, not sorting. A timeline has four kinds of entry, each already in date order in
/// an index: signings (the agreements' own order), status changes (kept here, in date order, with their
/// own posting lists), trade flows and events. So the timeline of a country or a dyad is a merge of four
/// posting lists on date keys packed once per record, in time linear in its length. Built on first use
/// of a timeline; read-only afterwards, so safe from many threads.
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
    }

    /// <summary>The timeline of one country.</summary>
    public IReadOnlyList<TimelineEntry> Of(CountryCode country, bool statesOnly) => statesOnly
        ? Merge(Postings.Get(_agreements.StateCountries, country), Postings.Get(_changeStateCountries, country), Postings.Get(_trade.StateCountries, country), Postings.Get(_events.StateCountries, country))
        : Merge(Postings.Get(_agreements.Countries, country), Postings.Get(_changeCountries, country), Postings.Get(_trade.Countries, country), Postings.Get(_events.Countries, country));

    /// <summary>The timeline of a pair of countries (<see cref="AgreementIndex.Dyad"/>).</summary>
    public IReadOnlyList<TimelineEntry> Between((CountryCode, CountryCode) dyad, bool statesOnly) => statesOnly
        ? Merge(Postings.Get(_agreements.StateDyads, dyad), Postings.Get(_changeStateDyads, dyad), Postings.Get(_trade.StateDyads, dyad), Postings.Get(_events.StateDyads, dyad))
        : Merge(Postings.Get(_agreements.Dyads, dyad), Postings.Get(_changeDyads, dyad), Postings.Get(_trade.Dyads, dyad), Postings.Get(_events.Dyads, dyad));

    // Each step takes the head with the least key; of equal keys, the earlier kind (the order of the tests).
    // The result keeps which list and ordinal each entry comes from, one number each; entries are made when read.
    private TimelineList Merge(int[] signed, int[] changed, int[] flows, int[] events)
    {
        var entries = new int[signed.Length + changed.Length + flows.Length + events.Length];
        int s = 0, c = 0, f = 0, e = 0;
        for (int n = 0; n < entries.Length; n++)
        {
            int next = 0;
            long least = s < signed.Length ? _signed[signed[s]] : long.MaxValue;
            bool found = s < signed.Length;
            if (c < changed.Length && (!found || _changed[changed[c]] < least)) (next, least, found) = (1, _changed[changed[c]], true);
            if (f < flows.Length && (!found || _periods[flows[f]] < least)) (next, least, found) = (2, _periods[flows[f]], true);
            if (e < events.Length && (!found || _eventDates[events[e]] < least)) next = 3;
            entries[n] = next switch
            {
                0 => signed[s++],
                1 => 1 << KindShift | changed[c++],
                2 => 2 << KindShift | flows[f++],
                _ => 3 << KindShift | events[e++],
            };
        }
        return new TimelineList(this, entries);
    }

    // An entry is its list (two bits) and its ordinal in that list's index.
    private const int KindShift = 30;

    /// <summary>Makes the entry a merged number stands for.</summary>
    private TimelineEntry Entry(int entry)
    {
        int ordinal = entry & ((1 << KindShift) - 1);
        switch (entry >>> KindShift)
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

    /// <summary>
    /// A timeline as the merge left it, one number per entry: each entry is made when it is read, so a
    /// timeline of thousands of entries that is counted, paged or read once holds no object per entry.
    /// Reading an entry twice makes two equal entries.
    /// </summary>
    private sealed class TimelineList(TimelineIndex owner, int[] entries) : IReadOnlyList<TimelineEntry>
    {
        public int Count => entries.Length;

        public TimelineEntry this[int index] => (uint)index < (uint)entries.Length
            ? owner.Entry(entries[index])
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"A timeline of {entries.Length} entries has no entry {index}.");

        public IEnumerator<TimelineEntry> GetEnumerator()
        {
            foreach (int entry in entries) yield return owner.Entry(entry);
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static long[] Keys<T>(T[] records, Func<T, PartialDate?> date)
    {
        var keys = new long[records.Length];
        for (int i = 0; i < keys.Length; i++) keys[i] = DateOrder.Pack(date(records[i]));
        return keys;
    }
}
