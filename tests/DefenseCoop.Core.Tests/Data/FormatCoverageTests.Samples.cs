using System.Collections.Immutable;
using DefenseCoop.Data;
using NodaTime;

namespace DefenseCoop.Tests.Data;

// One record of every kind with every field given, and for each field a change to it that keeps the record
// valid. A field added to a model without a change here fails FormatCoverageTests.EveryField_HasAChange.
public partial class FormatCoverageTests
{
    private static readonly SourceId S1 = new("page-one"), S2 = new("page-two"), S3 = new("page-three");
    private static readonly CountryCode Tr = CountryCode.Parse("TR"), Fi = CountryCode.Parse("FI");
    private static readonly OrganizationId OrgA = new("org-a"), OrgB = new("org-b");
    private static readonly PersonId PersonA = new("person-a");
    private static readonly SystemId SysA = new("system-a"), SysB = new("system-b");
    private static readonly AgreementId Framework = new("framework-agreement");

    private static Money Usd(decimal amount) => new(amount, CurrencyCode.Usd);
    private static PartialDate Date(string text) => PartialDate.Parse(text);
    private static AttributedNote Note(string text, SourceId source) => new(text, [source]) { Caveats = [new SourceCaveat(source, Inferred: "from the photo caption")] };

    // The records every sample refers to.
    private static CatalogContent Supporting(params object[] records)
    {
        var sources = new List<Source> { Src(S1), Src(S2), Src(S3) };
        var countries = new List<Country> { Land(Tr, "TUR", "Türkiye"), Land(Fi, "FIN", "Finland") };
        var organizations = new List<Organization>
        {
            new() { Id = OrgA, Kind = OrganizationKind.Company, Name = "Org A", Country = Tr, Sources = [S1] },
            new() { Id = OrgB, Kind = OrganizationKind.Alliance, Name = "Org B", Sources = [S1] },
        };
        var people = new List<Person> { new() { Id = PersonA, Name = "Person A", Sources = [S1] } };
        var systems = new List<DefenseSystem>
        {
            new() { Id = SysA, Name = "System A", Category = SystemCategory.Ucav, Sources = [S1] },
            new() { Id = SysB, Name = "System B", Category = SystemCategory.Uav, Sources = [S1] },
        };
        var agreements = new List<Agreement>
        {
            // It cites a sample source, so that the export (which lists the sources its rows cite) has it.
            new()
            {
                Id = Framework, Title = "Framework", Kind = AgreementKind.MemorandumOfUnderstanding, Parties = [new(Tr, null, PartyRole.Party)],
                Sources = [S1, .. records.OfType<Source>().Select(s => s.Id)],
            },
        };
        var spending = new List<SpendingSeries>();
        var trade = new List<TradeFlow>();
        var events = new List<Event>();
        foreach (var record in records)
        {
            switch (record)
            {
                case Source s: sources.Add(s); break;
                case Country c: countries.Add(c); break;
                case Organization o: organizations.Add(o); break;
                case Person p: people.Add(p); break;
                case DefenseSystem d: systems.Add(d); break;
                case Agreement a: agreements.Add(a); break;
                case SpendingSeries s: spending.Add(s); break;
                case TradeFlow t: trade.Add(t); break;
                case Event e: events.Add(e); break;
            }
        }
        return new(1, new DataVersion(2026, 9), new LocalDate(2026, 12, 1), [.. sources.OrderBy(s => s.Id)], [.. countries.OrderBy(c => c.Code)],
            [.. organizations.OrderBy(o => o.Id)], [.. people.OrderBy(p => p.Id)], [.. systems.OrderBy(s => s.Id)], [.. agreements.OrderBy(a => a.Id)],
            [.. spending], [.. trade], [.. events]);

        static Source Src(SourceId id) => new() { Id = id, Kind = SourceKind.NewsReport, Publisher = "Publisher", Title = id.Value, Language = "en" };
        static Country Land(CountryCode code, string alpha3, string name) =>
            new() { Code = code, Alpha3 = alpha3, Names = new Dictionary<string, string> { ["en"] = name }, Sources = [S1] };
    }

    private static readonly Source SampleSource = new()
    {
        Id = new("sample-source"), Kind = SourceKind.NewsReport, Publisher = "A publisher", Title = "A title", Published = Date("2024-05-02"),
        Language = "en", Url = "https://example.org/a", Author = "An author", Edition = "2024", Licence = "CC BY 4.0", BasedOn = "An outlet",
    };

    private static readonly Country SampleCountry = new()
    {
        Code = CountryCode.Parse("SE"), Alpha3 = "SWE", Numeric = 752, Names = new Dictionary<string, string> { ["en"] = "Sweden", ["sv"] = "Sverige" },
        FormalName = "the Kingdom of Sweden", Region = new M49Area(150, "Europe"), SubRegion = new M49Area(154, "Northern Europe"),
        Currency = CurrencyCode.Parse("SEK"), ExistedFrom = 1523, ExistedUntil = 2150, Successors = [Fi], LocalLanguages = ["sv"],
        Aliases = [new CountryAlias("Svea", NameScheme.Common)], Codes = [new DatasetCode(NameScheme.Cow, "380")],
        Memberships = [new Membership(OrgB, MembershipRole.Member, Date("2024-03-07"), null, [S1])], Sources = [S1],
    };

    private static readonly Organization SampleOrganization = new()
    {
        Id = new("sample-organization"), Kind = OrganizationKind.Company, Country = Tr, Name = "Sample Company",
        Names = new Dictionary<string, string> { ["tr"] = "Örnek Şirket" }, Aliases = ["SC"], Parent = OrgA, Notes = [Note("Founded in 2001.", S1)], Sources = [S1],
    };

    private static readonly Person SamplePerson = new()
    {
        Id = new("sample-person"), Name = "Sample Person", Aliases = ["S. Person"], Country = Tr,
        Roles = [new PersonRole("Minister", OrgA, Date("2020"), Date("2022-06"), [S1])], Notes = [Note("Also a pilot.", S1)], Sources = [S1],
    };

    private static readonly DefenseSystem SampleSystem = new()
    {
        Id = new("sample-system"), Name = "Sample System", Aliases = ["SS-1"], Category = SystemCategory.Ucav, Manufacturer = OrgA, Country = Tr,
        Notes = [Note("First flown in 2014.", S1)], Sources = [S1],
    };

    private static readonly Agreement SampleAgreement = new()
    {
        Id = new("sample-agreement"), Title = "A sample contract", Kind = AgreementKind.ProcurementContract,
        Parties = [new(Tr, null, PartyRole.Supplier), new(null, OrgA, PartyRole.Party)],
        Signatories = [new Signatory(PersonA, "Minister", OrgA, Tr)], SignedOn = Date("2024-03-01"), Place = "Ankara",
        StatusHistory = [new StatusChange(AgreementStatus.Signed, Date("2024-03-01"), [S1]) { Caveats = [new SourceCaveat(S1, DateNotOnPage: true)] }],
        Areas = [CooperationArea.JointProduction], Systems = [SysA], PartOf = Framework, Value = Usd(370_000_000),
        Notes = [Note("Reported by two outlets.", S2)], Sources = [S1, S2], Caveats = [new SourceCaveat(S2, DateNotOnPage: true)],
    };

    private static readonly SpendingSeries SampleSeries = Series(new SeriesId("sample-series"), Tr, null, SpendingMeasure.LocalCurrencyConstant,
        CurrencyCode.Parse("TRY"), PriceBasis.Constant(2023), "Procurement", [SysA], S1, [new(2020, 1.5m, true, false), new(2021, 2.5m, false, true)], [Note("Revised.", S1)]);

    private static SpendingSeries Series(SeriesId id, CountryCode? country, OrganizationId? organization, SpendingMeasure measure, CurrencyCode? currency,
        PriceBasis basis, string? component, ImmutableArray<SystemId> systems, SourceId source, SpendingPoint[] points, ImmutableArray<AttributedNote> notes) =>
        new(id, country, organization, measure, currency, basis, component, systems, source, points, notes);

    private static SpendingPoint[] Points(SpendingSeries s) => [.. s.Observations.Select(o => new SpendingPoint(o.Year, o.Value, o.Estimate, o.Uncertain))];

    private static readonly TradeFlow SampleTrade = new()
    {
        Id = new("sample-flow"), Kind = TradeKind.ArmsTransfer, Exporter = Tr, Importer = Fi, Period = Date("2023"), Value = Usd(5_000_000),
        Quantity = new Quantity(12, "units", 14), Commodity = "drones", Organizations = [OrgA], Systems = [SysA], Tiv = new TrendIndicatorValue(3.5m),
        Deal = new ArmsTransferDeal
        {
            Designation = "TB2", Description = "UAV", OrderYear = 2020, OrderYearUncertain = true, NumberOrdered = 6, NumberOrderedUncertain = true,
            NumberDelivered = 6, NumberDeliveredUncertain = true, DeliveryYears = [2021, 2022], Status = "New", Comments = "Delivered in two lots.",
            TivPerUnit = new(1), TivOfOrder = new(6), TivDelivered = new(6),
        },
        Notes = [Note("Seen at the parade.", S1)], Sources = [S1, S2], Caveats = [new SourceCaveat(S2, Inferred: "the year, from the delivery photos")],
    };

    private static readonly Event SampleEvent = new()
    {
        Id = new("sample-event"), Kind = EventKind.Meeting, Title = "A visit", Date = Date("2024-01-01"), Until = Date("2024-01-02"), Place = "Helsinki",
        Countries = [Tr, Fi], Organizations = [OrgA], People = [new Participant(PersonA, "Minister")], Systems = [SysA], Agreements = [Framework],
        Notes = [Note("Talks on exports.", S1)], Sources = [S1], Caveats = [new SourceCaveat(S1, DateNotOnPage: true)],
    };

    /// <summary>Each kind's sample and, by field name, a change to that field (and to any field it must agree with).</summary>
    public static readonly IReadOnlyDictionary<Type, (object Sample, Dictionary<string, Func<object, object>> Changes)> Kinds =
        new Dictionary<Type, (object, Dictionary<string, Func<object, object>>)>
        {
            [typeof(Source)] = (SampleSource, Changes<Source>(new()
            {
                ["Id"] = s => s with { Id = new("sample-source-renamed") }, ["Kind"] = s => s with { Kind = SourceKind.OfficialStatement },
                ["Publisher"] = s => s with { Publisher = "Another" }, ["Title"] = s => s with { Title = "Another title" },
                ["Published"] = s => s with { Published = Date("2024-06") }, ["PublicationDateNotShown"] = s => s with { Published = null, PublicationDateNotShown = true },
                ["Language"] = s => s with { Language = "tr" }, ["Url"] = s => s with { Url = "https://example.org/b" }, ["Author"] = s => s with { Author = "Another" },
                ["Edition"] = s => s with { Edition = "2025" }, ["Licence"] = s => s with { Licence = "CC0" }, ["BasedOn"] = s => s with { BasedOn = "Another outlet" },
            })),
            [typeof(Country)] = (SampleCountry, Changes<Country>(new()
            {
                ["Code"] = c => c with { Code = CountryCode.Parse("NO") }, ["Alpha3"] = c => c with { Alpha3 = "SWX" }, ["Numeric"] = c => c with { Numeric = 753 },
                ["Names"] = c => c with { Names = new Dictionary<string, string>(c.Names) { ["tr"] = "İsveç" } }, ["FormalName"] = c => c with { FormalName = "Sweden" },
                ["Region"] = c => c with { Region = new M49Area(2, "Africa") }, ["SubRegion"] = c => c with { SubRegion = new M49Area(155, "Western Europe") },
                ["Currency"] = c => c with { Currency = CurrencyCode.Parse("EUR") }, ["ExistedFrom"] = c => c with { ExistedFrom = 1524 },
                ["ExistedUntil"] = c => c with { ExistedUntil = 2151 }, ["Successors"] = c => c with { Successors = [Tr] }, ["LocalLanguages"] = c => c with { LocalLanguages = ["en", "sv"] },
                ["Aliases"] = c => c with { Aliases = [new CountryAlias("Sverige", NameScheme.Common)] }, ["Codes"] = c => c with { Codes = [new DatasetCode(NameScheme.Cow, "381")] },
                ["Memberships"] = c => c with { Memberships = [c.Memberships[0] with { Role = MembershipRole.Candidate }] }, ["Sources"] = c => c with { Sources = [S2] },
            })),
            [typeof(Organization)] = (SampleOrganization, Changes<Organization>(new()
            {
                ["Id"] = o => o with { Id = new("sample-organization-renamed") }, ["Kind"] = o => o with { Kind = OrganizationKind.Ministry }, ["Country"] = o => o with { Country = Fi },
                ["Name"] = o => o with { Name = "Another" }, ["Names"] = o => o with { Names = new Dictionary<string, string> { ["tr"] = "Başka" } },
                ["Aliases"] = o => o with { Aliases = ["SC", "S.C."] }, ["Parent"] = o => o with { Parent = OrgB }, ["Notes"] = o => o with { Notes = [Note("Renamed in 2010.", S1)] },
                ["Sources"] = o => o with { Sources = [S1, S2] },
            })),
            [typeof(Person)] = (SamplePerson, Changes<Person>(new()
            {
                ["Id"] = p => p with { Id = new("sample-person-renamed") }, ["Name"] = p => p with { Name = "Another" }, ["Aliases"] = p => p with { Aliases = [] },
                ["Country"] = p => p with { Country = Fi }, ["Roles"] = p => p with { Roles = [p.Roles[0] with { Until = null }] },
                ["Notes"] = p => p with { Notes = [Note("Retired.", S1)] }, ["Sources"] = p => p with { Sources = [S2] },
            })),
            [typeof(DefenseSystem)] = (SampleSystem, Changes<DefenseSystem>(new()
            {
                ["Id"] = s => s with { Id = new("sample-system-renamed") }, ["Name"] = s => s with { Name = "Another" }, ["Aliases"] = s => s with { Aliases = ["SS-2"] },
                ["Category"] = s => s with { Category = SystemCategory.Uav }, ["Manufacturer"] = s => s with { Manufacturer = OrgB }, ["Country"] = s => s with { Country = Fi },
                ["Notes"] = s => s with { Notes = [] }, ["Sources"] = s => s with { Sources = [S2] },
            })),
            [typeof(Agreement)] = (SampleAgreement, Changes<Agreement>(new()
            {
                ["Id"] = a => a with { Id = new("sample-agreement-renamed") }, ["Title"] = a => a with { Title = "Another" }, ["Kind"] = a => a with { Kind = AgreementKind.Acquisition },
                ["Parties"] = a => a with { Parties = [a.Parties[0] with { Role = PartyRole.Recipient }, a.Parties[1]] },
                ["Signatories"] = a => a with { Signatories = [a.Signatories[0] with { Title = "Deputy Minister" }] }, ["SignedOn"] = a => a with { SignedOn = Date("2024-03") },
                ["Place"] = a => a with { Place = "Helsinki" }, ["StatusHistory"] = a => a with { StatusHistory = [a.StatusHistory[0] with { Caveats = [] }] },
                ["Areas"] = a => a with { Areas = [CooperationArea.TechnologyTransfer] }, ["Systems"] = a => a with { Systems = [SysA, SysB] }, ["PartOf"] = a => a with { PartOf = null },
                ["Value"] = a => a with { Value = Usd(367_000_000) },
                ["ReportedValues"] = a => a with { ReportedValues = [new ReportedValue(a.Value!.Value, [S1]), new ReportedValue(Usd(367_000_000), [S2]) { Caveats = [new SourceCaveat(S2, Inferred: "converted from euros")] }] },
                ["Notes"] = a => a with { Notes = [] }, ["Sources"] = a => a with { Sources = [S1, S2, S3] }, ["Caveats"] = a => a with { Caveats = [new SourceCaveat(S1, Inferred: "the place")] },
            })),
            [typeof(SpendingSeries)] = (SampleSeries, Changes<SpendingSeries>(new()
            {
                ["Id"] = s => Series(new("sample-series-renamed"), s.Country, s.Organization, s.Measure, s.Currency, s.Basis, s.Component, s.Systems, s.Source, Points(s), s.Notes),
                ["Country"] = s => Series(s.Id, Fi, s.Organization, s.Measure, s.Currency, s.Basis, s.Component, s.Systems, s.Source, Points(s), s.Notes),
                ["Organization"] = s => Series(s.Id, null, OrgB, s.Measure, s.Currency, s.Basis, s.Component, s.Systems, s.Source, Points(s), s.Notes),
                ["Measure"] = s => Series(s.Id, s.Country, s.Organization, SpendingMeasure.LocalCurrencyCurrent, s.Currency, PriceBasis.Current, s.Component, s.Systems, s.Source, Points(s), s.Notes),
                ["Currency"] = s => Series(s.Id, s.Country, s.Organization, s.Measure, CurrencyCode.Parse("EUR"), s.Basis, s.Component, s.Systems, s.Source, Points(s), s.Notes),
                ["Basis"] = s => Series(s.Id, s.Country, s.Organization, s.Measure, s.Currency, PriceBasis.Constant(2022), s.Component, s.Systems, s.Source, Points(s), s.Notes),
                ["Component"] = s => Series(s.Id, s.Country, s.Organization, s.Measure, s.Currency, s.Basis, null, s.Systems, s.Source, Points(s), s.Notes),
                ["Systems"] = s => Series(s.Id, s.Country, s.Organization, s.Measure, s.Currency, s.Basis, s.Component, [SysB], s.Source, Points(s), s.Notes),
                ["Source"] = s => Series(s.Id, s.Country, s.Organization, s.Measure, s.Currency, s.Basis, s.Component, s.Systems, S2, Points(s), s.Notes),
                ["Observations"] = s => Series(s.Id, s.Country, s.Organization, s.Measure, s.Currency, s.Basis, s.Component, s.Systems, s.Source, [.. Points(s)[..1], Points(s)[1] with { Value = 2.75m }], s.Notes),
                ["Notes"] = s => Series(s.Id, s.Country, s.Organization, s.Measure, s.Currency, s.Basis, s.Component, s.Systems, s.Source, Points(s), []),
            })),
            [typeof(TradeFlow)] = (SampleTrade, Changes<TradeFlow>(new()
            {
                ["Id"] = t => t with { Id = new("sample-flow-renamed") }, ["Kind"] = t => t with { Kind = TradeKind.Delivery }, ["Exporter"] = t => t with { Exporter = Fi, Importer = Tr },
                ["Importer"] = t => t with { Importer = null }, ["ExporterOrganization"] = t => t with { Exporter = null, ExporterOrganization = OrgB, Organizations = [OrgA, OrgB] },
                ["ImporterOrganization"] = t => t with { Importer = null, ImporterOrganization = OrgB, Organizations = [OrgA, OrgB] }, ["Period"] = t => t with { Period = Date("2022") },
                ["Value"] = t => t with { Value = Usd(4_000_000) },
                ["ReportedValues"] = t => t with { ReportedValues = [new ReportedValue(t.Value!.Value, [S1]), new ReportedValue(Usd(4_900_000), [S2])] },
                ["Quantity"] = t => t with { Quantity = new Quantity(12, "units") }, ["Commodity"] = t => t with { Commodity = "aircraft" },
                ["Organizations"] = t => t with { Organizations = [OrgA, OrgB] }, ["Systems"] = t => t with { Systems = [SysB] },
                ["Deal"] = t => t with { Deal = t.Deal! with { DeliveryYears = [2021] } }, ["Tiv"] = t => t with { Tiv = new TrendIndicatorValue(3.25m) },
                ["Notes"] = t => t with { Notes = [] }, ["Sources"] = t => t with { Sources = [S1, S2, S3] }, ["Caveats"] = t => t with { Caveats = [] },
            })),
            [typeof(Event)] = (SampleEvent, Changes<Event>(new()
            {
                ["Id"] = e => e with { Id = new("sample-event-renamed") }, ["Kind"] = e => e with { Kind = EventKind.Launch }, ["Title"] = e => e with { Title = "Another" },
                ["Date"] = e => e with { Date = Date("2023-12-31") }, ["Until"] = e => e with { Until = null }, ["Place"] = e => e with { Place = "Ankara" },
                ["Countries"] = e => e with { Countries = [Fi, Tr] }, ["Organizations"] = e => e with { Organizations = [OrgB] },
                ["People"] = e => e with { People = [new Participant(PersonA, null)] }, ["Systems"] = e => e with { Systems = [] },
                ["Agreements"] = e => e with { Agreements = [] }, ["Notes"] = e => e with { Notes = [Note("Postponed once.", S1)] },
                ["Sources"] = e => e with { Sources = [S1, S2] }, ["Caveats"] = e => e with { Caveats = [] },
            })),
        };

    private static Dictionary<string, Func<object, object>> Changes<T>(Dictionary<string, Func<T, T>> changes) where T : class =>
        changes.ToDictionary(c => c.Key, c => (Func<object, object>)(o => c.Value((T)o)));
}
