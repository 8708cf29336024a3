using DefenseCoop.Panels;
using DefenseCoop.Querying;

namespace DefenseCoop.Tests.Panels;

/// <summary>Wrong input to a panel is refused at once with an exception that says what is wrong; nothing is dropped silently.</summary>
public class BadInputTests
{
    private static CatalogPanels Panels => DefenseCoopCatalog.Default.Panels;

    [Fact]
    public void UnknownCountries_AndCountriesOutsideTheSystem_AreRefused()
    {
        Assert.Contains("Atlantis", Assert.ThrowsAny<ArgumentException>(() => Panels.DyadYears(2000, 2001).Involving("Atlantis")).Message);
        Assert.Contains("no state", Assert.ThrowsAny<ArgumentException>(() => Panels.StateYears(2000, 2001).Of("HK")).Message);
        Assert.ThrowsAny<ArgumentException>(() => Panels.StateYears(2000, 2001).Of(Array.Empty<CountryRef>().AsEnumerable()));
        Assert.Throws<ArgumentNullException>(() => Panels.StateYears(2000, 2001).Of((IEnumerable<CountryRef>)null!));
    }

    [Fact]
    public void ColumnNames_MustBeSnakeCase_AndUnique_AndNotTheFramesOwn()
    {
        var panel = Panels.DyadYears(2000, 2001).WithAgreementsSigned();
        Assert.Contains("already", Assert.ThrowsAny<ArgumentException>(() => panel.WithAgreementsSigned()).Message);
        Assert.ThrowsAny<ArgumentException>(() => panel.WithEvents(name: "Events"));
        Assert.ThrowsAny<ArgumentException>(() => panel.WithEvents(name: "year"));
        Assert.ThrowsAny<ArgumentException>(() => panel.WithEvents(name: "ccode_1"));
        Assert.ThrowsAny<ArgumentException>(() => panel.WithTiv(name: "bad-name"));
        // A membership takes three names on a dyad; each must be free.
        Assert.Contains("nato_both", Assert.ThrowsAny<ArgumentException>(() => panel.WithEvents(name: "nato_both").WithMembership("nato", name: "nato")).Message);
        Assert.ThrowsAny<ArgumentException>(() => panel.Named("Dyads"));
        Assert.Equal("tr_dyads", panel.Named("tr_dyads").TableName);
    }

    [Fact]
    public void ColumnLookups_NameWhatThePanelHas()
    {
        var panel = Panels.DyadYears(2000, 2001).WithAgreementsSigned().WithMembership("nato");
        Assert.Contains("agreements_signed", Assert.ThrowsAny<ArgumentException>(() => panel.Column<int>("signed")).Message);
        Assert.Contains("Boolean", Assert.ThrowsAny<ArgumentException>(() => panel.Column<int>("nato_member_1")).Message);
        Assert.ThrowsAny<ArgumentException>(() => panel.WithMembership("no-such-organization"));
        // A column read from a row of another panel is refused, not read from the wrong values.
        var other = Panels.DyadYears(2000, 2001).WithEvents(name: "agreements_signed");
        Assert.ThrowsAny<ArgumentException>(() => other.First().Get(panel.Column<int>("agreements_signed")));
    }

    [Fact]
    public void ASpendingMeasureOfSeveralPriceBases_NeedsTheBasisNamed()
    {
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords
        {
            Sources = [new Source { Id = "other-edition", Kind = SourceKind.Dataset, Publisher = "Example", Title = "Constant dollars of 2023", Language = "en", Licence = "CC-BY-4.0" }],
            Spending = [new SpendingSeries("fi-constant-2023", CountryCode.Parse("FI"), null, SpendingMeasure.ConstantUsd, null, PriceBasis.Constant(2023), null, [], "other-edition", [new SpendingPoint(2020, 5_000_000_000m)])],
        }).Build();
        var panel = catalog.Panels.StateYears(2014, 2016).Of("FI").WithSpending(SpendingMeasure.ConstantUsd, ReconciliationPolicy.Median);
        var panels = catalog.Panels.AsOf(2024).StateYears(2019, 2021).Of("FI");
        Assert.Contains("price basis", Assert.Throws<InvalidOperationException>(() => panels.WithSpending(SpendingMeasure.ConstantUsd, ReconciliationPolicy.Median).Describe()).Message);
        var nato2015 = panels.WithSpending(SpendingMeasure.ConstantUsd, ReconciliationPolicy.Median, PriceBasis.Constant(2015));
        Assert.All(nato2015, r => Assert.NotNull(r.Get(nato2015.Column<decimal>("spending_constant_usd"))));
        var other2023 = panels.WithSpending(SpendingMeasure.ConstantUsd, ReconciliationPolicy.Median, PriceBasis.Constant(2023));
        Assert.Equal([null, 5_000_000_000m, null], other2023.Select(r => r.Get(other2023.Column<decimal>("spending_constant_usd"))));
        Assert.NotEmpty(panel);
    }
}
