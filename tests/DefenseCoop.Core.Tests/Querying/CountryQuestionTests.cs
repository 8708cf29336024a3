using NodaTime;

namespace DefenseCoop.Tests.Querying;

/// <summary>
/// Country questions as analysts mean them: companies and agencies count for their countries,
/// intergovernmental organizations for none, and a country can be named any way the catalog knows.
/// </summary>
public class CountryQuestionTests
{
    private static readonly DefenseCoopCatalog Catalog = DefenseCoopCatalog.Default;

    private static bool OnlyOrganizations(Agreement a) => a.Parties.All(p => p.Organization is not null);

    [Fact]
    public void Between_CountsACompanysAgreementForItsCountry()
    {
        var patriaAselsan = Catalog.Agreements.Between("TR", "FI")
            .Single(a => OnlyOrganizations(a) && a.Organizations.Contains(new OrganizationId("aselsan")) && a.Organizations.Contains(new OrganizationId("patria")));

        Assert.Equal(PartyLevel.Organization, Catalog.Involvement(patriaAselsan, "TR"));
        Assert.Equal(PartyLevel.Organization, Catalog.Involvement(patriaAselsan, "FI"));
        Assert.Null(Catalog.Involvement(patriaAselsan, "SE"));
        Assert.Contains(Catalog.Timeline("TR", "FI"), e => ReferenceEquals(e.Record, patriaAselsan));
        Assert.Contains(Catalog.Agreements.Involving("FI"), a => ReferenceEquals(a, patriaAselsan));
    }

    [Fact]
    public void StatesOnly_LeavesOutWhatCountsOnlyThroughOrganizations()
    {
        var all = Catalog.Agreements.Between("TR", "FI").ToList();
        var states = Catalog.Agreements.Between("TR", "FI").StatesOnly().ToList();

        Assert.True(states.Count < all.Count);
        Assert.All(states, a => Assert.Equal(PartyLevel.State, Catalog.Involvement(a, "TR")));
        Assert.Equal(all.Where(a => Catalog.Involvement(a, "TR") == PartyLevel.State && Catalog.Involvement(a, "FI") == PartyLevel.State).Select(a => a.Id), states.Select(a => a.Id));
        Assert.DoesNotContain(Catalog.Timeline("TR", "FI", statesOnly: true), e => e.Record is Agreement a && OnlyOrganizations(a));
    }

    [Fact]
    public void Baykar_CountsForTurkiye_InKazakhstan()
    {
        var protocol = Catalog.Agreements.Between("TR", "KZ").Single(a => a.Organizations.Contains(new OrganizationId("baykar")));

        Assert.Equal(PartyLevel.Organization, Catalog.Involvement(protocol, "TR"));
        Assert.Equal(PartyLevel.State, Catalog.Involvement(protocol, "KZ"));
        Assert.Contains(Catalog.Partners("TR"), p => p.Partner == CountryCode.Parse("KZ"));
    }

    [Fact]
    public void IntergovernmentalOrganizations_CountForNoCountry()
    {
        Assert.Null(Catalog.Organizations[new OrganizationId("nato")].Country);
        foreach (var agreement in Catalog.Agreements.Involving(new OrganizationId("nato")))
            foreach (var country in Catalog.Countries.Where(c => Catalog.Involvement(agreement, c) is not null))
                Assert.True(agreement.Countries.Contains(country.Code)
                    || agreement.Organizations.Any(o => Catalog.Organizations[o].Country == country.Code), $"{agreement.Id} counts for {country.Code}");
    }

    [Fact]
    public void Countries_AreNamedAnyWayTheCatalogKnows()
    {
        int expected = Catalog.Agreements.Between(CountryCode.Parse("TR"), CountryCode.Parse("KZ")).Count();

        Assert.Equal(expected, Catalog.Agreements.Between("Türkiye", "Kazakistan").Count());
        Assert.Equal(expected, Catalog.Agreements.Between("TUR", "kazakhstan").Count());
        Assert.Equal(expected, Catalog.Agreements.Between(Catalog.Countries.Resolve("Turkey")!, "KZ").Count());
        Assert.Equal(Catalog.Agreements.Involving("KZ").Count(), Catalog.Agreements.Involving("Kazakistan").Count());
        Assert.Equal(Catalog.Trade.From("TR").Count(), Catalog.Trade.From("Türkiye").Count());
        Assert.Equal(Catalog.Partners("TR"), Catalog.Partners("Turkey"));
        Assert.True(Catalog.Countries.TryResolve("Kazakistan", out var kazakhstan));
        Assert.Equal(CountryCode.Parse("KZ"), kazakhstan.Code);
        Assert.False(Catalog.Countries.TryResolve("Atlantis", out _));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("Kazakhstn")]
    [InlineData("")]
    public void UnknownCountry_IsOneClearArgumentException_NamingTheInputAndTheClosest(string input)
    {
        var errors = new Action[]
        {
            () => Catalog.Agreements.Between("TR", input),
            () => Catalog.Agreements.Involving(input),
            () => Catalog.Trade.From(input),
            () => Catalog.Trade.Between(input, "TR"),
            () => Catalog.Events.Involving(input),
            () => Catalog.Timeline(input),
            () => Catalog.Partners(input),
        }.Select(Assert.Throws<UnknownCountryException>).ToList();

        Assert.All(errors, e => Assert.Contains($"'{input}'", e.Message));
        Assert.All(errors, e => Assert.Contains("closest country names", e.Message));
        Assert.All(errors, e => Assert.Equal(input, e.Input));
        // The closest names travel as data too, in the order the message gives them.
        Assert.All(errors, e => Assert.Equal(3, e.Suggestions.Length));
        Assert.All(errors, e => Assert.Contains(string.Join(", ", e.Suggestions.Select(c => $"{c.Code} ({c.Name})")), e.Message));
        if (input == "Kazakhstn") Assert.All(errors, e => Assert.Equal("KZ", e.Suggestions[0].Code.Value));
        Assert.Throws<UnknownCountryException>(() => Catalog.Agreements.Between(CountryCode.Parse("XX"), "TR"));
    }

    [Fact]
    public void ResolveCountry_NamesACountryAsQueriesDo_OrSuggestsTheClosest()
    {
        Assert.Equal("TR", Catalog.ResolveCountry("Türkiye").Code.Value);
        Assert.Equal("TR", Catalog.ResolveCountry("TUR").Code.Value);
        Assert.Equal("FI", Catalog.ResolveCountry(CountryCode.Parse("FI")).Code.Value);
        var e = Assert.Throws<UnknownCountryException>(() => Catalog.ResolveCountry("Finlnd"));
        Assert.Equal("FI", e.Suggestions[0].Code.Value);
        Assert.Equal("country", e.ParamName);
    }

    [Fact]
    public void Timeline_ListsAnUndatedSigningOnce()
    {
        var timeline = Catalog.Timeline("TR", "KZ");

        foreach (var agreement in Catalog.Agreements.Between("TR", "KZ").Where(a => a.SignedOn is null))
            Assert.Single(timeline, e => ReferenceEquals(e.Record, agreement) && e.Date is null
                && (e.Kind == TimelineEntryKind.AgreementSigned || e.StatusChange?.Status == AgreementStatus.Signed));
    }

    [Fact]
    public void Events_HaveTheSameQuerySurface()
    {
        var events = Catalog.Events.ToList();
        Assert.Equal(events.Count, Catalog.Events.Count());
        Assert.Equal(events.Where(e => e.Countries.Contains(CountryCode.Parse("FI")) || e.Organizations.Any(o => Catalog.Organizations[o].Country == CountryCode.Parse("FI"))),
            Catalog.Events.Involving("FI"));
        Assert.Equal(events.Where(e => e.Kind == EventKind.Exhibition && e.Date is { } d && d.Earliest.Year >= 2025 && d.Latest.Year <= 2025),
            Catalog.Events.OfKind(EventKind.Exhibition).Within(2025, 2025));
        Assert.Contains(Catalog.Events.Between("TR", "FI").Within(new LocalDate(2025, 2, 1), new LocalDate(2025, 2, 28)), e => e.Kind == EventKind.Exhibition);
        Assert.All(Catalog.Events.Between("FI", "TR").StatesOnly(), e => Assert.True(e.Countries.Contains(CountryCode.Parse("FI")) && e.Countries.Contains(CountryCode.Parse("TR"))));
        Assert.True(events.Zip(events.Skip(1)).All(p => p.Second.Date is null || (p.First.Date is { } a && a <= p.Second.Date.Value)), "date order, undated last");
    }

    [Fact]
    public void Countries_TakeACodeOrANameAsText_AndNameTheClosestWhenNoneMatches()
    {
        var countries = DefenseCoopCatalog.Default.Countries;
        Assert.Same(countries[CountryCode.Parse("FI")], countries["FI"]);
        Assert.Same(countries["FI"], countries["fi"]);
        Assert.Same(countries["FI"], countries["Finland"]);
        Assert.Same(countries["TR"], countries["Turkey"]);
        var error = Assert.Throws<KeyNotFoundException>(() => countries["Finlandx"]);
        Assert.Contains("Finland", error.Message, StringComparison.Ordinal);
        Assert.Same(DefenseCoopCatalog.Default.Organizations["baykar"], DefenseCoopCatalog.Default.Organizations[new OrganizationId("baykar")]);
    }

    [Fact]
    public void TextToCountryCode_IsAnExplicitConversion()
    {
        var conversion = typeof(CountryCode).GetMethods().Single(m => m.Name is "op_Implicit" or "op_Explicit" && m.GetParameters()[0].ParameterType == typeof(string));
        Assert.Equal("op_Explicit", conversion.Name);
        Assert.Throws<ArgumentException>(() => (CountryCode)"Finland");
    }

    [Fact]
    public void Partners_WithinYears_CountOnlyTheRecordsDatedInThem()
    {
        var catalog = DefenseCoopCatalog.Default;
        var all = catalog.Partners("TR").ToDictionary(p => p.Partner);
        var early = catalog.Partners("TR", 2005, 2014);
        Assert.NotEmpty(early);
        Assert.All(early, p => Assert.True(p.Total <= all[p.Partner].Total));
        var korea = early.Single(p => p.Partner == CountryCode.Parse("KR"));
        Assert.Equal(catalog.Agreements.Involving("TR").Involving("KR").Within(2005, 2014).Count(), korea.Agreements);
        Assert.Throws<ArgumentOutOfRangeException>(() => catalog.Partners("TR", 2014, 2005));
    }
}
