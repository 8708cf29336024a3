using System.Collections;
using System.Collections.Immutable;
using DefenseCoop.Indexing;
using NodaTime;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over trade flows, answered from the catalog's trade index. <see cref="From"/> and
/// <see cref="To"/> are directed and match only directed flows; <see cref="Between"/> is undirected and
/// includes bilateral totals. Results come in period order, undated last.
/// </summary>
public sealed class TradeQuery : IEnumerable<TradeFlow>
{
    private readonly DefenseCoopCatalog _catalog;
    private readonly TradeFilter _filter;
    private readonly IndexPlan<TradeFlow> _plan;

    internal TradeQuery(DefenseCoopCatalog catalog) : this(catalog, new TradeFilter()) { }

    private TradeQuery(DefenseCoopCatalog catalog, TradeFilter filter)
    {
        _catalog = catalog;
        _filter = filter;
        _plan = filter.Plan(catalog.TradeIndex);
    }

    private TradeQuery With(TradeFilter filter) => new(_catalog, filter);

    /// <summary>Directed flows whose exporter (supplier) is <paramref name="exporter"/>.</summary>
    public TradeQuery From(CountryCode exporter) => With(_filter with { Exporters = _filter.Exporters.Add(exporter) });

    /// <summary>Directed flows whose importer (recipient) is <paramref name="importer"/>.</summary>
    public TradeQuery To(CountryCode importer) => With(_filter with { Importers = _filter.Importers.Add(importer) });

    /// <summary>Flows between the two countries in either direction, bilateral totals included.</summary>
    /// <exception cref="ArgumentException"><paramref name="a"/> and <paramref name="b"/> are the same country.</exception>
    public TradeQuery Between(CountryCode a, CountryCode b)
    {
        if (a == b) throw new ArgumentException($"A dyad needs two different countries; both are {a}.", nameof(b));
        return With(_filter with { Dyads = _filter.Dyads.Add(AgreementIndex.Dyad(a, b)) });
    }

    /// <summary>Flows in which <paramref name="country"/> is exporter or importer, in any kind of flow.</summary>
    public TradeQuery Involving(CountryCode country) => With(_filter with { Countries = _filter.Countries.Add(country) });

    /// <summary>Flows that involve <paramref name="organization"/>.</summary>
    public TradeQuery Involving(OrganizationId organization) => With(_filter with { Organizations = _filter.Organizations.Add(organization) });

    /// <summary>Flows that involve <paramref name="system"/>.</summary>
    public TradeQuery Involving(SystemId system) => With(_filter with { Systems = _filter.Systems.Add(system) });

    /// <summary>Flows whose whole period lies within years <paramref name="from"/> to <paramref name="to"/>; undated flows never match.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>, or a year is outside 1–9999.</exception>
    public TradeQuery Years(int from, int to)
    {
        if (from is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(from), from, "A year is between 1 and 9999.");
        if (to < from || to > 9999) throw new ArgumentOutOfRangeException(nameof(to), to, "The range ends before it begins.");
        var start = new LocalDate(from, 1, 1);
        var end = new LocalDate(to, 12, 31);
        return With(_filter with { From = _filter.From is { } f && f > start ? f : start, To = _filter.To is { } t && t < end ? t : end });
    }

    /// <summary>Flows of any of the given kinds.</summary>
    public TradeQuery OfKind(params ReadOnlySpan<TradeKind> kinds) => With(_filter with { Kinds = _filter.Kinds.Add([.. kinds]) });

    /// <summary>Counts the matching flows. Allocates nothing.</summary>
    public int Count() => _plan.Count(0, int.MaxValue);

    /// <summary>Whether any flow matches. Allocates nothing.</summary>
    public bool Any() => _plan.Any(0, int.MaxValue);

    /// <summary>The matching flows.</summary>
    public IReadOnlyList<TradeFlow> ToList() => [.. this];

    /// <summary>
    /// The sum of the flows' money values per currency and price basis: euros are never added to dollars,
    /// nor current prices to constant ones. Flows without a money value are not counted.
    /// </summary>
    public IReadOnlyList<TradeTotal> Totals() =>
        [.. this.Where(f => f.Value is not null)
            .GroupBy(f => (f.Value!.Value.Currency, f.Value.Value.Basis))
            .Select(g => new TradeTotal(g.Key.Currency, g.Key.Basis, g.Sum(f => f.Value!.Value.Amount), g.Count(), g.Any(f => f.Value!.Value.Bound != ValueBound.Exact)))
            .OrderBy(t => t.Currency).ThenBy(t => t.Basis.BaseYear ?? 0)];

    /// <summary>The sum of SIPRI trend-indicator values delivered, over the flows that record one (a volume, not money).</summary>
    public TrendIndicatorValue TivDelivered() =>
        this.Select(f => f.Deal?.TivDelivered).Where(t => t is not null).Aggregate(new TrendIndicatorValue(0m), (sum, t) => sum + t!.Value);

    /// <inheritdoc/>
    public IEnumerator<TradeFlow> GetEnumerator() => _plan.Enumerate(0, int.MaxValue, descending: false).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The total value of trade flows in one currency and price basis.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Basis">The price basis.</param>
/// <param name="Amount">The sum.</param>
/// <param name="Flows">How many flows it adds up.</param>
/// <param name="IncludesBounds">Whether some values are bounds ("more than", "about"), so the sum is not exact.</param>
public sealed record TradeTotal(CurrencyCode Currency, PriceBasis Basis, decimal Amount, int Flows, bool IncludesBounds);

internal sealed record TradeFilter
{
    public ImmutableList<CountryCode> Exporters { get; init; } = [];
    public ImmutableList<CountryCode> Importers { get; init; } = [];
    public ImmutableList<(CountryCode, CountryCode)> Dyads { get; init; } = [];
    public ImmutableList<CountryCode> Countries { get; init; } = [];
    public ImmutableList<OrganizationId> Organizations { get; init; } = [];
    public ImmutableList<SystemId> Systems { get; init; } = [];
    public ImmutableList<TradeKind[]> Kinds { get; init; } = [];
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }

    public IndexPlan<TradeFlow> Plan(TradeIndex index)
    {
        static int[] Get<TKey>(IReadOnlyDictionary<TKey, int[]> postings, TKey key) => postings.TryGetValue(key, out var list) ? list : [];
        var lists = new List<int[]>();
        lists.AddRange(Exporters.Select(c => Get(index.Exporters, c)));
        lists.AddRange(Importers.Select(c => Get(index.Importers, c)));
        lists.AddRange(Dyads.Select(d => Get(index.Dyads, d)));
        lists.AddRange(Countries.Select(c => Get(index.Countries, c)));
        lists.AddRange(Organizations.Select(o => Get(index.Organizations, o)));
        lists.AddRange(Systems.Select(s => Get(index.Systems, s)));
        lists.AddRange(Kinds.Select(set => Postings.Union(set.Select(k => Get(index.Kinds, k)))));
        int from = 0, to = int.MaxValue;
        Func<TradeFlow, bool>? residual = null;
        if (From is { } start && To is { } end)
        {
            if (end < start) to = 0;
            else (from, to) = index.PeriodWindow(start, end);
            residual = f => f.Period!.Value.Latest <= end;
        }
        return new IndexPlan<TradeFlow>(index.Records, lists, from, to, residual);
    }
}
