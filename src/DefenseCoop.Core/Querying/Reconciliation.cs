using System.Collections;
using System.Collections.Immutable;

namespace DefenseCoop.Querying;

/// <summary>What makes figures comparable: the same country (or organization), measure, currency, price basis and budget line.</summary>
/// <param name="Country">The country, or null for an organization's total.</param>
/// <param name="Organization">The organization, for its totals.</param>
/// <param name="Measure">The measure.</param>
/// <param name="Currency">The currency of a money measure.</param>
/// <param name="Basis">The price basis (constant 2015 and constant 2023 dollars are different series).</param>
/// <param name="Component">The budget line, if any.</param>
public sealed record SpendingKey(CountryCode? Country, OrganizationId? Organization, SpendingMeasure Measure, CurrencyCode? Currency, PriceBasis Basis, string? Component)
{
    /// <summary>Formats the key with only what it has, e.g. <c>FI CurrentUsd USD</c> or <c>nato ConstantUsd USD constant 2015 [equipment]</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(5) { Country?.Value ?? Organization?.Value ?? "(no country)", Measure.ToString() };
        if (Currency is { } currency) parts.Add(currency.Value);
        if (!Basis.IsCurrent) parts.Add(Basis.ToString());
        if (!string.IsNullOrEmpty(Component)) parts.Add($"[{Component}]");
        return string.Join(' ', parts);
    }

    internal static SpendingKey Of(SpendingObservation o) =>
        new(o.Series.Country, o.Series.Organization, o.Series.Measure, o.Series.Currency, o.Series.Basis, o.Series.Component);
}

/// <summary>A series of comparable figures from every source, year by year; a year no source covers is absent.</summary>
/// <param name="Key">What the figures measure.</param>
/// <param name="Observations">The figures in year order, several per year where sources differ.</param>
public sealed record SpendingSeriesView(SpendingKey Key, ImmutableArray<SpendingObservation> Observations)
{
    /// <summary>Gets the years some source covers, ascending.</summary>
    public ImmutableArray<int> Years => [.. Observations.Select(o => o.Year).Distinct()];

    /// <summary>Every source's figure for <paramref name="year"/>; empty where none gives one.</summary>
    public IReadOnlyList<SpendingObservation> In(int year) => [.. Observations.Where(o => o.Year == year)];
}

/// <summary>How to turn several sources' figures for one country, year and measure into one.</summary>
public abstract record ReconciliationPolicy
{
    private protected ReconciliationPolicy() { }

    /// <summary>The smallest figure.</summary>
    public static ReconciliationPolicy Minimum { get; } = new Computed("minimum", values => values.Min());

    /// <summary>The largest figure.</summary>
    public static ReconciliationPolicy Maximum { get; } = new Computed("maximum", values => values.Max());

    /// <summary>The median figure (the mean of the middle two for an even count).</summary>
    public static ReconciliationPolicy Median { get; } = new Computed("median", values =>
    {
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    });

    /// <summary>The figure of the first listed source that gives one; a year none of them covers is absent.</summary>
    public static ReconciliationPolicy Prefer(params SourceId[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Length == 0) throw new ArgumentException("Name at least one source to prefer.", nameof(sources));
        return new Preferred([.. sources]);
    }

    internal abstract ReconciledObservation? Reconcile(SpendingKey key, int year, ImmutableArray<SpendingObservation> figures);

    private sealed record Computed(string Name, Func<IEnumerable<decimal>, decimal> Combine) : ReconciliationPolicy
    {
        internal override ReconciledObservation Reconcile(SpendingKey key, int year, ImmutableArray<SpendingObservation> figures) =>
            new(key, year, Combine(figures.Select(f => f.Value)), this, figures);

        public override string ToString() => Name;
    }

    private sealed record Preferred(ImmutableArray<SourceId> Order) : ReconciliationPolicy
    {
        internal override ReconciledObservation? Reconcile(SpendingKey key, int year, ImmutableArray<SpendingObservation> figures)
        {
            foreach (var source in Order)
                foreach (var figure in figures)
                    if (figure.Source == source) return new(key, year, figure.Value, this, [figure]);
            return null;
        }

        public override string ToString() => $"prefer {string.Join(", then ", Order)}";
    }
}

/// <summary>One figure for a country, year and measure, with the policy that produced it and the figures it came from.</summary>
/// <param name="Key">What the figure measures.</param>
/// <param name="Year">The year.</param>
/// <param name="Value">The reconciled value.</param>
/// <param name="Policy">The policy that produced it.</param>
/// <param name="From">The sources' figures it was chosen or computed from.</param>
public sealed record ReconciledObservation(SpendingKey Key, int Year, decimal Value, ReconciliationPolicy Policy, ImmutableArray<SpendingObservation> From)
{
    /// <inheritdoc/>
    public override string ToString() => $"{(object?)Key.Country ?? Key.Organization} {Year} {Key.Measure}: {Value:#,0.##} ({Policy} of {From.Length})";
}

/// <summary>A spending query's figures reconciled to one per country, year and measure.</summary>
public sealed class ReconciledSpending : IEnumerable<ReconciledObservation>
{
    private readonly SpendingQuery _query;
    private readonly ReconciliationPolicy _policy;

    internal ReconciledSpending(SpendingQuery query, ReconciliationPolicy policy)
    {
        _query = query;
        _policy = policy;
    }

    /// <summary>The <paramref name="count"/> highest reconciled values among countries, highest first.</summary>
    /// <exception cref="InvalidOperationException">The query is not restricted to one year and one measure.</exception>
    public IReadOnlyList<ReconciledObservation> Top(int count)
    {
        _query.RequireOneYearAndMeasure();
        return [.. this.Where(o => o.Key.Country is not null).OrderByDescending(o => o.Value).ThenBy(o => o.Key.Country).Take(count)];
    }

    /// <summary>The reconciled figures grouped into series, year by year.</summary>
    public IReadOnlyList<(SpendingKey Key, ImmutableArray<ReconciledObservation> Values)> Series() =>
        [.. this.GroupBy(o => o.Key).Select(g => (g.Key, g.ToImmutableArray()))];

    /// <inheritdoc/>
    public IEnumerator<ReconciledObservation> GetEnumerator()
    {
        foreach (var series in _query.Series())
            foreach (var year in series.Observations.GroupBy(o => o.Year))
                if (_policy.Reconcile(series.Key, year.Key, [.. year]) is { } value) yield return value;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
