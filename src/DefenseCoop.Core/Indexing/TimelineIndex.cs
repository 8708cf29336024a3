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
        var changes = new List<(int, StatusChange)>();
        for (int ordinal = 0; ordinal < agreements.Records.Length; ordinal++)
        {
            var agreement = agreements.Records[ordinal];
            foreach (var change in agreement.StatusHistory)
                if (DefenseCoopCatalog.HasOwnEntry(agreement, change)) changes.Add((ordinal, change));
        }
        _changes = DateOrder.Sort([.. changes], c => c.Item2.Date);
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
    public List<TimelineEntry> Of(CountryCode country, bool statesOnly) => statesOnly
        ? Merge(Get(_agreements.StateCountries, country), Get(_changeStateCountries, country), Get(_trade.StateCountries, country), Get(_events.StateCountries, country))
        : Merge(Get(_agreements.Countries, country), Get(_changeCountries, country), Get(_trade.Countries, country), Get(_events.Countries, country));

    /// <summary>The timeline of a pair of countries (<see cref="AgreementIndex.Dyad"/>).</summary>
    public List<TimelineEntry> Between((CountryCode, CountryCode) dyad, bool statesOnly) => statesOnly
        ? Merge(Get(_agreements.StateDyads, dyad), Get(_changeStateDyads, dyad), Get(_trade.StateDyads, dyad), Get(_events.StateDyads, dyad))
        : Merge(Get(_agreements.Dyads, dyad), Get(_changeDyads, dyad), Get(_trade.Dyads, dyad), Get(_events.Dyads, dyad));

    private static int[] Get<TKey>(IReadOnlyDictionary<TKey, int[]> postings, TKey key) => postings.TryGetValue(key, out var list) ? list : [];

    // Each step takes the head with the least key; of equal keys, the earlier kind (the order of the tests).
    private List<TimelineEntry> Merge(int[] signed, int[] changed, int[] flows, int[] events)
    {
        var result = new List<TimelineEntry>(signed.Length + changed.Length + flows.Length + events.Length);
        int s = 0, c = 0, f = 0, e = 0;
        while (true)
        {
            int next = -1;
            long least = 0;
            if (s < signed.Length) (next, least) = (0, _signed[signed[s]]);
            if (c < changed.Length && (next < 0 || _changed[changed[c]] < least)) (next, least) = (1, _changed[changed[c]]);
            if (f < flows.Length && (next < 0 || _periods[flows[f]] < least)) (next, least) = (2, _periods[flows[f]]);
            if (e < events.Length && (next < 0 || _eventDates[events[e]] < least)) next = 3;
            switch (next)
            {
                case 0:
                    var agreement = _agreements.Records[signed[s++]];
                    result.Add(new TimelineEntry(agreement.SignedOn, TimelineEntryKind.AgreementSigned, agreement));
                    break;
                case 1:
                    var (ordinal, change) = _changes[changed[c++]];
                    result.Add(new TimelineEntry(change.Date, TimelineEntryKind.StatusChanged, _agreements.Records[ordinal], change));
                    break;
                case 2:
                    var flow = _trade.Records[flows[f++]];
                    result.Add(new TimelineEntry(flow.Period, TimelineEntryKind.Trade, flow));
                    break;
                case 3:
                    var ev = _events.Records[events[e++]];
                    result.Add(new TimelineEntry(ev.Date, TimelineEntryKind.Event, ev));
                    break;
                default:
                    return result;
            }
        }
    }

    private static long[] Keys<T>(T[] records, Func<T, PartialDate?> date)
    {
        var keys = new long[records.Length];
        for (int i = 0; i < keys.Length; i++) keys[i] = DateOrder.Pack(date(records[i]));
        return keys;
    }
}
