using NodaTime;

namespace DefenseCoop.Tests.Querying;

/// <summary>The bundled release answers questions about the founding reports correctly.</summary>
public class SeedFactsTests
{
    private static readonly DefenseCoopCatalog Catalog = DefenseCoopCatalog.Default;

    [Fact]
    public void Default_IsTheVersionedReleaseAndLoadsOnce()
    {
        Assert.Equal(DataVersion.Parse("2026.3"), Catalog.DataVersion);
        Assert.Equal(1, Catalog.SchemaVersion);
        Assert.Same(Catalog, DefenseCoopCatalog.Default);
    }

    [Fact]
    public void Default_IsTheSameInstanceWhenFirstReadFromManyThreads()
    {
        var seen = new DefenseCoopCatalog[32];
        Parallel.For(0, seen.Length, i => seen[i] = DefenseCoopCatalog.Default);
        Assert.All(seen, c => Assert.Same(Catalog, c));
    }

    [Theory]
    [InlineData("Türkiye", "TR")]
    [InlineData("Turkey", "TR")]
    [InlineData("Turkiye", "TR")]
    [InlineData("TÜRKİYE", "TR")]
    [InlineData("tur", "TR")]
    [InlineData("Finlandiya", "FI")]
    [InlineData("Suomi", "FI")]
    [InlineData("Kazakistan", "KZ")]
    [InlineData("Özbekistan", "UZ")]
    [InlineData("Ozbekistan", "UZ")]
    [InlineData("Kırgızistan", "KG")]
    [InlineData("Azerbaycan", "AZ")]
    public void Countries_ResolveEnglishTurkishAndLocalNames(string name, string code)
    {
        Assert.Equal(CountryCode.Parse(code), Catalog.Countries.Resolve(name)?.Code);
    }

    [Fact]
    public void Countries_UnknownNameResolvesToNothingAndUnknownCodeThrows()
    {
        Assert.Null(Catalog.Countries.Resolve("Atlantis"));
        var e = Assert.Throws<KeyNotFoundException>(() => Catalog.Countries["QQ"]);
        Assert.Contains("QQ", e.Message);
    }

    [Fact]
    public void Countries_CarryNatoAccessionDates()
    {
        PartialDate? Joined(string code) => Catalog.Countries[code].Memberships.Single(m => m.Organization == "nato" && m.Role == MembershipRole.Member).From;
        Assert.Equal(PartialDate.Parse("2023-04-04"), Joined("FI"));
        Assert.Equal(PartialDate.Parse("2024-03-07"), Joined("SE"));
        Assert.Equal(PartialDate.Parse("1952-02-18"), Joined("TR"));
    }

    [Fact]
    public void Nato_ListsEveryAllyWithItsAccessionDate()
    {
        var allies = Catalog.Members(new OrganizationId("nato")).Where(m => m.Membership.Role == MembershipRole.Member).ToList();
        Assert.Equal(32, allies.Count);
        Assert.All(allies, a => Assert.NotNull(a.Membership.From));
        Assert.Equal("SE", allies[^1].Country.Code.Value);
        Assert.Equal(PartialDate.Parse("2024-03-07"), allies[^1].Membership.From);
        Assert.Equal(12, allies.Count(a => a.Membership.From!.Value.Year == 1949));
    }

    [Fact]
    public void NatoTables_AreBundledWithTheirEstimates()
    {
        var share = Catalog.Spending.Of("TR").Measure(SpendingMeasure.ShareOfGdp).FromPublisher("NATO").Within(2024).Single();
        Assert.Equal(2.0890202976150429m, share.Value);
        Assert.True(share.Estimate);
        Assert.False(Catalog.Spending.Of("TR").Measure(SpendingMeasure.ShareOfGdp).FromPublisher("NATO").Within(2022).Single().Estimate);
        var source = Catalog.Sources[share.Source];
        Assert.Equal(PartialDate.Parse("2024-06-17"), source.Published);
        Assert.NotNull(source.Edition);
        Assert.Equal(31, Catalog.Spending.FromPublisher("NATO").Measure(SpendingMeasure.CurrentUsd).Within(2024).Top(40).Count);
        Assert.True(Catalog.Spending.OfOrganization(new OrganizationId("nato")).Measure(SpendingMeasure.CurrentUsd).Within(2024).Any());
        Assert.Equal(1_474_399_476_573.4388m, Math.Round(Catalog.Spending.OfOrganization(new OrganizationId("nato")).Measure(SpendingMeasure.CurrentUsd).Within(2024).Single(o => o.Component is null).Value, 4));
    }

    [Fact]
    public void HistoricalStates_AreCountriesWithYearsAndSuccessors()
    {
        var ussr = Catalog.Countries.Resolve("Soviet Union")!;
        Assert.Same(ussr, Catalog.Countries.Resolve("USSR"));
        Assert.Same(ussr, Catalog.Countries["SU"]);
        Assert.True(ussr.IsHistorical);
        Assert.Equal(1991, ussr.ExistedUntil);
        Assert.Contains(CountryCode.Parse("RU"), ussr.Successors);
        Assert.Equal("DD", Catalog.Countries.Resolve("East Germany (GDR)")!.Code.Value);
        Assert.Equal("XW", Catalog.Countries.Resolve("West Germany")!.Code.Value);
        Assert.Equal("260", Catalog.Countries["XW"].CodeIn(NameScheme.Cow));
        Assert.Equal("XY", Catalog.Countries.Resolve("Yemen Arab Republic (North Yemen)")!.Code.Value);
        Assert.Equal("CS", Catalog.Countries.Resolve("Czechoslovakia")!.Code.Value);
        Assert.Equal("XV", Catalog.Countries.Resolve("South Vietnam")!.Code.Value);
        Assert.Equal("YU", Catalog.Countries.Resolve("Yugoslavia")!.Code.Value);
        Assert.Equal("TR", Catalog.Countries.Resolve("Turkey")!.Code.Value);
        Assert.Equal("640", Catalog.Countries["TR"].CodeIn(NameScheme.Cow));
        Assert.Equal("SK", Catalog.Countries.Resolve("Slovak Republic")!.Code.Value);
        Assert.Equal("KR", Catalog.Countries.Resolve("Korea, South")!.Code.Value);
        Assert.Equal("Western Asia", Catalog.Countries["TR"].SubRegion!.Name);
        Assert.Equal("TRY", Catalog.Countries["TR"].Currency!.Value.Value);
        Assert.Equal("the Republic of Türkiye", Catalog.Countries["TR"].FormalName);
        Assert.Equal("Турция", Catalog.Countries["TR"].Names["ru"]);
    }

    [Fact]
    public void Organizations_ResolveAcronymsAndTurkishNames()
    {
        var ssb = Catalog.Organizations.Resolve("SSB");
        Assert.NotNull(ssb);
        Assert.Same(ssb, Catalog.Organizations.Resolve("Savunma Sanayii Başkanlığı"));
        Assert.Equal(CountryCode.Parse("TR"), ssb.Country);
        Assert.Same(Catalog.Organizations.Resolve("TUSAŞ"), Catalog.Organizations.Resolve("Turkish Aerospace"));
    }

    [Fact]
    public void TurkiyeFinlandMemorandum_IsSignedInAnkaraOn2June2025ByBothArmamentsChiefs()
    {
        var mou = Catalog.Agreements.Between("TR", "FI").Within(2025).OfKind(AgreementKind.MemorandumOfUnderstanding).First();
        Assert.Equal(PartialDate.Parse("2025-06-02"), mou.SignedOn);
        Assert.Equal("Ankara", mou.Place);
        Assert.Equal(["Haluk Görgün", "Olli Ruutu"], mou.Signatories.Select(s => Catalog.People[s.Person].Name).Order());
        Assert.Contains(CooperationArea.JointProduction, mou.Areas);
        Assert.Contains(CooperationArea.TechnologyTransfer, mou.Areas);
        Assert.Contains(CooperationArea.CapacityBuilding, mou.Areas);
        Assert.True(mou.Sources.Length >= 2, "Both English reports on the memorandum are cited.");
    }

    [Fact]
    public void FinnishEmbargo_WasLiftedInEarly2023AndTheDisagreementIsKept()
    {
        var embargo = Catalog.Agreements.Between("FI", "TR").OfKind(AgreementKind.ArmsEmbargo).Single();
        Assert.Equal(PartialDate.Parse("2019"), embargo.SignedOn);
        var lifted = embargo.StatusHistory.Single(s => s.Status == AgreementStatus.Lifted);
        Assert.Equal(PartialDate.Parse("early 2023"), lifted.Date);
        Assert.Equal(PartialDate.Parse("early 2023").Latest, new LocalDate(2023, 4, 30));
        Assert.Contains(embargo.Parties, p => p.Country == CountryCode.Parse("FI") && p.Role == PartyRole.Imposer);
        Assert.Contains(embargo.Parties, p => p.Country == CountryCode.Parse("TR") && p.Role == PartyRole.Target);
        // One report calls it an embargo, another says Finland imposed no official one: both claims stay.
        Assert.True(embargo.Notes.SelectMany(n => n.Sources).Distinct().Count() >= 2);
    }

    [Fact]
    public void Ratification_OfFinlandsAccessionIsDatedToTheDay()
    {
        var ratification = Catalog.Agreements.Involving("FI").OfKind(AgreementKind.Ratification).Single();
        Assert.Equal(PartialDate.Parse("2023-03-30"), ratification.SignedOn);
        Assert.Contains(ratification.Parties, p => p.Country == CountryCode.Parse("TR") && p.Role == PartyRole.Ratifier);
    }

    [Fact]
    public void CentralAsianAgreements_KeepOnlyThePrecisionTheReportGives()
    {
        var uzbek = Catalog.Agreements.Between("TR", "UZ").ToList();
        Assert.Contains(uzbek, a => a.Kind == AgreementKind.MilitaryTrainingAgreement && a.SignedOn == PartialDate.Parse("1993"));
        Assert.Contains(uzbek, a => a.Kind == AgreementKind.MilitaryFinancialCooperation && a.SignedOn == PartialDate.Parse("2020"));
        Assert.Contains(uzbek, a => a.Kind == AgreementKind.ImplementationProtocol);
        Assert.Equal(2, Catalog.Agreements.Between("TR", "UZ").Within(2020).Count());
        // From the Turkish report: two agreements between the states, and Baykar's localisation protocol,
        // which counts for Türkiye through Baykar.
        var fromTheTurkishReport = Catalog.Agreements.Between("TR", "KZ").Where(a => a.Sources.Contains(new SourceId("sonturkhaber-savunma-sanayiinde-kardes-acilimi"))).ToList();
        Assert.Equal(2, fromTheTurkishReport.Count(a => Catalog.Involvement(a, "TR") == PartyLevel.State));
        Assert.Contains(fromTheTurkishReport, a => a.Organizations.Contains(new OrganizationId("baykar")) && Catalog.Involvement(a, "TR") == PartyLevel.Organization);
        // The Turkish report dates none of them: a date, where there is one, comes from another page.
        var turkish = new SourceId("sonturkhaber-savunma-sanayiinde-kardes-acilimi");
        Assert.All(fromTheTurkishReport, a => Assert.True(a.SignedOn is null || a.Sources.Any(s => s != turkish), $"{a.Id} is dated by the Turkish report alone."));
        Assert.True(Catalog.Agreements.Involving("baykar").Involving("KZ").Any());
    }

    [Fact]
    public void SignedWithin_IncludesOnlyDatesCertainlyInsideTheRange()
    {
        Assert.Contains(Catalog.Agreements.Within(2020), a => a.SignedOn == PartialDate.Parse("2020"));
        Assert.DoesNotContain(Catalog.Agreements.Within(new LocalDate(2020, 1, 1), new LocalDate(2020, 6, 30)), a => a.SignedOn == PartialDate.Parse("2020"));
        Assert.Equal(Catalog.Agreements.Within(1990, 2030).Count(), Catalog.Agreements.Count(a => a.SignedOn is not null));
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Agreements.Within(2025, 2024));
    }

    [Fact]
    public void Involving_AcceptsCountryOrganizationAndSystemAndRefusesUnknownNames()
    {
        Assert.True(Catalog.Agreements.Involving("patria").Any());
        Assert.Equal(Catalog.Agreements.Involving("TR").Count(), Catalog.Agreements.Involving(CountryCode.Parse("TR")).Count());
        Assert.Throws<UnknownCountryException>(() => Catalog.Agreements.Involving("no-such-thing"));
    }

    [Fact]
    public void FinlandsSpending_ReadsTheGarbledFiguresAsEurosAndTheirConversionAndFlagsBoth()
    {
        // "$ 6 billion ($ 6.4 billion)": one report, one dollar figure for the year, both figures flagged.
        var usd2023 = Catalog.Spending.Of("FI").Measure(SpendingMeasure.CurrentUsd).Within(2023).FromSourceKind(SourceKind.NewsReport).Single();
        Assert.Equal(6_400_000_000m, usd2023.Value);
        Assert.True(usd2023.Uncertain);
        var eur2023 = Catalog.Spending.Of("FI").Measure(SpendingMeasure.LocalCurrencyCurrent).Within(2023).FromSource(usd2023.Source).Single();
        Assert.Equal(6_000_000_000m, eur2023.Value);
        Assert.Equal(CurrencyCode.Eur, eur2023.Currency);
        Assert.True(eur2023.Uncertain);
        Assert.NotEmpty(eur2023.Series.Notes);
        Assert.Equal(2.5m, Catalog.Spending.Of("FI").Measure(SpendingMeasure.ShareOfGdp).Within(2025).FromSourceKind(SourceKind.NewsReport).Single().Value);
        var f35 = Catalog.Spending.Of("FI").Measure(SpendingMeasure.BudgetAllocation).Where(o => o.Currency == CurrencyCode.Eur && o.Series.Systems.Contains("f-35a")).Single();
        Assert.Equal(1_900_000_000m, f35.Value);
        Assert.Empty(Catalog.Spending.Of("FI").Within(2010));
        // NATO's figure for the same year stays beside the report's, with its own source.
        Assert.Contains(Catalog.Spending.Of("FI").Measure(SpendingMeasure.CurrentUsd).Within(2023), o => o.Source == new SourceId("nato-defence-expenditure-2024"));
    }

    [Fact]
    public void FinnishExports_AreDirectedAndLicencesAreNotExports()
    {
        var exports = Catalog.Trade.From("FI").OfKind(TradeKind.DefenseExports).Single();
        Assert.Equal(new Money(333_000_000m, CurrencyCode.Eur), exports.Value);
        Assert.Equal(PartialDate.Parse("2023"), exports.Period);
        var licences = Catalog.Trade.From("FI").OfKind(TradeKind.ExportLicencesGranted).Where(f => f.Importer is null).Single();
        Assert.Equal(667_000_000m, licences.Value?.Amount);
        var steel = Catalog.Trade.From("FI").To("TR").Single();
        Assert.Equal(new Quantity(12_000m, "t"), steel.Quantity);
        Assert.Contains(steel.Organizations, o => o == "bmc");
        Assert.Empty(Catalog.Trade.From("TR").To("FI"));
    }

    [Fact]
    public void BilateralTrade_IsUndirectedAndABound()
    {
        Assert.DoesNotContain(Catalog.Trade.From("TR").Concat(Catalog.Trade.To("FI")), f => f.Kind == TradeKind.BilateralTrade);
        var total = Catalog.Trade.Between("FI", "TR").OfKind(TradeKind.BilateralTrade).Single();
        Assert.Equal(new Money(1_700_000_000m, CurrencyCode.Usd, Bound: ValueBound.AtLeast), total.Value);
        Assert.Same(total, Catalog.Trade.Between("TR", "FI").OfKind(TradeKind.BilateralTrade).Single());
    }

    [Fact]
    public void KyrgyzstansDrones_AreDeliveriesFromTurkiye()
    {
        var systems = Catalog.Trade.From("TR").To("KG").OfKind(TradeKind.Delivery).SelectMany(f => f.Systems).Select(s => Catalog.Systems[s].Name).ToList();
        Assert.Contains("Bayraktar TB2", systems);
        Assert.Equal(4, systems.Count);
    }

    [Fact]
    public void Timeline_ListsAgreementsStatusChangesFlowsAndEventsInDateOrder()
    {
        var timeline = Catalog.Timeline("TR", "FI");
        var dated = timeline.Where(e => e.Date is not null).Select(e => e.Date!.Value).ToList();
        Assert.Equal(dated.Order(), dated);
        Assert.True(timeline.SkipWhile(e => e.Date is not null).All(e => e.Date is null), "Undated entries come last.");
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.StatusChanged && e.StatusChange!.Status == AgreementStatus.Lifted && e.Date == PartialDate.Parse("early 2023"));
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.AgreementSigned && e.Date == PartialDate.Parse("2025-06-02"));
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.Trade);
        Assert.Contains(timeline, e => e.Kind == TimelineEntryKind.Event && e.Date == PartialDate.Parse("2025-02-11"));
        Assert.Equal(timeline, Catalog.Timeline("FI", "TR"));
    }

    [Fact]
    public void Partners_RankTurkiyesPartnersWithTheirAgreementCounts()
    {
        var partners = Catalog.Partners("TR");
        Assert.Equal(partners.OrderByDescending(p => p.Total).Select(p => p.Total), partners.Select(p => p.Total));
        var finland = partners.Single(p => p.Partner == CountryCode.Parse("FI"));
        Assert.Equal(Catalog.Agreements.Between("TR", "FI").Count(), finland.Agreements);
        Assert.DoesNotContain(partners, p => p.Partner == CountryCode.Parse("TR"));
    }

    [Fact]
    public void EveryRecord_CitesAtLeastOneSourceThatExists()
    {
        IEnumerable<ISourced> records = [
            .. Catalog.Countries, .. Catalog.Organizations, .. Catalog.People, .. Catalog.Systems, .. Catalog.Agreements,
            .. Catalog.Trade, .. Catalog.Events, .. Catalog.Agreements.SelectMany(a => a.StatusHistory),
            .. Catalog.Spending.Select(o => (ISourced)o.Series)];
        Assert.All(records, r =>
        {
            Assert.NotEmpty(r.Sources);
            Assert.All(r.Sources, s => Assert.True(Catalog.Sources.Contains(s), $"{r} cites unknown source {s}"));
        });
    }

    [Fact]
    public void EverySeedReport_IsASourceWithPublisherTitleAndLanguage()
    {
        var reports = Catalog.Sources.Where(s => s.Kind == SourceKind.NewsReport).ToList();
        Assert.Contains(reports, s => s.Language == "tr" && s.BasedOn == "Yeni Şafak");
        Assert.Contains(reports, s => s.Published == PartialDate.Parse("2025-03-11"));
        Assert.All(reports, s => Assert.False(string.IsNullOrWhiteSpace(s.Publisher)));
    }
}
