using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// When each agreement is certainly, and possibly, in force, as intervals of days computed once from the
/// rule of <see cref="AgreementInForce"/>, so that a query never walks a status history. An agreement's
/// intervals of one kind are disjoint, so the number of agreements in force on a day is the number of
/// intervals containing it: the intervals starting by then less those ended before, two binary searches.
/// Built on first use of an in-force filter; read-only afterwards.
/// </summary>
internal sealed class InForceIndex
{
    // An agreement with more bounds than this is not split into intervals (evaluating the rule once per
    // piece costs the square of its changes) but tested with the rule itself when asked: a file cannot
    // make building the index quadratic, and real agreements have a handful of changes.
    private const int MaxBreakpoints = 64;

    private readonly Agreement[] _records;
    private readonly Intervals _certain;
    private readonly Intervals _possible;
    private readonly int[] _walked;     // ordinals tested with the rule, ascending
    private readonly bool[]? _isWalked;

    /// <param name="records">The agreements by ordinal.</param>
    public InForceIndex(Agreement[] records)
    {
        _records = records;
        var certain = new Intervals.Builder(records.Length);
        var possible = new Intervals.Builder(records.Length);
        var bounds = new List<LocalDate>(8);
        var walked = new List<int>();
        for (int ordinal = 0; ordinal < records.Length; ordinal++)
        {
            var agreement = records[ordinal];
            Breakpoints(agreement, bounds);
            if (bounds.Count > MaxBreakpoints)
            {
                walked.Add(ordinal);
                certain.EndRecord();
                possible.EndRecord();
                continue;
            }
            // The state can change only where a bound of a change is reached ("Earliest <= day" and
            // "Latest <= day" are the rule's only tests), so it is constant from one breakpoint to the
            // next: evaluating the rule once per piece gives the exact answer for every day.
            LocalDate pieceStart = LocalDate.MinIsoValue;
            var state = agreement.StateOn(pieceStart);
            for (int i = 0; i <= bounds.Count; i++)
            {
                if (i < bounds.Count && bounds[i] == pieceStart) continue;
                var pieceEnd = i < bounds.Count ? bounds[i].PlusDays(-1) : LocalDate.MaxIsoValue;
                certain.Add(pieceStart, pieceEnd, state == InForceState.InForce);
                possible.Add(pieceStart, pieceEnd, state != InForceState.NotInForce);
                if (i < bounds.Count)
                {
                    pieceStart = bounds[i];
                    state = agreement.StateOn(pieceStart);
                }
            }
            certain.EndRecord();
            possible.EndRecord();
        }
        _certain = certain.Build();
        _possible = possible.Build();
        _walked = [.. walked];
        if (_walked.Length > 0)
        {
            _isWalked = new bool[records.Length];
            foreach (int ordinal in _walked) _isWalked[ordinal] = true;
        }
    }

    private bool Matches(int ordinal, LocalDate date, bool possibly)
    {
        var state = _records[ordinal].StateOn(date);
        return possibly ? state != InForceState.NotInForce : state == InForceState.InForce;
    }

    // The distinct days, ascending, on which the in-force state of an agreement may change.
    private static void Breakpoints(Agreement agreement, List<LocalDate> bounds)
    {
        bounds.Clear();
        foreach (var change in agreement.StatusHistory)
        {
            if (change.Date is not { } date || AgreementInForce.Effect(change.Status) is null) continue;
            bounds.Add(date.Earliest);
            bounds.Add(date.Latest);
        }
        if (bounds.Count == 0 && agreement.SignedOn is { } signed)
        {
            bounds.Add(signed.Earliest);
            bounds.Add(signed.Latest);
        }
        bounds.Sort();
    }

    /// <summary>How many agreements are in force on <paramref name="date"/>: certainly, or also possibly.</summary>
    public int Count(LocalDate date, bool possibly)
    {
        int count = (possibly ? _possible : _certain).Count(date);
        foreach (int ordinal in _walked)
            if (Matches(ordinal, date, possibly)) count++;
        return count;
    }

    /// <summary>Whether the agreement at <paramref name="ordinal"/> is in force on <paramref name="date"/>: certainly, or also possibly.</summary>
    public bool Contains(int ordinal, LocalDate date, bool possibly) =>
        _isWalked is not null && _isWalked[ordinal] ? Matches(ordinal, date, possibly) : (possibly ? _possible : _certain).Contains(ordinal, date);

    /// <summary>The ordinals of the agreements in force on <paramref name="date"/>, ascending.</summary>
    public int[] Ordinals(LocalDate date, bool possibly)
    {
        var listed = (possibly ? _possible : _certain).Ordinals(date);
        if (_walked.Length == 0) return listed;
        var walked = new List<int>();
        foreach (int ordinal in _walked)
            if (Matches(ordinal, date, possibly)) walked.Add(ordinal);
        return Postings.Union([listed, [.. walked]]);
    }

    /// <summary>Disjoint intervals per ordinal, and the same intervals sorted by start and by end.</summary>
    private sealed class Intervals
    {
        private const int BlockSize = 64;

        private readonly int _recordCount;
        // Per ordinal, its intervals at _offsets[ordinal].._offsets[ordinal + 1], ascending.
        private readonly int[] _offsets;
        private readonly LocalDate[] _start;
        private readonly LocalDate[] _end;
        // Every interval by start; the ends in the same order, and the latest end of each block of them.
        private readonly LocalDate[] _sortedStarts;
        private readonly LocalDate[] _endsByStart;
        private readonly int[] _ordinalsByStart;
        private readonly LocalDate[] _blockMaxEnd;
        // Every end, ascending.
        private readonly LocalDate[] _sortedEnds;

        private Intervals(int recordCount, int[] offsets, LocalDate[] start, LocalDate[] end)
        {
            _recordCount = recordCount;
            _offsets = offsets;
            _start = start;
            _end = end;
            _sortedStarts = (LocalDate[])start.Clone();
            var order = new int[start.Length];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(_sortedStarts, order);
            _endsByStart = new LocalDate[order.Length];
            _ordinalsByStart = new int[order.Length];
            int ordinal = 0;
            var ordinalOf = new int[start.Length];
            for (int i = 0; i < start.Length; i++)
            {
                while (_offsets[ordinal + 1] <= i) ordinal++;
                ordinalOf[i] = ordinal;
            }
            for (int i = 0; i < order.Length; i++)
            {
                _endsByStart[i] = end[order[i]];
                _ordinalsByStart[i] = ordinalOf[order[i]];
            }
            _blockMaxEnd = new LocalDate[(order.Length + BlockSize - 1) / BlockSize];
            for (int block = 0; block < _blockMaxEnd.Length; block++)
            {
                var max = _endsByStart[block * BlockSize];
                for (int i = block * BlockSize + 1; i < Math.Min(order.Length, (block + 1) * BlockSize); i++)
                    if (_endsByStart[i] > max) max = _endsByStart[i];
                _blockMaxEnd[block] = max;
            }
            _sortedEnds = (LocalDate[])end.Clone();
            Array.Sort(_sortedEnds);
        }

        // Intervals containing the day: those started by it, less those ended before it (which all started before it).
        public int Count(LocalDate date) => UpperBound(_sortedStarts, date) - DateOrder.LowerBound(_sortedEnds, date);

        public bool Contains(int ordinal, LocalDate date)
        {
            for (int i = _offsets[ordinal]; i < _offsets[ordinal + 1] && _start[i] <= date; i++)
                if (date <= _end[i]) return true;
            return false;
        }

        // The intervals started by the day are walked by blocks, skipping a block whose every interval
        // ended before it; a bitmap of ordinals then lists them ascending without a sort.
        public int[] Ordinals(LocalDate date)
        {
            int started = UpperBound(_sortedStarts, date);
            int count = Count(date);
            var result = new int[count];
            if (count == 0) return result;
            var bits = new ulong[(_recordCount + 63) >> 6];
            for (int block = 0; block * BlockSize < started; block++)
            {
                if (_blockMaxEnd[block] < date) continue;
                int stop = Math.Min(started, (block + 1) * BlockSize);
                for (int i = block * BlockSize; i < stop; i++)
                {
                    if (_endsByStart[i] < date) continue;
                    int ordinal = _ordinalsByStart[i];
                    bits[ordinal >> 6] |= 1UL << ordinal;
                }
            }
            int n = 0;
            for (int word = 0; word < bits.Length; word++)
                for (ulong w = bits[word]; w != 0; w &= w - 1)
                    result[n++] = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(w);
            return result;
        }

        private static int UpperBound(ReadOnlySpan<LocalDate> dates, LocalDate date)
        {
            int lo = 0, hi = dates.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (dates[mid] <= date) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        /// <summary>Collects the intervals record by record, merging a piece into the one it continues.</summary>
        public sealed class Builder(int recordCount)
        {
            private readonly List<int> _offsets = new(recordCount + 1) { 0 };
            private readonly List<LocalDate> _start = new(recordCount);
            private readonly List<LocalDate> _end = new(recordCount);
            private int _recordStart;

            public void Add(LocalDate start, LocalDate end, bool inside)
            {
                if (!inside) return;
                if (_start.Count > _recordStart && _end[^1].PlusDays(1) == start) _end[^1] = end;
                else
                {
                    _start.Add(start);
                    _end.Add(end);
                }
            }

            public void EndRecord()
            {
                _offsets.Add(_start.Count);
                _recordStart = _start.Count;
            }

            public Intervals Build() => new(recordCount, [.. _offsets], [.. _start], [.. _end]);
        }
    }
}
