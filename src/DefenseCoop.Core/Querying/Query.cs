using System.Collections;

namespace DefenseCoop.Querying;

/// <summary>
/// What every query of the catalog offers once its filters are set: paging (<see cref="Skip"/>,
/// <see cref="Take"/>), counting (<see cref="Count"/>, <see cref="Any"/>), single results
/// (<see cref="First"/>, <see cref="FirstOrDefault"/>, <see cref="Single"/>, <see cref="SingleOrDefault"/>)
/// and <see cref="ToList"/>. A query is immutable: each filter returns a new one, and nothing runs until
/// it is enumerated, counted or listed; then it is planned once (the index lists to intersect, the date
/// window, what is tested record by record), and the plan is kept for every later run.
/// </summary>
/// <typeparam name="T">The record the query returns.</typeparam>
/// <remarks>
/// The query types of the catalog (<see cref="AgreementQuery"/>, <see cref="TradeQuery"/>,
/// <see cref="EventQuery"/>, <see cref="SpendingQuery"/>) derive from this class; it cannot be derived
/// from outside the library. LINQ works on every query, and these members answer without enumerating
/// more than they need: <see cref="Count"/> and <see cref="Any"/> make no record at all.
/// </remarks>
public abstract class Query<T> : IEnumerable<T>
{
    private QueryPlan<T>? _plan;

    private protected Query() { }

    // Planned when first run, not at every step of composing. Two threads running a new query at once may
    // both plan it; the plans are equal and immutable, so either may be kept.
    private protected QueryPlan<T> Plan => _plan ??= CreatePlan();

    /// <summary>The planning hook: how this query's filters are answered.</summary>
    private protected abstract QueryPlan<T> CreatePlan();

    /// <summary>
    /// The hook for a count an index answers from its filters alone, without a plan (agreements in force on
    /// one day), or null: a query composed per call to be counted then makes nothing beyond itself. A query
    /// already planned counts from its plan and does not ask.
    /// </summary>
    private protected virtual int? CountWithoutPlan() => null;

    private Window<T> All => new(this, 0, int.MaxValue);

    /// <summary>Skips the first <paramref name="count"/> results, for paging; returns a page that can be paged further but not filtered.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public Page<T> Skip(int count) => new(All.Skip(count));

    /// <summary>Takes at most <paramref name="count"/> results, for paging; returns a page that can be paged further but not filtered.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public Page<T> Take(int count) => new(All.Take(count));

    /// <summary>Counts the matching records without making them.</summary>
    public int Count() => _plan?.Count() ?? CountWithoutPlan() ?? Plan.Count();

    /// <summary>Whether any record matches; stops at the first match and makes no record.</summary>
    public bool Any() => _plan?.Any() ?? (CountWithoutPlan() is { } count ? count > 0 : Plan.Any());

    /// <summary>The first matching record in the query's order.</summary>
    /// <exception cref="InvalidOperationException">No record matches.</exception>
    public T First() => All.First();

    /// <summary>The first matching record in the query's order, or the default (null for a record class) when none matches.</summary>
    public T? FirstOrDefault() => All.FirstOrDefault();

    /// <summary>The only matching record.</summary>
    /// <exception cref="InvalidOperationException">No record matches, or more than one does.</exception>
    public T Single() => All.Single();

    /// <summary>The only matching record, or the default (null for a record class) when none matches.</summary>
    /// <exception cref="InvalidOperationException">More than one record matches.</exception>
    public T? SingleOrDefault() => All.SingleOrDefault();

    /// <summary>The matching records in the query's order.</summary>
    public IReadOnlyList<T> ToList() => Plan.ToList();

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => Plan.Enumerate().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal IEnumerable<T> Enumerate(int skip, int take) => Plan.Enumerate(skip, take);
}

/// <summary>
/// How a query is answered, made once per query when it first runs: the one place that counts, tests and
/// walks its matches. Each query type makes its own; skipping and taking are the plan's, so that a page
/// can skip without making the records it skips where the plan knows how.
/// </summary>
internal abstract class QueryPlan<T>
{
    /// <summary>Counts the matches.</summary>
    public abstract int Count();

    /// <summary>Whether there is a match.</summary>
    public virtual bool Any() => Count() > 0;

    /// <summary>The matches in the query's order.</summary>
    public abstract IEnumerable<T> Enumerate();

    /// <summary>The matches in the query's order after the first <paramref name="skip"/>, at most <paramref name="take"/> of them.</summary>
    public virtual IEnumerable<T> Enumerate(int skip, int take) =>
        skip == 0 && take == int.MaxValue ? Enumerate() : Enumerate().Skip(skip).Take(take);

    /// <summary>The matches in the query's order, in a list.</summary>
    public virtual IReadOnlyList<T> ToList() => [.. Enumerate()];
}

/// <summary>
/// A skip and take over a query, with the paging arithmetic in one place: skipping more shortens a
/// bounded take, and counts come from the query's own count, not from enumerating.
/// </summary>
internal readonly record struct Window<T>(Query<T> Query, int SkipCount, int TakeCount)
{
    public Window<T> Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return this with
        {
            SkipCount = (int)Math.Min(int.MaxValue, (long)SkipCount + count),
            TakeCount = TakeCount == int.MaxValue ? int.MaxValue : Math.Max(0, TakeCount - count),
        };
    }

    public Window<T> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return this with { TakeCount = Math.Min(TakeCount, count) };
    }

    public int Count() => Math.Clamp(Query.Count() - SkipCount, 0, TakeCount);

    public bool Any() => TakeCount > 0 && Query.Count() > SkipCount;

    public IEnumerable<T> Enumerate() => Query.Enumerate(SkipCount, TakeCount);

    public T First() => TryFirst(out var first) ? first : throw new InvalidOperationException("No record matches the query.");

    public T? FirstOrDefault() => TryFirst(out var first) ? first : default;

    public T Single() => TrySingle(out var single) ? single : throw new InvalidOperationException("No record matches the query.");

    public T? SingleOrDefault() => TrySingle(out var single) ? single : default;

    private bool TryFirst(out T first)
    {
        foreach (var item in Query.Enumerate(SkipCount, Math.Min(TakeCount, 1)))
        {
            first = item;
            return true;
        }
        first = default!;
        return false;
    }

    // Reads at most two matches: a second one is enough to refuse.
    private bool TrySingle(out T single)
    {
        single = default!;
        int found = 0;
        foreach (var item in Query.Enumerate(SkipCount, Math.Min(TakeCount, 2)))
        {
            if (++found > 1) throw new InvalidOperationException("More than one record matches the query.");
            single = item;
        }
        return found == 1;
    }

    public IReadOnlyList<T> ToList() => SkipCount == 0 && TakeCount == int.MaxValue ? Query.ToList() : [.. Enumerate()];
}
