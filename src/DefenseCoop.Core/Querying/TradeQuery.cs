using DefenseCoop.Indexing;
using NodaTime;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over trade flows, answered from the catalog's trade index. <see cref="From"/> and
/// <see cref="To"/> are directed and match only directed flows; <c>Between</c> is undirected and
/// includes bilateral totals. Results come in period order, undated last.
/// </summary>
/// <remarks>
/// A flow's date is its period: <see cref="RecordQuery{TRecord, TKind, TQuery}.Within(int, int)"/> keeps
/// flows whose whole period lies in the range. A SIPRI deal has two dates, its order year and its
/// delivery years, so trade also has two named clocks, <see cref="OrderedWithin"/> and
/// <see cref="DeliveredWithin"/>; a flow's period is, for a deal, its order year.
/// </remarks>
public sealed class TradeQuery : RecordQuery<TradeFlow, TradeKind, TradeQuery>
{
    private readonly TradeFilter _filter;

    internal TradeQuery(DefenseCoopCatalog catalog) : this(catalog, RecordFilter<TradeKind>.None, TradeFilter.None) { }

    private TradeQuery(DefenseCoopCatalog catalog, RecordFilter<TradeKind> shared, TradeFilter filter) : base(catalog, shared) =>
        _filter = filter;

    private protected override TradeQuery With(RecordFilter<TradeKind> shared) => new(Catalog, shared, _filter);

    private TradeQuery With(TradeFilter filter) => new(Catalog, Shared, filter);

    /// <summary>Directed flows whose exporter (supplier) is <paramref name="exporter"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="exporter"/> is not a country of the catalog.</exception>
    public TradeQuery From(CountryRef exporter) =>
        With(_filter with { Exporters = FilterList.Append(_filter.Exporters, Catalog.CountryOf(exporter, nameof(exporter))) });

    /// <summary>Directed flows whose importer (recipient) is <paramref name="importer"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="importer"/> is not a country of the catalog.</exception>
    public TradeQuery To(CountryRef importer) =>
        With(_filter with { Importers = FilterList.Append(_filter.Importers, Catalog.CountryOf(importer, nameof(importer))) });

    /// <summary>
    /// Flows ordered within the years, inclusive: an arms-transfer deal by its order year (SIPRI's, an
    /// uncertain one included); a flow without a deal by its period, in any of the years it may denote.
    /// </summary>
    /// <remarks>
    /// The two clocks of trade: a deal has an order year and delivery years; any other flow has one date,
    /// its period, which serves both clocks (a contract value, a delivery or a year's exports is on the
    /// order clock and the delivery clock in its period). Undated flows are on neither.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1–9999, or the range ends before it begins.</exception>
    public TradeQuery OrderedWithin(int fromYear, int toYear) =>
        With(_filter with { Ordered = FilterList.Append(_filter.Ordered, YearRange.Check(fromYear, toYear)) });

    /// <summary>
    /// Flows delivered within the years, inclusive: an arms-transfer deal with a delivery in any of them,
    /// whenever it was ordered; a flow without a deal by its period (see <see cref="OrderedWithin"/> for
    /// the rule of the two clocks). <see cref="TivByYear"/> gives what deals delivered in each year.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1–9999, or the range ends before it begins.</exception>
    public TradeQuery DeliveredWithin(int fromYear, int toYear) =>
        With(_filter with { Delivered = FilterList.Append(_filter.Delivered, YearRange.Check(fromYear, toYear)) });

    /// <summary>
    /// The TIV delivered per partner within the years, largest first: Türkiye's top recipients 2015–2023
    /// are <c>Trade.From("TR").OfKind(TradeKind.ArmsTransfer).TivByPartner(2015, 2023)</c>. A deal whose
    /// delivery years all lie within the range counts with its whole delivered TIV; one that delivered
    /// partly outside it counts with its delivered TIV spread evenly over its delivery years, and the
    /// partner's total is then marked <see cref="PartnerTiv.Estimate"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The query fixes neither the exporter nor the importer, or both, so that a flow's partner is not defined.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1–9999, or the range ends before it begins.</exception>
    public IReadOnlyList<PartnerTiv> TivByPartner(int fromYear, int toYear)
    {
        var (from, to) = YearRange.Check(fromYear, toYear);
        bool byImporter = _filter.Exporters.Length > 0 && _filter.Importers.Length == 0;
        if (!byImporter && !(_filter.Importers.Length > 0 && _filter.Exporters.Length == 0))
            throw new InvalidOperationException("TivByPartner needs a query that fixes one side: From(exporter) for its recipients, or To(importer) for its suppliers.");
        var totals = new Dictionary<CountryCode, (decimal Tiv, int Deals, bool Estimate)>();
        foreach (var flow in DeliveredWithin(from, to))
        {
            if (flow.Deal is not { TivDelivered: { } delivered } deal || (byImporter ? flow.Importer : flow.Exporter) is not { } partner) continue;
            var years = deal.DeliveryYears.Distinct().ToList();
            int inside = years.Count(y => y >= from && y <= to);
            var t = totals.GetValueOrDefault(partner);
            totals[partner] = (t.Tiv + delivered.Millions * inside / years.Count, t.Deals + 1, t.Estimate || inside < years.Count);
        }
        return [.. totals.Select(p => new PartnerTiv(p.Key, new TrendIndicatorValue(Math.Round(p.Value.Tiv, 2)), p.Value.Deals, p.Value.Estimate))
            .OrderByDescending(p => p.Tiv).ThenBy(p => p.Partner)];
    }

    /// <summary>
    /// The sum of the flows' money values per currency and price basis: euros are never added to dollars,
    /// nor current prices to constant ones. Flows without a money value are not counted.
    /// </summary>
    public IReadOnlyList<TradeTotal> Totals() =>
        [.. this.Where(f => f.Value is not null)
            .GroupBy(f => (f.Value!.Value.Currency, f.Value.Value.Basis))
            .Select(g => new TradeTotal(g.Key.Currency, g.Key.Basis, g.Sum(f => f.Value!.Value.Amount), g.Count(), g.Any(f => f.Value!.Value.Bound != ValueBound.Exact)))
            .OrderBy(t => t.Currency).ThenBy(t => t.Basis.BaseYear ?? 0)];

    /// <summary>
    /// The trend-indicator value delivered in each year of the range, every year listed. Where the
    /// publisher's annual table for the query's parties is loaded (SIPRI's TIV table by supplier or by
    /// recipient, as <see cref="TradeKind.ArmsTransferVolume"/> flows that match this query's filters but its
    /// kinds), a year the table covers gives the table's own figure (<see cref="AnnualTiv.Estimate"/> is
    /// <see langword="false"/>; a year without a figure is 0, since SIPRI's empty cell means no deliveries
    /// identified). Other years are spread from the matching register deals: each deal's delivered total is
    /// spread evenly over its delivery years, so those figures are estimates, close to but not equal to the
    /// publisher's own. A table's coverage is the span of years its figures give, over all its rows.
    /// </summary>
    /// <remarks>A table gives totals over all partners: <c>From("TR").To("AZ")</c> matches no table row and is
    /// always spread from the register. Load one edition of a table: two editions' figures would be added.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1–9999, or the range ends before it begins.</exception>
    public IReadOnlyList<AnnualTiv> TivByYear(int fromYear, int toYear)
    {
        var (from, to) = YearRange.Check(fromYear, toYear);
        var published = PublishedTiv(from, to);
        var sums = new decimal[to - from + 1];
        var deals = new int[to - from + 1];
        foreach (var flow in DeliveredWithin(from, to))
        {
            if (flow.Deal is not { TivDelivered: { } delivered } deal) continue;
            var years = deal.DeliveryYears.Distinct().ToList();
            foreach (int year in years.Where(y => y >= from && y <= to && published[y - from] is null))
            {
                sums[year - from] += delivered.Millions / years.Count;
                deals[year - from]++;
            }
        }
        return [.. sums.Select((sum, i) => published[i] is { } table
            ? new AnnualTiv(from + i, table, 0, Estimate: false)
            : new AnnualTiv(from + i, new TrendIndicatorValue(Math.Round(sum, 2)), deals[i], Estimate: true))];
    }

    /// <summary>For each year of the range, the sum of the publisher's annual figures this query matches, or null where no loaded table covers the year.</summary>
    private TrendIndicatorValue?[] PublishedTiv(int from, int to)
    {
        var result = new TrendIndicatorValue?[to - from + 1];
        var rows = With(Shared with { Kinds = [[TradeKind.ArmsTransferVolume]] })
            .Where(f => f.Tiv is not null && f.Period is { } period && period.Earliest.Year == period.Latest.Year)
            .ToList();
        if (rows.Count == 0) return result;
        var tables = rows.SelectMany(f => f.Sources).ToHashSet();
        // A table covers the years its figures give, in any of its rows.
        int first = int.MaxValue, last = int.MinValue;
        foreach (var flow in Catalog.Trade.OfKind(TradeKind.ArmsTransferVolume))
        {
            if (flow.Period is not { } period || !flow.Sources.Any(tables.Contains)) continue;
            first = Math.Min(first, period.Earliest.Year);
            last = Math.Max(last, period.Latest.Year);
        }
        for (int year = Math.Max(from, first); year <= Math.Min(to, last); year++) result[year - from] = new TrendIndicatorValue(0m);
        foreach (var flow in rows)
        {
            int year = flow.Period!.Value.Earliest.Year;
            if (year >= from && year <= to) result[year - from] = (result[year - from] ?? new TrendIndicatorValue(0m)) + flow.Tiv!.Value;
        }
        return result;
    }

    /// <summary>The sum of SIPRI trend-indicator values delivered, over the flows that record one (a volume, not money).</summary>
    public TrendIndicatorValue TivDelivered() =>
        this.Select(f => f.Deal?.TivDelivered).Where(t => t is not null).Aggregate(new TrendIndicatorValue(0m), (sum, t) => sum + t!.Value);

    private protected override QueryPlan<TradeFlow> CreatePlan()
    {
        var index = Catalog.TradeIndex;
        var parts = SharedParts(index);
        _filter.AddTo(index, parts);
        return parts.ToPlan(index.RecordSource, index.Records.Length, index.Bits, index.DatedCount, descending: false);
    }
}

/// <summary>The trend-indicator value delivered in one year.</summary>
/// <param name="Year">The year of delivery.</param>
/// <param name="Tiv">The TIV delivered, in millions.</param>
/// <param name="Deals">How many register deals the estimate spreads into the year; 0 for a publisher's own figure.</param>
/// <param name="Estimate">Whether the figure is estimated (spread from deals' totals) rather than the publisher's own annual figure.</param>
public sealed record AnnualTiv(int Year, TrendIndicatorValue Tiv, int Deals, bool Estimate);

/// <summary>
/// The trend-indicator value a query's deals delivered to or from one partner over a range of years.
/// </summary>
/// <param name="Partner">The counterpart: the importer of a query that fixes the exporter (<c>From</c>), the exporter of one that fixes the importer (<c>To</c>).</param>
/// <param name="Tiv">The TIV delivered within the range.</param>
/// <param name="Deals">The number of deals that delivered within the range.</param>
/// <param name="Estimate">Whether part of the total is a deal's delivered TIV spread over its delivery years (a deal that delivered partly outside the range), as <see cref="TradeQuery.TivByYear"/> marks such figures.</param>
public sealed record PartnerTiv(CountryCode Partner, TrendIndicatorValue Tiv, int Deals, bool Estimate);

/// <summary>The total value of trade flows in one currency and price basis.</summary>
/// <param name="Currency">The currency.</param>
/// <param name="Basis">The price basis.</param>
/// <param name="Amount">The sum.</param>
/// <param name="Flows">How many flows it adds up.</param>
/// <param name="IncludesBounds">Whether some values are bounds ("more than", "about"), so the sum is not exact.</param>
public sealed record TradeTotal(CurrencyCode Currency, PriceBasis Basis, decimal Amount, int Flows, bool IncludesBounds);

/// <summary>What a <see cref="TradeQuery"/> asks for beside the shared filters: the directed sides and the two clocks of a deal.</summary>
internal sealed record TradeFilter
{
    public static readonly TradeFilter None = new();

    public CountryCode[] Exporters { get; init; } = [];
    public CountryCode[] Importers { get; init; } = [];
    public (int From, int To)[] Ordered { get; init; } = [];
    public (int From, int To)[] Delivered { get; init; } = [];

    public void AddTo(TradeIndex index, PlanParts parts)
    {
        foreach (var exporter in Exporters) parts.Lists.Add(Postings.Get(index.Exporters, exporter));
        foreach (var importer in Importers) parts.Lists.Add(Postings.Get(index.Importers, importer));
        foreach (var (first, last) in Ordered) parts.Lists.Add(InYears(index.OrderYears, first, last));
        foreach (var (first, last) in Delivered) parts.Lists.Add(InYears(index.DeliveryYears, first, last));
    }

    // The union of the years' lists: only years that have deals are looked at, however wide the range.
    private static int[] InYears(IReadOnlyDictionary<int, int[]> byYear, int from, int to) =>
        Postings.Union(byYear.Where(p => p.Key >= from && p.Key <= to).Select(p => p.Value));
}
