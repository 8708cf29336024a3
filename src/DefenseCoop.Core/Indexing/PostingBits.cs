using System.Collections.Concurrent;
using System.Numerics;

namespace DefenseCoop.Indexing;

/// <summary>
/// Bitmaps of an index's dense posting lists (a kind, an area, a frequent country), so that a plan tests
/// whether a candidate is in such a list by reading one bit instead of galloping through thousands of
/// entries. A list is dense when its bitmap is no larger than the list itself (one ordinal in 32 or more),
/// so the bitmaps together never take more memory than the lists. Each is made on first use and kept:
/// a catalog whose queries never need one never pays for it. Safe from many threads.
/// </summary>
/// <param name="universe">The number of records, one bit each.</param>
/// <param name="lists">Every posting list of the index: a list a plan made for itself (a merged union) is
/// not among them, and gets no bitmap, which would be kept after the plan is gone.</param>
internal sealed class PostingBits(int universe, Func<IEnumerable<int[]>> lists)
{
    private readonly ConcurrentDictionary<int[], ulong[]> _bits = new(ReferenceEqualityComparer.Instance);
    private HashSet<int[]>? _dense;

    /// <summary>The bitmap of <paramref name="list"/>, or null when it is sparse or not one of the index's lists.</summary>
    public ulong[]? Of(int[] list)
    {
        if ((long)list.Length * 32 < universe) return null;
        var dense = LazyInitializer.EnsureInitialized(ref _dense, () => new HashSet<int[]>(lists().Where(IsDense), ReferenceEqualityComparer.Instance));
        return dense.Contains(list) ? _bits.GetOrAdd(list, static (list, universe) => Make(list, universe), universe) : null;
    }

    private bool IsDense(int[] list) => (long)list.Length * 32 >= universe;

    /// <summary>Whether <paramref name="ordinal"/> is set in <paramref name="bits"/>.</summary>
    public static bool Contains(ulong[] bits, int ordinal) => (bits[ordinal >> 6] & (1UL << ordinal)) != 0;

    /// <summary>
    /// Counts the ordinals of <paramref name="from"/>..<paramref name="to"/> set in every one of
    /// <paramref name="all"/> and in at least one bitmap of each group of <paramref name="any"/>, a
    /// machine word at a time.
    /// </summary>
    public static int CountAll(ulong[][] all, ulong[][][] any, int from, int to, int limit)
    {
        int count = 0;
        for (int word = from >> 6, last = (to - 1) >> 6; word <= last && count < limit; word++)
        {
            ulong bits = ulong.MaxValue;
            if (word == from >> 6) bits &= ulong.MaxValue << from;
            if (word == last && (to & 63) != 0) bits &= ulong.MaxValue >> (64 - (to & 63));
            foreach (var list in all) bits &= list[word];
            foreach (var group in any)
            {
                ulong either = 0;
                foreach (var list in group) either |= list[word];
                bits &= either;
            }
            count += BitOperations.PopCount(bits);
        }
        return Math.Min(count, limit);
    }

    private static ulong[] Make(int[] list, int universe)
    {
        var bits = new ulong[(universe + 63) >> 6];
        foreach (int ordinal in list) bits[ordinal >> 6] |= 1UL << ordinal;
        return bits;
    }
}
