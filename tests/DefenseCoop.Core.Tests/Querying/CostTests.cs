using NodaTime;

namespace DefenseCoop.Tests.Querying;

/// <summary>What queries cost: Count and Any allocate nothing, and many threads get the same answers as one.</summary>
public class CostTests
{
    private static readonly DefenseCoopCatalog Catalog = DefenseCoopCatalog.Default;

    private static long AllocatedBy(Action action)
    {
        action(); // JIT and first-use work happen outside the measurement
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void CountAndAny_OnIndexedQueries_AllocateNothing()
    {
        var dyad = Catalog.Agreements.Between("TR", "FI").Within(2019, 2025);
        var inForce = Catalog.Agreements.Involving("TR").OfKind(AgreementKind.ArmsEmbargo, AgreementKind.MemorandumOfUnderstanding).InForceOn(new LocalDate(2024, 1, 1));
        var trade = Catalog.Trade.From("FI").Within(2020, 2025);
        var spending = Catalog.Spending.Of("FI").Measure(SpendingMeasure.CurrentUsd).Within(2014, 2025);
        Assert.Equal(0, AllocatedBy(() => { dyad.Count(); dyad.Any(); }));
        Assert.Equal(0, AllocatedBy(() => { inForce.Count(); inForce.Any(); }));
        Assert.Equal(0, AllocatedBy(() => { trade.Count(); trade.Any(); }));
        Assert.Equal(0, AllocatedBy(() => { spending.Count(); spending.Any(); }));
    }

    [Fact]
    public void ThirtyTwoThreads_GetTheAnswersOneThreadGets()
    {
        string Answer() => string.Join("|",
            string.Join(",", Catalog.Agreements.Between("TR", "FI").Select(a => a.Id)),
            Catalog.Agreements.Involving("TR").InForceOn(new LocalDate(2021, 6, 1)).Count(),
            string.Join(",", Catalog.Trade.Between("FI", "TR").Select(f => f.Id)),
            string.Join(",", Catalog.Spending.Of("FI").Select(o => o.Value)),
            string.Join(",", Catalog.Timeline("TR", "FI").Select(e => e.Summary)),
            string.Join(",", Catalog.Partners("TR").Select(p => $"{p.Partner}{p.Total}")));
        string expected = Answer();
        var answers = new string[32];
        using var start = new Barrier(answers.Length);
        var threads = Enumerable.Range(0, answers.Length).Select(i => new Thread(() =>
        {
            start.SignalAndWait();
            for (int round = 0; round < 20; round++) answers[i] = Answer();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.All(answers, a => Assert.Equal(expected, a));
    }

    [Fact]
    public void ThirtyTwoThreads_FirstUsingANewCatalog_GetTheAnswersOneThreadGets()
    {
        // Queries whose first run builds something lazily: the indexes, the dense lists' bitmaps (several
        // lists in one plan), the status changes' timeline lists, the name lookup.
        static string Answer(DefenseCoopCatalog c) => string.Join("|",
            c.Agreements.Involving("Türkiye").OfKind(AgreementKind.DefenseCooperationAgreement, AgreementKind.MemorandumOfUnderstanding).Count(),
            string.Join(",", c.Agreements.Involving("TR").InArea(CooperationArea.JointProduction, CooperationArea.TechnologyTransfer).Select(a => a.Id)),
            c.Trade.Involving("TR").OfKind(TradeKind.ArmsTransfer, TradeKind.DefenseExports).Count(),
            string.Join(",", c.Timeline("TR", "FI").Select(e => e.Summary)),
            string.Join(",", c.Timeline("TR", statesOnly: true).Select(e => e.Summary)));
        string expected = Answer(DefenseCoopCatalog.LoadBundled());
        for (int round = 0; round < 5; round++)
        {
            var catalog = DefenseCoopCatalog.LoadBundled(); // nothing built yet
            var answers = new string[32];
            using var start = new Barrier(answers.Length);
            var threads = Enumerable.Range(0, answers.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                answers[i] = Answer(catalog);
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            Assert.All(answers, a => Assert.Equal(expected, a));
        }
    }
}
