using DefenseCoop.Indexing;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over spending observations, answered from the catalog's columnar spending index.
/// Every source's figure comes back, each with its source: where two sources give the same
/// country, year and measure, both do, unless you name one source or call <see cref="Reconcile"/>.
/// A year no source covers is absent, never 0.
/// </summary>
/// <remarks>Results are ordered by country (organization totals after countries), measure, series and year.</remarks>
public sealed class SpendingQuery : Query<SpendingObservation>
{
    private readonly DefenseCoopCatalog _catalog;
    private readonly SpendingFilter _filter;

    internal SpendingQuery(DefenseCoopCatalog catalog) : this(catalog, new SpendingFilter()) { }

    private SpendingQuery(DefenseCoopCatalog catalog, SpendingFilter filter)
    {
        _catalog = catalog;
        _filter = filter;
    }

    private SpendingQuery With(SpendingFilter filter) => new(_catalog, filter);

    private protected override QueryPlan<SpendingObservation> CreatePlan() =>
        new SpendingPlan(_catalog.SpendingIndex, _filter.Lists(_catalog.SpendingIndex), _filter.FromYear, _filter.ToYear);

    /// <summary>Observations of any of the given countries, each a code, a record, or a name or code in text.</summary>
    /// <exception cref="ArgumentException">A country is not of the catalog (the message names the closest).</exception>
    public SpendingQuery Of(params ReadOnlySpan<CountryRef> countries)
    {
        var codes = new CountryCode[countries.Length];
        for (int i = 0; i < codes.Length; i++) codes[i] = _catalog.CountryOf(countries[i], nameof(countries));
        return With(_filter with { Countries = FilterList.Append(_filter.Countries, codes) });
    }

    /// <summary>An organization's totals (e.g. NATO's).</summary>
    public SpendingQuery OfOrganization(OrganizationId organization) => With(_filter with { Organizations = FilterList.Append(_filter.Organizations, organization) });

    /// <summary>Observations of any of the given measures.</summary>
    public SpendingQuery Measure(params ReadOnlySpan<SpendingMeasure> measures) => With(_filter with { Measures = FilterList.Append(_filter.Measures, [.. measures]) });

    /// <summary>Observations of any of the given measures.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="measures"/> is null.</exception>
    public SpendingQuery Measure(IEnumerable<SpendingMeasure> measures) => Measure([.. measures ?? throw new ArgumentNullException(nameof(measures))]);

    /// <summary>Observations of any of the given countries, each a code, a record, or a name or code in text.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="countries"/> is null.</exception>
    /// <exception cref="ArgumentException">A country is not of the catalog (the message names the closest).</exception>
    public SpendingQuery Of(IEnumerable<CountryRef> countries) => Of([.. countries ?? throw new ArgumentNullException(nameof(countries))]);

    /// <summary>Observations from any of the given sources.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="sources"/> is null.</exception>
    public SpendingQuery FromSource(IEnumerable<SourceId> sources) => FromSource([.. sources ?? throw new ArgumentNullException(nameof(sources))]);

    /// <summary>Observations of years <paramref name="fromYear"/> to <paramref name="toYear"/> inclusive; several ranges intersect.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1–9999, or the range ends before it begins.</exception>
    public SpendingQuery Within(int fromYear, int toYear)
    {
        var (from, to) = YearRange.Check(fromYear, toYear);
        return With(_filter with { FromYear = Math.Max(_filter.FromYear, from), ToYear = Math.Min(_filter.ToYear, to) });
    }

    /// <summary>Observations of one year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1–9999.</exception>
    public SpendingQuery Within(int year) => Within(year, year);

    /// <summary>Observations from any of the given sources (e.g. one edition of NATO's tables, or an imported SIPRI file).</summary>
    public SpendingQuery FromSource(params ReadOnlySpan<SourceId> sources) => With(_filter with { Sources = FilterList.Append(_filter.Sources, [.. sources]) });

    /// <summary>Observations from any source of a publisher (e.g. "NATO", "SIPRI"), every edition included.</summary>
    public SpendingQuery FromPublisher(string publisher)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(publisher);
        return With(_filter with { Publishers = FilterList.Append(_filter.Publishers, publisher) });
    }

    /// <summary>Observations from sources of a kind (e.g. news reports, or datasets).</summary>
    public SpendingQuery FromSourceKind(SourceKind kind) => With(_filter with { SourceKinds = FilterList.Append(_filter.SourceKinds, kind) });

    /// <summary>
    /// The <paramref name="count"/> highest values of one measure in one year among countries
    /// (organization totals excluded), highest first. A country with figures from several sources
    /// appears once per source; reconcile first for one figure per country.
    /// </summary>
    /// <exception cref="InvalidOperationException">The query is not restricted to one year and one measure.</exception>
    public IReadOnlyList<SpendingObservation> Top(int count)
    {
        RequireOneYearAndMeasure();
        return [.. this.Where(o => o.Country is not null).OrderByDescending(o => o.Value).ThenBy(o => o.Country).ThenBy(o => o.Series.Id).Take(count)];
    }

    /// <summary>
    /// The observations grouped into series of one country (or organization), measure, currency, price
    /// basis and budget line, with every source's figures kept side by side.
    /// </summary>
    public IReadOnlyList<SpendingSeriesView> Series() =>
        [.. this.GroupBy(SpendingKey.Of).Select(g => new SpendingSeriesView(g.Key, [.. g.OrderBy(o => o.Year).ThenBy(o => o.Series.Id)]))];

    /// <summary>One figure per country, year and measure, chosen or computed by <paramref name="policy"/>.</summary>
    public ReconciledSpending Reconcile(ReconciliationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return new ReconciledSpending(this, policy);
    }

    internal void RequireOneYearAndMeasure()
    {
        if (_filter.FromYear != _filter.ToYear || _filter.Measures.Length == 0 || _filter.Measures.Any(set => set.Length != 1) || _filter.Measures.Select(s => s[0]).Distinct().Count() != 1)
            throw new InvalidOperationException("Top ranks one measure in one year: call Within(year) and Measure(measure) first.");
        if (_filter.Measures[0][0] is SpendingMeasure.LocalCurrencyCurrent or SpendingMeasure.LocalCurrencyConstant or SpendingMeasure.BudgetAllocation)
            throw new InvalidOperationException("Values in national currencies cannot be ranked against each other; rank a US-dollar or share measure.");
    }
}

/// <summary>
/// How a spending query is answered: the series in every posting list (walking the smallest and checking
/// the others by binary search), each cut to the years of the range. Counting and testing allocate nothing.
/// </summary>
internal sealed class SpendingPlan(SpendingIndex index, int[][] lists, int fromYear, int toYear) : QueryPlan<SpendingObservation>
{
    public override int Count()
    {
        int count = 0;
        foreach (int ordinal in new MatchEnumerable(lists, index.Records.Length))
        {
            var (start, end) = index.YearWindow(ordinal, fromYear, toYear);
            count += end - start;
        }
        return count;
    }

    public override bool Any()
    {
        foreach (int ordinal in new MatchEnumerable(lists, index.Records.Length))
        {
            var (start, end) = index.YearWindow(ordinal, fromYear, toYear);
            if (end > start) return true;
        }
        return false;
    }

    public override IEnumerable<SpendingObservation> Enumerate()
    {
        foreach (int ordinal in new MatchEnumerable(lists, index.Records.Length).ToArray())
        {
            var (start, end) = index.YearWindow(ordinal, fromYear, toYear);
            var observations = index.Records[ordinal].Observations;
            for (int i = start; i < end; i++) yield return observations[i];
        }
    }

    private readonly struct MatchEnumerable(int[][] lists, int total)
    {
        public MatchEnumerator GetEnumerator() => new(lists, total);

        public int[] ToArray()
        {
            var result = new List<int>();
            foreach (int ordinal in this) result.Add(ordinal);
            return [.. result];
        }
    }

    private struct MatchEnumerator(int[][] lists, int total)
    {
        private int _position = -1;

        public int Current { get; private set; }

        public bool MoveNext()
        {
            int length = lists.Length == 0 ? total : lists[0].Length;
            while (++_position < length)
            {
                int candidate = lists.Length == 0 ? _position : lists[0][_position];
                bool inAll = true;
                for (int i = 1; i < lists.Length && inAll; i++)
                {
                    int at = Postings.LowerBound(lists[i], candidate);
                    inAll = at < lists[i].Length && lists[i][at] == candidate;
                }
                if (inAll)
                {
                    Current = candidate;
                    return true;
                }
            }
            return false;
        }
    }
}

internal sealed record SpendingFilter
{
    public CountryCode[][] Countries { get; init; } = [];
    public OrganizationId[] Organizations { get; init; } = [];
    public SpendingMeasure[][] Measures { get; init; } = [];
    public SourceId[][] Sources { get; init; } = [];
    public string[] Publishers { get; init; } = [];
    public SourceKind[] SourceKinds { get; init; } = [];
    public int FromYear { get; init; } = int.MinValue;
    public int ToYear { get; init; } = int.MaxValue;

    public int[][] Lists(SpendingIndex index)
    {
        static int[] Any<TKey>(IReadOnlyDictionary<TKey, int[]> postings, TKey[] keys)
        {
            if (keys.Length == 1) return Postings.Get(postings, keys[0]);
            var lists = new int[keys.Length][];
            for (int i = 0; i < keys.Length; i++) lists[i] = Postings.Get(postings, keys[i]);
            return Postings.Union(lists);
        }
        var lists = new List<int[]>();
        foreach (var set in Countries) lists.Add(Any(index.Countries, set));
        foreach (var organization in Organizations) lists.Add(Postings.Get(index.Organizations, organization));
        foreach (var set in Measures) lists.Add(Any(index.Measures, set));
        foreach (var set in Sources) lists.Add(Any(index.Sources, set));
        foreach (var publisher in Publishers) lists.Add(Postings.Get(index.Publishers, publisher));
        foreach (var kind in SourceKinds) lists.Add(Postings.Get(index.SourceKinds, kind));
        if (FromYear > ToYear) lists.Add([]);
        var result = lists.ToArray();
        Array.Sort(result, static (x, y) => x.Length.CompareTo(y.Length));
        return result;
    }
}
