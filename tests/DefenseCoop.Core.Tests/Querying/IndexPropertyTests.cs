using CsCheck;
using DefenseCoop.Data;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Tests.Querying;

/// <summary>
/// The indexed answer to any chain of filters equals, item for item and in order, a brute-force LINQ
/// evaluation of the same filters over the same random catalog.
/// </summary>
public class IndexPropertyTests
{
    private const int Catalogs = 2_000;
    private const int ChainsPerCatalog = 6; // 12,000 agreement queries, as many trade and spending queries

    /// <summary>One filter: how the query applies it, and what it means for a single agreement.</summary>
    private sealed record AgreementStep(string Name, Func<AgreementQuery, AgreementQuery> Apply, Func<Agreement, bool, bool> Matches)
    {
        public override string ToString() => Name;
    }

    private static Gen<T> OneOf<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static readonly Gen<AgreementStep> Step = Gen.OneOf(
        Gen.Select(OneOf(RandomCatalogs.Countries), OneOf(RandomCatalogs.Countries)).Where((a, b) => a != b)
           .Select((a, b) => new AgreementStep($"Between({a},{b})", q => q.Between(a, b), (x, states) => Rolled(x, states).Contains(a) && Rolled(x, states).Contains(b))),
        OneOf(RandomCatalogs.Countries).Select(c => new AgreementStep($"Involving({c})", q => q.Involving(c), (x, states) => Rolled(x, states).Contains(c))),
        OneOf(RandomCatalogs.Organizations).Select(o => new AgreementStep($"Involving({o})", q => q.Involving(o), (x, states) => x.Parties.Any(p => p.Organization == o))),
        OneOf(RandomCatalogs.Systems).Select(s => new AgreementStep($"Involving({s})", q => q.Involving(s), (x, states) => x.Systems.Contains(s))),
        Gen.Int[2018, 2025].Select(y => new AgreementStep($"SignedWithin({y})", q => q.Within(y), (x, states) => x.SignedOn is { } d && d.Earliest.Year >= y && d.Latest.Year <= y)),
        Gen.Select(RandomCatalogs.Day, Gen.Int[0, 900]).Select((from, days) => new AgreementStep($"SignedWithin({from},{from.PlusDays(days)})",
            q => q.Within(from, from.PlusDays(days)), (x, states) => x.SignedOn is { } d && d.Earliest >= from && d.Latest <= from.PlusDays(days))),
        Gen.Select(OneOf(Enum.GetValues<AgreementKind>()), OneOf(Enum.GetValues<AgreementKind>())).Select((k1, k2) =>
            new AgreementStep($"OfKind({k1},{k2})", q => q.OfKind(k1, k2), (x, states) => x.Kind == k1 || x.Kind == k2)),
        OneOf(Enum.GetValues<CooperationArea>()[..5]).Select(a => new AgreementStep($"InArea({a})", q => q.InArea(a), (x, states) => x.Areas.Contains(a))),
        OneOf(Enum.GetValues<AgreementStatus>()).Select(s => new AgreementStep($"WithStatus({s})", q => q.WithStatus(s), (x, states) => x.StatusHistory.Any(c => c.Status == s))),
        RandomCatalogs.Day.Select(d => new AgreementStep($"InForceOn({d})", q => q.InForceOn(d), (x, states) => x.StateOn(d) == InForceState.InForce)),
        RandomCatalogs.Day.Select(d => new AgreementStep($"PossiblyInForceOn({d})", q => q.PossiblyInForceOn(d), (x, states) => x.StateOn(d) != InForceState.NotInForce)));

    private static IEnumerable<CountryCode> Rolled(Agreement x, bool statesOnly) => RandomCatalogs.CountriesOf(x.Countries, x.Organizations, statesOnly);

    private static IEnumerable<CountryCode> Rolled(TradeFlow f, bool statesOnly) =>
        RandomCatalogs.CountriesOf(new[] { f.Exporter, f.Importer }.OfType<CountryCode>(), f.Organizations, statesOnly);

    private static readonly Gen<(AgreementStep[] Steps, bool Descending, int Skip, int Take, bool StatesOnly)> Chain =
        Gen.Select(Step.Array[0, 4], Gen.Bool, Gen.Int[0, 3], Gen.Int[0, 40], Gen.Bool);

    private static IEnumerable<Agreement> BruteForce(CatalogContent content, AgreementStep[] steps, bool descending, bool statesOnly)
    {
        var matching = content.Agreements.Where(a => steps.All(s => s.Matches(a, statesOnly))).ToList();
        var dated = matching.Where(a => a.SignedOn is not null);
        var undated = matching.Where(a => a.SignedOn is null).OrderBy(a => a.Id);
        return descending
            ? dated.OrderByDescending(a => a.SignedOn!.Value).ThenByDescending(a => a.Id).Concat(undated)
            : dated.OrderBy(a => a.SignedOn!.Value).ThenBy(a => a.Id).Concat(undated);
    }

    [Fact]
    public void AgreementQueries_EqualBruteForce()
    {
        Gen.Select(RandomCatalogs.Content(), Chain.Array[ChainsPerCatalog]).Sample((content, chains) =>
        {
            var catalog = new DefenseCoopCatalog(content);
            foreach (var (steps, descending, skip, take, statesOnly) in chains)
            {
                var query = steps.Aggregate(statesOnly ? catalog.Agreements.StatesOnly() : catalog.Agreements, (q, s) => s.Apply(q));
                if (descending) query = query.OrderBySigningDateDescending();
                var expected = BruteForce(content, steps, descending, statesOnly).Select(a => a.Id).ToList();
                string because = $"{(statesOnly ? "StatesOnly." : "")}{string.Join(".", steps.Select(s => s.Name))}{(descending ? ".Descending" : "")}";
                Assert.True(expected.SequenceEqual(query.Select(a => a.Id)), because + $" expected [{string.Join(",", expected)}] got [{string.Join(",", query.Select(a => a.Id))}] dates [{string.Join(",", content.Agreements.Select(a => $"{a.Id}:{a.SignedOn}"))}]");
                Assert.True(expected.Count == query.Count(), because);
                Assert.True((expected.Count > 0) == query.Any(), because);
                var page = query.Skip(skip).Take(take);
                Assert.True(expected.Skip(skip).Take(take).SequenceEqual(page.Select(a => a.Id)), because + $".Skip({skip}).Take({take})");
                Assert.True(Math.Clamp(expected.Count - skip, 0, take) == page.Count(), because);
            }
        }, iter: Catalogs);
    }

    private sealed record TradeStep(string Name, Func<TradeQuery, TradeQuery> Apply, Func<TradeFlow, bool, bool> Matches);

    private static readonly Gen<TradeStep> TradeFilter = Gen.OneOf(
        OneOf(RandomCatalogs.Countries).Select(c => new TradeStep($"From({c})", q => q.From(c), (f, states) => f.IsDirected && f.Exporter == c)),
        OneOf(RandomCatalogs.Countries).Select(c => new TradeStep($"To({c})", q => q.To(c), (f, states) => f.IsDirected && f.Importer == c)),
        Gen.Select(OneOf(RandomCatalogs.Countries), OneOf(RandomCatalogs.Countries)).Where((a, b) => a != b).Select((a, b) =>
            new TradeStep($"Between({a},{b})", q => q.Between(a, b), (f, states) => Rolled(f, states).Contains(a) && Rolled(f, states).Contains(b))),
        OneOf(RandomCatalogs.Countries).Select(c => new TradeStep($"Involving({c})", q => q.Involving(c), (f, states) => Rolled(f, states).Contains(c))),
        OneOf(RandomCatalogs.Organizations).Select(o => new TradeStep($"Involving({o})", q => q.Involving(o), (f, states) => f.Organizations.Contains(o))),
        OneOf(RandomCatalogs.Systems).Select(s => new TradeStep($"Involving({s})", q => q.Involving(s), (f, states) => f.Systems.Contains(s))),
        Gen.Select(Gen.Int[2018, 2025], Gen.Int[0, 3]).Select((y, n) => new TradeStep($"Years({y},{y + n})", q => q.Within(y, y + n),
            (f, states) => f.Period is { } p && p.Earliest.Year >= y && p.Latest.Year <= y + n)),
        OneOf(Enum.GetValues<TradeKind>()).Select(k => new TradeStep($"OfKind({k})", q => q.OfKind(k), (f, states) => f.Kind == k)),
        Gen.Select(OneOf(Enum.GetValues<TradeKind>()), OneOf(Enum.GetValues<TradeKind>())).Select((k1, k2) =>
            new TradeStep($"OfKind({k1},{k2})", q => q.OfKind(k1, k2), (f, states) => f.Kind == k1 || f.Kind == k2)));

    [Fact]
    public void TradeQueries_EqualBruteForce()
    {
        Gen.Select(RandomCatalogs.Content(maxAgreements: 0), Gen.Select(TradeFilter.Array[0, 3], Gen.Bool).Array[ChainsPerCatalog]).Sample((content, chains) =>
        {
            var catalog = new DefenseCoopCatalog(content);
            foreach (var (steps, statesOnly) in chains)
            {
                var query = steps.Aggregate(statesOnly ? catalog.Trade.StatesOnly() : catalog.Trade, (q, s) => s.Apply(q));
                var expected = content.Trade.Where(f => steps.All(s => s.Matches(f, statesOnly)))
                    .OrderBy(f => f.Period is null).ThenBy(f => f.Period ?? default).ThenBy(f => f.Id).Select(f => f.Id).ToList();
                string because = string.Join(".", steps.Select(s => s.Name));
                Assert.True(expected.SequenceEqual(query.Select(f => f.Id)), because);
                Assert.True(expected.Count == query.Count(), because);
                foreach (var total in query.Totals())
                    Assert.Equal(content.Trade.Where(f => steps.All(s => s.Matches(f, statesOnly)) && f.Value?.Currency == total.Currency).Sum(f => f.Value!.Value.Amount), total.Amount);
            }
        }, iter: Catalogs);
    }

    private sealed record SpendingStep(string Name, Func<SpendingQuery, SpendingQuery> Apply, Func<SpendingObservation, bool> Matches);

    private static readonly Gen<SpendingStep> SpendingFilter = Gen.OneOf(
        Gen.Select(OneOf(RandomCatalogs.Countries), OneOf(RandomCatalogs.Countries)).Select((a, b) => new SpendingStep($"Of({a},{b})", q => q.Of(a, b), o => o.Country == a || o.Country == b)),
        OneOf(Enum.GetValues<SpendingMeasure>()).Select(m => new SpendingStep($"Measure({m})", q => q.Measure(m), o => o.Measure == m)),
        Gen.Select(Gen.Int[2018, 2025], Gen.Int[0, 3]).Select((y, n) => new SpendingStep($"Years({y},{y + n})", q => q.Within(y, y + n), o => o.Year >= y && o.Year <= y + n)),
        OneOf(RandomCatalogs.Sources).Select(s => new SpendingStep($"FromSource({s})", q => q.FromSource(s), o => o.Source == s)),
        OneOf(RandomCatalogs.Sources).Select(s => new SpendingStep($"FromPublisher({s})", q => q.FromPublisher(s.Value.ToUpperInvariant()), o => o.Source == s)));

    [Fact]
    public void SpendingQueries_EqualBruteForce()
    {
        Gen.Select(RandomCatalogs.Content(maxAgreements: 0, maxFlows: 0), SpendingFilter.Array[0, 3].Array[ChainsPerCatalog]).Sample((content, chains) =>
        {
            var catalog = new DefenseCoopCatalog(content);
            foreach (var steps in chains)
            {
                var query = steps.Aggregate(catalog.Spending, (q, s) => s.Apply(q));
                var expected = content.Spending.SelectMany(s => s.Observations).Where(o => steps.All(s => s.Matches(o)))
                    .OrderBy(o => o.Country).ThenBy(o => o.Measure).ThenBy(o => o.Series.Id).ThenBy(o => o.Year).ToList();
                string because = string.Join(".", steps.Select(s => s.Name));
                Assert.True(expected.SequenceEqual(query), because);
                Assert.True(expected.Count == query.Count(), because);
                Assert.True((expected.Count > 0) == query.Any(), because);
            }
        }, iter: Catalogs);
    }

    /// <summary>
    /// The catalog's timelines, merged from presorted posting lists, equal the definition: every entry of the
    /// records that involve the countries, given in date order, sorted by date, then kind, then that order.
    /// </summary>
    [Fact]
    public void Timelines_EqualTheirDefinition()
    {
        Gen.Select(RandomCatalogs.Content(maxEvents: 12), Gen.Bool).Sample((content, statesOnly) =>
        {
            var catalog = new DefenseCoopCatalog(content);
            var agreements = content.Agreements.OrderBy(a => a.SignedOn is null).ThenBy(a => a.SignedOn ?? default).ThenBy(a => a.Id).ToList();
            var flows = content.Trade.OrderBy(f => f.Period is null).ThenBy(f => f.Period ?? default).ThenBy(f => f.Id).ToList();
            var events = content.Events.OrderBy(e => e.Date is null).ThenBy(e => e.Date ?? default).ThenBy(e => e.Id).ToList();
            List<TimelineEntry> Definition(Func<IEnumerable<CountryCode>, bool> involves) => DefenseCoopCatalog.BuildTimeline(
                agreements.Where(x => involves(Rolled(x, statesOnly))),
                flows.Where(f => involves(Rolled(f, statesOnly))),
                events.Where(e => involves(RandomCatalogs.CountriesOf(e.Countries, e.Organizations, statesOnly))));
            foreach (var a in RandomCatalogs.Countries)
            {
                Assert.Equal(Definition(c => c.Contains(a)), catalog.Timeline(a, statesOnly));
                foreach (var b in RandomCatalogs.Countries.Where(b => b != a))
                    Assert.Equal(Definition(c => c.Contains(a) && c.Contains(b)), catalog.Timeline(a, b, statesOnly));
            }
        }, iter: 500);
    }
}
