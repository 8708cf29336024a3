using DefenseCoop.Querying;

namespace DefenseCoop.Samples.Web;

/// <summary>
/// The two clocks of a trade record: when it was ordered and when it was delivered. An arms-transfer
/// deal has an order year (its period) and delivery years; any other flow has only its period, which
/// serves both clocks. Kept in one place so that the catalog's own order and delivery filters can take
/// over from it.
/// </summary>
internal static class TradeTimeAxes
{
    /// <summary>Flows ordered (or, for a flow without a deal, dated) within the years, answered by the index.</summary>
    public static TradeQuery OrderedWithin(TradeQuery query, int? from, int? to) =>
        from is null && to is null ? query : query.Years(from ?? 1, to ?? 9999);

    /// <summary>Flows with a delivery in the years: any of a deal's delivery years, or a dated flow's whole period.</summary>
    public static IEnumerable<TradeFlow> DeliveredWithin(IEnumerable<TradeFlow> flows, int? from, int? to)
    {
        if (from is null && to is null) return flows;
        int start = from ?? 1, end = to ?? 9999;
        return flows.Where(f => f.Deal is { } deal
            ? deal.DeliveryYears.Any(y => y >= start && y <= end)
            : f.Period is { } period && period.Earliest.Year >= start && period.Latest.Year <= end);
    }
}
