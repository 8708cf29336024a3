using System.Collections;
using System.Collections.Immutable;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over spending observations. Every source's figure comes back, each with its
/// source; a year no source covers is absent, never 0. Results are ordered by country, measure, year and series.
/// </summary>
public sealed class SpendingQuery : IEnumerable<SpendingObservation>
{
    private readonly DefenseCoopCatalog _catalog;
    private readonly ImmutableList<Func<SpendingObservation, bool>> _filters;

    internal SpendingQuery(DefenseCoopCatalog catalog) : this(catalog, []) { }

    private SpendingQuery(DefenseCoopCatalog catalog, ImmutableList<Func<SpendingObservation, bool>> filters)
    {
        _catalog = catalog;
        _filters = filters;
    }

    private SpendingQuery Where(Func<SpendingObservation, bool> filter) => new(_catalog, _filters.Add(filter));

    /// <summary>Observations of <paramref name="country"/>.</summary>
    public SpendingQuery Of(CountryCode country) => Where(o => o.Country == country);

    /// <summary>Observations of the given measure.</summary>
    public SpendingQuery Measure(SpendingMeasure measure) => Where(o => o.Measure == measure);

    /// <summary>Observations of years <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public SpendingQuery Years(int from, int to) => Where(o => o.Year >= from && o.Year <= to);

    /// <summary>Observations of one year.</summary>
    public SpendingQuery InYear(int year) => Years(year, year);

    /// <summary>Observations from one source.</summary>
    public SpendingQuery FromSource(SourceId source) => Where(o => o.Source == source);

    /// <summary>Counts the matching observations.</summary>
    public int Count() => Evaluate().Count();

    /// <summary>Whether any observation matches.</summary>
    public bool Any() => Evaluate().Any();

    /// <summary>The matching observations.</summary>
    public IReadOnlyList<SpendingObservation> ToList() => [.. Evaluate()];

    private IEnumerable<SpendingObservation> Evaluate() =>
        _catalog.Content.Spending
            .OrderBy(s => s.Country?.Value ?? "~" + s.Organization, StringComparer.Ordinal).ThenBy(s => s.Measure).ThenBy(s => s.Id)
            .SelectMany(s => s.Observations)
            .Where(o => _filters.All(f => f(o)))
            .OrderBy(o => o.Country?.Value ?? "~" + o.Series.Organization, StringComparer.Ordinal).ThenBy(o => o.Measure).ThenBy(o => o.Year).ThenBy(o => o.Series.Id);

    /// <inheritdoc/>
    public IEnumerator<SpendingObservation> GetEnumerator() => Evaluate().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
