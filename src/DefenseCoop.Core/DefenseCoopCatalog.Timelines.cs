namespace DefenseCoop;

// The timeline of given records by definition, which the indexed timelines are checked against.
public sealed partial class DefenseCoopCatalog
{
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
}
