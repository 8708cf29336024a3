using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Benchmarks.Baselines;

/// <summary>
/// What a program without the index would write for a country's partners and for trade grouped by partner:
/// LINQ over lists of the records, with the catalog's semantics (a country takes part as a state or through
/// an organization based in it; a record counts once per partner; a date lies wholly within the years).
/// </summary>
public static class LinqPartners
{
    /// <summary>As <c>catalog.Partners(country, fromYear, toYear, kinds)</c>.</summary>
    public static List<PartnerSummary> Partners(List<Agreement> agreements, List<TradeFlow> trade, List<Event> events,
        Dictionary<OrganizationId, CountryCode?> homes, CountryCode country, int fromYear, int toYear, PartnerKinds kinds)
    {
        var from = new LocalDate(fromYear, 1, 1);
        var to = new LocalDate(toYear, 12, 31);
        bool Inside(PartialDate? date) => date is { } d && d.Earliest >= from && d.Latest <= to;
        IEnumerable<CountryCode> Partners(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations)
        {
            var involved = states.Concat(organizations.Select(o => homes.GetValueOrDefault(o)).OfType<CountryCode>()).Distinct().ToList();
            return involved.Contains(country) ? involved.Where(c => c != country) : [];
        }
        var agreementPartners = kinds.Agreements is { } ak
            ? agreements.Where(a => (ak.IsEmpty || ak.Contains(a.Kind)) && Inside(a.SignedOn)).SelectMany(a => Partners(a.Countries, a.Organizations))
            : [];
        var tradePartners = kinds.Trade is { } tk
            ? trade.Where(f => (tk.IsEmpty || tk.Contains(f.Kind)) && Inside(f.Period)).SelectMany(f => Partners(new[] { f.Exporter, f.Importer }.OfType<CountryCode>(), f.Organizations))
            : [];
        var eventPartners = kinds.Events is { } ek
            ? events.Where(e => (ek.IsEmpty || ek.Contains(e.Kind)) && Inside(e.Date)).SelectMany(e => Partners(e.Countries, e.Organizations))
            : [];
        var a = agreementPartners.CountBy(c => c).ToDictionary();
        var t = tradePartners.CountBy(c => c).ToDictionary();
        var e = eventPartners.CountBy(c => c).ToDictionary();
        return [.. a.Keys.Union(t.Keys).Union(e.Keys)
            .Select(p => new PartnerSummary(p, a.GetValueOrDefault(p), t.GetValueOrDefault(p), e.GetValueOrDefault(p)))
            .OrderByDescending(p => p.Total).ThenByDescending(p => p.Agreements).ThenBy(p => p.Partner)];
    }

    /// <summary>As <c>Trade.From(exporter).OfKind(kind).TivByPartner(fromYear, toYear)</c>: the TIV each recipient received.</summary>
    public static List<PartnerTiv> TivByRecipient(List<TradeFlow> trade, CountryCode exporter, TradeKind kind, int fromYear, int toYear) =>
        [.. trade.Where(f => f.IsDirected && f.Exporter == exporter && f.Kind == kind && f.Importer is not null
                && f.Deal is { TivDelivered: not null } deal && deal.DeliveryYears.Any(y => y >= fromYear && y <= toYear))
            .GroupBy(f => f.Importer!.Value)
            .Select(g =>
            {
                decimal tiv = 0;
                bool estimate = false;
                foreach (var deal in g.Select(f => f.Deal!))
                {
                    var years = deal.DeliveryYears.Distinct().ToList();
                    int inside = years.Count(y => y >= fromYear && y <= toYear);
                    tiv += deal.TivDelivered!.Value.Millions * inside / years.Count;
                    estimate |= inside < years.Count;
                }
                return new PartnerTiv(g.Key, new TrendIndicatorValue(Math.Round(tiv, 2)), g.Count(), estimate);
            })
            .OrderByDescending(p => p.Tiv).ThenBy(p => p.Partner)];
}
