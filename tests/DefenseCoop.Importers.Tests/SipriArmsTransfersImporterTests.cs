using System.Text;
using DefenseCoop.Importers.Csv;
using DefenseCoop.Importers.SipriArmsTransfers;

namespace DefenseCoop.Importers.Tests;

public sealed class SipriArmsTransfersImporterTests
{
    private const string RealRegister = "sipri-arms-transfers/trade-register.csv";
    private static readonly SourceId SampleSource = new("sipri-arms-transfers-register-2025-03-14");

    // Imported once for all the tests that only read the result.
    private static readonly Lazy<(DefenseCoopCatalog Catalog, SipriArmsTransfersSummary Summary)> Sample =
        new(() => Import(RawData.Fixture("sipri-trade-register-sample.csv")));
    private static readonly Lazy<(DefenseCoopCatalog Catalog, SipriArmsTransfersSummary Summary)> Real =
        new(() => Import(RawData.Require(RealRegister)));

    private static (DefenseCoopCatalog Catalog, SipriArmsTransfersSummary Summary) Import(string path)
    {
        var importer = new SipriArmsTransfersImporter(path);
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddImporter(importer).Build();
        return (catalog, importer.LastImport!);
    }

    private static TradeFlow Single(DefenseCoopCatalog catalog, CountryCode supplier, CountryCode recipient, int orderYear, string designation) =>
        Assert.Single(catalog.Trade.From(supplier).To(recipient).OfKind(TradeKind.ArmsTransfer),
            f => f.Deal!.OrderYear == orderYear && f.Deal.Designation == designation);

    private static DefenseCoopDataException Refuse(string path) =>
        Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriArmsTransfers(path).Build());

    // ---- the sample register: invented deals in SIPRI's layout ----

    [Fact]
    public void Import_Sample_CountsReadImportedNonStateAndRejoined()
    {
        var (_, summary) = Sample.Value;
        Assert.Equal(11, summary.DealsRead);
        Assert.Equal(11, summary.DealsImported);
        Assert.Equal(3, summary.NonStateDeals);
        Assert.Equal(1, summary.RejoinedRecords);
        Assert.Equal(2, summary.LinkedToSystems);
    }

    [Fact]
    public void Import_NonStateParties_AreImportedAndCountedByLabelAndKind()
    {
        var (catalog, summary) = Sample.Value;
        Assert.Equal(
            [new("Hezbollah (Lebanon)*", 1), new("United Nations**", 1), new KeyValuePair<string, int>("unknown recipient(s)", 1)],
            summary.NonStateDealsByParty);
        Assert.Equal(
            [new(OrganizationKind.InternationalOrganization, 1), new(OrganizationKind.ArmedNonStateActor, 1), new KeyValuePair<OrganizationKind, int>(OrganizationKind.UnknownParty, 1)],
            summary.NonStateDealsByKind);
        // The bundled catalog has no UN organization: one is added, as for the armed group and the unknown recipient.
        Assert.Equal(["sipri-party-hezbollah-lebanon", "sipri-party-united-nations", "sipri-party-unknown-recipient-s"], summary.OrganizationsAdded.Select(o => o.Value));
        Assert.Empty(summary.LinkedOrganizations);
        // Deals of non-state recipients are no longer among a country's imports or exports to countries.
        Assert.Contains(catalog.Trade.From("UA"), f => f.Deal?.Designation == "Test Lift");
        Assert.DoesNotContain(catalog.Trade.To("UA"), f => f.Deal?.Designation == "Test Lift");
    }

    [Fact]
    public void Import_Deal_KeepsEveryFieldAndUncertaintyMark()
    {
        var (catalog, _) = Sample.Value;
        var flow = Single(catalog, CountryCode.Parse("TR"), CountryCode.Parse("KZ"), 2019, "Bayraktar TB2");

        Assert.Equal(TradeKind.ArmsTransfer, flow.Kind);
        Assert.True(flow.IsDirected);
        Assert.Equal(new PartialDate(2019, qualifier: DateQualifier.Approximately), flow.Period);
        Assert.Equal("Bayraktar TB2 (armed UAV)", flow.Commodity);
        Assert.Equal([new SystemId("bayraktar-tb2")], flow.Systems);
        Assert.Equal([SampleSource], flow.Sources);
        Assert.Null(flow.Value);
        Assert.Equivalent(new ArmsTransferDeal
        {
            Designation = "Bayraktar TB2", Description = "armed UAV",
            OrderYear = 2019, OrderYearUncertain = true,
            NumberOrdered = 4, NumberOrderedUncertain = false,
            NumberDelivered = 2, NumberDeliveredUncertain = true,
            DeliveryYears = [2020, 2021], Status = "New", Comments = "Invented row for tests",
            TivPerUnit = new TrendIndicatorValue(2.4m), TivOfOrder = new TrendIndicatorValue(9.6m), TivDelivered = new TrendIndicatorValue(4.8m),
        }, flow.Deal, strict: true);
    }

    [Fact]
    public void Import_Tivs_AreTrendIndicatorValuesNotMoney()
    {
        var (catalog, _) = Sample.Value;
        var flows = catalog.Trade.OfKind(TradeKind.ArmsTransfer).Where(f => f.Sources.Contains(SampleSource)).ToList();
        Assert.Equal(11, flows.Count);
        Assert.All(flows, f => Assert.Null(f.Value));
        Assert.Equal(new TrendIndicatorValue(1.25m + 7.5m + 7.5m), Tivs(Single(catalog, CountryCode.Parse("SE"), CountryCode.Parse("FI"), 2005, "Göta test radar").Deal!));

        static TrendIndicatorValue Tivs(ArmsTransferDeal d) => d.TivPerUnit!.Value + d.TivOfOrder!.Value + d.TivDelivered!.Value;
    }

    [Fact]
    public void Import_Windows1252_DecodesDesignationAndComments()
    {
        var (catalog, _) = Sample.Value;
        var flow = Single(catalog, CountryCode.Parse("SE"), CountryCode.Parse("FI"), 2005, "Göta test radar");
        Assert.Equal("For 2 Göteborg-class test ships", flow.Deal!.Comments);
        Assert.Equal("Second hand", flow.Deal.Status);
        Assert.StartsWith("sipri-at-se-fi-2005-gota-test-radar-", flow.Id.Value);
    }

    [Fact]
    public void Import_RecordSplitByLineBreakInComments_IsRejoined()
    {
        var (catalog, _) = Sample.Value;
        var deal = Single(catalog, CountryCode.Parse("US"), CountryCode.Parse("NO"), 2010, "Test Hawk").Deal!;
        Assert.Equal("Part of a larger deal; delivery delayed after redesign of engines", deal.Comments);
        Assert.Equal((0.25m, 0.5m, 0.5m), (deal.TivPerUnit!.Value.Millions, deal.TivOfOrder!.Value.Millions, deal.TivDelivered!.Value.Millions));
    }

    [Fact]
    public void Import_UnknownNumberOrdered_LeavesNumberAndOrderTivAbsent()
    {
        var (catalog, _) = Sample.Value;
        var deal = Single(catalog, CountryCode.Parse("TR"), CountryCode.Parse("UA"), 2022, "Test APC").Deal!;
        Assert.Null(deal.NumberOrdered);
        Assert.True(deal.NumberOrderedUncertain);
        Assert.Null(deal.TivOfOrder);
        Assert.Equal(new TrendIndicatorValue(6m), deal.TivDelivered);
        Assert.False(deal.OrderYearUncertain);
    }

    [Fact]
    public void Import_ZeroDeliveredTiv_IsKeptWithANote()
    {
        var (catalog, _) = Sample.Value;
        var flow = Single(catalog, CountryCode.Parse("NO"), CountryCode.Parse("FI"), 1999, "Test Radar");
        Assert.Equal(new TrendIndicatorValue(0m), flow.Deal!.TivDelivered);
        Assert.Contains("between 0 and 0.5 million", Assert.Single(flow.Notes).Text);
    }

    [Fact]
    public void Import_DesignationMatchingACatalogAlias_IsLinkedToTheSystem()
    {
        var (catalog, _) = Sample.Value;
        Assert.Equal([new SystemId("bayraktar-akinci")], Single(catalog, CountryCode.Parse("TR"), CountryCode.Parse("AZ"), 2021, "Akinci").Systems);
        Assert.Empty(Single(catalog, CountryCode.Parse("NO"), CountryCode.Parse("FI"), 1999, "Test Radar").Systems);
    }

    [Fact]
    public void Import_Ids_AreDerivedFromContentAndDistinctForRepeatedRows()
    {
        var (catalog, _) = Sample.Value;
        var ids = catalog.Trade.From("TR").To("AZ").Where(f => f.Deal?.Designation == "Test MRL").Select(f => f.Id.Value).ToList();
        Assert.Equal(2, ids.Count);
        Assert.Matches("^sipri-at-tr-az-2018-test-mrl-[0-9a-f]{8}$", ids[0]);
        Assert.Equal(ids[0] + "-2", ids[1]);

        var again = Import(RawData.Fixture("sipri-trade-register-sample.csv")).Catalog;
        Assert.Equal(catalog.Trade.Select(f => f.Id), again.Trade.Select(f => f.Id));
    }

    [Fact]
    public void Import_Source_DescribesTheExport()
    {
        var (catalog, _) = Sample.Value;
        var source = catalog.Sources[SampleSource];
        Assert.Equal(SourceKind.Dataset, source.Kind);
        Assert.Equal("SIPRI", source.Publisher);
        Assert.Equal("SIPRI Arms Transfers Database — Trade Register", source.Title);
        Assert.Equal("data generated 14 Mar 2025 9:07:03 PM", source.Edition);
        Assert.Equal(new PartialDate(2025, 3, 14), source.Published);
        Assert.Equal("https://www.sipri.org/databases/armstransfers", source.Url);
        Assert.Contains("non-commercial", source.Licence);
    }

    // ---- files that are not right ----

    [Fact]
    public void Import_UnknownCountry_ReportsEachLabelOnceWithItsFirstLine()
    {
        string path = RawData.Fixture("sipri-trade-register-unknown-country.csv");
        var e = Refuse(path);
        Assert.Equal([(14, "Recipient"), (16, "Supplier")], e.Issues.Select(i => (i.Line!.Value, i.Path)));
        Assert.All(e.Issues, i => Assert.Equal((path, DataRule.UnknownReference), (i.File, i.Rule)));
        Assert.Contains("'Atlantis'", e.Issues[0].Message);
        Assert.Contains("2 deal(s)", e.Issues[0].Message);
        Assert.Contains("'Ruritania'", e.Issues[1].Message);
    }

    [Fact]
    public void Import_MalformedValues_ReportsEveryProblemWithLineAndColumn()
    {
        string path = RawData.Fixture("sipri-trade-register-malformed.csv");
        var e = Refuse(path);
        Assert.Equal(
        [
            (13, "Year of order", DataRule.InvalidValue), (14, "Year of order (?)", DataRule.InvalidValue),
            (15, "Year(s) of delivery", DataRule.InvalidValue), (16, "SIPRI TIV of delivered weapons", DataRule.InvalidValue),
            (17, "row", DataRule.InvalidValue),
        ], e.Issues.Select(i => (i.Line!.Value, i.Path, i.Rule)));
        Assert.All(e.Issues, i => Assert.Equal(path, i.File));
    }

    [Fact]
    public void Import_FileWithoutTheRegisterHeader_IsRefused()
    {
        using var file = new TempFile("Recipient,Supplier,Year\nFinland,Turkiye,2020\n");
        var issue = Assert.Single(Refuse(file.Path).Issues);
        Assert.Equal((1, "header", DataRule.InvalidValue), (issue.Line!.Value, issue.Path, issue.Rule));

        using var other = new TempFile("id,value\n1,2\n");
        Assert.Equal(DataRule.MissingValue, Assert.Single(Refuse(other.Path).Issues).Rule);
    }

    [Fact]
    public void Import_PreambleWithoutGenerationDate_IsRefused()
    {
        string text = File.ReadAllText(RawData.Fixture("sipri-trade-register-sample.csv"), TextEncodings.Windows1252).Replace("Data generated:", "Generated:");
        using var file = new TempFile(text, TextEncodings.Windows1252);
        var issue = Assert.Single(Refuse(file.Path).Issues);
        Assert.Equal(("preamble", DataRule.MissingValue, 12), (issue.Path, issue.Rule, issue.Line!.Value));
    }

    [Fact]
    public void Import_TrailingPartialRecord_IsReported()
    {
        string text = File.ReadAllText(RawData.Fixture("sipri-trade-register-sample.csv"), TextEncodings.Windows1252) + "Finland,Turkiye,2020,,1\n";
        using var file = new TempFile(text, TextEncodings.Windows1252);
        var issue = Assert.Single(Refuse(file.Path).Issues);
        Assert.Equal((25, "row"), (issue.Line!.Value, issue.Path));
    }

    // ---- API ----

    [Fact]
    public void Constructor_EmptyPath_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SipriArmsTransfersImporter(""));
        Assert.Throws<ArgumentNullException>(() => new SipriArmsTransfersImporter((string)null!));
        Assert.Throws<ArgumentNullException>(() => new SipriArmsTransfersImporter((SipriArmsTransfersFiles)null!));
        Assert.Throws<ArgumentException>(() => new SipriArmsTransfersImporter(new SipriArmsTransfersFiles()));
        Assert.Throws<ArgumentException>(() => new SipriArmsTransfersImporter(new SipriArmsTransfersFiles { SupplierTable = "" }));
    }

    [Fact]
    public void AddSipriArmsTransfers_ReturnsTheBuilderAndDefersReading()
    {
        var builder = DefenseCoopCatalog.CreateBuilder();
        Assert.Same(builder, builder.AddSipriArmsTransfers("no-such-file.csv"));
        Assert.ThrowsAny<IOException>(() => builder.AddBundled().Build());
        Assert.Throws<ArgumentNullException>(() => SipriArmsTransfersBuilderExtensions.AddSipriArmsTransfers(null!, "x.csv"));
    }

    [Theory]
    [InlineData("Bü-181 Bestmann", "bu-181-bestmann")]
    [InlineData("Bayraktar Akıncı", "bayraktar-akinci")]
    [InlineData("PzJ-38(t) Hetzer", "pzj-38-t-hetzer")]
    [InlineData("  A--B  ", "a-b")]
    [InlineData("Ø-class", "o-class")]
    [InlineData("???", "")]
    public void SlugText_From_FoldsToIdWords(string text, string slug) => Assert.Equal(slug, SlugText.From(text, 40));

    [Fact]
    public void SlugText_From_CutsLongTextAtAWordBoundary() =>
        Assert.Equal("alpha-beta", SlugText.From("Alpha Beta Gamma", 14));

    // ---- the real register (skipped where ../shared/data/raw is absent) ----

    [Fact]
    public void RealRegister_Read_ParsesEveryDealAndRejoinsTheTwoSplitOnes()
    {
        var register = TradeRegisterReader.Read(RawData.Require(RealRegister), ImportLimits.Default);

        Assert.Equal(27_951, register.Entries.Count);
        Assert.Equal(2, register.RejoinedRecords);
        Assert.Equal("5 Nov 2024 4:52:25 AM", register.Generated);
        Assert.Equal(new DateOnly(2024, 11, 5), register.GeneratedOn);

        var hermes = Assert.Single(register.Entries, e => e.Line == 7372);
        Assert.Equal(("United Nations**", "Israel", "Hermes-900"), (hermes.Recipient, hermes.Supplier, hermes.Deal.Designation));
        Assert.Equal("3-year lease; for use with UN peacekeeping forces in Mali", hermes.Deal.Comments);
        Assert.Equal((3m, 9m, 9m), (hermes.Deal.TivPerUnit!.Value.Millions, hermes.Deal.TivOfOrder!.Value.Millions, hermes.Deal.TivDelivered!.Value.Millions));

        var btr = Assert.Single(register.Entries, e => e.Line == 16653);
        Assert.Equal(("Thailand", "Ukraine", "BTR-3"), (btr.Recipient, btr.Supplier, btr.Deal.Designation));
        Assert.EndsWith("delivery delayed after Germany refusal to export engines and redesign for other engines", btr.Deal.Comments);
        Assert.Equal((14, 13, true), (btr.Deal.NumberOrdered, btr.Deal.NumberDelivered, btr.Deal.NumberDeliveredUncertain));
        Assert.Equal((0.25m, 3.5m, 3.25m), (btr.Deal.TivPerUnit!.Value.Millions, btr.Deal.TivOfOrder!.Value.Millions, btr.Deal.TivDelivered!.Value.Millions));

        // The line after a split record is numbered as in the file.
        Assert.Equal(7374, register.Entries.First(e => e.Line > 7372).Line);
    }

    [Fact]
    public void RealRegister_Import_ImportsEveryDealAndCountsNonStateParties()
    {
        var (catalog, summary) = Real.Value;

        Assert.Equal(27_951, summary.DealsRead);
        Assert.Equal(27_951, summary.DealsImported);
        Assert.Equal(569, summary.NonStateDeals);
        Assert.Equal(2, summary.RejoinedRecords);
        Assert.Equal(65, summary.NonStateDealsByParty.Count);
        Assert.Equal(6, summary.NonStateDealsByParty["Katanga"]);
        Assert.Equal(6, summary.NonStateDealsByParty["Biafra"]);
        Assert.Equal(1, summary.NonStateDealsByParty["Northern Cyprus"]);
        Assert.Equal(33, summary.NonStateDealsByParty["United Nations**"]);
        Assert.Equal(262, summary.NonStateDealsByParty["unknown supplier(s)"]);
        Assert.Equal(58, summary.NonStateDealsByParty["unknown recipient(s)"]);
        Assert.Equal(27_951, catalog.Trade.OfKind(TradeKind.ArmsTransfer).Count(f => catalog.OriginOf(f) == RawData.Require("sipri-arms-transfers/trade-register.csv")));
        Assert.Equal(21, catalog.Trade.OfKind(TradeKind.ArmsTransfer).Count(f => f.Deal is not null && f.Systems.Contains(new SystemId("bayraktar-tb2"))));
    }

    [Fact]
    public void RealRegister_Import_TurkishTb2ForKyrgyzstan()
    {
        var (catalog, _) = Real.Value;
        // Kyrgyzstan,Turkiye,2021,,3,?,Bayraktar TB2,armed UAV,3,?,2021; 2022,New,,2.4,7.2,7.2
        var flow = Single(catalog, CountryCode.Parse("TR"), CountryCode.Parse("KG"), 2021, "Bayraktar TB2");
        Assert.Equal(new PartialDate(2021), flow.Period);
        Assert.Equal([new SystemId("bayraktar-tb2")], flow.Systems);
        Assert.Matches("^sipri-at-tr-kg-2021-bayraktar-tb2-[0-9a-f]{8}$", flow.Id.Value);
        Assert.Equal([new SourceId("sipri-arms-transfers-register-2024-11-05")], flow.Sources);
        Assert.Equivalent(new ArmsTransferDeal
        {
            Designation = "Bayraktar TB2", Description = "armed UAV", OrderYear = 2021, OrderYearUncertain = false,
            NumberOrdered = 3, NumberOrderedUncertain = true, NumberDelivered = 3, NumberDeliveredUncertain = true,
            DeliveryYears = [2021, 2022], Status = "New", Comments = null,
            TivPerUnit = new TrendIndicatorValue(2.4m), TivOfOrder = new TrendIndicatorValue(7.2m), TivDelivered = new TrendIndicatorValue(7.2m),
        }, flow.Deal, strict: true);
    }

    [Fact]
    public void RealRegister_Import_FinnishPatriaForSweden()
    {
        var (catalog, _) = Real.Value;
        // Sweden,Finland,2023,,370,?,Patria 6x6,APC,20,,2023,New,Swedish designation Pb-300; delivery planned 2023-2033,0.35,129.5,7
        var flow = Single(catalog, CountryCode.Parse("FI"), CountryCode.Parse("SE"), 2023, "Patria 6x6");
        Assert.Equal([new SystemId("patria-6x6")], flow.Systems);
        Assert.Equivalent(new ArmsTransferDeal
        {
            Designation = "Patria 6x6", Description = "APC", OrderYear = 2023, OrderYearUncertain = false,
            NumberOrdered = 370, NumberOrderedUncertain = true, NumberDelivered = 20, NumberDeliveredUncertain = false,
            DeliveryYears = [2023], Status = "New", Comments = "Swedish designation Pb-300; delivery planned 2023-2033",
            TivPerUnit = new TrendIndicatorValue(0.35m), TivOfOrder = new TrendIndicatorValue(129.5m), TivDelivered = new TrendIndicatorValue(7m),
        }, flow.Deal, strict: true);
    }

    [Fact]
    public void RealRegister_Import_LicensedTb2ForUkraineWithoutNumberOrdered()
    {
        var (catalog, _) = Real.Value;
        // Ukraine,Turkiye,2020,?,,?,Bayraktar TB2,armed UAV,60,?,2022,New,Bayraktar TB2 version; incl production under licence in Ukraine,2.4,0,144
        var deal = Single(catalog, CountryCode.Parse("TR"), CountryCode.Parse("UA"), 2020, "Bayraktar TB2").Deal!;
        Assert.Equal((true, null, true), (deal.OrderYearUncertain, deal.NumberOrdered, deal.NumberOrderedUncertain));
        Assert.Equal((60, 2022), (deal.NumberDelivered, Assert.Single(deal.DeliveryYears)));
        Assert.Null(deal.TivOfOrder);
        Assert.Equal(new TrendIndicatorValue(144m), deal.TivDelivered);
    }

    [Fact]
    public void RealRegister_Import_CanadianSonarForSwedenDecodesGoteborg()
    {
        var (catalog, _) = Real.Value;
        // Sweden,Canada,1995,?,8,,Hydra,ASW sonar,8,?,2004; 2005; 2006; 2008,New,For 5 Visby corvettes ... 1 Göteborg and 2 Stockholm FAC,10,80,80
        var flow = Single(catalog, CountryCode.Parse("CA"), CountryCode.Parse("SE"), 1995, "Hydra");
        Assert.Equal(new PartialDate(1995, qualifier: DateQualifier.Approximately), flow.Period);
        Assert.Equal("For 5 Visby corvettes produced in Sweden and for modernization of 1 Göteborg and 2 Stockholm FAC", flow.Deal!.Comments);
        Assert.Equal([2004, 2005, 2006, 2008], flow.Deal.DeliveryYears);
        Assert.Equal((10m, 80m, 80m), (flow.Deal.TivPerUnit!.Value.Millions, flow.Deal.TivOfOrder!.Value.Millions, flow.Deal.TivDelivered!.Value.Millions));
    }

    [Fact]
    public void RealRegister_Import_TakesAboutASecond()
    {
        string path = RawData.Require(RealRegister);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Import(path);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"Importing the register took {clock.Elapsed}.");
    }
}
