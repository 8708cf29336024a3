using System.Collections;
using DefenseCoop.Indexing;

namespace DefenseCoop;

/// <summary>
/// A timeline of a country or of two countries, in date order (undated entries last): agreements and
/// their status changes, trade flows and events. Read-only; safe to read from many threads.
/// </summary>
/// <remarks>
/// A timeline is four lists of the catalog's index, each already in date order, and nothing more: making
/// one allocates nothing per entry, <see cref="Count"/> and <see cref="Any"/> add up the lists' lengths,
/// and reading merges them as it goes. Each <see cref="TimelineEntry"/> is made the first time any
/// timeline of the catalog reads it, and kept: every timeline listing it, and every later read, returns
/// the same object, with its summary written once. Reading by position (<c>timeline[i]</c>, or LINQ's
/// <c>Skip</c>, <c>ElementAt</c>, <c>Last</c>) merges the lists once, into one number per entry, on first use.
/// Once a timeline has been read to its end, the catalog keeps its entries in order (one reference each), and
/// every later read of the same country's or pair's timeline walks them instead of merging again.
/// </remarks>
public sealed class Timeline : IReadOnlyList<TimelineEntry>, IList<TimelineEntry>
{
    private readonly TimelineIndex _index;
    private readonly int[] _signed, _changed, _flows, _events;
    private int[]? _order;
    private TimelineEntry[]? _entries;

    internal Timeline(TimelineIndex index, int[] signed, int[] changed, int[] flows, int[] events) =>
        (_index, _signed, _changed, _flows, _events) = (index, signed, changed, flows, events);

    /// <summary>Gets the number of entries, from the lists' lengths: no entry is made.</summary>
    public int Count => _signed.Length + _changed.Length + _flows.Length + _events.Length;

    /// <summary>Whether the timeline has any entry; no entry is made.</summary>
    public bool Any() => Count > 0;

    /// <summary>Gets the entry at <paramref name="index"/> in date order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative, or not less than <see cref="Count"/>.</exception>
    public TimelineEntry this[int index] => (uint)index < (uint)Count
        ? Entries is { } entries ? entries[index] : _index.Entry(Order[index])
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"A timeline of {Count} entries has no entry {index}.");

    private TimelineIndex.TimelineLists Lists => new(_signed, _changed, _flows, _events);

    // The entries in order, where this timeline (of this country or pair) was read to its end before.
    private TimelineEntry[]? Entries => _entries ??= Count == 0 ? null : _index.ReadBefore(Lists);

    // Called when a read by merging reaches the end: every entry has been made, so keeping them costs one array.
    private void ReadToEnd() => _entries ??= _index.KeepRead(Lists, Count);

    // The merged order, one number per entry, made on the first read by position. Two threads may both
    // make it; the arrays are equal, so either may be kept.
    private int[] Order => _order ??= _index.Merge(Lists, Count);

    /// <summary>Returns an enumerator that merges the lists as it reads, allocating nothing itself.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<TimelineEntry> IEnumerable<TimelineEntry>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Whether <paramref name="item"/> is an entry of the timeline.</summary>
    public bool Contains(TimelineEntry item) => IndexOf(item) >= 0;

    /// <summary>The position of <paramref name="item"/> in the timeline, or -1.</summary>
    public int IndexOf(TimelineEntry item)
    {
        int position = 0;
        foreach (var entry in this)
        {
            if (entry.Equals(item)) return position;
            position++;
        }
        return -1;
    }

    /// <summary>Copies the entries to <paramref name="array"/> from <paramref name="arrayIndex"/> on.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="array"/> is null.</exception>
    /// <exception cref="ArgumentException">The array is too short.</exception>
    public void CopyTo(TimelineEntry[] array, int arrayIndex)
    {
        ArgumentNullException.ThrowIfNull(array);
        ArgumentOutOfRangeException.ThrowIfNegative(arrayIndex);
        if (array.Length - arrayIndex < Count) throw new ArgumentException($"The array has room for {array.Length - arrayIndex} entries from {arrayIndex}; the timeline has {Count}.", nameof(array));
        foreach (var entry in this) array[arrayIndex++] = entry;
    }

    bool ICollection<TimelineEntry>.IsReadOnly => true;

    TimelineEntry IList<TimelineEntry>.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    void IList<TimelineEntry>.Insert(int index, TimelineEntry item) => throw ReadOnly();

    void IList<TimelineEntry>.RemoveAt(int index) => throw ReadOnly();

    void ICollection<TimelineEntry>.Add(TimelineEntry item) => throw ReadOnly();

    void ICollection<TimelineEntry>.Clear() => throw ReadOnly();

    bool ICollection<TimelineEntry>.Remove(TimelineEntry item) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("A timeline is read-only.");

    /// <summary>Reads a timeline in date order, merging its lists as it goes (or walking its entries, read in full before).</summary>
    public struct Enumerator : IEnumerator<TimelineEntry>
    {
        private readonly Timeline _timeline;
        private readonly TimelineEntry[]? _entries;
        private int _position;
        private TimelineIndex.MergeCursor _cursor;
        private TimelineEntry? _current;

        internal Enumerator(Timeline timeline) => (_timeline, _entries) = (timeline, timeline.Entries);

        /// <summary>Gets the entry read last.</summary>
        public readonly TimelineEntry Current => _current!;

        readonly object IEnumerator.Current => Current;

        /// <summary>Reads the next entry.</summary>
        public bool MoveNext()
        {
            if (_entries is { } entries)
            {
                bool more = _position < entries.Length;
                _current = more ? entries[_position++] : null;
                return more;
            }
            var t = _timeline;
            bool found = t._index.Next(ref _cursor, t._signed, t._changed, t._flows, t._events, out int entry);
            _current = found ? t._index.Entry(entry) : null;
            if (!found && t.Count > 0) t.ReadToEnd();
            return found;
        }

        /// <summary>Starts again from the first entry.</summary>
        public void Reset() => (_cursor, _position, _current) = (default, 0, null);

        /// <summary>Does nothing: the enumerator holds nothing to release.</summary>
        public readonly void Dispose() { }
    }
}
