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

    /// <summary>The ascending union of several lists, without duplicates.</summary>
    public static int[] Union(IEnumerable<int[]> lists)
    {
        var all = lists.SelectMany(l => l).ToArray();
        Array.Sort(all);
        int count = 0;
        for (int i = 0; i < all.Length; i++)
            if (count == 0 || all[i] != all[count - 1]) all[count++] = all[i];
        return all[..count];
    }

    /// <summary>Builds sorted posting lists from the ordinals of every record under each key, visited in ordinal order.</summary>
    public static Dictionary<TKey, int[]> Build<TKey, TRecord>(IReadOnlyList<TRecord> records, Func<TRecord, IEnumerable<TKey>> keys) where TKey : notnull
    {
        var lists = new Dictionary<TKey, List<int>>();
        for (int ordinal = 0; ordinal < records.Count; ordinal++)
        {
            foreach (var key in keys(records[ordinal]).Distinct())
            {
                if (!lists.TryGetValue(key, out var list)) lists[key] = list = [];
                list.Add(ordinal);
            }
        }
        return lists.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }
}
