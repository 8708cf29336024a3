using CsCheck;
using DefenseCoop.Panels;
using NodaTime;

namespace DefenseCoop.Tests.Panels;

/// <summary>
/// On small random state systems, the frame equals a brute-force construction: walk every day, list the states
/// that are members on it, and take every state and every pair of members on that day, per year.
/// </summary>
public class FramePropertyTests
{
    // Real COW codes, so that the bundled catalog names their countries.
    private static readonly int[] Codes = [2, 20, 200, 220, 375, 640];
    private static readonly LocalDate First = new(1990, 1, 1);
    private static readonly LocalDate ClosedOn = new(1999, 12, 31);
    private static readonly int LastDay = Period.DaysBetween(First, ClosedOn);

    /// <summary>A state's spells: distinct sorted days taken in pairs, so that they never overlap; the last may run to the day the list closes.</summary>
    private static readonly Gen<(LocalDate Start, LocalDate End)[]> Spells =
        Gen.Select(Gen.Int[0, LastDay].Array[1, 6], Gen.Bool).Select((days, runsToClose) =>
        {
            var sorted = days.Distinct().Order().ToList();
            if (runsToClose && sorted[^1] != LastDay) sorted.Add(LastDay);
            if (sorted.Count % 2 == 1) sorted.Insert(sorted.Count - 1, sorted[^1]);   // a one-day spell, or the last day repeated
            var spells = new List<(LocalDate, LocalDate)>();
            for (int i = 0; i + 1 < sorted.Count; i += 2)
                if (spells.Count == 0 || First.PlusDays(sorted[i]) > spells[^1].Item2) spells.Add((First.PlusDays(sorted[i]), First.PlusDays(sorted[i + 1])));
            return spells.ToArray();
        });

    private static readonly Gen<StateSystem> System = Spells.Array[2, Codes.Length].Select(states =>
        new StateSystem(states.SelectMany((spells, i) => spells.Select(s => new StateSpell(Codes[i], $"S{i:D2}", s.Start, s.End))), ClosedOn, "random system", "none"));

    private static readonly Gen<(int? AsOf, int From, int To)> Years =
        Gen.Select(Gen.Int[0, 3], Gen.Int[1990, 2002], Gen.Int[0, 12]).Select((asOf, from, length) =>
        {
            int? year = asOf == 0 ? null : 1999 + asOf;
            int last = year ?? 1999;
            from = Math.Min(from, last);
            return (year, from, Math.Min(last, from + length));
        });

    [Fact]
    public void Frame_EqualsEveryPairOfMembersPerDay()
    {
        Gen.Select(System, Years, Gen.Bool).Sample((system, years, directed) =>
        {
            var panels = new CatalogPanels(DefenseCoopCatalog.Default, system, years.AsOf);
            // The frame begins with the system's first spell.
            int from = Math.Max(years.From, system.FirstYear);
            years = (years.AsOf, from, Math.Max(years.To, from));
            var (states, dyads) = BruteForce(system, years.AsOf, years.From, years.To, directed);
            var stateRows = panels.StateYears(years.From, years.To).Select(r => (r.State.CowCode, r.Year)).ToList();
            var dyadPanel = panels.DyadYears(years.From, years.To);
            if (directed) dyadPanel = dyadPanel.Directed();
            var dyadRows = dyadPanel.Select(r => (r.State1.CowCode, r.State2.CowCode, r.Year)).ToList();
            Assert.Equal(states, stateRows);
            Assert.Equal(dyads, dyadRows);
            Assert.Equal(dyads.Count, dyadPanel.Count());
        }, iter: 400);
    }

    /// <summary>Every member on every day of the years, as sorted state-years and dyad-years.</summary>
    private static (List<(int, int)> States, List<(int, int, int)> Dyads) BruteForce(StateSystem system, int? asOf, int from, int to, bool directed)
    {
        LocalDate End(StateSpell s) => s.End == system.ClosedOn && asOf is { } year ? new LocalDate(year, 12, 31) : s.End;
        var states = new HashSet<(int, int)>();
        var dyads = new HashSet<(int, int, int)>();
        for (var day = new LocalDate(from, 1, 1); day <= new LocalDate(to, 12, 31); day = day.PlusDays(1))
        {
            var members = system.Spells.Where(s => s.Start <= day && day <= End(s)).Select(s => s.CowCode).Distinct().ToList();
            foreach (int a in members)
            {
                states.Add((a, day.Year));
                foreach (int b in members)
                    if (a < b || (directed && a != b)) dyads.Add((a, b, day.Year));
            }
        }
        return ([.. states.Order()], [.. dyads.Order()]);
    }
}
