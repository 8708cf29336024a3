using DefenseCoop.Querying;

namespace DefenseCoop.Indexing;

/// <summary>
/// How a query is answered: the posting lists to intersect (smallest first), the unions a filter with
/// several values asks for (each a group of lists, any of which may hold a match), the window of ordinals
/// a date range allows, and a residual test for what no index answers. Built once per query, when it is
/// first run, in time that does not grow with the lists' lengths, except to merge a union no longer than
/// the list the walk would read anyway; running it (<see cref="Count()"/>, <see cref="Any()"/>) allocates nothing.
/// It lists a query's results as every query over dated records does: dated records in date order (or
/// reversed), the undated after them in either order.
/// </summary>
/// <typeparam name="T">The record type.</typeparam>
internal sealed class IndexPlan<T> : QueryPlan<T> where T : class
{
    // Read only when a record is: a count or a test of existence needs the lists alone (an index read
    // back from a snapshot makes its records on first read).
    private readonly Func<T[]> _records;
    private readonly int[][] _lists;
    private readonly int[][][] _unions;
    // The bitmaps of the lists and of the unions' lists, where the index has them (dense lists), else null.
    private readonly ulong[]?[] _listBits;
    private readonly ulong[]?[][] _unionBits;
    // Whether every list and union member has a bitmap, so that a count is a word-at-a-time AND.
    private readonly bool _allBits;
    private readonly int _positions;
    private readonly int _from;
    private readonly int _to;
    private readonly Func<int, bool>? _residual;
    // Ordinals below this are the dated records; the order applies to them alone.
    private readonly int _datedCount;
    private readonly bool _descending;

    /// <param name="records">Every record, by ordinal; asked for only when a record is read.</param>
    /// <param name="count">How many records there are.</param>
    /// <param name="lists">Posting lists that must all contain a result; none means every record.</param>
    /// <param name="from">The first ordinal allowed.</param>
    /// <param name="to">One past the last ordinal allowed.</param>
    /// <param name="residual">A test, by ordinal, for filters no index answers, or null.</param>
    /// <param name="unions">Groups of lists of which a result must be in at least one, each of two or more
    /// non-empty lists: tested by galloping each list in step with the walk, not merged, unless the smallest
    /// group is no longer than the shortest list (then it is merged into one, which drives the walk).</param>
    /// <param name="bits">The bitmaps of the index's dense lists, or null for none.</param>
    /// <param name="datedCount">How many records are dated (ordinals 0..datedCount-1).</param>
    /// <param name="descending">Whether the dated records are listed newest first.</param>
    public IndexPlan(Func<T[]> records, int count, List<int[]> lists, List<int[][]>? unions, int from, int to, Func<int, bool>? residual,
        PostingBits? bits, int datedCount, bool descending)
    {
        _records = records;
        _datedCount = datedCount;
        _descending = descending;
        // Bitmaps help only to test a candidate against another list: a plan of one list never needs one.
        if (lists.Count + (unions?.Count ?? 0) < 2) bits = null;
        var listBits = new List<ulong[]?>(lists.Count + 1);
        foreach (var list in lists) listBits.Add(bits?.Of(list));
        if (unions is { Count: > 0 })
        {
            // The smallest union is merged when it is all there is to walk, or when it is no longer than the
            // shortest list: then it drives the walk, and merging costs no more than walking that list would.
            int smallest = 0;
            for (int i = 1; i < unions.Count; i++)
                if (Total(unions[i]) < Total(unions[smallest])) smallest = i;
            long shortest = long.MaxValue;
            foreach (var list in lists) shortest = Math.Min(shortest, list.Length);
            if (Total(unions[smallest]) <= shortest)
            {
                lists.Add(Postings.Union(unions[smallest]));
                listBits.Add(null); // made for this plan: a bitmap kept for it would outlive it
                unions.RemoveAt(smallest);
            }
        }
        _lists = [.. lists];
        _listBits = [.. listBits];
        _unions = unions is null ? [] : [.. unions];
        _unionBits = _unions.Length == 0 ? [] : new ulong[]?[_unions.Length][];
        for (int u = 0; u < _unions.Length; u++)
        {
            _unionBits[u] = new ulong[]?[_unions[u].Length];
            for (int i = 0; i < _unions[u].Length; i++) _unionBits[u][i] = bits?.Of(_unions[u][i]);
        }
        _positions = _lists.Length;
        foreach (var union in _unions) _positions += union.Length;
        // Smallest first: it drives the walk, and the others are tested by bitmap or galloped.
        // A plan has a handful of lists: an insertion sort, keeping each list beside its bitmap.
        for (int i = 1; i < _lists.Length; i++)
            for (int j = i; j > 0 && _lists[j].Length < _lists[j - 1].Length; j--)
            {
                (_lists[j], _lists[j - 1]) = (_lists[j - 1], _lists[j]);
                (_listBits[j], _listBits[j - 1]) = (_listBits[j - 1], _listBits[j]);
            }
        _allBits = _lists.Length > 0 && !_listBits.Contains(null) && !_unionBits.Any(group => group.Contains(null));
        _from = Math.Max(0, from);
        _to = Math.Min(count, to);
        _residual = residual;
    }

    private static long Total(int[][] union)
    {
        long total = 0;
        foreach (var list in union) total += list.Length;
        return total;
    }

    /// <summary>Whether an index already shows that nothing matches.</summary>
    public bool IsEmpty => _from >= _to || (_lists.Length > 0 && _lists[0].Length == 0);

    /// <summary>Counts the matches among ordinals <paramref name="from"/>..<paramref name="to"/>.</summary>
    public int CountIn(int from, int to, int limit = int.MaxValue)
    {
        if (_residual is null && (_allBits || (_unions.Length == 0 && _lists.Length <= 1)))
        {
            // Nothing to test per candidate: counted from the window alone, a list's positions, or the bitmaps.
            int start = Math.Max(from, _from), stop = Math.Min(to, _to);
            if (start >= stop || IsEmpty) return 0;
            if (_allBits) return PostingBits.CountAll(_listBits!, _unionBits!, start, stop, limit);
            int found = _lists.Length == 0 ? stop - start : Postings.LowerBound(_lists[0], stop) - Postings.LowerBound(_lists[0], start);
            return Math.Min(found, limit);
        }
        int count = 0;
        Span<int> positions = stackalloc int[_positions];
        int end = Math.Min(to, _to);
        int cursor = Start(Math.Max(from, _from));
        while (count < limit && Next(ref cursor, end, positions) >= 0)
            count++;
        return count;
    }

    /// <summary>Whether any ordinal of <paramref name="from"/>..<paramref name="to"/> matches.</summary>
    public bool AnyIn(int from, int to) => CountIn(from, to, limit: 1) > 0;

    /// <summary>Adds the matching records among ordinals <paramref name="from"/>..<paramref name="to"/> to <paramref name="into"/>, ascending.</summary>
    public void AddTo(List<T> into, int from, int to)
    {
        Span<int> positions = stackalloc int[_positions];
        int end = Math.Min(to, _to);
        int cursor = Start(Math.Max(from, _from));
        var records = _records();
        for (int ordinal = Next(ref cursor, end, positions); ordinal >= 0; ordinal = Next(ref cursor, end, positions))
            into.Add(records[ordinal]);
    }

    /// <summary>The matching records among ordinals <paramref name="from"/>..<paramref name="to"/>, ascending or descending.</summary>
    public IEnumerable<T> EnumerateIn(int from, int to, bool descending)
    {
        from = Math.Max(from, _from);
        to = Math.Min(to, _to);
        if (from >= to) yield break;
        var records = _records();
        if (!descending)
        {
            var positions = new int[_positions];
            int cursor = Start(from);
            for (int ordinal = Next(ref cursor, to, positions); ordinal >= 0; ordinal = Next(ref cursor, to, positions))
                yield return records[ordinal];
        }
        else
        {
            for (int ordinal = Previous(to - 1, from); ordinal >= 0; ordinal = Previous(ordinal - 1, from))
                yield return records[ordinal];
        }
    }

    /// <inheritdoc/>
    public override int Count() => CountIn(0, int.MaxValue);

    /// <inheritdoc/>
    public override bool Any() => AnyIn(0, int.MaxValue);

    /// <inheritdoc/>
    public override IEnumerable<T> Enumerate() => _descending
        ? EnumerateIn(0, _datedCount, descending: true).Concat(EnumerateIn(_datedCount, int.MaxValue, descending: false))
        : EnumerateIn(0, int.MaxValue, descending: false);

    /// <inheritdoc/>
    public override IReadOnlyList<T> ToList()
    {
        if (_descending) return [.. Enumerate()];
        // In date order the walk adds straight to the list, without the enumerators.
        var list = new List<T>();
        AddTo(list, 0, int.MaxValue);
        return list;
    }

    // Where a walk from ordinal `start` begins: the ordinal itself, or its position in the smallest list.
    private int Start(int start) => _lists.Length == 0 ? start : Postings.LowerBound(_lists[0], start);

    // The next match before `end`, walking the smallest list from `cursor` (a position in it, or an ordinal
    // when there are no lists) and galloping the others; `cursor` is left just past the match, so a walk
    // searches the smallest list once, not once per match.
    private int Next(ref int cursor, int end, Span<int> positions)
    {
        if (IsEmpty) return -1;
        if (_lists.Length == 0)
        {
            while (cursor < end)
            {
                int ordinal = cursor++;
                if (_residual is null || _residual(ordinal)) return ordinal;
            }
            return -1;
        }
        ReadOnlySpan<int> driver = _lists[0];
        while (cursor < driver.Length && driver[cursor] < end)
        {
            int candidate = driver[cursor++];
            if (InOthers(candidate, positions) && (_residual is null || _residual(candidate))) return candidate;
        }
        return -1;
    }

    private bool InOthers(int candidate, Span<int> positions)
    {
        for (int i = 1; i < _lists.Length; i++)
            if (!In(_lists[i], _listBits[i], ref positions[i], candidate)) return false;
        int at = _lists.Length;
        for (int u = 0; u < _unions.Length; u++)
        {
            bool any = false;
            for (int i = 0; i < _unions[u].Length; i++)
                any |= In(_unions[u][i], _unionBits[u][i], ref positions[at++], candidate);
            if (!any) return false;
        }
        return true;
    }

    // Whether `candidate` is in `list`: one bit where it has a bitmap, else galloping from `position`
    // (candidates come ascending, so the position only moves forward).
    private static bool In(ReadOnlySpan<int> list, ulong[]? bits, ref int position, int candidate)
    {
        if (bits is not null) return PostingBits.Contains(bits, candidate);
        position = Postings.Gallop(list, position, candidate);
        return position < list.Length && list[position] == candidate;
    }

    // As In, for a walk backwards: a binary search where there is no bitmap.
    private static bool Has(int[] list, ulong[]? bits, int candidate)
    {
        if (bits is not null) return PostingBits.Contains(bits, candidate);
        int at = Postings.LowerBound(list, candidate);
        return at < list.Length && list[at] == candidate;
    }

    private bool InUnions(int candidate)
    {
        for (int u = 0; u < _unions.Length; u++)
        {
            bool any = false;
            for (int i = 0; i < _unions[u].Length && !any; i++) any = Has(_unions[u][i], _unionBits[u][i], candidate);
            if (!any) return false;
        }
        return true;
    }

    // The last match at or before `start` and not before `stop`.
    private int Previous(int start, int stop)
    {
        if (IsEmpty) return -1;
        if (_lists.Length == 0)
        {
            for (int ordinal = start; ordinal >= stop; ordinal--)
                if (_residual is null || _residual(ordinal)) return ordinal;
            return -1;
        }
        ReadOnlySpan<int> driver = _lists[0];
        for (int p = Postings.LowerBound(driver, start + 1) - 1; p >= 0 && driver[p] >= stop; p--)
        {
            int candidate = driver[p];
            bool inAll = true;
            for (int i = 1; i < _lists.Length && inAll; i++) inAll = Has(_lists[i], _listBits[i], candidate);
            if (inAll && InUnions(candidate) && (_residual is null || _residual(candidate))) return candidate;
        }
        return -1;
    }
}
