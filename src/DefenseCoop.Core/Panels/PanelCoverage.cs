using System.Collections.Immutable;

namespace DefenseCoop.Panels;

/// <summary>
/// Where a column's source covers the world: a window of years and the states it covers in them. Inside
/// the coverage, no record means 0 (or false); outside it, a value is unknown (null), never 0.
/// </summary>
/// <remarks>
/// A coverage of a network (<see cref="Network"/>) covers its states' state-years, and the dyad-years in
/// which at least one side is one of its states: a release that curates Türkiye's partnerships covers
/// Türkiye–Finland, but not Finland–Sweden.
/// </remarks>
public sealed class PanelCoverage
{
    // Read on every covered test of a row: a hash set, built once.
    private readonly HashSet<CountryCode> _countries;

    private PanelCoverage(int? fromYear, int? toYear, ImmutableArray<CountryCode> countries, string statement)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(statement);
        FromYear = fromYear;
        ToYear = toYear;
        Countries = countries;
        Statement = statement;
        _countries = [.. countries];
    }

    /// <summary>Gets the first year covered, or null when nothing is.</summary>
    public int? FromYear { get; }

    /// <summary>Gets the last year covered, or null when nothing is.</summary>
    public int? ToYear { get; }

    /// <summary>Gets the states covered, in code order; empty when every state is.</summary>
    public ImmutableArray<CountryCode> Countries { get; }

    /// <summary>Gets where the coverage comes from, in words (a release's statement, a file's years).</summary>
    public string Statement { get; }

    /// <summary>Whether nothing is covered: every value of the column is unknown.</summary>
    public bool IsEmpty => FromYear is null;

    /// <summary>Every state in the years <paramref name="fromYear"/> to <paramref name="toYear"/>.</summary>
    /// <param name="fromYear">The first year covered.</param>
    /// <param name="toYear">The last year covered.</param>
    /// <param name="statement">Where the coverage comes from, in words: it is written into the panel's description.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="statement"/> is empty.</exception>
    public static PanelCoverage Everywhere(int fromYear, int toYear, string statement) =>
        toYear < fromYear ? throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "The coverage ends before it begins.") : new(fromYear, toYear, [], statement);

    /// <summary>
    /// The network of <paramref name="countries"/> in the years <paramref name="fromYear"/> to <paramref name="toYear"/>:
    /// their state-years, and every dyad-year with one of them on either side.
    /// </summary>
    /// <param name="countries">The states whose partnerships the source covers.</param>
    /// <param name="fromYear">The first year covered.</param>
    /// <param name="toYear">The last year covered.</param>
    /// <param name="statement">Where the coverage comes from, in words.</param>
    /// <exception cref="ArgumentNullException"><paramref name="countries"/> is null.</exception>
    /// <exception cref="ArgumentException">No country is given, or <paramref name="statement"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    public static PanelCoverage Network(IEnumerable<CountryCode> countries, int fromYear, int toYear, string statement)
    {
        ArgumentNullException.ThrowIfNull(countries);
        var list = countries.Distinct().Order().ToImmutableArray();
        if (list.IsEmpty) throw new ArgumentException("A network needs at least one country; for every state, use Everywhere.", nameof(countries));
        if (toYear < fromYear) throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "The coverage ends before it begins.");
        return new(fromYear, toYear, list, statement);
    }

    /// <summary>Covers nothing: every value is unknown.</summary>
    internal static PanelCoverage Nowhere(string statement) => new(null, null, [], statement);

    /// <summary>The given states in the given years (the states a source has records for, say).</summary>
    internal static PanelCoverage Of(IEnumerable<CountryCode> countries, int? fromYear, int? toYear, string statement) =>
        new(fromYear, toYear, [.. countries.Distinct().Order()], statement);

    /// <summary>Whether the state-year of <paramref name="country"/> in <paramref name="year"/> is covered.</summary>
    public bool Covers(CountryCode country, int year) => InWindow(year) && (Countries.IsEmpty || _countries.Contains(country));

    /// <summary>Whether the dyad-year of <paramref name="a"/> and <paramref name="b"/> in <paramref name="year"/> is covered: one side at least is a covered state.</summary>
    public bool Covers(CountryCode a, CountryCode b, int year) => InWindow(year) && (Countries.IsEmpty || _countries.Contains(a) || _countries.Contains(b));

    private bool InWindow(int year) => year >= FromYear && year <= ToYear;

    /// <inheritdoc/>
    public override string ToString() =>
        IsEmpty ? "nothing covered" : $"{FromYear}–{ToYear}, {(Countries.IsEmpty ? "every state" : string.Join(", ", Countries))}";
}
