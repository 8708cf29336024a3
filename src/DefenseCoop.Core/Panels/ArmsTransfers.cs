namespace DefenseCoop.Panels;

/// <summary>
/// The trend-indicator value (TIV) delivered per year, as <c>Trade.TivByYear</c> gives it. Between two states,
/// from the arms-transfer register's deals: each deal's delivered TIV spread evenly over its delivery years,
/// summed per supplier, recipient and year and rounded to two decimals, an estimate as <c>TivByYear</c> marks
/// it. For a state's totals, <c>TivByYear</c> itself, which takes a publisher's annual table where one is loaded.
/// </summary>
/// <remarks>
/// Coverage: the years the loaded register's deliveries span (with the annual tables' years, for a state's
/// totals), for every state; inside, no delivery is 0, outside, unknown. Without a register, nothing is covered.
/// </remarks>
internal sealed class TivSource(int ordinal) : PanelSource(ordinal)
{
    public override BuiltSource Build(PanelBuild build)
    {
        var sums = new Dictionary<long, decimal>();
        var cited = new HashSet<SourceId>();
        int? first = null, last = null;
        var years = new List<int>();
        foreach (var flow in build.Catalog.Deals())
        {
            var deal = flow.Deal!;
            if (deal.DeliveryYears.IsDefaultOrEmpty) continue;
            cited.UnionWith(flow.Sources);
            first = Math.Min(first ?? int.MaxValue, deal.DeliveryYears.Min());
            last = Math.Max(last ?? int.MinValue, deal.DeliveryYears.Max());
            if (deal.TivDelivered is not { } delivered || flow.Exporter is not { } exporter || flow.Importer is not { } importer) continue;
            years.Clear();
            foreach (int year in deal.DeliveryYears)
                if (!years.Contains(year)) years.Add(year);
            // The same sum as TivByYear's, term by term and in the same order of flows.
            decimal share = delivered.Millions / years.Count;
            foreach (int a in build.Frame.StatesOf(exporter))
                foreach (int b in build.Frame.StatesOf(importer))
                    foreach (int year in years)
                        if (year >= build.FromYear && year <= build.ToYear)
                            sums[build.PairKey(a, b, year)] = sums.GetValueOrDefault(build.PairKey(a, b, year)) + share;
        }
        var register = first is null
            ? PanelCoverage.Nowhere("No arms-transfer register with delivery years is loaded: every value is unknown.")
            : PanelCoverage.Everywhere(first.Value, last!.Value, $"The years the loaded register's deliveries span ({first}–{last}).");
        var tables = build.Catalog.PublishedTivTables();
        cited.UnionWith(tables.Sources);
        StateTotals? totals = build.Settings.Dyads ? null : StateTotals.Build(build, register, tables.From, tables.To);
        return new BuiltTiv(build, sums, new CoverageTest(build, register), totals)
        {
            Coverage = build.Settings.Dyads || totals is null ? register : totals.Coverage,
            Cited = cited,
            Release = Editions(build, cited),
        };
    }

    internal static string Editions(PanelBuild build, IEnumerable<SourceId> sources)
    {
        var editions = sources.Order().Select(id => build.Catalog.SourceOf(id) is { } s ? $"{s.Publisher}, {s.Title}{(s.Edition is { } e ? $", edition {e}" : "")}" : id.Value).ToList();
        return editions.Count == 0 ? "none loaded" : string.Join("; ", editions);
    }

    /// <summary>Each state's TIV delivered and received per year, from <c>TivByYear</c>, within the register's and tables' years.</summary>
    internal sealed class StateTotals
    {
        private readonly TrendIndicatorValue?[] _exported, _imported;
        private readonly bool?[] _exportedEstimate, _importedEstimate;
        private readonly PanelBuild _build;

        private StateTotals(PanelBuild build, PanelCoverage coverage)
        {
            _build = build;
            Coverage = coverage;
            int cells = build.States * build.Years;
            (_exported, _imported, _exportedEstimate, _importedEstimate) = (new TrendIndicatorValue?[cells], new TrendIndicatorValue?[cells], new bool?[cells], new bool?[cells]);
        }

        public PanelCoverage Coverage { get; }

        public static StateTotals Build(PanelBuild build, PanelCoverage register, int? tablesFrom, int? tablesTo)
        {
            int? from = Min(register.FromYear, tablesFrom), to = Max(register.ToYear, tablesTo);
            var coverage = from is null
                ? PanelCoverage.Nowhere("No arms-transfer register or annual TIV table is loaded: every value is unknown.")
                : PanelCoverage.Everywhere(from.Value, to!.Value, $"The years the loaded register's deliveries and annual TIV tables span ({from}–{to}).");
            var totals = new StateTotals(build, coverage);
            int lo = Math.Max(build.FromYear, from ?? int.MaxValue), hi = Math.Min(build.ToYear, to ?? int.MinValue);
            if (lo > hi) return totals;
            for (int state = 0; state < build.States; state++)
            {
                var country = build.Frame.States[state].Country;
                foreach (var year in build.Catalog.TivExported(country, lo, hi))
                    (totals._exported[build.Cell(state, year.Year)], totals._exportedEstimate[build.Cell(state, year.Year)]) = (year.Tiv, year.Estimate);
                foreach (var year in build.Catalog.TivImported(country, lo, hi))
                    (totals._imported[build.Cell(state, year.Year)], totals._importedEstimate[build.Cell(state, year.Year)]) = (year.Tiv, year.Estimate);
            }
            return totals;
        }

        private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

        private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

        public TrendIndicatorValue? Value(int state, int year, bool exported) => (exported ? _exported : _imported)[_build.Cell(state, year)];

        public bool? Estimate(int state, int year, bool exported) => (exported ? _exportedEstimate : _importedEstimate)[_build.Cell(state, year)];
    }
}

/// <summary>TIV per directed pair-year (the pairs with deliveries), and per state-year for state-year panels.</summary>
internal sealed class BuiltTiv(PanelBuild build, Dictionary<long, decimal> sums, CoverageTest register, TivSource.StateTotals? totals) : BuiltSource
{
    /// <summary>From <paramref name="a"/> to <paramref name="b"/>, or both ways summed when not <paramref name="directed"/>; each direction rounded as TivByYear rounds it.</summary>
    public TrendIndicatorValue? Pair(int a, int b, int year, bool directed)
    {
        if (!register.Pair(a, b, year)) return null;
        decimal value = Math.Round(sums.GetValueOrDefault(build.PairKey(a, b, year)), 2);
        if (!directed) value += Math.Round(sums.GetValueOrDefault(build.PairKey(b, a, year)), 2);
        return new TrendIndicatorValue(value);
    }

    /// <summary>Whether a pair's figure is an estimate: always, where known, since the annual tables give no pairs.</summary>
    public bool? PairEstimate(int a, int b, int year) => register.Pair(a, b, year) ? true : null;

    public TrendIndicatorValue? State(int state, int year, bool exported) => totals?.Value(state, year, exported);

    public bool? StateEstimate(int state, int year, bool exported) => totals?.Estimate(state, year, exported);
}

/// <summary>
/// Arms-transfer deals ordered per year, the register's deals among what <c>Trade.OrderedWithin(year, year)</c> finds: from a supplier
/// to a recipient, or per state as supplier and as recipient. Coverage: the years of the loaded register's orders.
/// </summary>
internal sealed class DealsSource(int ordinal) : PanelSource(ordinal)
{
    public override BuiltSource Build(PanelBuild build)
    {
        var pairs = new Dictionary<long, int>();
        var supplied = new int[build.States * build.Years];
        var received = new int[build.States * build.Years];
        var cited = new HashSet<SourceId>();
        int? first = null, last = null;
        foreach (var flow in build.Catalog.Deals())
        {
            if (flow.Deal!.OrderYear is not { } year) continue;
            cited.UnionWith(flow.Sources);
            (first, last) = (Math.Min(first ?? int.MaxValue, year), Math.Max(last ?? int.MinValue, year));
            if (year < build.FromYear || year > build.ToYear) continue;
            var suppliers = flow.Exporter is { } e ? build.Frame.StatesOf(e) : [];
            var recipients = flow.Importer is { } i ? build.Frame.StatesOf(i) : [];
            foreach (int a in suppliers) supplied[build.Cell(a, year)]++;
            foreach (int b in recipients) received[build.Cell(b, year)]++;
            foreach (int a in suppliers)
                foreach (int b in recipients)
                    pairs[build.PairKey(a, b, year)] = pairs.GetValueOrDefault(build.PairKey(a, b, year)) + 1;
        }
        var coverage = first is null
            ? PanelCoverage.Nowhere("No arms-transfer register with order years is loaded: every value is unknown.")
            : PanelCoverage.Everywhere(first.Value, last!.Value, $"The years of the loaded register's orders ({first}–{last}).");
        return new BuiltDeals(build, pairs, supplied, received, new CoverageTest(build, coverage))
        {
            Coverage = coverage,
            Cited = cited,
            Release = TivSource.Editions(build, cited),
        };
    }
}

/// <summary>Deals ordered per directed pair-year, and per state-year as supplier and as recipient.</summary>
internal sealed class BuiltDeals(PanelBuild build, Dictionary<long, int> pairs, int[] supplied, int[] received, CoverageTest coverage) : BuiltSource
{
    public int? Pair(int a, int b, int year, bool directed) =>
        coverage.Pair(a, b, year)
            ? pairs.GetValueOrDefault(build.PairKey(a, b, year)) + (directed ? 0 : pairs.GetValueOrDefault(build.PairKey(b, a, year)))
            : null;

    public int? State(int state, int year, bool supplier) => coverage.State(state, year) ? (supplier ? supplied : received)[build.Cell(state, year)] : null;
}
