using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using DefenseCoop.Benchmarks.Baselines;
using DefenseCoop.Benchmarks.Fixtures;
using DefenseCoop.Querying;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// A country's partners over a range of years (with and without kinds of record), and arms transfers
/// grouped by recipient (<c>TivByPartner</c>), each composed per call as an endpoint does, against a LINQ
/// scan of lists of the same records (the baseline of each category). The country and exporter is the
/// generator's most frequent country; the years 2010–2015.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class PartnerBenchmarks
{
    private const int FromYear = 2010, ToYear = 2015;
    private static readonly PartnerKinds ArmsAndCooperation =
        PartnerKinds.Of(TradeKind.ArmsTransfer).And(AgreementKind.DefenseCooperationAgreement, AgreementKind.MemorandumOfUnderstanding);

    private PartnerFixture _fixture = null!;
    private CountryCode _country;

    /// <summary>Gets the catalog sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkSizes.Values;

    /// <summary>Gets or sets the number of generated agreements.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Agreements { get; set; }

    /// <summary>Builds the catalog and checks that the catalog and the LINQ scan agree.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fixture = PartnerFixture.Get(Agreements);
        _country = _fixture.Frequent;
        CatalogFixture.Same("Partners, years", Partners_Linq(), Partners_PerCall());
        CatalogFixture.Same("Partners, years and kinds", PartnersKinds_Linq(), PartnersKinds_PerCall());
        CatalogFixture.Same("TivByPartner", TivByPartner_Linq(), TivByPartner_PerCall());
        if (Partners_PerCall().Count == 0 || TivByPartner_PerCall().Count == 0)
            throw new InvalidOperationException("The synthetic catalog gives the country no partners or no deliveries in the years.");
    }

    /// <summary>A country's partners within the years: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Partners, years")]
    public IReadOnlyList<PartnerSummary> Partners_Linq() =>
        LinqPartners.Partners(_fixture.Agreements, _fixture.Trade, _fixture.Events, _fixture.Homes, _country, FromYear, ToYear, PartnerKinds.All);

    /// <summary>A country's partners within the years: the catalog, per call.</summary>
    [Benchmark, BenchmarkCategory("Partners, years")]
    public IReadOnlyList<PartnerSummary> Partners_PerCall() => _fixture.Catalog.Partners(_country, FromYear, ToYear);

    /// <summary>The same, counting only arms transfers and two kinds of agreement: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Partners, years and kinds")]
    public IReadOnlyList<PartnerSummary> PartnersKinds_Linq() =>
        LinqPartners.Partners(_fixture.Agreements, _fixture.Trade, _fixture.Events, _fixture.Homes, _country, FromYear, ToYear, ArmsAndCooperation);

    /// <summary>The same: the catalog, per call.</summary>
    [Benchmark, BenchmarkCategory("Partners, years and kinds")]
    public IReadOnlyList<PartnerSummary> PartnersKinds_PerCall() => _fixture.Catalog.Partners(_country, FromYear, ToYear, ArmsAndCooperation);

    /// <summary>The TIV the country's arms transfers delivered to each recipient within the years: LINQ scan.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("TivByPartner")]
    public IReadOnlyList<PartnerTiv> TivByPartner_Linq() => LinqPartners.TivByRecipient(_fixture.Trade, _country, TradeKind.ArmsTransfer, FromYear, ToYear);

    /// <summary>The same: the catalog, per call.</summary>
    [Benchmark, BenchmarkCategory("TivByPartner")]
    public IReadOnlyList<PartnerTiv> TivByPartner_PerCall() =>
        _fixture.Catalog.Trade.From(_country).OfKind(TradeKind.ArmsTransfer).TivByPartner(FromYear, ToYear);
}
