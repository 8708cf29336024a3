using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// The date order of the indexes: dated records first, by earliest day, latest day and qualifier
/// (<see cref="PartialDate"/>'s order), undated last, and ties in the order the records came in.
/// </summary>
internal static class DateOrder
{
    /// <summary>
    /// Sorts <paramref name="records"/> into date order in place, on a key packed once per record rather
    /// than comparing partial dates (which compute their bounds) at every step. Validated content holds
    /// records in id order, so ties fall to the id without comparing a string.
    /// </summary>
    public static T[] Sort<T>(T[] records, Func<T, PartialDate?> date)
    {
        var keys = new Key[records.Length];
        for (int i = 0; i < records.Length; i++) keys[i] = new Key(Pack(date(records[i])), i);
        Array.Sort(keys, records);
        return records;
    }

    /// <summary>The first position in <paramref name="dates"/> (ascending) whose date is at least <paramref name="date"/>.</summary>
    public static int LowerBound(ReadOnlySpan<LocalDate> dates, LocalDate date)
    {
        int lo = 0, hi = dates.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (dates[mid] < date) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The first position in <paramref name="dates"/> (ascending) whose date is after <paramref name="date"/>:
    /// <see cref="LowerBound"/> of the next day, without computing it (the day after the calendar's last overflows).
    /// </summary>
    public static int UpperBound(ReadOnlySpan<LocalDate> dates, LocalDate date)
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

    /// <summary>The date in one number that orders as <see cref="PartialDate"/> does, undated last.</summary>
    public static long Pack(PartialDate? date) => date is { } d ? d.OrderKey() : long.MaxValue;

    private readonly record struct Key(long Date, int Position) : IComparable<Key>
    {
        public int CompareTo(Key other)
        {
            int c = Date.CompareTo(other.Date);
            return c != 0 ? c : Position.CompareTo(other.Position);
        }
    }

    /// <summary>A timeline entry's sort key: its packed date, its kind, and its position for a stable order.</summary>
    internal readonly record struct EntryKey(long Date, int Kind, int Position) : IComparable<EntryKey>
    {
        public int CompareTo(EntryKey other)
        {
            int c = Date.CompareTo(other.Date);
            if (c == 0) c = Kind.CompareTo(other.Kind);
            return c != 0 ? c : Position.CompareTo(other.Position);
        }
    }
}
