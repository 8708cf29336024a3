using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DefenseCoop.Benchmarks.Baselines;
using DefenseCoop.Benchmarks.Fixtures;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// Queries that combine a country with a kind and an area (three posting lists intersected), their
/// count, and the agreements in force on a day (the interval index). Each answered by the index, a
/// LINQ scan (the baseline of its ratios) and SQLite.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class FilterBenchmarks
{
    private const AgreementKind Kind = AgreementKind.DefenseCooperationAgreement;
    private const CooperationArea Area = CooperationArea.Training;

    private CatalogFixture _fixture = null!;
    private SqliteCatalog _sqlite = null!;
    private CountryCode _country;
    private LocalDate _day;
    private AgreementQuery _counted = null!;

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
        _day = _fixture.InForceDate;
        _counted = _fixture.Catalog.Agreements.Involving(_country).StatesOnly().OfKind(Kind).InArea(Area);
        _fixture.VerifyOnce("Filter", () =>
        {
            CatalogFixture.Same("Country+kind+area", CountryKindArea_Linq(), CountryKindArea_Index());
            if (CountryKindAreaCount_Linq() != CountryKindAreaCount_Index()) throw new InvalidOperationException("Count: the implementations disagree.");
            CatalogFixture.Same("InForceOn", InForceOn_Linq(), InForceOn_Index());
        });
    }

    /// <summary>Also loads SQLite and checks it against the index.</summary>
    [GlobalSetup(Targets = [nameof(CountryKindArea_Sqlite), nameof(CountryKindAreaCount_Sqlite), nameof(InForceOn_Sqlite)])]
    public void SetupSqlite()
    {
        Setup();
        _sqlite = _fixture.Sqlite;
        _fixture.VerifyOnce("Filter SQLite", () =>
        {
            CatalogFixture.Same("Country+kind+area (SQLite)", CountryKindArea_Index(), CountryKindArea_Sqlite());
            if (CountryKindAreaCount_Sqlite() != CountryKindAreaCount_Index()) throw new InvalidOperationException("Count (SQLite): the implementations disagree.");
            CatalogFixture.Same("InForceOn (SQLite)", InForceOn_Index(), InForceOn_Sqlite());
        });
    }

    /// <summary>Agreements of a country, kind and area: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Country+Kind+Area")]
    public IReadOnlyList<Agreement> CountryKindArea_Linq() => LinqScan.CountryKindArea(_fixture.Agreements, _country, Kind, Area);

    /// <summary>Agreements of a country, kind and area: the index.</summary>
    [Benchmark, BenchmarkCategory("Country+Kind+Area")]
    public IReadOnlyList<Agreement> CountryKindArea_Index() => _fixture.Catalog.Agreements.Involving(_country).StatesOnly().OfKind(Kind).InArea(Area).ToList();

    /// <summary>Agreements of a country, kind and area: SQLite.</summary>
    [Benchmark, BenchmarkCategory("Country+Kind+Area")]
    public IReadOnlyList<Agreement> CountryKindArea_Sqlite() => _sqlite.CountryKindArea(_country, Kind, Area);

    /// <summary>How many agreements of a country, kind and area: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Country+Kind+Area Count")]
    public int CountryKindAreaCount_Linq() => LinqScan.CountCountryKindArea(_fixture.Agreements, _country, Kind, Area);

    /// <summary>How many: the index (a composed query, counted).</summary>
    [Benchmark, BenchmarkCategory("Country+Kind+Area Count")]
    public int CountryKindAreaCount_Index() => _counted.Count();

    /// <summary>How many: SQLite.</summary>
    [Benchmark, BenchmarkCategory("Country+Kind+Area Count")]
    public int CountryKindAreaCount_Sqlite() => _sqlite.CountCountryKindArea(_country, Kind, Area);

    /// <summary>Agreements in force on a day: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("InForceOn")]
    public IReadOnlyList<Agreement> InForceOn_Linq() => LinqScan.InForceOn(_fixture.Agreements, _day);

    /// <summary>Agreements in force on a day: the index.</summary>
    [Benchmark, BenchmarkCategory("InForceOn")]
    public IReadOnlyList<Agreement> InForceOn_Index() => _fixture.Catalog.Agreements.InForceOn(_day).ToList();

    /// <summary>Agreements in force on a day: SQLite.</summary>
    [Benchmark, BenchmarkCategory("InForceOn")]
    public IReadOnlyList<Agreement> InForceOn_Sqlite() => _sqlite.InForceOn(_day);
}
