using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Panels;

/// <summary>
/// What one or more columns compute, as the caller asked for it (agreements signed of some kinds, a
/// spending measure under a policy ...): immutable, and computed against a catalog and a frame by
/// <see cref="Build"/> when the panel is first read.
/// </summary>
/// <param name="ordinal">Its position among its panel's sources; a panel only appends, so it never changes.</param>
internal abstract class PanelSource(int ordinal)
{
    public int Ordinal { get; } = ordinal;

    /// <summary>Computes the values of every row the frame can give, from the catalog.</summary>
    public abstract BuiltSource Build(PanelBuild build);
}

/// <summary>A source's values, computed: read by its columns, row by row; immutable once built.</summary>
internal abstract class BuiltSource
{
    /// <summary>Gets where the values are known (outside, every value is null).</summary>
    public required PanelCoverage Coverage { get; init; }

    /// <summary>Gets the catalog's sources the values come from.</summary>
    public required IReadOnlyCollection<SourceId> Cited { get; init; }

    /// <summary>Gets the data release or file version the values come from, in words.</summary>
    public required string Release { get; init; }

    /// <summary>Gets anything else the description should say of the values (input that fell outside the frame, say).</summary>
    public string? Note { get; init; }
}

/// <summary>What a source's computation needs: the catalog, the frame, and the panel's settings.</summary>
internal sealed class PanelBuild(PanelSettings settings, PanelFrame frame)
{
    private PanelCoverage? _records;

    public PanelSettings Settings { get; } = settings;

    public PanelFrame Frame { get; } = frame;

    public PanelCatalogAdapter Catalog => Settings.Catalog;

    public int FromYear => Frame.FromYear;

    public int ToYear => Frame.ToYear;

    /// <summary>Gets the number of years, the stride of a state's values in the dense arrays.</summary>
    public int Years => Frame.Years;

    /// <summary>Gets the number of states, the stride of a pair's key.</summary>
    public int States => Frame.States.Length;

    /// <summary>The index of a state-year in a dense array of every state and year.</summary>
    public int Cell(int state, int year) => state * Years + (year - FromYear);

    /// <summary>The key of an ordered pair's year (directed: <paramref name="a"/> to <paramref name="b"/>).</summary>
    public long PairKey(int a, int b, int year) => ((long)a * States + b) * Years + (year - FromYear);

    /// <summary>
    /// Gets what the catalog's agreements and events cover: the caller's statement, else the bundled release's
    /// for a catalog of its data version.
    /// </summary>
    /// <exception cref="InvalidOperationException">Neither is there: the caller must state what the catalog's records cover.</exception>
    public PanelCoverage RecordCoverage => _records ??= Settings.RecordCoverage
        ?? ReleaseCoverage.For(Catalog.DataVersion)?.Records
        ?? throw new InvalidOperationException(
            $"The catalog's data release {Catalog.DataVersion} is not the bundled one ({ReleaseCoverage.Bundled.DataVersion}), whose coverage the package states: " +
            "say which states and years its agreements and events cover with WithRecordCoverage(PanelCoverage.Network(...) or PanelCoverage.Everywhere(...)), " +
            "so that a missing record is 0 only where the records are complete.");

    /// <summary>Whether each state (by position) is among a coverage's states.</summary>
    public bool[] CoveredStates(PanelCoverage coverage) => [.. Frame.States.Select(s => coverage.Countries.IsEmpty || coverage.Countries.Contains(s.Country))];

    /// <summary>The positions of the states the countries are, each once.</summary>
    public List<int> StatesOf(IEnumerable<CountryCode> countries)
    {
        var states = new List<int>(4);
        foreach (var country in countries)
            foreach (int state in Frame.StatesOf(country))
                if (!states.Contains(state)) states.Add(state);
        return states;
    }

    /// <summary>The release text of the catalog's records.</summary>
    public string CatalogRelease => $"DefenseCoop.Core data release {Catalog.DataVersion} (released {Catalog.Released:yyyy-MM-dd})";
}

/// <summary>A coverage read per row: a window of years, and a flag per state; built once per source.</summary>
internal readonly struct CoverageTest
{
    private readonly int _from;
    private readonly int _to;
    private readonly bool[] _states;

    public CoverageTest(PanelBuild build, PanelCoverage coverage)
    {
        (_from, _to) = coverage.IsEmpty ? (1, 0) : (coverage.FromYear!.Value, coverage.ToYear!.Value);
        _states = build.CoveredStates(coverage);
    }

    public bool State(int state, int year) => year >= _from && year <= _to && _states[state];

    /// <summary>A pair is covered in a year when one of its states is: a network covers its members' partners.</summary>
    public bool Pair(int a, int b, int year) => year >= _from && year <= _to && (_states[a] || _states[b]);
}

/// <summary>The immutable settings of a panel; each fluent call makes a copy with one more.</summary>
internal sealed record PanelSettings
{
    public required PanelCatalogAdapter Catalog { get; init; }
    public required StateSystem System { get; init; }
    public required int FromYear { get; init; }
    public required int ToYear { get; init; }
    public int? AsOfYear { get; init; }
    public required bool Dyads { get; init; }
    public bool Directed { get; init; }
    public AnnualDate ReferenceDay { get; init; } = new(12, 31);
    public bool StatesOnly { get; init; }
    public PanelCoverage? RecordCoverage { get; init; }
    public ImmutableArray<CountryCode> Selected { get; init; } = [];
    public required string TableName { get; init; }
    public ImmutableArray<PanelColumn> Columns { get; init; } = [];
    public ImmutableArray<PanelSource> Sources { get; init; } = [];
}
