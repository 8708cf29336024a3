using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DefenseCoop.Benchmarks.Baselines;
using DefenseCoop.Benchmarks.Fixtures;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// The query shapes a web endpoint runs, each composed anew per call (<c>_PerCall</c>, as an endpoint
/// does) and composed once and run again (<c>_Once</c>), against a LINQ scan over a list (the baseline
/// of each category): agreements in force on a day (count and list), the timeline of a dyad, and what
/// counting organizations for their home countries costs against state parties only, and a
/// country with two kinds and an area.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class ComposedQueryBenchmarks
{
    private CatalogFixture _fixture = null!;
    private LocalDate _day;
    private CountryCode _a, _b, _tenth;
    private AgreementQuery _inForce = null!;
    private AgreementQuery _rolledUp = null!;
    private AgreementQuery _statesOnly = null!;
    private Dictionary<OrganizationId, CountryCode?> _homes = null!;

    /// <summary>Gets the catalog sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values;

    /// <summary>Gets or sets the number of generated agreements.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Agreements { get; set; }

    /// <summary>Loads the catalog and checks that the index and the LINQ scan agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fixture = CatalogFixture.Get(Agreements);
        _day = _fixture.InForceDate;
        (_a, _b) = (_fixture.FrequentA, _fixture.FrequentB);
        _tenth = DefenseCoop.Benchmarks.Synthetic.SyntheticCatalog.RankedCountries(DefenseCoopCatalog.Default)[9];
        _homes = _fixture.Catalog.Organizations.ToDictionary(o => o.Id, o => o.Country);
        _inForce = _fixture.Catalog.Agreements.InForceOn(_day);
        _rolledUp = _fixture.Catalog.Agreements.Between(_a, _b);
        _statesOnly = _fixture.Catalog.Agreements.Between(_a, _b).StatesOnly();
        _fixture.VerifyOnce("Composed", () =>
        {
            Check("InForceOn Count", InForceCount_Linq(), InForceCount_PerCall(), InForceCount_Once());
            Check("PossiblyInForceOn Count", PossiblyInForceCount_Linq(), PossiblyInForceCount_PerCall(), PossiblyInForceCount_PerCall());
            CatalogFixture.Same("InForceOn ToList", InForceList_Linq(), InForceList_PerCall());
            CatalogFixture.Same("Timeline", Timeline_Linq(), Timeline_PerCall(), e => (e.Date, e.Kind, e.Summary, e.Record));
            Check("Timeline, every entry read", TimelineRead_Linq(), TimelineRead_PerCall(), TimelineRead_PerCall());
            Check("Timeline, every date and text read", TimelineText_Linq(), TimelineText_PerCall(), TimelineText_PerCall());
            CatalogFixture.Same("Country timeline", LinqScan.Timeline(_fixture.Agreements, _fixture.Trade, _fixture.Events, _a),
                _fixture.Catalog.Timeline(_a, statesOnly: true), e => (e.Date, e.Kind, e.Summary, e.Record));
            Check("Country timeline, every date and text read", CountryTimelineText_Linq(), CountryTimelineText_PerCall(), CountryTimelineText_PerCall());
            Check("Tenth country timeline, every date and text read", TenthCountryTimelineText_Linq(), TenthCountryTimelineText_PerCall(), TenthCountryTimelineText_PerCall());
            Check("Country timeline Count", CountryTimelineCount_Linq(), CountryTimelineCount_PerCall(), CountryTimelineCount_PerCall());
            Check("Between Count (rolled up)", RolledUpCount_Linq(), RolledUpCount_PerCall(), RolledUpCount_Once());
            Check("Between Count (states only)", StatesOnlyCount_Linq(), StatesOnlyCount_PerCall(), _statesOnly.Count());
            Check("Country+2 kinds+area Count", CountryKindsArea_Linq(), CountryKindsArea_PerCall(), CountryKindsArea_PerCall());
            if (RolledUpCount_PerCall() <= StatesOnlyCount_PerCall())
                throw new InvalidOperationException("The synthetic catalog has no agreement that only an organization brings into the dyad.");
        });
    }

    private static void Check(string what, int linq, int perCall, int once)
    {
        if (linq != perCall || linq != once) throw new InvalidOperationException($"{what}: LINQ {linq}, per call {perCall}, once {once}.");
    }

    /// <summary>How many agreements are certainly in force on a day: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("InForceOn Count")]
    public int InForceCount_Linq() => _fixture.Agreements.Count(a => a.StateOn(_day) == InForceState.InForce);

    /// <summary>How many: the index, composed per call.</summary>
    [Benchmark, BenchmarkCategory("InForceOn Count")]
    public int InForceCount_PerCall() => _fixture.Catalog.Agreements.InForceOn(_day).Count();

    /// <summary>How many: the index, composed once.</summary>
    [Benchmark, BenchmarkCategory("InForceOn Count")]
    public int InForceCount_Once() => _inForce.Count();

    /// <summary>How many agreements are possibly in force on a day: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("PossiblyInForceOn Count")]
    public int PossiblyInForceCount_Linq() => _fixture.Agreements.Count(a => a.StateOn(_day) != InForceState.NotInForce);

    /// <summary>How many: the index, composed per call.</summary>
    [Benchmark, BenchmarkCategory("PossiblyInForceOn Count")]
    public int PossiblyInForceCount_PerCall() => _fixture.Catalog.Agreements.PossiblyInForceOn(_day).Count();

    /// <summary>The agreements in force on a day: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("InForceOn ToList")]
    public IReadOnlyList<Agreement> InForceList_Linq() => LinqScan.InForceOn(_fixture.Agreements, _day);

    /// <summary>The agreements in force on a day: the index, composed per call.</summary>
    [Benchmark, BenchmarkCategory("InForceOn ToList")]
    public IReadOnlyList<Agreement> InForceList_PerCall() => _fixture.Catalog.Agreements.InForceOn(_day).ToList();

    /// <summary>The timeline of the busiest dyad, state parties only: LINQ scan, assembled by the same code.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Timeline")]
    public IReadOnlyList<TimelineEntry> Timeline_Linq() => LinqScan.Timeline(_fixture.Agreements, _fixture.Trade, _fixture.Events, _a, _b);

    /// <summary>The timeline of the busiest dyad: the catalog (state parties, as the scan).</summary>
    [Benchmark, BenchmarkCategory("Timeline")]
    public IReadOnlyList<TimelineEntry> Timeline_PerCall() => _fixture.Catalog.Timeline(_a, _b, statesOnly: true);

    /// <summary>The timeline of the busiest dyad with every entry read (its date and record), as a page rendering all of it does: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Timeline, every entry read")]
    public int TimelineRead_Linq() => Read(Timeline_Linq());

    /// <summary>The same: the index, composed per call; each entry is made as it is read.</summary>
    [Benchmark, BenchmarkCategory("Timeline, every entry read")]
    public int TimelineRead_PerCall() => Read(_fixture.Catalog.Timeline(_a, _b, statesOnly: true));

    private static int Read(IReadOnlyList<TimelineEntry> timeline)
    {
        int hash = 0;
        foreach (var entry in timeline) hash += (entry.Date?.Year ?? 0) + entry.Record.Sources.Length;
        return hash;
    }

    // A catalog timeline is read as a caller's foreach reads it: with the timeline's own enumerator.
    private static int Read(Timeline timeline)
    {
        int hash = 0;
        foreach (var entry in timeline) hash += (entry.Date?.Year ?? 0) + entry.Record.Sources.Length;
        return hash;
    }

    private static int ReadText(IReadOnlyList<TimelineEntry> timeline)
    {
        int hash = 0;
        foreach (var entry in timeline) hash += (entry.Date?.Year ?? 0) + entry.Summary.Length;
        return hash;
    }

    private static int ReadText(Timeline timeline)
    {
        int hash = 0;
        foreach (var entry in timeline) hash += (entry.Date?.Year ?? 0) + entry.Summary.Length;
        return hash;
    }

    /// <summary>The busiest dyad's timeline with every entry's date and text (its summary) read, as a page listing it does: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Timeline, every date and text read")]
    public int TimelineText_Linq() => ReadText(Timeline_Linq());

    /// <summary>The same: the catalog, composed per call.</summary>
    [Benchmark, BenchmarkCategory("Timeline, every date and text read")]
    public int TimelineText_PerCall() => ReadText(_fixture.Catalog.Timeline(_a, _b, statesOnly: true));

    /// <summary>The busiest country's timeline (state parties) with every entry's date and text read: LINQ scan, assembled by the same code.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Country timeline, every date and text read")]
    public int CountryTimelineText_Linq() => ReadText(LinqScan.Timeline(_fixture.Agreements, _fixture.Trade, _fixture.Events, _a));

    /// <summary>The same: the catalog, composed per call.</summary>
    [Benchmark, BenchmarkCategory("Country timeline, every date and text read")]
    public int CountryTimelineText_PerCall() => ReadText(_fixture.Catalog.Timeline(_a, statesOnly: true));

    /// <summary>The tenth most frequent country's timeline (state parties) with every entry's date and text read: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Tenth country timeline, every date and text read")]
    public int TenthCountryTimelineText_Linq() => ReadText(LinqScan.Timeline(_fixture.Agreements, _fixture.Trade, _fixture.Events, _tenth));

    /// <summary>The same: the catalog, composed per call.</summary>
    [Benchmark, BenchmarkCategory("Tenth country timeline, every date and text read")]
    public int TenthCountryTimelineText_PerCall() => ReadText(_fixture.Catalog.Timeline(_tenth, statesOnly: true));

    /// <summary>How many entries the busiest country's timeline has: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Country timeline Count")]
    public int CountryTimelineCount_Linq() => LinqScan.Timeline(_fixture.Agreements, _fixture.Trade, _fixture.Events, _a).Count;

    /// <summary>How many: the catalog, composed per call (the lists' lengths; no entry made).</summary>
    [Benchmark, BenchmarkCategory("Country timeline Count")]
    public int CountryTimelineCount_PerCall() => _fixture.Catalog.Timeline(_a, statesOnly: true).Count;

    /// <summary>How many agreements of the busiest dyad, state parties only: the index, composed per call (the roll-up's yardstick).</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Roll-up")]
    public int StatesOnlyCount_PerCall() => _fixture.Catalog.Agreements.Between(_a, _b).StatesOnly().Count();

    /// <summary>How many, organizations counting for their home countries: the index, composed per call.</summary>
    [Benchmark, BenchmarkCategory("Roll-up")]
    public int RolledUpCount_PerCall() => _fixture.Catalog.Agreements.Between(_a, _b).Count();

    /// <summary>How many, rolled up: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Between Count")]
    public int RolledUpCount_Linq() => _fixture.Agreements.Count(x => Counts(x, _a) && Counts(x, _b));

    /// <summary>How many, rolled up: the index, composed once.</summary>
    [Benchmark, BenchmarkCategory("Between Count")]
    public int RolledUpCount_Once() => _rolledUp.Count();

    private int StatesOnlyCount_Linq() => _fixture.Agreements.Count(x => x.Parties.Any(p => p.Country == _a) && x.Parties.Any(p => p.Country == _b));

    /// <summary>How many agreements of a country, of either of two kinds, in an area (state parties): LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Country+2 kinds+area Count")]
    public int CountryKindsArea_Linq() => _fixture.Agreements.Count(x => x.Parties.Any(p => p.Country == _a)
        && x.Kind is AgreementKind.DefenseCooperationAgreement or AgreementKind.MemorandumOfUnderstanding && x.Areas.Contains(CooperationArea.Training));

    /// <summary>How many: the index, composed per call (the two kinds' lists tested in step, not merged).</summary>
    [Benchmark, BenchmarkCategory("Country+2 kinds+area Count")]
    public int CountryKindsArea_PerCall() => _fixture.Catalog.Agreements.Involving(_a).StatesOnly()
        .OfKind(AgreementKind.DefenseCooperationAgreement, AgreementKind.MemorandumOfUnderstanding).InArea(CooperationArea.Training).Count();

    private bool Counts(Agreement x, CountryCode country) =>
        x.Parties.Any(p => p.Country == country || (p.Organization is { } o && _homes.GetValueOrDefault(o) == country));
}
