using DefenseCoop.Export.Parquet;

namespace DefenseCoop.Export.Tests;

/// <summary>Rows from sources whose terms restrict redistribution leave only on the caller's explicit word.</summary>
public sealed class RestrictedSourceTests
{
    internal static readonly Source Sipri = new()
    {
        Id = "sipri-arms-transfers-register-2024-11-05", Kind = SourceKind.Dataset, Publisher = "SIPRI", Title = "SIPRI Arms Transfers Database — Trade Register",
        Language = "en", Url = "https://www.sipri.org/databases/armstransfers",
        Licence = "© SIPRI. Free for non-commercial use with citation (\"SIPRI Arms Transfers Database\"); commercial use and redistribution need SIPRI's permission.",
    };

    internal static readonly Source CowNmc = new()
    {
        Id = "cow-nmc-6", Kind = SourceKind.Dataset, Publisher = "Correlates of War Project", Title = "National Material Capabilities", Language = "en",
        Edition = "v6.0", Licence = "free for academic use with citation; commercial use not granted",
    };

    /// <summary>The bundled release with a SIPRI deal and a COW NMC series, as the importers would add them.</summary>
    internal static DefenseCoopCatalog WithRestricted() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords
    {
        Sources = [Sipri, CowNmc],
        Trade =
        [
            new TradeFlow
            {
                Id = "sipri-tr-kg-2021-bayraktar-tb2", Kind = TradeKind.ArmsTransfer, Exporter = CountryCode.Parse("TR"), Importer = CountryCode.Parse("KG"), Period = new PartialDate(2021), Commodity = "UAV", Quantity = new Quantity(3, "units"),
                Deal = new ArmsTransferDeal
                {
                    Designation = "Bayraktar TB2", Description = "UAV", OrderYear = 2021, NumberOrdered = 3, NumberDelivered = 3, DeliveryYears = [2021, 2022],
                    TivPerUnit = new TrendIndicatorValue(2.4m), TivOfOrder = new TrendIndicatorValue(7.2m), TivDelivered = new TrendIndicatorValue(7.2m),
                },
                Sources = [Sipri.Id],
            },
        ],
        Spending = [new SpendingSeries("cow-nmc-6-tr-milex", CountryCode.Parse("TR"), null, SpendingMeasure.CurrentUsd, CurrencyCode.Usd, PriceBasis.Current, null, [], CowNmc.Id,
            [new SpendingPoint(2015, 10_000_000_000m), new SpendingPoint(2016, 11_000_000_000m)])],
    }, "restricted").Build();

    private static readonly DefenseCoopCatalog Catalog = WithRestricted();

    [Fact]
    public void Classification_FollowsTheLicence()
    {
        Assert.Equal(Redistribution.Restricted, SourceTerms.Of(Sipri).Redistribution);
        Assert.Equal(Redistribution.Restricted, SourceTerms.Of(CowNmc).Redistribution);
        // A SIPRI dataset is restricted even when the record says nothing of its licence.
        Assert.Equal(Redistribution.Restricted, SourceTerms.Of(Sipri with { Licence = null }).Redistribution);
        var bundled = DefenseCoopCatalog.Default.Sources;
        Assert.Equal(Redistribution.Attribution, SourceTerms.Of(bundled["nato-defence-expenditure-2024"]).Redistribution);
        Assert.Equal(Redistribution.Attribution, SourceTerms.Of(bundled["cow-state-system-2016"]).Redistribution);
        Assert.Equal(Redistribution.Open, SourceTerms.Of(bundled["datahub-country-codes"]).Redistribution);
        // The names SIPRI uses for countries are a reference, not its data.
        Assert.Equal(Redistribution.Attribution, SourceTerms.Of(bundled["sipri-country-names"]).Redistribution);
        Assert.All(bundled, s => Assert.NotEqual(Redistribution.Restricted, SourceTerms.Of(s).Redistribution));
    }

    [Fact]
    public async Task DefaultExport_Refuses_ListingTheRestrictedSources_AndWritesNothing()
    {
        using var dir = new TempDirectory();
        var e = await Assert.ThrowsAsync<RestrictedSourcesException>(() => Catalog.ExportAsync(dir.Path, ExportFormat.Csv, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal([CowNmc.Id, Sipri.Id], e.Sources.Select(s => s.Source.Id));
        Assert.Contains("sipri-arms-transfers-register-2024-11-05", e.Message, StringComparison.Ordinal);
        Assert.Contains("cow-nmc-6", e.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(RestrictedSourceHandling.IncludeAndAcknowledgeTerms), e.Message, StringComparison.Ordinal);
        // One trade flow, its two delivery years, and two figures.
        Assert.Equal(5, e.Rows);
        Assert.Empty(Directory.EnumerateFiles(dir.Path));
    }

    [Fact]
    public async Task QueryResultWithoutRestrictedRows_ExportsByDefault()
    {
        using var dir = new TempDirectory();
        var result = await CatalogExporter.ForAgreements(Catalog, Catalog.Agreements.Involving("TR")).WriteToDirectoryAsync(dir.Path, ExportFormat.Csv, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(result.RestrictedSources);
        Assert.Equal(["agreements", "agreement_parties", "agreement_status_changes", "reported_values", "agreement_signatories", "notes", "sources"], result.Tables.Select(t => t.Table.Name));
        Assert.Throws<RestrictedSourcesException>(() => CatalogExporter.ForTrade(Catalog, Catalog.Trade.From("TR")).OpenRows(ExportTables.TradeFlows));
    }

    [Fact]
    public async Task Acknowledged_ExportsTheRows_AndTheAttributionStatesTheTerms()
    {
        using var dir = new TempDirectory();
        var options = new ExportOptions { RestrictedSources = RestrictedSourceHandling.IncludeAndAcknowledgeTerms };
        var result = await Catalog.ExportAsync(dir.Path, ParquetFormat.Default, options, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([CowNmc.Id, Sipri.Id], result.RestrictedSources.Select(s => s.Source.Id));
        string attribution = File.ReadAllText(dir.File(CatalogExporter.AttributionFileName));
        Assert.Contains("## Terms that restrict redistribution", attribution, StringComparison.Ordinal);
        Assert.Contains(Sipri.Licence!, attribution, StringComparison.Ordinal);
        Assert.Contains(CowNmc.Licence!, attribution, StringComparison.Ordinal);
        using var db = new DuckDb();
        var deal = db.Query($"SELECT exporter, importer, order_year, delivery_years, tiv_delivered, sources FROM {DuckDb.Table(dir.Path, "trade_flows", "parquet")} WHERE designation = 'Bayraktar TB2'").Single();
        Assert.Equal(["TR", "KG", 2021, "2021;2022", 7.2m, Sipri.Id.Value], deal);
        Assert.Equal([2021, 2022], db.Query($"SELECT delivery_year FROM {DuckDb.Table(dir.Path, "trade_flow_delivery_years", "parquet")} WHERE flow_id = 'sipri-tr-kg-2021-bayraktar-tb2' ORDER BY 1").Select(r => (int)r[0]!));
        Assert.Equal("Restricted", db.Query($"SELECT redistribution FROM {DuckDb.Table(dir.Path, "sources", "parquet")} WHERE source_id = 'cow-nmc-6'").Single()[0]);
    }

    [Fact]
    public async Task Omit_LeavesOutTheRestrictedRows_AndTheirSources()
    {
        using var dir = new TempDirectory();
        var result = await Catalog.ExportAsync(dir.Path, ExportFormat.JsonLines, new ExportOptions { RestrictedSources = RestrictedSourceHandling.Omit }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(5, result.OmittedRows);
        Assert.Empty(result.RestrictedSources);
        Assert.DoesNotContain(result.Sources, s => s.Source.Id == Sipri.Id);
        Assert.Equal(DefenseCoopCatalog.Default.Trade.Count(), File.ReadLines(dir.File("trade_flows.jsonl")).Count());
        Assert.Equal(DefenseCoopCatalog.Default.Spending.Count(), File.ReadLines(dir.File("spending.jsonl")).Count());
        Assert.DoesNotContain("sipri-arms-transfers", File.ReadAllText(dir.File("sources.jsonl")), StringComparison.Ordinal);
        Assert.Contains("5 rows that cite sources whose terms restrict redistribution were left out", File.ReadAllText(dir.File(CatalogExporter.AttributionFileName)), StringComparison.Ordinal);
    }
}
