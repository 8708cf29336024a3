using DefenseCoop.Panels;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Tests.Panels;

/// <summary>
/// Each catalog column on the bundled release equals the catalog's own query for its row, inside the coverage the
/// release states (Türkiye's network, 2015–2025), and is null outside it.
/// </summary>
public class ColumnTests
{
    private static DefenseCoopCatalog Catalog => DefenseCoopCatalog.Default;

    private static readonly CountryCode Tr = CountryCode.Parse("TR");

    private static DyadYearPanel TurkiyeDyads(int from = 2010, int to = 2026) => Catalog.Panels.AsOf(2026).DyadYears(from, to).Involving("TR");

    [Fact]
    public void AgreementColumns_EqualTheQueries_InsideTheReleasesCoverage_AndAreNullOutside()
    {
        var panel = TurkiyeDyads().WithAgreementsSigned().WithAgreementsInForce().WithAgreementsInForce(possibly: true)
            .WithAgreementsSigned([AgreementKind.MemorandumOfUnderstanding, AgreementKind.ProcurementContract], name: "mous_and_contracts")
            .WithEvents();
        var (signed, inForce, possibly, some, events) = (panel.Column<int>("agreements_signed"), panel.Column<int>("agreements_in_force"),
            panel.Column<int>("agreements_possibly_in_force"), panel.Column<int>("mous_and_contracts"), panel.Column<int>("events"));
        int nonZero = 0, checkedRows = 0;
        foreach (var row in panel)
        {
            var (a, b) = (row.State1.Country, row.State2.Country);
            if (row.Year is < 2015 or > 2025)
            {
                Assert.Null(row.Get(signed));
                Assert.Null(row.Get(inForce));
                Assert.Null(row.Get(events));
                continue;
            }
            var day = new LocalDate(row.Year, 12, 31);
            Assert.Equal(Catalog.Agreements.Between(a, b).Within(row.Year).Count(), row.Get(signed));
            Assert.Equal(Catalog.Agreements.Between(a, b).InForceOn(day).Count(), row.Get(inForce));
            Assert.Equal(Catalog.Agreements.Between(a, b).PossiblyInForceOn(day).Count(), row.Get(possibly));
            Assert.Equal(Catalog.Agreements.Between(a, b).Within(row.Year).OfKind(AgreementKind.MemorandumOfUnderstanding, AgreementKind.ProcurementContract).Count(), row.Get(some));
            Assert.Equal(Catalog.Events.Between(a, b).Within(row.Year, row.Year).Count(), row.Get(events));
            if (row.Get(signed) > 0) nonZero++;
            checkedRows++;
        }
        Assert.True(nonZero > 30, $"Only {nonZero} Türkiye dyad-years have signings: the check would prove little.");
        Assert.True(checkedRows > 1500);
    }

    [Fact]
    public void StatesOnly_CountsAsTheQueryDoes_AndFinlandSwedenIsOutsideTheNetwork()
    {
        var panel = Catalog.Panels.AsOf(2025).DyadYears(2015, 2025).Involving("TR", "FI").StatesOnly().WithAgreementsSigned(name: "signed_by_states");
        var column = panel.Column<int>("signed_by_states");
        foreach (var row in panel)
        {
            var (a, b) = (row.State1.Country, row.State2.Country);
            if (a != Tr && b != Tr) Assert.Null(row.Get(column));
            else Assert.Equal(Catalog.Agreements.Between(a, b).StatesOnly().Within(row.Year).Count(), row.Get(column));
        }
        Assert.Contains(panel, r => r.State1.Country == CountryCode.Parse("FI") && r.State2.Country == CountryCode.Parse("SE"));
    }

    [Fact]
    public void StateYearCounts_EqualInvolvingQueries_ForCoveredStates()
    {
        var panel = Catalog.Panels.AsOf(2025).StateYears(2013, 2025).Of("TR", "FI").WithAgreementsSigned().WithAgreementsInForce().WithEvents();
        var (signed, inForce, events) = (panel.Column<int>("agreements_signed"), panel.Column<int>("agreements_in_force"), panel.Column<int>("events"));
        Assert.Equal(2 * 13, panel.Count());
        foreach (var row in panel)
        {
            bool covered = row.State.Country == Tr && row.Year >= 2015;
            Assert.Equal(covered ? Catalog.Agreements.Involving(Tr).Within(row.Year).Count() : null, row.Get(signed));
            Assert.Equal(covered ? Catalog.Agreements.Involving(Tr).InForceOn(new LocalDate(row.Year, 12, 31)).Count() : null, row.Get(inForce));
            Assert.Equal(covered ? Catalog.Events.Involving(Tr).Within(row.Year, row.Year).Count() : null, row.Get(events));
        }
    }

    [Fact]
    public void ThreeStates_AtTheEdgesOfCoverage_NullThenZeroOrCountThenNull()
    {
        var panel = TurkiyeDyads(2014, 2026).WithAgreementsSigned();
        var signed = panel.Column<int>("agreements_signed");
        int? Value(string other, int year) => panel.Single(r => r.Year == year && (r.State1.Country.Value == other || r.State2.Country.Value == other)).Get(signed);

        // Finland: before the window unknown; inside it counted (0 where nothing was signed, 1 for the 2025 memorandum); after it unknown again.
        Assert.Null(Value("FI", 2014));
        Assert.Equal(0, Value("FI", 2015));
        Assert.Equal(Catalog.Agreements.Between("TR", "FI").Within(2025).Count(), Value("FI", 2025));
        Assert.True(Value("FI", 2025) > 0);
        Assert.Null(Value("FI", 2026));
        // A partner with no record at all is 0 inside the window, not null: the network is complete there.
        Assert.Equal(0, Value("IS", 2020));
        Assert.Equal(0, Catalog.Agreements.Between("TR", "IS").Count());
    }

    [Fact]
    public void ReferenceDay_MovesInForceAndMembership()
    {
        // Finland joined NATO on 2023-04-04.
        var endOfYear = Catalog.Panels.AsOf(2025).StateYears(2022, 2024).Of("FI", "SE", "TR").WithMembership("nato");
        var startOfYear = endOfYear.OnReferenceDay(new AnnualDate(1, 1)).WithMembership("nato", name: "nato_on_1_january");
        var (december, january) = (startOfYear.Column<bool>("nato_member"), startOfYear.Column<bool>("nato_on_1_january"));
        bool? Member(string country, int year, PanelColumn<bool> column) => startOfYear.Single(r => r.State.Country.Value == country && r.Year == year).Get(column);
        Assert.False(Member("FI", 2022, december));
        Assert.True(Member("FI", 2023, december));
        Assert.False(Member("FI", 2023, january));
        Assert.True(Member("FI", 2024, january));
        Assert.False(Member("SE", 2023, december));
        Assert.True(Member("SE", 2024, december));
        Assert.True(Member("TR", 2022, january));
        Assert.Contains("12-31", december.Meaning);
        Assert.Contains("01-01", january.Meaning);
    }

    [Fact]
    public void Memberships_OnDyads_GiveEachSideAndBoth_AndAnIncompleteListIsNullForStatesItDoesNotName()
    {
        var panel = Catalog.Panels.DyadYears(1951, 1999).Involving("TR").WithMembership("nato").WithMembership("eu", MembershipRole.Candidate);
        var (one, two, both) = (panel.Column<bool>("nato_member_1"), panel.Column<bool>("nato_member_2"), panel.Column<bool>("nato_member_both"));
        var candidate = panel.Column<bool>("eu_candidate_1");
        var trUs = panel.Where(r => r.State1.Country == CountryCode.Parse("US") && r.State2.Country == CountryCode.Parse("TR")).ToDictionary(r => r.Year);
        // Türkiye joined on 1952-02-18.
        Assert.Equal((true, false, false), (trUs[1951].Get(one), trUs[1951].Get(two), trUs[1951].Get(both)));
        Assert.Equal((true, true, true), (trUs[1952].Get(one), trUs[1952].Get(two), trUs[1952].Get(both)));
        var irTr = panel.Single(r => r.Year == 1990 && r.State1.Country == CountryCode.Parse("IR") && r.State2.Country == CountryCode.Parse("TR"));
        Assert.Equal((false, true, false), (irTr.Get(one), irTr.Get(two), irTr.Get(both)));
        // The release lists every NATO member, but only Türkiye's EU candidacy (from 1999-12): another state's is unknown.
        Assert.Null(trUs[1999].Get(candidate));
        var trFirst = panel.First(r => r.Year == 1999 && r.State1.Country == CountryCode.Parse("TR") && r.State2.CowCode > 640);
        Assert.True(trFirst.Get(candidate));
        Assert.False(panel.Single(r => r.Year == 1998 && r.State1.Country == CountryCode.Parse("TR") && r.State2.CowCode == trFirst.State2.CowCode).Get(candidate));
    }

    [Fact]
    public void Spending_IsTheReconciledFigure_OnEachSide_AndNullWhereNoFigureIs()
    {
        var nato = ReconciliationPolicy.Prefer("nato-defence-expenditure-2024");
        var panel = Catalog.Panels.AsOf(2024).DyadYears(2012, 2024).Involving("FI").WithSpending(SpendingMeasure.ShareOfGdp, nato, name: "milex_gdp");
        var (one, two) = (panel.Column<decimal>("milex_gdp_1"), panel.Column<decimal>("milex_gdp_2"));
        var figures = Catalog.Spending.Measure(SpendingMeasure.ShareOfGdp).Reconcile(nato).Where(o => o.Key.Country is not null).ToDictionary(o => (o.Key.Country!.Value, o.Year), o => o.Value);
        foreach (var row in panel)
        {
            Assert.Equal(figures.TryGetValue((row.State1.Country, row.Year), out var v1) ? v1 : null, row.Get(one));
            Assert.Equal(figures.TryGetValue((row.State2.Country, row.Year), out var v2) ? v2 : null, row.Get(two));
        }
        var atFi = panel.Where(r => r.State1.Country == CountryCode.Parse("AT") && r.State2.Country == CountryCode.Parse("FI")).ToDictionary(r => r.Year);
        Assert.All(atFi.Values, r => Assert.Null(r.Get(one)));   // Austria is in no NATO table
        Assert.Null(atFi[2013].Get(two));                         // NATO's tables begin in 2014
        Assert.All(Enumerable.Range(2014, 11), y => Assert.NotNull(atFi[y].Get(two)));
        var fiSe = panel.Where(r => r.State1.Country == CountryCode.Parse("FI") && r.State2.Country == CountryCode.Parse("SE")).ToDictionary(r => r.Year);
        Assert.Equal(figures[(CountryCode.Parse("FI"), 2023)], fiSe[2023].Get(one));
    }

    [Fact]
    public void Description_NamesTheFrameTheReleaseAndEachColumnsSourcesAndCoverage()
    {
        var description = TurkiyeDyads(2015, 2025).Directed().WithAgreementsSigned().WithMembership("nato").Describe();
        Assert.Equal("directed dyad-year", description.RowKind);
        Assert.Equal(2026, description.AsOfYear);
        Assert.Contains("v2016", description.StateSystem);
        Assert.Contains("2016-12-31", description.FrameRule);
        Assert.Equal(Catalog.DataVersion, description.DataVersion);
        var signed = description.Columns.Single(c => c.Name == "agreements_signed");
        Assert.Equal(["TR"], signed.Coverage.Countries.Select(c => c.Value));
        Assert.Equal((2015, 2025), (signed.Coverage.FromYear, signed.Coverage.ToYear));
        Assert.Contains("Türkiye", signed.Coverage.Statement);
        Assert.NotEmpty(signed.Sources);
        Assert.All(signed.Sources, id => Assert.Contains(description.Sources, s => s.Source.Id == id));
        Assert.Equal(["cow-state-system-2016"], description.Columns.Single(c => c.Name == "ccode_1").Sources.Select(s => s.Value));
        Assert.Contains("nato-member-countries", description.Columns.Single(c => c.Name == "nato_member_1").Sources.Select(s => s.Value));
        using var json = System.Text.Json.JsonDocument.Parse(description.ToJson());
        Assert.Equal(description.Rows, json.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal(description.Columns.Length, json.RootElement.GetProperty("columns").GetArrayLength());
    }
}
