using System.Collections;

namespace DefenseCoop.Querying;

/// <summary>
/// A page of a <see cref="TradeQuery"/>: what <see cref="TradeQuery.Skip"/> and <see cref="TradeQuery.Take"/>
/// leave, in the query's order. It pages like <see cref="AgreementPage"/>: further <see cref="Skip"/> and
/// <see cref="Take"/>, but no more filters.
/// </summary>
public sealed class TradePage : IEnumerable<TradeFlow>
{
    private readonly Window<TradeFlow> _window;

    internal TradePage(TradeQuery query, int skip, int take) => _window = new(query, query.Count, skip, take);

    private TradePage(Window<TradeFlow> window) => _window = window;

    /// <summary>Skips <paramref name="count"/> more results.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public TradePage Skip(int count) => new(_window.Skip(count));

    /// <summary>Keeps at most <paramref name="count"/> of the results.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public TradePage Take(int count) => new(_window.Take(count));

    /// <summary>Counts the flows on the page.</summary>
    public int Count() => _window.Count();

    /// <summary>Whether the page holds any flow.</summary>
    public bool Any() => _window.Count() > 0;

    /// <summary>The flows on the page.</summary>
    public IReadOnlyList<TradeFlow> ToList() => [.. this];

    /// <inheritdoc/>
    public IEnumerator<TradeFlow> GetEnumerator() => _window.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// A page of a <see cref="SpendingQuery"/>: what <see cref="SpendingQuery.Skip"/> and
/// <see cref="SpendingQuery.Take"/> leave, in the query's order. It pages like <see cref="AgreementPage"/>:
/// further <see cref="Skip"/> and <see cref="Take"/>, but no more filters.
/// </summary>
public sealed class SpendingPage : IEnumerable<SpendingObservation>
{
    private readonly Window<SpendingObservation> _window;

    internal SpendingPage(SpendingQuery query, int skip, int take) => _window = new(query, query.Count, skip, take);

    private SpendingPage(Window<SpendingObservation> window) => _window = window;

    /// <summary>Skips <paramref name="count"/> more results.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public SpendingPage Skip(int count) => new(_window.Skip(count));

    /// <summary>Keeps at most <paramref name="count"/> of the results.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public SpendingPage Take(int count) => new(_window.Take(count));

    /// <summary>Counts the observations on the page.</summary>
    public int Count() => _window.Count();

    /// <summary>Whether the page holds any observation.</summary>
    public bool Any() => _window.Count() > 0;

    /// <summary>The observations on the page.</summary>
    public IReadOnlyList<SpendingObservation> ToList() => [.. this];

    /// <inheritdoc/>
    public IEnumerator<SpendingObservation> GetEnumerator() => _window.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The skip and take of a page over a query, with <see cref="AgreementPage"/>'s arithmetic: skipping more
/// shortens a bounded take, and counts come from the query's own count, not from enumerating.
/// </summary>
internal readonly record struct Window<T>(IEnumerable<T> Query, Func<int> CountAll, int SkipCount, int TakeCount)
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

    public int Count() => Math.Clamp(CountAll() - SkipCount, 0, TakeCount);

    public IEnumerator<T> GetEnumerator() => Query.Skip(SkipCount).Take(TakeCount).GetEnumerator();
}
