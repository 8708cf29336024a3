using System.Collections.Immutable;
using DefenseCoop.Data;

namespace DefenseCoop.Tests.Data;

/// <summary>
/// Records made in code (and read by importers) are checked as the model records they are: each kind's model
/// rules name the builder's name for them and the JSON path they would have in a data file; a null the model
/// declares non-null is a problem, not a crash; and what they build equals what the same records give
/// written to a file and loaded.
/// </summary>
public class RecordsAsModelsTests
{
    private static readonly SourceId Own = new("own-report"), Second = new("own-second-report");
    private static readonly CountryCode Tr = CountryCode.Parse("TR"), Fi = CountryCode.Parse("FI");
    private static readonly OrganizationId Maker = new("own-maker");

    private static readonly Source OwnSource = new() { Id = Own, Kind = SourceKind.OfficialStatement, Publisher = "Us", Title = "Our report", Language = "en" };
    private static readonly Source SecondSource = OwnSource with { Id = Second, Title = "Our second report" };

    private static Agreement Deal(string id, params AgreementParty[] parties) => new()
    {
        Id = new(id), Title = "Our deal", Kind = AgreementKind.ProcurementContract, Sources = [Own],
        Parties = parties.Length > 0 ? [.. parties] : [new AgreementParty(Tr, null, PartyRole.Supplier)],
    };

    /// <summary>Valid records of every kind but one of <paramref name="kind"/>, which breaks one of the kind's model rules.</summary>
    private static CatalogRecords Broken(string kind) => kind switch
    {
        "source" => new() { Sources = [OwnSource with { Title = null! }] },
        "country" => new()
        {
            Sources = [OwnSource],
            Countries = [new Country { Code = CountryCode.Parse("QX"), Alpha3 = "qxx", Names = new Dictionary<string, string> { ["en"] = "Qx" }, Sources = [Own] }],
        },
        "organization" => new()
        {
            Sources = [OwnSource], Organizations = [new Organization { Id = Maker, Kind = (OrganizationKind)999, Name = "Maker", Sources = [Own] }],
        },
        "person" => new()
        {
            Sources = [OwnSource],
            People = [new Person { Id = new("own-person"), Name = "A Person", Roles = [new PersonRole("Minister", null, PartialDate.Parse("2020"), null, [])], Sources = [Own] }],
        },
        "system" => new()
        {
            Sources = [OwnSource],
            Systems = [new DefenseSystem { Id = new("own-system"), Name = "A system", Category = SystemCategory.Uav, Manufacturer = new OrganizationId("no-such-maker"), Sources = [Own] }],
        },
        "agreement" => new()
        {
            Sources = [OwnSource],
            Agreements = [Deal("own-a"), Deal("own-b"), Deal("own-c"), Deal("own-d", new AgreementParty(CountryCode.Parse("QQ"), null, PartyRole.Recipient))],
        },
        "spending" => new()
        {
            Sources = [OwnSource],
            Spending = [new SpendingSeries(new("own-series"), Tr, null, SpendingMeasure.LocalCurrencyCurrent, null, PriceBasis.Current, null, [], Own, [new(2024, 5m)])],
        },
        "trade" => new()
        {
            Sources = [OwnSource],
            Trade = [new TradeFlow { Id = new("own-flow"), Kind = TradeKind.DefenseExports, Exporter = Tr, Quantity = new Quantity(-1, "t"), Sources = [Own] }],
        },
        _ => new()
        {
            Sources = [OwnSource],
            Events = [new Event { Id = new("own-event"), Kind = EventKind.Meeting, Title = "Talks", Date = PartialDate.Parse("2024-05"), Until = PartialDate.Parse("2024-01"), Sources = [Own] }],
        },
    };

    [Theory]
    [InlineData("source", "$.sources[0].title", DataRule.MissingValue)]
    [InlineData("country", "$.countries[0].alpha3", DataRule.InvalidCountryCode)]
    [InlineData("organization", "$.organizations[0].kind", DataRule.InvalidEnumValue)]
    [InlineData("person", "$.people[0].roles[0].sources", DataRule.MissingSource)]
    [InlineData("system", "$.systems[0].manufacturer", DataRule.UnknownReference)]
    [InlineData("agreement", "$.agreements[3].parties[0].country", DataRule.UnknownReference)]
    [InlineData("spending", "$.spending[0].currency", DataRule.MissingValue)]
    [InlineData("trade", "$.trade[0].quantity", DataRule.InvalidValue)]
    [InlineData("event", "$.events[0].until", DataRule.InvalidValue)]
    public void AKindsModelRule_BrokenInCode_NamesTheRecordsAndTheirPathInAFile(string kind, string path, DataRule rule)
    {
        var records = Broken(kind);
        var added = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(records, "ours").Build());
        Assert.Equal(("ours", path, rule), Single(added));

        // An importer's records: the importer's name.
        var imported = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddImporter(new FixedImporter("our importer", records)).Build());
        Assert.Equal(("our importer", path, rule), Single(imported));

        // The same record in a file breaks the same rule at the same path.
        var dto = ModelWriter.Write(records);
        (dto.SchemaVersion, dto.DataVersion, dto.Released) = (1, "2026.1", "2026-12-01");
        string file = WriteTemp(ModelWriter.Serialize(dto));
        var read = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(file).Build());
        Assert.Equal((file, path, rule), Single(read));

        static (string, string, DataRule) Single(DefenseCoopDataException e)
        {
            var issue = Assert.Single(e.Issues);
            return (issue.File, issue.Path, issue.Rule);
        }
    }

    [Fact]
    public void NullsWhereTheModelDeclaresNonNull_AreIssues_NotNullReferenceExceptions()
    {
        var records = new CatalogRecords
        {
            Sources = [OwnSource, null!],
            Countries = [new Country { Code = default, Alpha3 = null!, Names = null!, Sources = default, Aliases = [null!] }],
            Agreements =
            [
                Deal("own-a") with { Title = null!, Parties = [null!], Notes = [null!], StatusHistory = [null!], Signatories = default },
                Deal("own-b") with { ReportedValues = [null!, new ReportedValue(new Money(1, CurrencyCode.Usd), [Own])], Caveats = [null!] },
            ],
            Trade = [new TradeFlow { Id = default, Kind = TradeKind.ArmsTransfer, Commodity = "drones", Deal = new ArmsTransferDeal { Designation = null! }, Sources = [Own] }],
            Events = [new Event { Id = new("own-event"), Kind = EventKind.Meeting, Title = "Talks", People = [null!], Sources = [Own] }],
        };

        var e = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(records, "ours").Build());

        Assert.All(e.Issues, i => Assert.Equal("ours", i.File));
        Assert.Equal(
            [
                "$.agreements[0].notes[0]", "$.agreements[0].parties[0]", "$.agreements[0].status[0]", "$.agreements[0].title",
                "$.agreements[1].reportedValues[0]", "$.agreements[1].sources",
                "$.countries[0].aliases[0]", "$.countries[0].alpha3", "$.countries[0].code", "$.countries[0].names", "$.countries[0].sources",
                "$.events[0].people[0]", "$.sources[1]", "$.trade[0].deal.designation", "$.trade[0].id",
            ],
            e.Issues.Select(i => i.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RecordsGivenInAnyEquivalentForm_BuildWhatTheSameRecordsWrittenToAFileAndLoadedBuild()
    {
        var records = new CatalogRecords
        {
            Sources = [OwnSource, SecondSource],
            // A caller's dictionary of names (copied when added).
            Organizations = [new Organization { Id = Maker, Kind = OrganizationKind.Company, Name = "Maker", Country = Tr, Names = new Dictionary<string, string> { ["tr"] = "Üretici" }, Sources = [Own] }],
            Agreements =
            [
                // The status history out of date order, the caveats out of the sources' order, the value left to the first reported figure.
                Deal("own-deal") with
                {
                    Sources = [Own, Second],
                    Caveats = [new SourceCaveat(Second, Inferred: "the year"), new SourceCaveat(Own, DateNotOnPage: true)],
                    StatusHistory = [new StatusChange(AgreementStatus.InForce, PartialDate.Parse("2024"), [Own]), new StatusChange(AgreementStatus.Signed, PartialDate.Parse("2020-05"), [Own])],
                    ReportedValues = [new ReportedValue(new Money(370_000_000, CurrencyCode.Usd), [Own]), new ReportedValue(new Money(367_000_000, CurrencyCode.Usd), [Second])],
                },
            ],
            // A dollar series without its currency, and a negative zero.
            Spending = [new SpendingSeries(new("own-series"), Tr, null, SpendingMeasure.CurrentUsd, null, PriceBasis.Current, null, default, Own, [new(2023, -0m), new(2024, 7m)])],
            // The exporting organization left out of the flow's organizations, and a value of negative zero.
            Trade = [new TradeFlow { Id = new("own-flow"), Kind = TradeKind.DefenseExports, ExporterOrganization = Maker, Importer = Fi, Value = new Money(-0m, CurrencyCode.Usd), Sources = [Own] }],
            Events = [new Event { Id = new("own-event"), Kind = EventKind.Meeting, Title = "Talks", Countries = [Tr, Fi], Sources = [Second, Own], Caveats = [new SourceCaveat(Own, DateNotOnPage: true)] }],
        };

        var fromRecords = DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(records, "ours").Build().Content;
        var dto = ModelWriter.Write(records);
        (dto.SchemaVersion, dto.DataVersion, dto.Released) = (1, "2026.1", "2026-12-01");
        var fromFile = DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(WriteTemp(ModelWriter.Serialize(dto))).Build().Content;

        Assert.Equal(fromFile.Sources, fromRecords.Sources);
        Assert.Equal(fromFile.Organizations, fromRecords.Organizations);
        Assert.Equal(fromFile.Agreements, fromRecords.Agreements);
        Assert.Equal(fromFile.Spending, fromRecords.Spending);
        Assert.Equal(fromFile.Trade, fromRecords.Trade);
        Assert.Equal(fromFile.Events, fromRecords.Events);

        var deal = fromRecords.Agreements.Single(a => a.Id == new AgreementId("own-deal"));
        Assert.Equal([AgreementStatus.Signed, AgreementStatus.InForce], deal.StatusHistory.Select(s => s.Status));
        Assert.Equal([Own, Second], deal.Caveats.Select(c => c.Source));
        Assert.Equal(370_000_000m, deal.Value!.Value.Amount);
        Assert.Equal(CurrencyCode.Usd, fromRecords.Spending.Single(s => s.Id == new SeriesId("own-series")).Currency);
        var flow = fromRecords.Trade.Single(t => t.Id == new TradeFlowId("own-flow"));
        Assert.Equal([Maker], flow.Organizations);
        Assert.False(decimal.IsNegative(flow.Value!.Value.Amount));
    }

    [Fact]
    public void ValidRecordsNeedingNoChange_AreKeptAsGiven()
    {
        var deal = Deal("own-deal");
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords { Sources = [OwnSource], Agreements = [deal] }, "ours").Build();
        Assert.Same(deal, catalog.Content.Agreements.Single(a => a.Id == deal.Id));
        Assert.Same(OwnSource, catalog.Content.Sources.Single(s => s.Id == Own));
    }

    private static string WriteTemp(byte[] bytes)
    {
        string path = Path.Combine(Path.GetTempPath(), $"defensecoop-records-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private sealed class FixedImporter(string name, CatalogRecords records) : IDataImporter
    {
        public string Name => name;

        public CatalogRecords Import(ImportContext context) => records;
    }
}
