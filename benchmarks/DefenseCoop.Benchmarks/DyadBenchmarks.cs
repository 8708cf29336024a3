using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DefenseCoop.Benchmarks.Baselines;
using DefenseCoop.Benchmarks.Fixtures;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Benchmarks;

/// <summary>Which dyad a benchmark asks about.</summary>
public enum DyadKind
{
    /// <summary>Two countries with the same 40 agreements, 30 flows and 6 events at every size: a fixed result.</summary>
    Fixed,
    /// <summary>The two most frequent countries: a result that grows with the catalog.</summary>
    Frequent,
}

/// <summary>
/// Queries on a dyad: agreements between two countries, within a signing-year range, their count and
/// existence, trade between them over years, and their timeline. Each family is answered by the index,
/// by a LINQ scan of a list (the baseline of its ratios) and by SQLite. State parties only
/// (<c>StatesOnly()</c>), as the scan and SQLite answer; what counting organizations for their home
/// countries costs is measured in <see cref="ComposedQueryBenchmarks"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class DyadBenchmarks
{
    private CatalogFixture _fixture = null!;
    private SqliteCatalog _sqlite = null!;
    private CountryCode _a, _b;
    private int _fromYear, _toYear;
    private LocalDate _from, _to;
    private AgreementQuery _counted = null!;

    /// <summary>Gets the catalog sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values;

    /// <summary>Gets or sets the number of generated agreements.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Agreements { get; set; }

    /// <summary>Gets or sets the dyad asked about.</summary>
    [ParamsAllValues]
    public DyadKind Dyad { get; set; }

    /// <summary>Loads the catalog and checks that the index and the LINQ scan agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fixture = CatalogFixture.Get(Agreements);
        (_a, _b) = Dyad == DyadKind.Fixed ? (_fixture.FixedA, _fixture.FixedB) : (_fixture.FrequentA, _fixture.FrequentB);
        (_fromYear, _toYear) = _fixture.YearRange;
        (_from, _to) = (new LocalDate(_fromYear, 1, 1), new LocalDate(_toYear, 12, 31));
        // Composed once, as a program keeps a query it counts often; Count() and Any() are what is measured.
        _counted = _fixture.Catalog.Agreements.Between(_a, _b).StatesOnly().Within(_fromYear, _toYear);

        _fixture.VerifyOnce($"Dyad {Dyad}", () =>
        {
            CatalogFixture.Same("Between", Between_Linq(), Between_Index());
            CatalogFixture.Same("Between+SignedWithin", BetweenYears_Linq(), BetweenYears_Index());
            if (Count_Linq() != Count_Index() || Any_Linq() != Any_Index()) throw new InvalidOperationException("Count/Any: the implementations disagree.");
            CatalogFixture.Same("Trade Between+Years", TradeBetweenYears_Linq(), TradeBetweenYears_Index());
            CatalogFixture.Same("Timeline", Timeline_Linq(), Timeline_Index(), e => (e.Date, e.Kind, e.Summary, e.Record));
        });
    }

    /// <summary>Also loads SQLite and checks it against the index.</summary>
    [GlobalSetup(Targets = [nameof(Between_Sqlite), nameof(BetweenYears_Sqlite), nameof(Count_Sqlite), nameof(Any_Sqlite), nameof(TradeBetweenYears_Sqlite), nameof(Timeline_Sqlite)])]
    public void SetupSqlite()
    {
        Setup();
        _sqlite = _fixture.Sqlite;
        _fixture.VerifyOnce($"Dyad {Dyad} SQLite", () =>
        {
            CatalogFixture.Same("Between (SQLite)", Between_Index(), Between_Sqlite());
            CatalogFixture.Same("Between+SignedWithin (SQLite)", BetweenYears_Index(), BetweenYears_Sqlite());
            if (Count_Sqlite() != Count_Index() || Any_Sqlite() != Any_Index()) throw new InvalidOperationException("Count/Any (SQLite): the implementations disagree.");
            CatalogFixture.Same("Trade Between+Years (SQLite)", TradeBetweenYears_Index(), TradeBetweenYears_Sqlite());
            CatalogFixture.Same("Timeline (SQLite)", Timeline_Index(), Timeline_Sqlite(), e => (e.Date, e.Kind, e.Summary, e.Record));
        });
    }

    // The LINQ and SQLite baselines match the states that are parties, so the index is asked the same
    // state-level question (StatesOnly); the roll-up of organizations to their countries is measured apart.

    // ---- Between(a, b) ----

    /// <summary>Agreements between the dyad: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Between")]
    public IReadOnlyList<Agreement> Between_Linq() => LinqScan.Between(_fixture.Agreements, _a, _b);

    /// <summary>Agreements between the dyad: the index.</summary>
    [Benchmark, BenchmarkCategory("Between")]
    public IReadOnlyList<Agreement> Between_Index() => _fixture.Catalog.Agreements.Between(_a, _b).StatesOnly().ToList();

    /// <summary>Agreements between the dyad: SQLite.</summary>
    [Benchmark, BenchmarkCategory("Between")]
    public IReadOnlyList<Agreement> Between_Sqlite() => _sqlite.Between(_a, _b);

    // ---- Between(a, b).Within(from, to) ----

    /// <summary>Agreements between the dyad signed within the years: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Between+SignedWithin")]
    public IReadOnlyList<Agreement> BetweenYears_Linq() => LinqScan.BetweenSignedWithin(_fixture.Agreements, _a, _b, _fromYear, _toYear);

    /// <summary>Agreements between the dyad signed within the years: the index.</summary>
    [Benchmark, BenchmarkCategory("Between+SignedWithin")]
    public IReadOnlyList<Agreement> BetweenYears_Index() => _fixture.Catalog.Agreements.Between(_a, _b).StatesOnly().Within(_fromYear, _toYear).ToList();

    /// <summary>Agreements between the dyad signed within the years: SQLite.</summary>
    [Benchmark, BenchmarkCategory("Between+SignedWithin")]
    public IReadOnlyList<Agreement> BetweenYears_Sqlite() => _sqlite.BetweenSignedWithin(_a, _b, _fromYear, _toYear);

    // ---- Count() and Any() ----

    /// <summary>How many agreements between the dyad were signed within the years: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Count")]
    public int Count_Linq() => LinqScan.CountBetweenSignedWithin(_fixture.Agreements, _a, _b, _from, _to);

    /// <summary>How many: the index (a composed query, counted).</summary>
    [Benchmark, BenchmarkCategory("Count")]
    public int Count_Index() => _counted.Count();

    /// <summary>How many: SQLite.</summary>
    [Benchmark, BenchmarkCategory("Count")]
    public int Count_Sqlite() => _sqlite.CountBetweenSignedWithin(_a, _b, _fromYear, _toYear);

    /// <summary>Whether any agreement between the dyad was signed within the years: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Any")]
    public bool Any_Linq() => LinqScan.AnyBetweenSignedWithin(_fixture.Agreements, _a, _b, _from, _to);

    /// <summary>Whether any: the index (a composed query).</summary>
    [Benchmark, BenchmarkCategory("Any")]
    public bool Any_Index() => _counted.Any();

    /// <summary>Whether any: SQLite.</summary>
    [Benchmark, BenchmarkCategory("Any")]
    public bool Any_Sqlite() => _sqlite.AnyBetweenSignedWithin(_a, _b, _fromYear, _toYear);

    // ---- Trade.Between(a, b).Within(from, to) ----

    /// <summary>Trade between the dyad over the years: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Trade Between+Years")]
    public IReadOnlyList<TradeFlow> TradeBetweenYears_Linq() => LinqScan.TradeBetween(_fixture.Trade, _a, _b, _fromYear, _toYear);

    /// <summary>Trade between the dyad over the years: the index.</summary>
    [Benchmark, BenchmarkCategory("Trade Between+Years")]
    public IReadOnlyList<TradeFlow> TradeBetweenYears_Index() => _fixture.Catalog.Trade.Between(_a, _b).StatesOnly().Within(_fromYear, _toYear).ToList();

    /// <summary>Trade between the dyad over the years: SQLite.</summary>
    [Benchmark, BenchmarkCategory("Trade Between+Years")]
    public IReadOnlyList<TradeFlow> TradeBetweenYears_Sqlite() => _sqlite.TradeBetween(_a, _b, _fromYear, _toYear);

    // ---- Timeline(a, b) ----

    /// <summary>The dyad's timeline: LINQ scans of the three lists.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Timeline")]
    public IReadOnlyList<TimelineEntry> Timeline_Linq() => LinqScan.Timeline(_fixture.Agreements, _fixture.Trade, _fixture.Events, _a, _b);

    /// <summary>The dyad's timeline: the catalog.</summary>
    [Benchmark, BenchmarkCategory("Timeline")]
    public IReadOnlyList<TimelineEntry> Timeline_Index() => _fixture.Catalog.Timeline(_a, _b, statesOnly: true);

    /// <summary>The dyad's timeline: three SQLite queries.</summary>
    [Benchmark, BenchmarkCategory("Timeline")]
    public IReadOnlyList<TimelineEntry> Timeline_Sqlite() => _sqlite.Timeline(_a, _b);
}
