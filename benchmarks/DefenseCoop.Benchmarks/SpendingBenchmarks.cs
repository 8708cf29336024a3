using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DefenseCoop.Benchmarks.Baselines;
using DefenseCoop.Benchmarks.Fixtures;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// Spending: one country's series of one measure, and the top 15 countries of a year. Spending covers
/// every country, measure and year whatever the number of agreements, so its size is the same at every
/// catalog size. Each answered by the index, a LINQ scan of the observations (the baseline) and SQLite.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class SpendingBenchmarks
{
    private const SpendingMeasure Measure = SpendingMeasure.CurrentUsd;
    private const int Year = 2020;
    private const int TopCount = 15;

    private CatalogFixture _fixture = null!;
    private SqliteCatalog _sqlite = null!;
    private CountryCode _country;

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
        _country = _fixture.FrequentA;
        _fixture.VerifyOnce("Spending", () =>
        {
            CatalogFixture.Same("Series", Series_Linq(), Series_Index());
            CatalogFixture.Same("Top", Top_Linq(), Top_Index());
        });
    }

    /// <summary>Also loads SQLite and checks it against the index.</summary>
    [GlobalSetup(Targets = [nameof(Series_Sqlite), nameof(Top_Sqlite)])]
    public void SetupSqlite()
    {
        Setup();
        _sqlite = _fixture.Sqlite;
        _fixture.VerifyOnce("Spending SQLite", () =>
        {
            CatalogFixture.Same("Series (SQLite)", Series_Index(), Series_Sqlite());
            CatalogFixture.Same("Top (SQLite)", Top_Index(), Top_Sqlite());
        });
    }

    /// <summary>A country's series of one measure: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Spending Of+Measure")]
    public IReadOnlyList<SpendingObservation> Series_Linq() => LinqScan.SpendingSeries(_fixture.Spending, _country, Measure);

    /// <summary>A country's series of one measure: the index.</summary>
    [Benchmark, BenchmarkCategory("Spending Of+Measure")]
    public IReadOnlyList<SpendingObservation> Series_Index() => _fixture.Catalog.Spending.Of(_country).Measure(Measure).ToList();

    /// <summary>A country's series of one measure: SQLite.</summary>
    [Benchmark, BenchmarkCategory("Spending Of+Measure")]
    public IReadOnlyList<SpendingObservation> Series_Sqlite() => _sqlite.SpendingSeries(_country, Measure);

    /// <summary>The top 15 of a year: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Spending Top(15)")]
    public IReadOnlyList<SpendingObservation> Top_Linq() => LinqScan.Top(_fixture.Spending, Year, Measure, TopCount);

    /// <summary>The top 15 of a year: the index.</summary>
    [Benchmark, BenchmarkCategory("Spending Top(15)")]
    public IReadOnlyList<SpendingObservation> Top_Index() => _fixture.Catalog.Spending.Within(Year).Measure(Measure).Top(TopCount);

    /// <summary>The top 15 of a year: SQLite.</summary>
    [Benchmark, BenchmarkCategory("Spending Top(15)")]
    public IReadOnlyList<SpendingObservation> Top_Sqlite() => _sqlite.Top(Year, Measure, TopCount);
}
