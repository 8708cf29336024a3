using DefenseCoop.Querying;

namespace DefenseCoop.Tests.Querying;

/// <summary>Series, rankings and reconciliation of spending figures from several sources.</summary>
public class SpendingTests
{
    private static readonly CountryCode TR = CountryCode.Parse("TR"), FI = CountryCode.Parse("FI"), SE = CountryCode.Parse("SE");
    private static readonly SourceId News = new("news"), Nato = new("nato");

    private static SpendingSeries Series(string id, CountryCode country, SourceId source, params (int Year, decimal Value)[] points) =>
        new(new SeriesId(id), country, null, SpendingMeasure.CurrentUsd, CurrencyCode.Usd, PriceBasis.Current, null, [], source,
            [.. points.Select(p => new SpendingPoint(p.Year, p.Value))]);

    private static readonly DefenseCoopCatalog Catalog = new(RandomCatalogs.Make([], [],
    [
        Series("tr-news", TR, News, (2022, 10m), (2024, 30m)),
        Series("tr-nato", TR, Nato, (2022, 12m), (2023, 20m), (2024, 28m)),
        Series("fi-nato", FI, Nato, (2024, 7m)),
        Series("se-news", SE, News, (2024, 40m)),
        new SpendingSeries(new SeriesId("tr-share"), TR, null, SpendingMeasure.ShareOfGdp, null, PriceBasis.Current, null, [], Nato, [new SpendingPoint(2024, 2.1m)]),
    ]));

    [Fact]
    public void Series_KeepsEverySourcesFigureAndLeavesUncoveredYearsOut()
    {
        var series = Assert.Single(Catalog.Spending.Of(TR).Measure(SpendingMeasure.CurrentUsd).Series());
        Assert.Equal([2022, 2023, 2024], series.Years);
        Assert.Equal([10m, 12m], series.In(2022).Select(o => o.Value).Order());
        Assert.Single(series.In(2023));
        Assert.Empty(series.In(2021));
    }

    [Fact]
    public void Reconcile_SaysWhichPolicyProducedEachValue()
    {
        var query = Catalog.Spending.Of(TR).Measure(SpendingMeasure.CurrentUsd);
        decimal[] Values(ReconciliationPolicy policy) => [.. query.Reconcile(policy).Select(r => r.Value)];
        Assert.Equal([10m, 20m, 28m], Values(ReconciliationPolicy.Minimum));
        Assert.Equal([12m, 20m, 30m], Values(ReconciliationPolicy.Maximum));
        Assert.Equal([11m, 20m, 29m], Values(ReconciliationPolicy.Median));
        Assert.Equal([10m, 30m], Values(ReconciliationPolicy.Prefer(News)));
        Assert.Equal([10m, 20m, 30m], Values(ReconciliationPolicy.Prefer(News, Nato)));
        var reconciled = query.Within(2022).Reconcile(ReconciliationPolicy.Median).Single();
        Assert.Equal(ReconciliationPolicy.Median, reconciled.Policy);
        Assert.Equal(2, reconciled.From.Length);
        Assert.Equal("median", reconciled.Policy.ToString());
    }

    [Fact]
    public void Top_RanksCountriesOfOneYearAndMeasure()
    {
        var top = Catalog.Spending.Measure(SpendingMeasure.CurrentUsd).Within(2024).Top(3);
        Assert.Equal([40m, 30m, 28m], top.Select(o => o.Value));
        var reconciled = Catalog.Spending.Measure(SpendingMeasure.CurrentUsd).Within(2024).Reconcile(ReconciliationPolicy.Prefer(Nato, News)).Top(3);
        Assert.Equal([(SE, 40m), (TR, 28m), (FI, 7m)], reconciled.Select(r => (r.Key.Country!.Value, r.Value)));
        Assert.Throws<InvalidOperationException>(() => Catalog.Spending.Measure(SpendingMeasure.CurrentUsd).Top(3));
        Assert.Throws<InvalidOperationException>(() => Catalog.Spending.Within(2024).Top(3));
        Assert.Throws<InvalidOperationException>(() => Catalog.Spending.Measure(SpendingMeasure.LocalCurrencyCurrent).Within(2024).Top(3));
    }

    [Fact]
    public void SourceFilters_SelectByIdPublisherAndKind()
    {
        Assert.Equal(3, Catalog.Spending.FromSource(News).Count());
        Assert.Equal(5, Catalog.Spending.FromPublisher("nato").Count());
        Assert.Equal(8, Catalog.Spending.FromSourceKind(SourceKind.NewsReport).Count());
        Assert.Empty(Catalog.Spending.FromSourceKind(SourceKind.Dataset));
        Assert.Empty(Catalog.Spending.Within(2025, 2030));
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Spending.Within(2024, 2023));
    }
}
