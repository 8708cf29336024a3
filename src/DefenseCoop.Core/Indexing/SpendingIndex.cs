using System.Collections.Frozen;

namespace DefenseCoop.Indexing;

/// <summary>
/// Spending held as columns: each series is one country's (or organization's) values of one measure
/// from one source, in year order. Posting lists of series ordinals per country, organization, measure
/// and source; a year range is a binary search inside each series.
/// </summary>
internal sealed class SpendingIndex
{
    public SpendingIndex(IEnumerable<SpendingSeries> series, Func<SourceId, Source> sources)
    {
        Records = [.. series.OrderBy(s => s.Country is null).ThenBy(s => s.Country ?? default).ThenBy(s => s.Organization ?? default)
            .ThenBy(s => s.Measure).ThenBy(s => s.Id)];
        Years = [.. Records.Select(s => s.Observations.Select(o => o.Year).ToArray())];
        Countries = Postings.Build(Records, s => s.Country is { } c ? new[] { c } : []).ToFrozenDictionary();
        Organizations = Postings.Build(Records, s => s.Organization is { } o ? new[] { o } : []).ToFrozenDictionary();
        Measures = Postings.Build(Records, s => new[] { s.Measure }).ToFrozenDictionary();
        Sources = Postings.Build(Records, s => new[] { s.Source }).ToFrozenDictionary();
        Publishers = Postings.Build(Records, s => new[] { sources(s.Source).Publisher }).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        SourceKinds = Postings.Build(Records, s => new[] { sources(s.Source).Kind }).ToFrozenDictionary();
    }

    /// <summary>Gets the series by ordinal: countries by code, then organizations, then measure and id.</summary>
    public SpendingSeries[] Records { get; }

    /// <summary>Gets each series' years, ascending, by series ordinal.</summary>
    public int[][] Years { get; }

    public FrozenDictionary<CountryCode, int[]> Countries { get; }
    public FrozenDictionary<OrganizationId, int[]> Organizations { get; }
    public FrozenDictionary<SpendingMeasure, int[]> Measures { get; }
    public FrozenDictionary<SourceId, int[]> Sources { get; }
    public FrozenDictionary<string, int[]> Publishers { get; }
    public FrozenDictionary<SourceKind, int[]> SourceKinds { get; }

    /// <summary>The positions of a series' observations whose year lies in <paramref name="from"/>..<paramref name="to"/>.</summary>
    public (int Start, int End) YearWindow(int ordinal, int from, int to)
    {
        ReadOnlySpan<int> years = Years[ordinal];
        return (Postings.LowerBound(years, from), to == int.MaxValue ? years.Length : Postings.LowerBound(years, to + 1));
    }
}
