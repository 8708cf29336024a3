using DefenseCoop.Panels;

namespace DefenseCoop.Tests.Panels;

/// <summary>The caller's own column: keyed by ISO or COW codes, given exactly where given, and refused row by row when wrong.</summary>
public class CustomValueTests
{
    private static StateYearPanel States => DefenseCoopCatalog.Default.Panels.StateYears(2000, 2002);

    [Fact]
    public void Values_AreGivenWhereGiven_AndNullElsewhere_OnEachSideOfADyad()
    {
        var panel = DefenseCoopCatalog.Default.Panels.DyadYears(2000, 2001).Involving("TR")
            .WithValues("gdp", [new("TR", 2000, 1.5m), new("TUR", 2001, 2.5m), new("FI", 2000, 7m), new("US", 2001, null)], unit: "trillions", source: "test figures");
        var (one, two) = (panel.Column<decimal>("gdp_1"), panel.Column<decimal>("gdp_2"));
        var usTr = panel.Where(r => r.State1.Country == CountryCode.Parse("US") && r.State2.Country == CountryCode.Parse("TR")).ToDictionary(r => r.Year);
        Assert.Equal((null, 1.5m), (usTr[2000].Get(one), usTr[2000].Get(two)));
        Assert.Equal((null, 2.5m), (usTr[2001].Get(one), usTr[2001].Get(two)));
        var fiTr = panel.Where(r => r.State1.Country == CountryCode.Parse("FI") && r.State2.Country == CountryCode.Parse("TR")).ToDictionary(r => r.Year);
        Assert.Equal((7m, 1.5m), (fiTr[2000].Get(one), fiTr[2000].Get(two)));
        Assert.Null(fiTr[2001].Get(one));
        var described = panel.Describe().Columns.Single(c => c.Name == "gdp_1");
        Assert.Equal("trillions", described.Unit);
        Assert.Equal("test figures", described.Release);
        Assert.Equal((2000, 2001), (described.Coverage.FromYear, described.Coverage.ToYear));
    }

    [Fact]
    public void CowKeys_AreCodesOrAbbreviations_AndCowsAusIsAustria()
    {
        var panel = States.WithValues("by_code", [new("305", 2000, 1m), new("900", 2000, 2m)], NameScheme.Cow)
            .WithValues("by_abbreviation", [new("AUL", 2000, 2m), new("aus", 2001, 3m)], NameScheme.CowAbbreviation);
        var (byCode, byAbbreviation) = (panel.Column<decimal>("by_code"), panel.Column<decimal>("by_abbreviation"));
        var values = panel.Where(r => r.Get(byCode) is not null || r.Get(byAbbreviation) is not null)
            .Select(r => (r.State.Country.Value, r.Year, r.Get(byCode), r.Get(byAbbreviation))).ToList();
        Assert.Equal([("AT", 2000, (decimal?)1m, (decimal?)null), ("AT", 2001, null, 3m), ("AU", 2000, 2m, 2m)], values.OrderBy(v => v.Value).ThenBy(v => v.Year));
        // With ISO keys, AUS is Australia.
        var iso = States.WithValues("score", [new("AUS", 2000, 9m)]);
        Assert.Equal("AU", iso.Single(r => r.Get(iso.Column<decimal>("score")) is not null).State.Country.Value);
        Assert.Throws<ArgumentOutOfRangeException>(() => States.WithValues("x", [new("Turkey", 2000, 1m)], NameScheme.Sipri));
    }

    [Fact]
    public void ADuplicateStateYear_IsRefused_NamingBothRows()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", [new("TR", 2000, 1m), new("FI", 2000, 1m), new("TUR", 2000, 2m)]));
        Assert.Contains("row 3", error.Message);
        Assert.Contains("row 1", error.Message);
        var named = Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", [new("TR", 2000, 1m, "gdp.csv(2)"), new("TR", 2000, 2m, "gdp.csv(9)")]));
        Assert.Contains("gdp.csv(9)", named.Message);
        Assert.Contains("gdp.csv(2)", named.Message);
    }

    [Fact]
    public void ACodeThatNamesNoState_IsRefused_NamingTheRow()
    {
        Assert.Contains("row 2: 'ZZ'", Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", [new("TR", 2000, 1m), new("ZZ", 2000, 1m)])).Message);
        // Hong Kong is a country of the catalog, but no state of the system.
        Assert.Contains("no state", Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", [new("HK", 2000, 1m)])).Message);
        Assert.Contains("'Turkey'", Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", [new("Turkey", 2000, 1m)])).Message);
        Assert.Contains("'9999'", Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", [new("9999", 2000, 1m)], NameScheme.Cow)).Message);
        Assert.Contains("'TUR'", Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", [new("TUR", 2000, 1m)], NameScheme.Cow)).Message);
        Assert.Contains("'XXX'", Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", [new("XXX", 2000, 1m)], NameScheme.CowAbbreviation)).Message);
        Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", [new(" ", 2000, 1m)]));
        Assert.ThrowsAny<ArgumentException>(() => States.WithValues("x", []));
    }

    [Fact]
    public void ValuesOutsideTheFrame_AreCountedInTheDescription_NotDroppedSilently()
    {
        // Germany (255) was no member in 2000 (the German Federal Republic was, to 1990; Germany again from 1990): 2000 is a row.
        // Yugoslavia's successor is in; a year outside the panel's range has no row.
        var panel = States.WithValues("x", [new("DE", 2000, 1m), new("DE", 1999, 1m), new("TR", 2005, 1m)]);
        var note = panel.Describe().Columns.Single(c => c.Name == "x").Note;
        Assert.NotNull(note);
        Assert.StartsWith("2 of the 3 values", note);
    }
}
