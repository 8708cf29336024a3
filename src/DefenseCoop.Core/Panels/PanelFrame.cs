using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Panels;

/// <summary>
/// The rows of a panel before any column: which states are in the system in which years, and which
/// pairs of them coexist. A state is in a year if it was a member on any day of it; two states are a
/// dyad in a year only if both were members on the same day of that year. Rows are produced one at a
/// time, in the order COW's files use (code, then year; for dyads, first code, second code, year).
/// </summary>
/// <remarks>
/// A spell that runs to the day the list was closed (2016-12-31 for v2016) was still running then: it is
/// extended through the as-of year the caller states, and never further. Immutable; enumerations hold
/// nothing but their position, so memory does not grow with the number of rows.
/// </remarks>
internal sealed class PanelFrame
{
    // Per state ordinal: its spells extended to the as-of year and clipped to the panel's years, in date order.
    private readonly (LocalDate Start, LocalDate End)[][] _spells;
    private readonly Dictionary<CountryCode, int[]> _byCountry;

    /// <param name="system">The state system.</param>
    /// <param name="countries">The country of each COW code of the system.</param>
    /// <param name="fromYear">The first year of the panel.</param>
    /// <param name="toYear">The last year.</param>
    /// <param name="asOfYear">The year through which spells running when the list was closed continue; null to keep them as the list closes them.</param>
    public PanelFrame(StateSystem system, IReadOnlyDictionary<int, CountryCode> countries, int fromYear, int toYear, int? asOfYear)
    {
        System = system;
        FromYear = fromYear;
        ToYear = toYear;
        AsOfYear = asOfYear;
        var first = new LocalDate(fromYear, 1, 1);
        var last = new LocalDate(toYear, 12, 31);
        var closedThrough = asOfYear is { } asOf ? new LocalDate(asOf, 12, 31) : system.ClosedOn;
        var states = ImmutableArray.CreateBuilder<PanelState>();
        var spells = new List<(LocalDate, LocalDate)[]>();
        foreach (var group in system.Spells.GroupBy(s => s.CowCode))
        {
            var spell0 = group.First();
            states.Add(new PanelState(spell0.CowCode, spell0.Abbreviation, countries[spell0.CowCode]));
            spells.Add([.. group
                .Select(s => (Start: s.Start < first ? first : s.Start, End: Min(s.End == system.ClosedOn ? closedThrough : s.End, last)))
                .Where(s => s.Start <= s.End)]);
        }
        States = states.ToImmutable();
        _spells = [.. spells];
        _byCountry = States.Select((s, i) => (s.Country, i)).GroupBy(p => p.Country).ToDictionary(g => g.Key, g => g.Select(p => p.i).ToArray());
    }

    private static LocalDate Min(LocalDate a, LocalDate b) => a < b ? a : b;

    /// <summary>Gets the state system.</summary>
    public StateSystem System { get; }

    /// <summary>Gets the first year of the panel.</summary>
    public int FromYear { get; }

    /// <summary>Gets the last year of the panel.</summary>
    public int ToYear { get; }

    /// <summary>Gets the as-of year, if stated.</summary>
    public int? AsOfYear { get; }

    /// <summary>Gets the number of years.</summary>
    public int Years => ToYear - FromYear + 1;

    /// <summary>Gets every state of the system, in code order; a row refers to a state by its position here.</summary>
    public ImmutableArray<PanelState> States { get; }

    /// <summary>The positions of the states a country is (one, unless a catalog gives two COW codes to one country); empty for none.</summary>
    public ReadOnlySpan<int> StatesOf(CountryCode country) => _byCountry.TryGetValue(country, out var states) ? states : [];

    /// <summary>Whether a country is a state of the system.</summary>
    public bool IsState(CountryCode country) => _byCountry.ContainsKey(country);

    /// <summary>The state-years: each state with each year it was a member on some day, in code then year order.</summary>
    /// <param name="only">Which states to keep, by position; null for all.</param>
    public IEnumerable<(int State, int Year)> StateYears(bool[]? only)
    {
        for (int s = 0; s < _spells.Length; s++)
        {
            if (only is not null && !only[s]) continue;
            int last = int.MinValue;
            foreach (var (start, end) in _spells[s])
                for (int year = Math.Max(start.Year, last + 1); year <= end.Year; year++)
                {
                    last = year;
                    yield return (s, year);
                }
        }
    }

    /// <summary>
    /// The dyad-years: each pair of states with each year both were members on the same day, ordered by the
    /// first state's code, the second's, then the year. Directed, both orders of every pair; otherwise each
    /// pair once, the lower code first.
    /// </summary>
    /// <param name="directed">Whether to give both orders.</param>
    /// <param name="involving">States one of which a pair must hold, by position; null for all pairs.</param>
    public IEnumerable<(int A, int B, int Year)> DyadYears(bool directed, bool[]? involving)
    {
        for (int a = 0; a < _spells.Length; a++)
        {
            if (_spells[a].Length == 0) continue;
            for (int b = directed ? 0 : a + 1; b < _spells.Length; b++)
            {
                if (b == a || _spells[b].Length == 0) continue;
                if (involving is not null && !involving[a] && !involving[b]) continue;
                // Walk both states' spells in step: each overlap of two spells gives the years it touches.
                var (x, y) = (_spells[a], _spells[b]);
                int i = 0, j = 0, last = int.MinValue;
                while (i < x.Length && j < y.Length)
                {
                    var start = x[i].Start > y[j].Start ? x[i].Start : y[j].Start;
                    var end = Min(x[i].End, y[j].End);
                    for (int year = Math.Max(start.Year, last + 1); year <= end.Year && start <= end; year++)
                    {
                        last = year;
                        yield return (a, b, year);
                    }
                    if (x[i].End < y[j].End) i++; else j++;
                }
            }
        }
    }

    /// <summary>Counts the state-years without making them.</summary>
    public long CountStateYears(bool[]? only)
    {
        long count = 0;
        foreach (var _ in StateYears(only)) count++;
        return count;
    }

    /// <summary>Counts the dyad-years without making them.</summary>
    public long CountDyadYears(bool directed, bool[]? involving)
    {
        long count = 0;
        foreach (var _ in DyadYears(directed, involving)) count++;
        return count;
    }
}
