using DefenseCoop.Panels;

namespace DefenseCoop.Tests.Panels;

/// <summary>The frame's rules on COW's own list: same-day coexistence, spells broken by occupation, the as-of year, directions and order.</summary>
public class FrameTests
{
    private static CatalogPanels Panels => DefenseCoopCatalog.Default.Panels;

    private static HashSet<(string, int)> StateYears(int from, int to) =>
        [.. Panels.StateYears(from, to).Select(r => (r.State.Country.Value, r.Year))];

    private static HashSet<(string, string, int)> Dyads(int from, int to) =>
        [.. Panels.DyadYears(from, to).Select(r => (r.State1.Country.Value, r.State2.Country.Value, r.Year))];

    [Fact]
    public void SouthVietnamAndSuriname_AreBothStatesIn1975_ButNeverOnTheSameDay()
    {
        // South Vietnam's membership ended on 1975-04-30; Suriname's began on 1975-11-25.
        var states = StateYears(1975, 1975);
        Assert.Contains(("XV", 1975), states);
        Assert.Contains(("SR", 1975), states);
        var dyads = Dyads(1975, 1975);
        Assert.DoesNotContain(("SR", "XV", 1975), dyads);
        Assert.DoesNotContain(("XV", "SR", 1975), dyads);
        // Each coexisted that year with a state that was a member all year.
        Assert.Contains(("US", "XV", 1975), dyads);
        Assert.Contains(("US", "SR", 1975), dyads);
        Assert.DoesNotContain(Panels.DyadYears(1975, 1976), r => r.State1.CowCode == 115 && r.State2.CowCode == 817);
    }

    [Fact]
    public void OccupiedStates_HaveTwoSpells_AndNoRowsBetweenThem()
    {
        // France: to 1942-11-11, again from 1944-08-25. Poland: to 1939-09-27, again from 1945-06-28. Germany (255): to 1945-05-08, again from 1990-10-03.
        var states = StateYears(1938, 1992);
        Assert.Contains(("FR", 1942), states);
        Assert.DoesNotContain(("FR", 1943), states);
        Assert.Contains(("FR", 1944), states);
        Assert.Contains(("PL", 1939), states);
        Assert.All(Enumerable.Range(1940, 5), y => Assert.DoesNotContain(("PL", y), states));
        Assert.Contains(("PL", 1945), states);
        Assert.Contains(("DE", 1945), states);
        Assert.All(Enumerable.Range(1946, 44), y => Assert.DoesNotContain(("DE", y), states));
        Assert.Contains(("DE", 1990), states);
        // The German Federal Republic (260) ends on 1990-10-02, the day before Germany (255) returns: they never share a day.
        Assert.Contains(("XW", 1990), states);
        Assert.DoesNotContain(Dyads(1990, 1990), d => (d.Item1, d.Item2) is ("DE", "XW") or ("XW", "DE"));

        var dyads = Dyads(1938, 1946);
        Assert.Contains(("FR", "DE", 1942), dyads.Select(d => Ordered(d)));
        Assert.DoesNotContain(("FR", "DE", 1943), dyads.Select(d => Ordered(d)));
        // France returned on 1944-08-25 while Germany lasted to 1945-05-08: both in 1944 and 1945.
        Assert.Contains(("FR", "DE", 1944), dyads.Select(d => Ordered(d)));
        Assert.Contains(("FR", "DE", 1945), dyads.Select(d => Ordered(d)));
        // Poland (back 1945-06-28) and Germany (gone 1945-05-08) share no day of 1945.
        Assert.DoesNotContain(("PL", "DE", 1945), dyads.Select(d => Ordered(d)));
        Assert.Contains(("PL", "FR", 1945), dyads.Select(d => Ordered(d)));
    }

    private static (string, string, int) Ordered((string A, string B, int Year) d) => string.CompareOrdinal(d.A, d.B) > 0 ? (d.A, d.B, d.Year) : (d.B, d.A, d.Year);

    [Fact]
    public void AsOfYear_ExtendsOnlyTheMembershipsRunningWhenTheListClosed_AndIsNeverImplicit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Panels.StateYears(2010, 2020));
        Assert.Contains("AsOf(2020)", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Panels.AsOf(2015));
        Assert.Throws<ArgumentOutOfRangeException>(() => Panels.AsOf(2020).StateYears(2010, 2021));
        Assert.Null(Panels.AsOfYear);

        var panels = Panels.AsOf(2020);
        Assert.Equal(2020, panels.AsOfYear);
        var states = panels.StateYears(2014, 2020).Select(r => (r.State.Country.Value, r.Year)).ToHashSet();
        Assert.All(Enumerable.Range(2014, 7), y => Assert.Contains(("TR", y), states));
        // Every state of 2016 continues through 2020, no other is added, and the rows stop at the as-of year.
        var in2016 = states.Where(s => s.Year == 2016).Select(s => s.Item1).ToHashSet();
        Assert.Equal(195, in2016.Count);
        Assert.All(Enumerable.Range(2017, 4), y => Assert.Equal(in2016, states.Where(s => s.Year == y).Select(s => s.Item1).ToHashSet()));
        Assert.Equal(panels.StateYears(2016, 2016).Count(), Panels.StateYears(2016, 2016).Count());
        Assert.Equal(195L * 194 / 2, panels.DyadYears(2020, 2020).Count());
    }

    [Fact]
    public void DirectedDyads_AreBothOrdersOfTheNonDirected_AndRowsComeInCowOrder()
    {
        var nonDirected = Panels.DyadYears(1960, 1962).Select(r => (r.State1.CowCode, r.State2.CowCode, r.Year)).ToList();
        var directed = Panels.DyadYears(1960, 1962).Directed().Select(r => (r.State1.CowCode, r.State2.CowCode, r.Year)).ToList();
        Assert.All(nonDirected, r => Assert.True(r.Item1 < r.Item2));
        Assert.Equal(nonDirected, [.. nonDirected.OrderBy(r => r.Item1).ThenBy(r => r.Item2).ThenBy(r => r.Year)]);
        Assert.Equal(directed, [.. directed.OrderBy(r => r.Item1).ThenBy(r => r.Item2).ThenBy(r => r.Year)]);
        Assert.Equal(2 * nonDirected.Count, directed.Count);
        Assert.Equal(nonDirected.Concat(nonDirected.Select(r => (r.Item2, r.Item1, r.Year))).Order(), directed.Order());
        Assert.Equal(nonDirected.Count, Panels.DyadYears(1960, 1962).Count());
    }

    [Fact]
    public void Involving_KeepsThePairsOfTheNamedStates_OnEitherSide()
    {
        var rows = Panels.AsOf(2025).DyadYears(2005, 2025).Involving("Türkiye").ToList();
        Assert.All(rows, r => Assert.True(r.State1.Country.Value == "TR" || r.State2.Country.Value == "TR"));
        Assert.Contains(rows, r => r.State1.CowCode < 640 && r.State2.CowCode == 640);
        Assert.Contains(rows, r => r.State1.CowCode == 640 && r.State2.CowCode > 640);
        var directed = Panels.AsOf(2025).DyadYears(2005, 2025).Directed().Involving("TR").ToList();
        Assert.Equal(2 * rows.Count, directed.Count);
        Assert.Equal(Panels.AsOf(2025).StateYears(2005, 2025).Count(r => r.State.Country.Value != "TR" && r.Year >= 2005), rows.Count);
    }

    [Fact]
    public void BundledStateSystem_IsCowV2016()
    {
        var system = StateSystem.Bundled;
        Assert.Equal(243, system.Spells.Length);
        Assert.Equal(217, system.Spells.Select(s => s.CowCode).Distinct().Count());
        Assert.Equal(195, system.Spells.Count(s => s.End == system.ClosedOn));
        Assert.Equal(1816, system.FirstYear);
        Assert.Equal(2016, system.LastYear);
        Assert.Contains("v2016", Panels.StateSystemName);
        Assert.Contains("correlatesofwar.org", Panels.StateSystemCitation);
    }

    [Fact]
    public void YearsOutsideTheFrame_AreRefusedWithTheFramesBounds()
    {
        Assert.Contains("1816", Assert.Throws<ArgumentOutOfRangeException>(() => Panels.DyadYears(1800, 1900)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Panels.DyadYears(1950, 1940));
        Assert.Contains("AsOf", Assert.Throws<ArgumentOutOfRangeException>(() => Panels.DyadYears(1990, 2024)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Panels.AsOf(10_000));
    }
}
