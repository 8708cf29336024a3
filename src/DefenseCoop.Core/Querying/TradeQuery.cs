using System.Collections;
using System.Collections.Immutable;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over trade flows. <see cref="From"/> and <see cref="To"/> are directed and match
/// only directed flows; <see cref="Between"/> is undirected. Results come in period order, undated last.
/// </summary>
public sealed class TradeQuery : IEnumerable<TradeFlow>
{
    private readonly DefenseCoopCatalog _catalog;
    private readonly ImmutableList<Func<TradeFlow, bool>> _filters;

    internal TradeQuery(DefenseCoopCatalog catalog) : this(catalog, []) { }

    private TradeQuery(DefenseCoopCatalog catalog, ImmutableList<Func<TradeFlow, bool>> filters)
    {
        _catalog = catalog;
        _filters = filters;
    }

    private TradeQuery Where(Func<TradeFlow, bool> filter) => new(_catalog, _filters.Add(filter));

    /// <summary>Directed flows whose exporter is <paramref name="exporter"/>.</summary>
    public TradeQuery From(CountryCode exporter) => Where(f => f.IsDirected && f.Exporter == exporter);

    /// <summary>Directed flows whose importer is <paramref name="importer"/>.</summary>
    public TradeQuery To(CountryCode importer) => Where(f => f.IsDirected && f.Importer == importer);

    /// <summary>Flows between the two countries in either direction, bilateral totals included.</summary>
    public TradeQuery Between(CountryCode a, CountryCode b) =>
        Where(f => (f.Exporter == a && f.Importer == b) || (f.Exporter == b && f.Importer == a));

    /// <summary>Flows whose period lies within years <paramref name="from"/> to <paramref name="to"/>.</summary>
    public TradeQuery Years(int from, int to) => Where(f => f.Period is { } p && p.Earliest.Year >= from && p.Latest.Year <= to);

    /// <summary>Flows of any of the given kinds.</summary>
    public TradeQuery OfKind(params ReadOnlySpan<TradeKind> kinds)
    {
        var set = kinds.ToArray();
        return Where(f => Array.IndexOf(set, f.Kind) >= 0);
    }

    /// <summary>Counts the matching flows.</summary>
    public int Count() => Evaluate().Count();

    /// <summary>Whether any flow matches.</summary>
    public bool Any() => Evaluate().Any();

    /// <summary>The matching flows.</summary>
    public IReadOnlyList<TradeFlow> ToList() => [.. Evaluate()];

    private IEnumerable<TradeFlow> Evaluate() =>
        _catalog.Content.Trade.OrderBy(f => f.Period is null).ThenBy(f => f.Period ?? default).ThenBy(f => f.Id).Where(f => _filters.All(p => p(f)));

    /// <inheritdoc/>
    public IEnumerator<TradeFlow> GetEnumerator() => Evaluate().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
