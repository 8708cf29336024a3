using System.Collections.Immutable;
using DefenseCoop.Importers.SipriArmsTransfers;

namespace DefenseCoop.Importers.Tests;

/// <summary>
/// SIPRI's non-state suppliers and recipients become organizations (no deal is dropped), and SIPRI's
/// annual TIV tables give their own yearly figures, which <c>TivByYear</c> prefers to the register's spread.
/// </summary>
public sealed class SipriNonStateAndTivTablesTests
{
    private static readonly OrganizationId UnitedNations = new("sipri-party-united-nations");
    private static readonly OrganizationId Hezbollah = new("sipri-party-hezbollah-lebanon");

    private static readonly SipriArmsTransfersFiles SampleFiles = new()
    {
        TradeRegister = RawData.Fixture("sipri-trade-register-sample.csv"),
        SupplierTable = RawData.Fixture("sipri-tiv-supplier-sample.csv"),
        RecipientTable = RawData.Fixture("sipri-tiv-recipient-sample.csv"),
    };

    private static readonly Lazy<(DefenseCoopCatalog Catalog, SipriArmsTransfersSummary Summary)> All = new(() => Import(SampleFiles));
    private static readonly Lazy<(DefenseCoopCatalog Catalog, SipriArmsTransfersSummary Summary)> RegisterOnly =
        new(() => Import(new SipriArmsTransfersFiles { TradeRegister = SampleFiles.TradeRegister }));

    private static (DefenseCoopCatalog Catalog, SipriArmsTransfersSummary Summary) Import(SipriArmsTransfersFiles files)
    {
        var importer = new SipriArmsTransfersImporter(files);
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddImporter(importer).Build();
        return (catalog, importer.LastImport!);
    }

    private static DefenseCoopDataException Refuse(SipriArmsTransfersFiles files) =>
        Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriArmsTransfers(files).Build());

    // ---- non-state parties ----

    [Fact]
    public void NonStateRecipient_IsTheFlowsImporterOrganization_AndNotAllDestinations()
    {
        var catalog = RegisterOnly.Value.Catalog;
        var flow = Assert.Single(catalog.Trade.Involving(UnitedNations));
        Assert.Equal(("UA", null, null, UnitedNations), (flow.Exporter?.Value, flow.Importer, flow.ExporterOrganization, flow.ImporterOrganization));
        Assert.Equal([UnitedNations], flow.Organizations);
        Assert.Equal("Test Lift", flow.Deal!.Designation);
        Assert.StartsWith("sipri-at-ua-united-nations-2014-test-lift-", flow.Id.Value);

        var un = catalog.Organizations[UnitedNations];
        Assert.Equal((OrganizationKind.InternationalOrganization, "United Nations", null), (un.Kind, un.Name, un.Country));
        Assert.Equal(["United Nations**"], un.Aliases);
        Assert.Equal([new SourceId("sipri-arms-transfers-register-2025-03-14")], un.Sources);
        Assert.Contains("international organization", Assert.Single(un.Notes).Text);
    }

    [Fact]
    public void NonStateParties_HaveTheirKinds_AndCountForNoCountry()
    {
        var catalog = RegisterOnly.Value.Catalog;
        Assert.Equal(OrganizationKind.ArmedNonStateActor, catalog.Organizations[Hezbollah].Kind);
        var unknown = catalog.Organizations[new OrganizationId("sipri-party-unknown-recipient-s")];
        Assert.Equal((OrganizationKind.UnknownParty, "Unknown recipient(s)"), (unknown.Kind, unknown.Name));

        var toHezbollah = Assert.Single(catalog.Trade.Involving(Hezbollah));
        Assert.Equal(("SY", Hezbollah), (toHezbollah.Exporter?.Value, toHezbollah.ImporterOrganization));
        // The supplier's exports include it; no country (Lebanon included) is its recipient.
        Assert.Contains(toHezbollah, catalog.Trade.From("SY"));
        Assert.DoesNotContain(toHezbollah, catalog.Trade.Involving("LB"));
        Assert.DoesNotContain(catalog.Trade.OfKind(TradeKind.ArmsTransfer), f => f.Importer is null && f.ImporterOrganization is null && f.Deal is not null);
        // The Netherlands' only deal went to an unknown recipient: it is an export, to no country.
        var dutch = Assert.Single(catalog.Trade.From("NL"), f => f.Deal is not null);
        Assert.Equal(unknown.Id, dutch.ImporterOrganization);
        Assert.Empty(catalog.Trade.Between("NL", "FI"));
    }

    [Fact]
    public void Label_MatchingACatalogOrganization_IsLinkedToIt()
    {
        var (catalog, summary) = All.Value;
        // "European Union**" of the supplier table and "NATO**" of the recipient table are the bundled eu and nato.
        Assert.Equal([new("European Union**", new OrganizationId("eu")), new KeyValuePair<string, OrganizationId>("NATO**", new OrganizationId("nato"))], summary.LinkedOrganizations);
        Assert.DoesNotContain(summary.OrganizationsAdded, o => o.Value is "sipri-party-nato" or "sipri-party-european-union");
        var eu = Assert.Single(catalog.Trade.Involving(new OrganizationId("eu")).OfKind(TradeKind.ArmsTransferVolume));
        Assert.Equal((null, new OrganizationId("eu"), new TrendIndicatorValue(2m)), (eu.Exporter, eu.ExporterOrganization, eu.Tiv));
        Assert.Equal(5m, catalog.Trade.Involving(new OrganizationId("nato")).TivByYear(2023, 2023).Single().Tiv.Millions);
    }

    [Fact]
    public void PartyInRegisterAndTable_IsOneOrganizationCitingBoth()
    {
        var (catalog, summary) = All.Value;
        Assert.Equal(1, summary.OrganizationsAdded.Count(o => o == UnitedNations));
        Assert.Equal(
            [new SourceId("sipri-arms-transfers-recipients-2025-03-16"), new SourceId("sipri-arms-transfers-register-2025-03-14")],
            catalog.Organizations[UnitedNations].Sources.OrderBy(s => s.Value));
        Assert.Equal(2, catalog.Trade.Involving(UnitedNations).Count());
    }

    [Fact]
    public void ImportedCatalog_SavedAndLoaded_KeepsOrganizationsOfFlowsAndTivs()
    {
        var catalog = All.Value.Catalog;
        using var stream = new MemoryStream();
        catalog.Save(stream);
        stream.Position = 0;
        var loaded = DefenseCoopCatalog.Load(stream);

        Assert.Equal(catalog.Trade.Count(), loaded.Trade.Count());
        Assert.Equal(catalog.Trade.Involving(UnitedNations).Select(f => (f.Id, f.ImporterOrganization, f.Tiv)),
            loaded.Trade.Involving(UnitedNations).Select(f => (f.Id, f.ImporterOrganization, f.Tiv)));
        Assert.Equal(catalog.Trade.From("TR").TivByYear(2017, 2024), loaded.Trade.From("TR").TivByYear(2017, 2024));
        Assert.Equal(OrganizationKind.ArmedNonStateActor, loaded.Organizations[Hezbollah].Kind);
    }

    [Fact]
    public void Loader_RefusesACountryAndAnOrganizationOnOneSide_AndANegativeTiv()
    {
        var source = new Source { Id = new SourceId("test-source"), Kind = SourceKind.Dataset, Publisher = "Test", Title = "Test", Language = "en" };
        var flow = new TradeFlow
        {
            Id = new TradeFlowId("test-flow"), Kind = TradeKind.ArmsTransferVolume, Exporter = CountryCode.Parse("TR"),
            ExporterOrganization = new OrganizationId("nato"), Period = new PartialDate(2020), Tiv = new TrendIndicatorValue(-1m), Sources = [source.Id],
        };
        var e = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled()
            .AddRecords(new CatalogRecords { Sources = [source], Trade = [flow] }).Build());
        Assert.Equal(["$.trade[0].exporterOrganization", "$.trade[0].tiv"], e.Issues.Select(i => i.Path).Order());
        Assert.All(e.Issues, i => Assert.Equal(DataRule.InvalidValue, i.Rule));
    }

    [Fact]
    public void JsonContract_CarriesTheFlowsOrganizationsAndTiv()
    {
        var context = DefenseCoop.Serialization.DefenseCoopJsonContext.Default;
        var flow = All.Value.Catalog.Trade.Involving(UnitedNations).OfKind(TradeKind.ArmsTransferVolume).First();
        string json = System.Text.Json.JsonSerializer.Serialize(flow, context.GetTypeInfo<TradeFlow>());
        Assert.Contains("\"importerOrganization\":\"sipri-party-united-nations\"", json);
        Assert.Contains("\"kind\":\"ArmsTransferVolume\"", json);
        Assert.Contains("\"tiv\":{\"millions\":4}", json);
        var back = System.Text.Json.JsonSerializer.Deserialize(json, context.GetTypeInfo<TradeFlow>())!;
        Assert.Equal((flow.ImporterOrganization, flow.ExporterOrganization, flow.Tiv, flow.Kind), (back.ImporterOrganization, back.ExporterOrganization, back.Tiv, back.Kind));
    }

    [Fact]
    public void FlowText_NamesTheNonStateParty_NotAllDestinations()
    {
        var catalog = All.Value.Catalog;
        var lease = Assert.Single(catalog.Trade.Involving(UnitedNations).OfKind(TradeKind.ArmsTransfer));
        Assert.Contains("UA→sipri-party-united-nations", lease.ToString());
        var entry = Assert.Single(catalog.Timeline("UA"), e => e.Record == (object)lease);
        Assert.Contains("UA→sipri-party-united-nations", entry.Summary);
        var volume = Assert.Single(catalog.Trade.From("TR").OfKind(TradeKind.ArmsTransferVolume).Within(2022, 2022));
        Assert.Equal("2022 ArmsTransferVolume TR→* 150 m TIV", volume.ToString());
        Assert.EndsWith("TR→all major arms 150 m TIV", Assert.Single(catalog.Timeline("TR"), e => e.Record == (object)volume).Summary);
    }

    // ---- annual TIV tables ----

    [Fact]
    public void SupplierTable_GivesSipriFiguresNotEstimates()
    {
        var annual = All.Value.Catalog.Trade.From("TR").TivByYear(2019, 2023);
        Assert.Equal([13m, 5m, 8m, 150m, 6m], annual.Select(a => a.Tiv.Millions));
        Assert.All(annual, a => Assert.False(a.Estimate));
        Assert.All(annual, a => Assert.Equal(0, a.Deals));
        // The kind filter of an ArmsTransfer query does not hide the table: it is the same question.
        Assert.Equal(annual, All.Value.Catalog.Trade.From("TR").OfKind(TradeKind.ArmsTransfer).TivByYear(2019, 2023));
    }

    [Fact]
    public void SupplierTable_EmptyCellInsideItsYears_IsZeroFromTheTable()
    {
        var sweden = All.Value.Catalog.Trade.From("SE").TivByYear(2019, 2023);
        Assert.Equal([0m, 0m, 7m, 0m, 0m], sweden.Select(a => a.Tiv.Millions));
        Assert.All(sweden, a => Assert.False(a.Estimate));
    }

    [Fact]
    public void YearsOutsideTheTable_AreSpreadFromTheRegister()
    {
        var annual = All.Value.Catalog.Trade.From("TR").TivByYear(2018, 2024);
        Assert.Equal([true, false, false, false, false, false, true], annual.Select(a => a.Estimate));
        Assert.Equal(0m, annual[^1].Tiv.Millions);
    }

    [Fact]
    public void WithoutTables_TivByYearIsTheRegistersEstimate()
    {
        var annual = RegisterOnly.Value.Catalog.Trade.From("TR").TivByYear(2019, 2023);
        Assert.All(annual, a => Assert.True(a.Estimate));
        // 2019: the two Test MRL copies to Azerbaijan (13.2 each); 2020: half of the TB2s to Kazakhstan (4.8 over 2020–2021).
        Assert.Equal([26.4m, 2.4m, 2.4m, 8m, 6m], annual.Select(a => a.Tiv.Millions));
    }

    [Fact]
    public void DyadQuery_MatchesNoTableRow_AndStaysAnEstimate()
    {
        var annual = All.Value.Catalog.Trade.From("TR").To("AZ").TivByYear(2019, 2022);
        Assert.All(annual, a => Assert.True(a.Estimate));
        Assert.Equal([26.4m, 0m, 0m, 8m], annual.Select(a => a.Tiv.Millions));
    }

    [Fact]
    public void RecipientTable_GivesImportsByYear()
    {
        var catalog = All.Value.Catalog;
        var azerbaijan = catalog.Trade.To("AZ").TivByYear(2019, 2021);
        Assert.Equal([13m, 0m, 8m], azerbaijan.Select(a => a.Tiv.Millions));
        Assert.All(azerbaijan, a => Assert.False(a.Estimate));
        var flow = Assert.Single(catalog.Trade.To("AZ").OfKind(TradeKind.ArmsTransferVolume).Within(2019, 2019));
        Assert.Equal(("sipri-tiv-2025-03-16-imports-az-2019", null, new PartialDate(2019)), (flow.Id.Value, flow.Exporter, flow.Period));
        Assert.Equal([new SourceId("sipri-arms-transfers-recipients-2025-03-16")], flow.Sources);
    }

    [Fact]
    public void TableZero_IsKeptWithANote_AndTotalsAreLeftOut()
    {
        var (catalog, summary) = All.Value;
        var zero = Assert.Single(catalog.Trade.Involving(new OrganizationId("sipri-party-unknown-supplier-s")));
        Assert.Equal((new TrendIndicatorValue(0m), new PartialDate(2019)), (zero.Tiv!.Value, zero.Period!.Value));
        Assert.Contains("between 0 and 0.5 million", Assert.Single(zero.Notes).Text);

        Assert.Equivalent(new SipriTivTableSummary
        {
            File = SampleFiles.SupplierTable!, Table = SipriTivTableKind.Supplier, Parties = 4, NonStateParties = 2, Figures = 8,
            TotalRowsSkipped = 2, FirstYear = 2019, LastYear = 2023,
        }, summary.SupplierTable, strict: true);
        Assert.Equal((5, 3, 7, 1), (summary.RecipientTable!.Parties, summary.RecipientTable.NonStateParties, summary.RecipientTable.Figures, summary.RecipientTable.TotalRowsSkipped));
    }

    [Fact]
    public void TablesAlone_AreImportedWithoutARegister()
    {
        var (catalog, summary) = Import(new SipriArmsTransfersFiles { SupplierTable = SampleFiles.SupplierTable });
        Assert.Equal(0, summary.DealsRead);
        Assert.Equal(8, catalog.Trade.OfKind(TradeKind.ArmsTransferVolume).Count());
        Assert.Equal(150m, catalog.Trade.From("TR").TivByYear(2022, 2022).Single().Tiv.Millions);
    }

    [Fact]
    public void RegionalTable_IsRefusedBecauseRegionsAreNotCountries()
    {
        string path = RawData.Fixture("sipri-tiv-regional-sample.csv");
        var issue = Assert.Single(Refuse(new SipriArmsTransfersFiles { RecipientTable = path }).Issues);
        Assert.Equal((path, 6, "header"), (issue.File, issue.Line, issue.Path));
        Assert.Contains("regions are not countries", issue.Message);
    }

    [Fact]
    public void TableGivenAsTheOtherKind_IsRefused()
    {
        var issue = Assert.Single(Refuse(new SipriArmsTransfersFiles { RecipientTable = SampleFiles.SupplierTable }).Issues);
        Assert.Contains("table by supplier, given as the table by recipient", issue.Message);
    }

    [Fact]
    public void MalformedFigures_AreReportedWithLineAndYear()
    {
        string path = RawData.Fixture("sipri-tiv-supplier-malformed.csv");
        var e = Refuse(new SipriArmsTransfersFiles { SupplierTable = path });
        Assert.Equal([(5, "2020"), (6, "2020")], e.Issues.Select(i => (i.Line!.Value, i.Path)));
        Assert.All(e.Issues, i => Assert.Equal((path, DataRule.InvalidValue), (i.File, i.Rule)));
    }

    [Fact]
    public void UnknownLabelInATable_IsReportedOnce()
    {
        string text = File.ReadAllText(SampleFiles.SupplierTable!).Replace(",2,,Sweden,", ",2,,Atlantis,");
        using var file = new TempFile(text);
        var issue = Assert.Single(Refuse(new SipriArmsTransfersFiles { SupplierTable = file.Path }).Issues);
        Assert.Equal((13, "Supplier", DataRule.UnknownReference), (issue.Line!.Value, issue.Path, issue.Rule));
        Assert.Contains("'Atlantis'", issue.Message);
    }

    [Fact]
    public void TwoRowsOfOneState_AreAddedUpWithANote()
    {
        // SIPRI's recipient table has Libya and "Libya GNC", and North Yemen under two names; both resolve to one country.
        string text = File.ReadAllText(SampleFiles.SupplierTable!).Replace(",,,Others,", ",5,,Turkey,1,,,,,1,0.5%,\n,,,Others,");
        using var file = new TempFile(text);
        var (catalog, summary) = Import(new SipriArmsTransfersFiles { SupplierTable = file.Path });
        Assert.Equal(4, summary.SupplierTable!.Parties);
        var flow = Assert.Single(catalog.Trade.From("TR").OfKind(TradeKind.ArmsTransferVolume).Within(2019, 2019));
        Assert.Equal(new TrendIndicatorValue(14m), flow.Tiv);
        Assert.Contains("'Turkiye', 'Turkey'", Assert.Single(flow.Notes).Text);
        Assert.Empty(Assert.Single(catalog.Trade.From("TR").OfKind(TradeKind.ArmsTransferVolume).Within(2020, 2020)).Notes);
    }

    [Fact]
    public void NonStateParties_KindsOfLabels()
    {
        Assert.Equal(OrganizationKind.InternationalOrganization, SipriNonStateParties.KindOf("African Union**"));
        Assert.Equal(OrganizationKind.ArmedNonStateActor, SipriNonStateParties.KindOf("Libya HoR*"));
        Assert.Equal(OrganizationKind.UnknownParty, SipriNonStateParties.KindOf("unknown supplier(s)"));
        Assert.Equal(OrganizationKind.UnrecognizedState, SipriNonStateParties.KindOf("Biafra"));
        Assert.Null(SipriNonStateParties.KindOf("Turkiye"));
        Assert.Equal("Hezbollah (Lebanon)", SipriNonStateParties.NameOf("Hezbollah (Lebanon)*"));
    }

    // ---- the real files (skipped where ../shared/data/raw is absent) ----

    private static readonly Lazy<(DefenseCoopCatalog Catalog, SipriArmsTransfersSummary Summary)> Real = new(() => Import(new SipriArmsTransfersFiles
    {
        TradeRegister = RawData.Require("sipri-arms-transfers/trade-register.csv"),
        SupplierTable = RawData.Require("sipri-arms-transfers/supplier_1950-2023.csv"),
        RecipientTable = RawData.Require("sipri-arms-transfers/recipient_1950-2023.csv"),
    }));

    // SIPRI's supplier table (supplier_1950-2023.csv): Türkiye's exports 2015–2023, in millions of TIV.
    private static readonly decimal[] PublishedTurkishExports = [225, 244, 179, 249, 276, 265, 487, 535, 609];

    [Fact]
    public void Real_TurkishExports_AreSipriPublishedFigures()
    {
        var annual = Real.Value.Catalog.Trade.From("TR").TivByYear(2015, 2023);
        Assert.Equal(PublishedTurkishExports, annual.Select(a => a.Tiv.Millions));
        Assert.Equal(3_069m, annual.Sum(a => a.Tiv.Millions));
        Assert.All(annual, a => Assert.False(a.Estimate));
    }

    [Fact]
    public void Real_NonStateDeals_CountedByKind()
    {
        var (catalog, summary) = Real.Value;
        Assert.Equal(27_951, summary.DealsImported);
        Assert.Equal(569, summary.NonStateDeals);
        Assert.Equal(summary.NonStateDealsByParty.Count, summary.LinkedOrganizations.Count + summary.OrganizationsAdded.Length
            - summary.OrganizationsAdded.Count(o => !summary.NonStateDealsByParty.Keys.Any(l => catalog.Organizations[o].Aliases.Contains(l))));
        Assert.Equal(new OrganizationId("nato"), summary.LinkedOrganizations["NATO**"]);
        Assert.Equal(summary.NonStateDealsByParty["NATO**"], catalog.Trade.Involving(new OrganizationId("nato")).OfKind(TradeKind.ArmsTransfer).Count());
        // Every deal with a non-state party is found through its organization, and none counts for a country it does not name.
        Assert.Equal(569, catalog.Trade.OfKind(TradeKind.ArmsTransfer).Count(f => f.ExporterOrganization is not null || f.ImporterOrganization is not null));
        Assert.All(summary.OrganizationsAdded, o => Assert.Null(catalog.Organizations[o].Country));
    }

    [Fact]
    public void Real_Tables_ReadEveryPartyRow()
    {
        var (_, summary) = Real.Value;
        Assert.Equal((SipriTivTableKind.Supplier, 1950, 2023, 2), (summary.SupplierTable!.Table, summary.SupplierTable.FirstYear, summary.SupplierTable.LastYear, summary.SupplierTable.TotalRowsSkipped));
        Assert.Equal(SipriTivTableKind.Recipient, summary.RecipientTable!.Table);
        Assert.Equal(1, summary.RecipientTable.TotalRowsSkipped);
        Assert.Equal((136, 6, 2_668), (summary.SupplierTable.Parties, summary.SupplierTable.NonStateParties, summary.SupplierTable.Figures));
        Assert.Equal((259, 63, 7_976), (summary.RecipientTable.Parties, summary.RecipientTable.NonStateParties, summary.RecipientTable.Figures));
        // Libya's rows ("Libya", "Libya GNC") are one country's imports: 1970 from the first, 2016 from the second.
        Assert.Equal([371m, 2m], new[] { 1970, 2016 }.Select(y => Real.Value.Catalog.Trade.To("LY").TivByYear(y, y).Single().Tiv.Millions));
    }

    [Fact]
    public void Real_NonStateDeals_ByKind()
    {
        var (catalog, summary) = Real.Value;
        Assert.Equal(
            [new(OrganizationKind.Alliance, 19), new(OrganizationKind.InternationalOrganization, 47), new(OrganizationKind.ArmedNonStateActor, 217),
             new(OrganizationKind.UnknownParty, 320), new KeyValuePair<OrganizationKind, int>(OrganizationKind.UnrecognizedState, 13)],
            summary.NonStateDealsByKind);
        // The UN's Hermes-900 lease of 2015, whose record a line break had split, is found through the organization.
        var hermes = Assert.Single(catalog.Trade.Involving(new OrganizationId("sipri-party-united-nations")).OfKind(TradeKind.ArmsTransfer).OrderedWithin(2015, 2015));
        Assert.Equal(("IL", "Hermes-900", 9m), (hermes.Exporter?.Value, hermes.Deal!.Designation, hermes.Deal.TivDelivered!.Value.Millions));
        Assert.Equal((null, new OrganizationId("sipri-party-united-nations")), (hermes.Importer, hermes.ImporterOrganization));
    }
}
