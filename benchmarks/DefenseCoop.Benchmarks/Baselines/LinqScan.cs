using NodaTime;

namespace DefenseCoop.Benchmarks.Baselines;

/// <summary>
/// The first baseline: what a program without the index would write, a LINQ scan over a
/// <see cref="List{T}"/> of the same records, with the catalog's semantics (so the answers are equal,
/// which every benchmark's setup checks).
/// </summary>
public static class LinqScan
{
    /// <summary>Agreements both countries are parties to (undirected), as <c>Between(a, b)</c>.</summary>
    public static List<Agreement> Between(List<Agreement> agreements, CountryCode a, CountryCode b) =>
        agreements.Where(x => x.Parties.Any(p => p.Country == a) && x.Parties.Any(p => p.Country == b)).ToList();

    /// <summary>As <c>Between(a, b).SignedWithin(from, to)</c>: the whole partial signing date lies in the years.</summary>
    public static List<Agreement> BetweenSignedWithin(List<Agreement> agreements, CountryCode a, CountryCode b, int fromYear, int toYear)
    {
        var from = new LocalDate(fromYear, 1, 1);
        var to = new LocalDate(toYear, 12, 31);
        return agreements.Where(x => x.Parties.Any(p => p.Country == a) && x.Parties.Any(p => p.Country == b)
            && x.SignedOn is { } d && d.Earliest >= from && d.Latest <= to).ToList();
    }

    /// <summary>As <c>Between(a, b).SignedWithin(from, to).Count()</c>.</summary>
    public static int CountBetweenSignedWithin(List<Agreement> agreements, CountryCode a, CountryCode b, LocalDate from, LocalDate to) =>
        agreements.Count(x => x.Parties.Any(p => p.Country == a) && x.Parties.Any(p => p.Country == b)
            && x.SignedOn is { } d && d.Earliest >= from && d.Latest <= to);

    /// <summary>As <c>Between(a, b).SignedWithin(from, to).Any()</c>.</summary>
    public static bool AnyBetweenSignedWithin(List<Agreement> agreements, CountryCode a, CountryCode b, LocalDate from, LocalDate to) =>
        agreements.Any(x => x.Parties.Any(p => p.Country == a) && x.Parties.Any(p => p.Country == b)
            && x.SignedOn is { } d && d.Earliest >= from && d.Latest <= to);

    /// <summary>As <c>Involving(country).OfKind(kind).InArea(area)</c>.</summary>
    public static List<Agreement> CountryKindArea(List<Agreement> agreements, CountryCode country, AgreementKind kind, CooperationArea area) =>
        agreements.Where(x => x.Kind == kind && x.Areas.Contains(area) && x.Parties.Any(p => p.Country == country)).ToList();

    /// <summary>As <c>Involving(country).OfKind(kind).InArea(area).Count()</c>.</summary>
    public static int CountCountryKindArea(List<Agreement> agreements, CountryCode country, AgreementKind kind, CooperationArea area) =>
        agreements.Count(x => x.Kind == kind && x.Areas.Contains(area) && x.Parties.Any(p => p.Country == country));

    /// <summary>As <c>InForceOn(date)</c>.</summary>
    public static List<Agreement> InForceOn(List<Agreement> agreements, LocalDate date) =>
        agreements.Where(x => x.StateOn(date) == InForceState.InForce).ToList();

    /// <summary>As <c>Spending.Of(country).Measure(measure)</c>.</summary>
    public static List<SpendingObservation> SpendingSeries(List<SpendingObservation> spending, CountryCode country, SpendingMeasure measure) =>
        spending.Where(o => o.Country == country && o.Measure == measure).ToList();

    /// <summary>As <c>Spending.InYear(year).Measure(measure).Top(count)</c>.</summary>
    public static List<SpendingObservation> Top(List<SpendingObservation> spending, int year, SpendingMeasure measure, int count) =>
        spending.Where(o => o.Year == year && o.Measure == measure && o.Country is not null)
            .OrderByDescending(o => o.Value).ThenBy(o => o.Country).ThenBy(o => o.Series.Id).Take(count).ToList();

    /// <summary>Flows between two countries either way (both named and different), as <c>Trade.Between(a, b)</c>.</summary>
    public static bool IsBetween(TradeFlow f, CountryCode a, CountryCode b) =>
        f.Exporter is { } e && f.Importer is { } i && ((e == a && i == b) || (e == b && i == a));

    /// <summary>As <c>Trade.Between(a, b).Years(from, to)</c>.</summary>
    public static List<TradeFlow> TradeBetween(List<TradeFlow> trade, CountryCode a, CountryCode b, int fromYear, int toYear)
    {
        var from = new LocalDate(fromYear, 1, 1);
        var to = new LocalDate(toYear, 12, 31);
        return trade.Where(f => IsBetween(f, a, b) && f.Period is { } p && p.Earliest >= from && p.Latest <= to).ToList();
    }

    /// <summary>As <c>catalog.Timeline(a, b)</c>, from the lists.</summary>
    public static List<TimelineEntry> Timeline(List<Agreement> agreements, List<TradeFlow> trade, List<Event> events, CountryCode a, CountryCode b) =>
        BuildTimeline(
            agreements.Where(x => x.Parties.Any(p => p.Country == a) && x.Parties.Any(p => p.Country == b)),
            trade.Where(f => IsBetween(f, a, b)),
            events.Where(e => e.Countries.Contains(a) && e.Countries.Contains(b)));

    /// <summary>The timeline of the given records, exactly as the catalog assembles it (the same entries, summaries and order).</summary>
    public static List<TimelineEntry> BuildTimeline(IEnumerable<Agreement> agreements, IEnumerable<TradeFlow> flows, IEnumerable<Event> events)
    {
        var entries = new List<TimelineEntry>();
        foreach (var agreement in agreements)
        {
            entries.Add(new TimelineEntry(agreement.SignedOn, TimelineEntryKind.AgreementSigned, $"{agreement.Kind}: {agreement.Title}", agreement));
            foreach (var change in agreement.StatusHistory)
            {
                if (change.Date is not null && change.Date == agreement.SignedOn) continue;
                entries.Add(new TimelineEntry(change.Date, TimelineEntryKind.StatusChanged, $"{change.Status}: {agreement.Title}", agreement, change));
            }
        }
        foreach (var flow in flows)
            entries.Add(new TimelineEntry(flow.Period, TimelineEntryKind.Trade, $"{flow.Kind}: {Describe(flow)}", flow));
        foreach (var ev in events)
            entries.Add(new TimelineEntry(ev.Date, TimelineEntryKind.Event, $"{ev.Kind}: {ev.Title}", ev));
        return [.. entries.OrderBy(e => e.Date is null).ThenBy(e => e.Date ?? default).ThenBy(e => e.Kind)];
    }

    private static string Describe(TradeFlow flow) =>
        string.Join(" ", new[] { $"{flow.Exporter}{(flow.IsDirected ? "→" : "↔")}{(object?)flow.Importer ?? "all"}", flow.Commodity, flow.Value?.ToString(), flow.Quantity?.ToString() }.Where(s => s is not null));
}
