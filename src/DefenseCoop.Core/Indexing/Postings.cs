using System.Runtime.InteropServices;

namespace DefenseCoop.Indexing;

/// <summary>
/// Operations on posting lists: ascending arrays of record ordinals. Ordinals follow the records'
/// date order, so every list is sorted by date and a date range is a range of ordinals.
/// </summary>
internal static class Postings
{
    /// <summary>The first position in <paramref name="list"/> whose ordinal is at least <paramref name="ordinal"/>.</summary>
    public static int LowerBound(ReadOnlySpan<int> list, int ordinal)
    {
        int lo = 0, hi = list.Length;
        while (lo < hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (list[mid] < ordinal) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// Advances <paramref name="position"/> to the first entry of <paramref name="list"/> at least
    /// <paramref name="ordinal"/> by galloping (doubling steps, then a binary search), so that walking
    /// a long list in step with a short one costs a logarithm per step, not a scan.
    /// </summary>
    public static int Gallop(ReadOnlySpan<int> list, int position, int ordinal)
    {
        int step = 1, hi = position;
        while (hi < list.Length && list[hi] < ordinal)
        {
            position = hi + 1;
            hi += step;
            step <<= 1;
        }
        hi = Math.Min(hi, list.Length);
        return position + LowerBound(list[position..hi], ordinal);
    }

    /// <summary>The list of <paramref name="key"/>, or an empty one.</summary>
    public static int[] Get<TKey>(IReadOnlyDictionary<TKey, int[]> postings, TKey key) => postings.TryGetValue(key, out var list) ? list : [];

    /// <summary>
    /// Adds what a filter with several values asks for to a plan: the one list of a single value as it is,
    /// or the lists of several as a union (a group in <paramref name="unions"/>) that the plan tests in
    /// step with its walk: a lookup per value, so planning never merges whole lists.
    /// </summary>
    public static void AddAny<TKey>(IReadOnlyDictionary<TKey, int[]> postings, TKey[] keys, List<int[]> lists, ref List<int[][]>? unions) where TKey : notnull
    {
        int[]? first = null;
        List<int[]>? several = null;
        foreach (var key in keys)
        {
            if (!postings.TryGetValue(key, out var list) || list.Length == 0 || ReferenceEquals(list, first)) continue;
            if (first is null) first = list;
            else if (several is null || !several.Contains(list)) (several ??= [first]).Add(list);
        }
        if (several is not null) (unions ??= []).Add([.. several]);
        else lists.Add(first ?? []);
    }

    /// <summary>The ascending union of several lists, without duplicates.</summary>
    /// <remarks>One list is returned as it is (lists are never written to); several are merged.</remarks>
    public static int[] Union(IEnumerable<int[]> lists)
    {
        int[]? first = null, second = null;
        List<int[]>? more = null;
        foreach (var list in lists)
        {
            if (list.Length == 0) continue;
            if (first is null) first = list;
            else if (second is null) second = list;
            else (more ??= []).Add(list);
        }
        if (first is null) return [];
        if (second is null) return first;
        var merged = Merge(first, second);
        if (more is not null)
            foreach (var list in more) merged = Merge(merged, list);
        return merged;
    }

    // The ascending union of two ascending lists without duplicates.
    private static int[] Merge(int[] a, int[] b)
    {
        var result = new int[a.Length + b.Length];
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            int x = a[i], y = b[j];
            if (x < y) { result[n++] = x; i++; }
            else if (y < x) { result[n++] = y; j++; }
            else { result[n++] = x; i++; j++; }
        }
        while (i < a.Length) result[n++] = a[i++];
        while (j < b.Length) result[n++] = b[j++];
        return n == result.Length ? result : result[..n];
    }

    /// <summary>Builds sorted posting lists from the ordinals of every record under each key, visited in ordinal order.</summary>
    public static Dictionary<TKey, int[]> Build<TKey, TRecord>(IReadOnlyList<TRecord> records, Func<TRecord, IEnumerable<TKey>> keys) where TKey : notnull
    {
        var builder = new Builder<TKey>();
        for (int ordinal = 0; ordinal < records.Count; ordinal++)
            foreach (var key in keys(records[ordinal])) builder.Add(key, ordinal);
        return builder.ToDictionary();
    }

    /// <summary>
    /// Collects posting lists while records are visited in ascending ordinal order: a key added twice
    /// for the same record is kept once, since it can only repeat the last ordinal of its list.
    /// </summary>
    /// <remarks>
    /// Entries go into fixed chunks below the large object heap's threshold and each list is allocated
    /// once, at its final size: growing a list per key instead reallocated the large ones again and again,
    /// and every large garbage array counts towards a full collection of the whole, freshly loaded heap.
    /// </remarks>
    public sealed class Builder<TKey> where TKey : notnull
    {
        private const int ChunkSize = 8192; // entries of 8 bytes: 64 KB, under the 85,000-byte threshold

        private readonly Dictionary<TKey, int> _ids = [];
        private readonly List<int> _last = [];
        private readonly List<int> _counts = [];
        private readonly List<(int Id, int Ordinal)[]> _chunks = [];
        private int _used = ChunkSize;

        /// <summary>Adds <paramref name="ordinal"/> to the list of <paramref name="key"/>.</summary>
        public void Add(TKey key, int ordinal)
        {
            ref int id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, key, out bool exists);
            if (!exists)
            {
                id = _last.Count;
                _last.Add(-1);
                _counts.Add(0);
            }
            if (_last[id] == ordinal) return;
            _last[id] = ordinal;
            _counts[id]++;
            if (_used == ChunkSize)
            {
                _chunks.Add(new (int, int)[ChunkSize]);
                _used = 0;
            }
            _chunks[^1][_used++] = (id, ordinal);
        }

        /// <summary>The lists as arrays.</summary>
        public Dictionary<TKey, int[]> ToDictionary()
        {
            var lists = new int[_counts.Count][];
            for (int id = 0; id < lists.Length; id++) lists[id] = new int[_counts[id]];
            var filled = new int[lists.Length];
            for (int chunk = 0; chunk < _chunks.Count; chunk++)
            {
                int used = chunk == _chunks.Count - 1 ? _used : ChunkSize;
                foreach (var (id, ordinal) in _chunks[chunk].AsSpan(0, used)) lists[id][filled[id]++] = ordinal;
            }
            var result = new Dictionary<TKey, int[]>(_ids.Count, _ids.Comparer);
            foreach (var (key, id) in _ids) result.Add(key, lists[id]);
            return result;
        }
    }
}
