using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Panels;

/// <summary>What a count of records counts.</summary>
internal enum RecordCount
{
    /// <summary>Agreements signed in the year, as <c>Agreements.Within(year)</c>: a date known only to the year counts; undated never.</summary>
    AgreementsSigned = 1,
    /// <summary>Agreements certainly in force on the year's reference day, as <c>Agreements.InForceOn</c>.</summary>
    AgreementsInForce = 2,
    /// <summary>Agreements certainly or possibly in force on the reference day, as <c>Agreements.PossiblyInForceOn</c>.</summary>
    AgreementsPossiblyInForce = 3,
    /// <summary>Events dated within the year, as <c>Events.Within(year, year)</c>.</summary>
    Events = 4,
}

/// <summary>
/// Counts agreements or events per state-year and per pair-year in one pass over the records: a record
/// counts for every state it involves (as <c>Involving</c> does) and every pair of them (as <c>Between</c>
/// does), in each year it is signed, dated or in force.
/// </summary>
/// <param name="ordinal">The source's position in its panel.</param>
/// <param name="what">What is counted.</param>
/// <param name="agreementKinds">The agreement kinds counted; all when empty.</param>
/// <param name="eventKinds">The event kinds counted; all when empty.</param>
/// <param name="statesOnly">Whether a country counts only as a state party, not through its organizations.</param>
/// <param name="referenceDay">The day of each year on which agreements in force are read.</param>
internal sealed class RecordCountSource(int ordinal, RecordCount what, ImmutableArray<AgreementKind> agreementKinds, ImmutableArray<EventKind> eventKinds,
    bool statesOnly, AnnualDate referenceDay) : PanelSource(ordinal)
{
    public RecordCount What { get; } = what;

    public override BuiltSource Build(PanelBuild build)
    {
        var coverage = build.RecordCoverage;
        var test = new CoverageTest(build, coverage);
        var states = new int[build.States * build.Years];
        var pairs = new Dictionary<long, int>();
        var cited = new HashSet<SourceId>();
        var years = new List<int>();
        foreach (var (sources, countries, record) in Records(build))
        {
            years.Clear();
            AddYears(build, record, years);
            if (years.Count == 0) continue;
            var involved = build.StatesOf(countries);
            bool counted = false;
            foreach (int year in years)
            {
                for (int i = 0; i < involved.Count; i++)
                {
                    int a = involved[i];
                    states[build.Cell(a, year)]++;
                    counted |= test.State(a, year);
                    for (int j = i + 1; j < involved.Count; j++)
                    {
                        int b = involved[j];
                        var key = build.PairKey(Math.Min(a, b), Math.Max(a, b), year);
                        pairs[key] = pairs.GetValueOrDefault(key) + 1;
                        counted |= test.Pair(a, b, year);
                    }
                }
            }
            if (counted) cited.UnionWith(sources);
        }
        return new BuiltCounts(build, states, pairs, test)
        {
            Coverage = coverage,
            Cited = cited,
            Release = build.CatalogRelease,
        };
    }

    private IEnumerable<(ImmutableArray<SourceId> Sources, List<CountryCode> Countries, object Record)> Records(PanelBuild build)
    {
        if (What == RecordCount.Events)
        {
            foreach (var (ev, countries) in build.Catalog.Events(eventKinds, statesOnly)) yield return (ev.Sources, countries, ev);
            yield break;
        }
        foreach (var (agreement, countries) in build.Catalog.Agreements(agreementKinds, statesOnly)) yield return (agreement.Sources, countries, agreement);
    }

    private void AddYears(PanelBuild build, object record, List<int> years)
    {
        switch (What)
        {
            case RecordCount.Events:
                AddYearOf(((Event)record).Date, build, years);
                break;
            case RecordCount.AgreementsSigned:
                AddYearOf(((Agreement)record).SignedOn, build, years);
                break;
            default:
                AddInForceYears((Agreement)record, build, referenceDay, What == RecordCount.AgreementsPossiblyInForce, years);
                break;
        }
    }

    // A date counts in a year only when it lies wholly within it, as the queries' year ranges have it.
    private static void AddYearOf(PartialDate? date, PanelBuild build, List<int> years)
    {
        if (date is not { } d) return;
        int year = d.Earliest.Year;
        if (d.Latest.Year == year && year >= build.FromYear && year <= build.ToYear) years.Add(year);
    }

    /// <summary>
    /// The years in whose reference day the agreement is in force. Its state can change only between the
    /// earliest day of its first dated change and the latest day of its last (its signing date when no
    /// change is dated): before, it is not in force; after, it keeps the state it has then, read once.
    /// </summary>
    private static void AddInForceYears(Agreement agreement, PanelBuild build, AnnualDate referenceDay, bool possibly, List<int> years)
    {
        LocalDate? first = null, last = null;
        foreach (var change in agreement.StatusHistory)
        {
            if (change.Date is not { } date || AgreementInForce.Effect(change.Status) is null) continue;
            first = first is { } f && f < date.Earliest ? f : date.Earliest;
            last = last is { } l && l > date.Latest ? l : date.Latest;
        }
        if (first is null && agreement.SignedOn is { } signed) (first, last) = (signed.Earliest, signed.Latest);
        if (first is null) return;
        for (int year = build.FromYear; year <= build.ToYear; year++)
        {
            var day = referenceDay.InYear(year);
            if (day < first) continue;
            bool inForce = Counts(agreement.StateOn(day), possibly);
            if (day > last)
            {
                // Settled: every later reference day gives the same state.
                if (inForce) for (; year <= build.ToYear; year++) years.Add(year);
                return;
            }
            if (inForce) years.Add(year);
        }
    }

    private static bool Counts(InForceState state, bool possibly) => state == InForceState.InForce || (possibly && state == InForceState.Uncertain);
}

/// <summary>Counts per state-year (a dense array) and per unordered pair-year (only the pairs that have any).</summary>
internal sealed class BuiltCounts(PanelBuild build, int[] states, Dictionary<long, int> pairs, CoverageTest test) : BuiltSource
{
    public int? State(int state, int year) => test.State(state, year) ? states[build.Cell(state, year)] : null;

    public int? Pair(int a, int b, int year) =>
        test.Pair(a, b, year) ? pairs.GetValueOrDefault(build.PairKey(Math.Min(a, b), Math.Max(a, b), year)) : null;
}
