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

    /// <summary>As <c>Between(a, b).Within(from, to)</c>: the whole partial signing date lies in the years.</summary>
    public static List<Agreement> BetweenSignedWithin(List<Agreement> agreements, CountryCode a, CountryCode b, int fromYear, int toYear)
    {
        var from = new LocalDate(fromYear, 1, 1);
        var to = new LocalDate(toYear, 12, 31);
        return agreements.Where(x => x.Parties.Any(p => p.Country == a) && x.Parties.Any(p => p.Country == b)
            && x.SignedOn is { } d && d.Earliest >= from && d.Latest <= to).ToList();
    }

    /// <summary>As <c>Between(a, b).Within(from, to).Count()</c>.</summary>
    public static int CountBetweenSignedWithin(List<Agreement> agreements, CountryCode a, CountryCode b, LocalDate from, LocalDate to) =>
        agreements.Count(x => x.Parties.Any(p => p.Country == a) && x.Parties.Any(p => p.Country == b)
            && x.SignedOn is { } d && d.Earliest >= from && d.Latest <= to);

    /// <summary>As <c>Between(a, b).Within(from, to).Any()</c>.</summary>
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

    /// <summary>As <c>Spending.Within(year).Measure(measure).Top(count)</c>.</summary>
    public static List<SpendingObservation> Top(List<SpendingObservation> spending, int year, SpendingMeasure measure, int count) =>
        spending.Where(o => o.Year == year && o.Measure == measure && o.Country is not null)
            .OrderByDescending(o => o.Value).ThenBy(o => o.Country).ThenBy(o => o.Series.Id).Take(count).ToList();

    /// <summary>Flows between two countries either way (both named and different), as <c>Trade.Between(a, b)</c>.</summary>
    public static bool IsBetween(TradeFlow f, CountryCode a, CountryCode b) =>
        f.Exporter is { } e && f.Importer is { } i && ((e == a && i == b) || (e == b && i == a));

    /// <summary>As <c>Trade.Between(a, b).Within(from, to)</c>.</summary>
    public static List<TradeFlow> TradeBetween(List<TradeFlow> trade, CountryCode a, CountryCode b, int fromYear, int toYear)
    {
        var from = new LocalDate(fromYear, 1, 1);
        var to = new LocalDate(toYear, 12, 31);
        return trade.Where(f => IsBetween(f, a, b) && f.Period is { } p && p.Earliest >= from && p.Latest <= to).ToList();
    }

    /// <summary>As <c>catalog.Timeline(country, statesOnly: true)</c>, from the lists.</summary>
    public static List<TimelineEntry> Timeline(List<Agreement> agreements, List<TradeFlow> trade, List<Event> events, CountryCode country) =>
        DefenseCoopCatalog.BuildTimeline(
            agreements.Where(x => x.Parties.Any(p => p.Country == country)),
            trade.Where(f => f.Exporter == country || f.Importer == country),
            events.Where(e => e.Countries.Contains(country)));

    /// <summary>As <c>catalog.Timeline(a, b)</c>, from the lists.</summary>
    public static List<TimelineEntry> Timeline(List<Agreement> agreements, List<TradeFlow> trade, List<Event> events, CountryCode a, CountryCode b) =>
        DefenseCoopCatalog.BuildTimeline(
            agreements.Where(x => x.Parties.Any(p => p.Country == a) && x.Parties.Any(p => p.Country == b)),
            trade.Where(f => IsBetween(f, a, b)),
            events.Where(e => e.Countries.Contains(a) && e.Countries.Contains(b)));
}
