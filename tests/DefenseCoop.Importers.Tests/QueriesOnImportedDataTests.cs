using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Importers.Tests;

/// <summary>The whole query surface works on a catalog that holds the users' own SIPRI and COW downloads.</summary>
public sealed class QueriesOnImportedDataTests
{
    private static readonly Lazy<DefenseCoopCatalog> Full = new(() => DefenseCoopCatalog.CreateBuilder()
        .AddBundled()
        .AddSipriMilex(RawData.Require("sipri-milex/SIPRI-Milex-data-1949-2024_2.xlsx"))
        .AddSipriArmsTransfers(RawData.Require("sipri-arms-transfers/trade-register.csv"))
        .AddCowNmc(RawData.Require("cow-nmc/NMC-60-abridged.csv"))
        .Build());

    [Fact]
    public void Spending_AnswersAcrossBundledAndImportedSources()
    {
        var catalog = Full.Value;
        Assert.Equal(11, catalog.Spending.Of("TR").FromPublisher("SIPRI").Measure(SpendingMeasure.ConstantUsd).Within(2014, 2024).Count());
        Assert.Equal("US", catalog.Spending.FromPublisher("SIPRI").Measure(SpendingMeasure.ConstantUsd).Within(2024).Top(15)[0].Country!.Value.Value);
        // NATO (bundled) and SIPRI (imported) both give Türkiye's 2023 current-dollar spending: both come back.
        var figures = catalog.Spending.Of("TR").Measure(SpendingMeasure.CurrentUsd).Within(2023).ToList();
        Assert.Equal(2, figures.Select(o => catalog.Sources[o.Source].Publisher).Distinct().Count());
        var preferred = catalog.Spending.Of("TR").Measure(SpendingMeasure.CurrentUsd).Within(2023)
            .Reconcile(ReconciliationPolicy.Prefer(new SourceId("sipri-milex-2025"))).Single();
        Assert.Equal(new SourceId("sipri-milex-2025"), preferred.From.Single().Source);
        // COW has 201 state-years for Türkiye; three give personnel as -9 (missing), which stay absent.
        Assert.Equal(198, catalog.Spending.Of("TR").FromPublisher("Correlates of War Project").Measure(SpendingMeasure.MilitaryPersonnel).Series().Single().Years.Length);
    }

    [Fact]
    public void Trade_IndexedAnswersEqualAScanOfTheImportedDeals()
    {
        var catalog = Full.Value;
        var all = catalog.Trade.ToList();
        var query = catalog.Trade.From("TR").OfKind(TradeKind.ArmsTransfer).Within(2015, 2023);
        var scan = all.Where(f => f.IsDirected && f.Exporter == CountryCode.Parse("TR") && f.Kind == TradeKind.ArmsTransfer
            && f.Period is { } p && p.Earliest.Year >= 2015 && p.Latest.Year <= 2023).ToList();
        Assert.Equal(scan, query.ToList());
        Assert.Equal(scan.Count, query.Count());
        Assert.Contains(catalog.Trade.Between("KG", "TR"), f => f.Systems.Contains(new SystemId("bayraktar-tb2")));
        Assert.True(catalog.Trade.Involving(new SystemId("bayraktar-tb2")).Count() >= 21);
        Assert.True(query.TivDelivered().Millions > 0);
    }

    [Fact]
    public void Relations_IncludeImportedDeals()
    {
        var catalog = Full.Value;
        Assert.Contains(catalog.Timeline("TR", "KG"), e => e.Kind == TimelineEntryKind.Trade && ((TradeFlow)e.Record).Deal is not null);
        var kyrgyzstan = catalog.Partners("TR").Single(p => p.Partner == CountryCode.Parse("KG"));
        Assert.True(kyrgyzstan.TradeFlows > DefenseCoopCatalog.Default.Partners("TR").Single(p => p.Partner == CountryCode.Parse("KG")).TradeFlows);
        Assert.Equal(DefenseCoopCatalog.Default.Agreements.Involving("TR").InForceOn(new LocalDate(2024, 1, 1)).Count(),
            catalog.Agreements.Involving("TR").InForceOn(new LocalDate(2024, 1, 1)).Count());
    }
}
