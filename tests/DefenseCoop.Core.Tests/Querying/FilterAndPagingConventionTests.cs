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

        // Paging further: skipping within a page shortens it, as every page does.
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
    public void EveryQueryType_OffersTheSameSkeleton()
    {
        string[] terminal = ["Count", "Any", "First", "FirstOrDefault", "Single", "SingleOrDefault", "ToList", "GetEnumerator"];
        foreach (var (query, record) in new[] { (typeof(AgreementQuery), typeof(Agreement)), (typeof(TradeQuery), typeof(TradeFlow)),
                     (typeof(EventQuery), typeof(Event)), (typeof(SpendingQuery), typeof(SpendingObservation)) })
        {
            Assert.True(query.IsAssignableTo(typeof(Query<>).MakeGenericType(record)), $"{query.Name} is no Query<{record.Name}>");
            var page = typeof(Page<>).MakeGenericType(record);
            Assert.Equal(page, query.GetMethod("Skip")!.ReturnType);
            Assert.Equal(page, query.GetMethod("Take")!.ReturnType);
            foreach (var member in terminal.Concat(["Skip", "Take"]))
            {
                Assert.True(query.GetMethod(member, [.. member is "Skip" or "Take" ? [typeof(int)] : Type.EmptyTypes]) is not null, $"{query.Name} has no {member}");
                Assert.True(page.GetMethod(member, [.. member is "Skip" or "Take" ? [typeof(int)] : Type.EmptyTypes]) is not null, $"{page.Name} has no {member}");
            }
            // One name for a time range: Within(year), Within(fromYear, toYear); named clocks only where a record has two dates.
            Assert.NotNull(query.GetMethod("Within", [typeof(int)]));
            Assert.Equal(["fromYear", "toYear"], query.GetMethod("Within", [typeof(int), typeof(int)])!.GetParameters().Select(p => p.Name));
        }
    }

    [Fact]
    public void TimeRanges_HaveOneNamingRule()
    {
        // Every public method of the query surface that takes a range of years names it fromYear and toYear,
        // and no method is named for years or a clock other than the two of a SIPRI deal.
        var surface = typeof(Query<>).Assembly.GetExportedTypes().Where(t => t.Namespace == "DefenseCoop.Querying" || t == typeof(DefenseCoopCatalog));
        foreach (var method in surface.SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.DeclaredOnly)))
        {
            Assert.DoesNotContain(method.Name, new[] { "Years", "InYear", "SignedWithin", "Between" + "Years" });
            if (method.Name.EndsWith("Within", StringComparison.Ordinal))
                Assert.Contains(method.Name, new[] { "Within", "OrderedWithin", "DeliveredWithin" });
            var years = method.GetParameters().Where(p => p.ParameterType == typeof(int) && p.Name is "from" or "to" or "first" or "last" or "start" or "end").ToList();
            Assert.True(years.Count == 0, $"{method.DeclaringType!.Name}.{method.Name} names a year range {string.Join(", ", years.Select(p => p.Name))}");
        }
    }

    [Fact]
    public void SingleResults_FollowLinq()
    {
        var turkiyeFinland = Catalog.Agreements.Between("TR", "FI").ToList();
        Assert.True(turkiyeFinland.Count > 1);
        Assert.Same(turkiyeFinland[0], Catalog.Agreements.Between("TR", "FI").First());
        Assert.Same(turkiyeFinland[0], Catalog.Agreements.Between("TR", "FI").FirstOrDefault());
        Assert.Same(turkiyeFinland[1], Catalog.Agreements.Between("TR", "FI").Skip(1).First());
        Assert.Throws<InvalidOperationException>(() => Catalog.Agreements.Between("TR", "FI").Single());
        Assert.Throws<InvalidOperationException>(() => Catalog.Agreements.Between("TR", "FI").SingleOrDefault());
        Assert.Same(turkiyeFinland[^1], Catalog.Agreements.Between("TR", "FI").Skip(turkiyeFinland.Count - 1).Single());

        var embargo = Catalog.Agreements.Between("FI", "TR").OfKind(AgreementKind.ArmsEmbargo);
        Assert.Same(embargo.First(), embargo.Single());
        Assert.Same(embargo.First(), embargo.SingleOrDefault());

        var none = Catalog.Events.Involving("TR").Within(1900, 1901);
        Assert.Null(none.FirstOrDefault());
        Assert.Null(none.SingleOrDefault());
        Assert.Throws<InvalidOperationException>(() => none.First());
        Assert.Throws<InvalidOperationException>(() => none.Single());
        Assert.Null(Catalog.Trade.Take(0).FirstOrDefault());
        Assert.Equal(default, Catalog.Spending.Of("FI").Within(1900).FirstOrDefault());
        Assert.Equal(Catalog.Spending.Of("FI").ToList()[0], Catalog.Spending.Of("FI").First());
        Assert.Equal(Catalog.Events.ToList()[0], Catalog.Events.First());
        Assert.Equal(Catalog.Trade.ToList()[2], Catalog.Trade.Skip(2).Take(5).First());
    }

    [Fact]
    public void Pages_SayWhereTheyLie()
    {
        var events = Catalog.Events.ToList();
        Assert.True(events.Count > 6);
        var page = Catalog.Events.Skip(2).Take(3);
        Assert.Equal((2, 3, events.Count), (page.Offset, page.Limit, page.Total));
        Assert.Equal(events.Skip(2).Take(3), page);
        Assert.Equal(events.Skip(2).Take(3), page.ToList());
        Assert.Equal(3, page.Count());
        Assert.Equal((4, 1), (page.Skip(2).Offset, page.Skip(2).Limit));
        Assert.Null(Catalog.Events.Skip(4).Limit);
        Assert.Equal(events.Count - 4, Catalog.Events.Skip(4).Count());
        Assert.False(Catalog.Events.Skip(events.Count).Any());
        Assert.True(Catalog.Events.Skip(events.Count - 1).Any());
        Assert.False(Catalog.Events.Take(0).Any());
        Assert.Equal(events[^1], Catalog.Events.Skip(events.Count - 1).Single());
    }

    [Fact]
    public void Within_IsTheRecordsOwnDate_OnEveryQuery()
    {
        var from = new NodaTime.LocalDate(2015, 1, 1);
        var to = new NodaTime.LocalDate(2023, 12, 31);
        bool Inside(PartialDate? date) => date is { } d && d.Earliest >= from && d.Latest <= to;
        Assert.Equal(Catalog.Agreements.Where(a => Inside(a.SignedOn)), Catalog.Agreements.Within(2015, 2023));
        Assert.Equal(Catalog.Trade.Where(f => Inside(f.Period)), Catalog.Trade.Within(2015, 2023));
        Assert.Equal(Catalog.Events.Where(e => Inside(e.Date)), Catalog.Events.Within(2015, 2023));
        Assert.Equal(Catalog.Spending.Where(o => o.Year is >= 2015 and <= 2023), Catalog.Spending.Within(2015, 2023));
        Assert.NotEmpty(Catalog.Events.Within(2015, 2023));
        Assert.Equal(Catalog.Events.Within(2020, 2020), Catalog.Events.Within(2020));
        // Ranges intersect, and two that do not overlap leave nothing.
        Assert.Equal(Catalog.Trade.Within(2018, 2020), Catalog.Trade.Within(2015, 2020).Within(2018, 2023));
        Assert.Empty(Catalog.Agreements.Within(2010, 2012).Within(2015, 2016));
        Assert.Empty(Catalog.Events.Within(2010, 2012).Within(2015, 2016));
        foreach (var bad in new Action[] { () => Catalog.Agreements.Within(2020, 2019), () => Catalog.Trade.Within(0, 2019),
                     () => Catalog.Events.Within(2020, 10_000), () => Catalog.Spending.Within(2020, 2019), () => Catalog.Trade.OrderedWithin(2020, 2019),
                     () => Catalog.Trade.From("TR").TivByPartner(2023, 2015), () => Catalog.Partners("TR", 2023, 2015) })
            Assert.Throws<ArgumentOutOfRangeException>(bad);
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
