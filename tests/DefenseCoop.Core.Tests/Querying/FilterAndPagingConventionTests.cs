using DefenseCoop.Querying;

namespace DefenseCoop.Tests.Querying;

/// <summary>Filters take any sequence as well as a params list, every query pages the same way, and keys print only what they have.</summary>
public class FilterAndPagingConventionTests
{
    private static DefenseCoopCatalog Catalog => DefenseCoopCatalog.Default;

    [Fact]
    public void AgreementFilters_AcceptSequences()
    {
        List<AgreementKind> kinds = [AgreementKind.MemorandumOfUnderstanding, AgreementKind.ArmsEmbargo];
        Assert.Equal(Catalog.Agreements.OfKind(AgreementKind.MemorandumOfUnderstanding, AgreementKind.ArmsEmbargo).Select(a => a.Id),
                     Catalog.Agreements.OfKind(kinds).Select(a => a.Id));
        Assert.NotEmpty(Catalog.Agreements.OfKind(kinds));
        Assert.Equal(Catalog.Agreements.OfKind(AgreementKind.MemorandumOfUnderstanding, AgreementKind.ArmsEmbargo).Count(),
                     Catalog.Agreements.OfKind(kinds.ToArray()).Count());

        var areas = new HashSet<CooperationArea> { CooperationArea.JointProduction, CooperationArea.TechnologyTransfer };
        Assert.Equal(Catalog.Agreements.InArea(CooperationArea.JointProduction, CooperationArea.TechnologyTransfer).Count(), Catalog.Agreements.InArea(areas).Count());
        Assert.NotEqual(0, Catalog.Agreements.InArea(areas).Count());

        IEnumerable<AgreementStatus> statuses = Enumerable.Repeat(AgreementStatus.Signed, 1);
        Assert.Equal(Catalog.Agreements.WithStatus(AgreementStatus.Signed).Count(), Catalog.Agreements.WithStatus(statuses).Count());
        Assert.Empty(Catalog.Agreements.OfKind(new List<AgreementKind>()));

        Assert.Throws<ArgumentNullException>(() => Catalog.Agreements.OfKind((IEnumerable<AgreementKind>)null!));
        Assert.Throws<ArgumentNullException>(() => Catalog.Agreements.InArea((IEnumerable<CooperationArea>)null!));
        Assert.Throws<ArgumentNullException>(() => Catalog.Agreements.WithStatus((IEnumerable<AgreementStatus>)null!));
    }

    [Fact]
    public void TradeEventAndSpendingFilters_AcceptSequences()
    {
        var tradeKinds = Enum.GetValues<TradeKind>().Take(2).ToList();
        Assert.Equal(Catalog.Trade.OfKind([.. tradeKinds]).Count(), Catalog.Trade.OfKind(tradeKinds).Count());
        var eventKinds = Enum.GetValues<EventKind>().Take(3).ToList();
        Assert.Equal(Catalog.Events.OfKind([.. eventKinds]).Count(), Catalog.Events.OfKind(eventKinds).Count());

        List<CountryRef> countries = ["FI", "TR"];
        List<SpendingMeasure> measures = [SpendingMeasure.CurrentUsd];
        List<SourceId> sources = ["nato-defence-expenditure-2024"];
        var bySpan = Catalog.Spending.Of("FI", "TR").Measure(SpendingMeasure.CurrentUsd).FromSource("nato-defence-expenditure-2024");
        var bySequence = Catalog.Spending.Of(countries).Measure(measures).FromSource(sources);
        Assert.NotEqual(0, bySequence.Count());
        Assert.Equal(bySpan.Select(o => (o.Country, o.Year, o.Value)), bySequence.Select(o => (o.Country, o.Year, o.Value)));

        Assert.Throws<ArgumentNullException>(() => Catalog.Trade.OfKind((IEnumerable<TradeKind>)null!));
        Assert.Throws<ArgumentNullException>(() => Catalog.Events.OfKind((IEnumerable<EventKind>)null!));
        Assert.Throws<ArgumentNullException>(() => Catalog.Spending.Of((IEnumerable<CountryRef>)null!));
        Assert.Throws<ArgumentNullException>(() => Catalog.Spending.Measure((IEnumerable<SpendingMeasure>)null!));
        Assert.Throws<ArgumentNullException>(() => Catalog.Spending.FromSource((IEnumerable<SourceId>)null!));
        Assert.Throws<UnknownCountryException>(() => Catalog.Spending.Of(new List<CountryRef> { "Atlantis" }));
    }

    [Fact]
    public void TradeAndSpending_PageAsAgreementsDo()
    {
        var flows = Catalog.Trade.ToList();
        var observations = Catalog.Spending.Of("FI").ToList();
        var agreements = Catalog.Agreements.ToList();
        Assert.True(flows.Count > 10 && observations.Count > 10 && agreements.Count > 10);

        foreach (var (skip, take) in new[] { (0, 3), (2, 5), (7, 0), (5, int.MaxValue), (int.MaxValue, 4) })
        {
            Assert.Equal(flows.Skip(skip).Take(take), Catalog.Trade.Skip(skip).Take(take));
            Assert.Equal(flows.Skip(skip).Take(take).Count(), Catalog.Trade.Skip(skip).Take(take).Count());
            Assert.Equal(observations.Skip(skip).Take(take), Catalog.Spending.Of("FI").Skip(skip).Take(take).ToList());
            Assert.Equal(observations.Skip(skip).Take(take).Count(), Catalog.Spending.Of("FI").Skip(skip).Take(take).Count());
            Assert.Equal(agreements.Skip(skip).Take(take).Count(), Catalog.Agreements.Skip(skip).Take(take).Count());
        }

        // Paging further: skipping within a page shortens it, as AgreementPage does.
        Assert.Equal(flows.Skip(2).Take(5).Skip(3).Take(1), Catalog.Trade.Skip(2).Take(5).Skip(3).Take(1));
        Assert.Equal(observations.Take(4).Skip(1), Catalog.Spending.Of("FI").Take(4).Skip(1));
        Assert.Equal(agreements.Take(4).Skip(1).Count(), Catalog.Agreements.Take(4).Skip(1).Count());
        Assert.True(Catalog.Trade.Take(1).Any());
        Assert.False(Catalog.Spending.Of("FI").Skip(observations.Count).Any());

        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Trade.Skip(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Spending.Take(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Trade.Take(3).Skip(-2));
    }

    [Fact]
    public void EveryQueryType_OffersTheSamePagingMembers()
    {
        foreach (var query in new[] { typeof(AgreementQuery), typeof(TradeQuery), typeof(SpendingQuery) })
        {
            var page = query.GetMethod("Skip")!.ReturnType;
            Assert.Equal(page, query.GetMethod("Take")!.ReturnType);
            foreach (var member in new[] { "Skip", "Take", "Count", "Any", "ToList", "GetEnumerator" })
                Assert.True(page.GetMethod(member, [.. member is "Skip" or "Take" ? [typeof(int)] : Type.EmptyTypes]) is not null, $"{page.Name} has no {member}");
        }
    }

    [Fact]
    public void SpendingKey_PrintsOnlyWhatItHas()
    {
        var country = new SpendingKey(CountryCode.Parse("FI"), null, SpendingMeasure.CurrentUsd, CurrencyCode.Usd, PriceBasis.Current, null);
        Assert.Equal("FI CurrentUsd USD", country.ToString());
        var organization = new SpendingKey(null, new OrganizationId("nato"), SpendingMeasure.ConstantUsd, CurrencyCode.Usd, PriceBasis.Constant(2015), "equipment");
        Assert.Equal("nato ConstantUsd USD constant 2015 [equipment]", organization.ToString());
        var share = new SpendingKey(CountryCode.Parse("TR"), null, SpendingMeasure.ShareOfGdp, null, PriceBasis.Current, "");
        Assert.Equal("TR ShareOfGdp", share.ToString());

        foreach (var view in Catalog.Spending.Of("FI").Series())
        {
            string text = view.Key.ToString();
            Assert.DoesNotContain("=", text);
            Assert.DoesNotContain("  ", text);
            Assert.DoesNotContain("[]", text);
        }
    }
}
