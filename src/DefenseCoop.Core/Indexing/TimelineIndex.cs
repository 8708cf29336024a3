using System.Collections.Concurrent;

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
    // Each entry's date key beside the entry once made (null until first read), by list and ordinal: a merge
    // reads a key and then, for the head it takes, the entry of the same slot, so both share a cache line.
    private readonly Slot[] _signed, _periods, _eventDates;
    // The status changes that make entries of their own, in date order, and the agreement of each.
    private readonly (int Agreement, StatusChange Change)[] _changes;
    private readonly Slot[] _changed;
    private readonly Dictionary<CountryCode, int[]> _changeCountries, _changeStateCountries;
    private readonly Dictionary<(CountryCode, CountryCode), int[]> _changeDyads, _changeStateDyads;
    // Each timeline read to its end once, as its entries in order, by its four lists (the same arrays for the
    // same country or pair): a later read walks one array instead of merging again. One reference per entry
    // of a timeline a caller has read in full; nothing for a timeline only counted or read in part.
    private readonly ConcurrentDictionary<TimelineLists, TimelineEntry[]> _read = new();

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
    /// tests), as <see cref="DefenseCoopCatalog.BuildTimeline"/> orders them. The cursor keeps each head's
    /// key, so a step reads one key, the new head's. An entry is its list (two bits, the top two of the
    /// number) and its ordinal in that list's index. False when the lists are done.
    /// </summary>
    public bool Next(ref MergeCursor cursor, int[] signed, int[] changed, int[] flows, int[] events, out int entry)
    {
        if (!cursor.Started)
        {
            cursor.Started = true;
            cursor.SignedKey = Head(_signed, signed, 0);
            cursor.ChangedKey = Head(_changed, changed, 0);
            cursor.FlowsKey = Head(_periods, flows, 0);
            cursor.EventsKey = Head(_eventDates, events, 0);
        }
        int next = -1;
        long least = 0;
        if (cursor.Signed < signed.Length) (next, least) = (0, cursor.SignedKey);
        if (cursor.Changed < changed.Length && (next < 0 || cursor.ChangedKey < least)) (next, least) = (1, cursor.ChangedKey);
        if (cursor.Flows < flows.Length && (next < 0 || cursor.FlowsKey < least)) (next, least) = (2, cursor.FlowsKey);
        if (cursor.Events < events.Length && (next < 0 || cursor.EventsKey < least)) next = 3;
        switch (next)
        {
            case 0:
                entry = signed[cursor.Signed++];
                cursor.SignedKey = Head(_signed, signed, cursor.Signed);
                return true;
            case 1:
                entry = 1 << KindShift | changed[cursor.Changed++];
                cursor.ChangedKey = Head(_changed, changed, cursor.Changed);
                return true;
            case 2:
                entry = 2 << KindShift | flows[cursor.Flows++];
                cursor.FlowsKey = Head(_periods, flows, cursor.Flows);
                return true;
            case 3:
                entry = 3 << KindShift | events[cursor.Events++];
                cursor.EventsKey = Head(_eventDates, events, cursor.Events);
                return true;
            default:
                entry = 0;
                return false;
        }
    }

    /// <summary>A timeline's four lists, which identify it (the same arrays for the same country or pair).</summary>
    internal readonly record struct TimelineLists(int[] Signed, int[] Changed, int[] Flows, int[] Events);

    /// <summary>The entries of a timeline read in full before, in order, or null.</summary>
    public TimelineEntry[]? ReadBefore(TimelineLists lists) => _read.TryGetValue(lists, out var entries) ? entries : null;

    /// <summary>Keeps the entries of a timeline just read in full (every entry is made), in order, for later reads.</summary>
    public TimelineEntry[] KeepRead(TimelineLists lists, int count)
    {
        if (_read.TryGetValue(lists, out var kept)) return kept;
        var order = Merge(lists, count);
        var entries = new TimelineEntry[order.Length];
        for (int n = 0; n < entries.Length; n++) entries[n] = Entry(order[n]);
        return _read.GetOrAdd(lists, entries);
    }

    /// <summary>The merged order of a timeline's <paramref name="count"/> entries, one number each (see <see cref="Next"/>).</summary>
    public int[] Merge(TimelineLists lists, int count)
    {
        var order = new int[count];
        var cursor = default(MergeCursor);
        for (int n = 0; n < order.Length; n++) Next(ref cursor, lists.Signed, lists.Changed, lists.Flows, lists.Events, out order[n]);
        return order;
    }

    private static long Head(Slot[] slots, int[] list, int at) => at < list.Length ? slots[list[at]].Key : 0;

    /// <summary>Where a merge stands in each of the four lists, and the key of each list's head.</summary>
    internal struct MergeCursor
    {
        public int Signed, Changed, Flows, Events;
        public long SignedKey, ChangedKey, FlowsKey, EventsKey;
        public bool Started;
    }

    /// <summary>One entry's date key, and the entry once it is made.</summary>
    private struct Slot
    {
        public long Key;
        public TimelineEntry? Entry;
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
        ref var kept = ref Slots(entry >>> KindShift)[ordinal].Entry;
        return kept ?? Keep(ref kept, Make(entry >>> KindShift, ordinal));
    }

    private static TimelineEntry Keep(ref TimelineEntry? slot, TimelineEntry made) => Interlocked.CompareExchange(ref slot, made, null) ?? made;

    /// <summary>How many entries have been made so far, over every list (a count, for diagnostics and tests).</summary>
    internal int EntriesMade
    {
        get
        {
            int made = 0;
            foreach (var slots in new[] { _signed, _changed, _periods, _eventDates })
                foreach (var slot in slots)
                    if (slot.Entry is not null) made++;
            return made;
        }
    }

    private Slot[] Slots(int list) => list switch { 0 => _signed, 1 => _changed, 2 => _periods, _ => _eventDates };

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

    private static Slot[] Keys<T>(T[] records, Func<T, PartialDate?> date)
    {
        var slots = new Slot[records.Length];
        for (int i = 0; i < slots.Length; i++) slots[i].Key = DateOrder.Pack(date(records[i]));
        return slots;
    }
}
