using CsCheck;
using DefenseCoop.Data;
using DefenseCoop.Panels;
using DefenseCoop.Tests.Querying;
using NodaTime;

namespace DefenseCoop.Tests.Panels;

/// <summary>
/// On small random catalogs and random frames, every row's counts and transfers equal the catalog's own queries
/// for that row (inside the coverage; null outside), directed and not; a non-directed pair's TIV and deals are
/// the sums of its two directed rows.
/// </summary>
public class ColumnPropertyTests
{
    // COW's codes for the random catalogs' six countries: TR, FI, SE, KZ, UZ, KG.
    private static readonly int[] Cow = [640, 375, 380, 705, 704, 703];
    private static readonly LocalDate ClosedOn = new(2024, 12, 31);

    private static readonly Gen<TradeFlow> Deal =
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 6], Gen.Int[2012, 2025].Array[0, 3], Gen.Select(Gen.Int[0, 4], Gen.Int[2010, 2024]), Gen.Int[0, 20_000])
           .Select((exporter, importer, deliveries, order, tiv) => new TradeFlow
           {
               Id = new TradeFlowId("d"), Kind = TradeKind.ArmsTransfer, Exporter = RandomCatalogs.Countries[exporter],
               Importer = importer == 6 ? (CountryCode?)null : RandomCatalogs.Countries[importer], Sources = [RandomCatalogs.Sources[0]],
               Deal = new ArmsTransferDeal
               {
                   Designation = "System", OrderYear = order.Item1 == 0 ? null : order.Item2, DeliveryYears = [.. deliveries],
                   TivDelivered = tiv % 7 == 0 ? null : new TrendIndicatorValue(tiv / 100m),
               },
           });

    // Annual table figures (a supplier's total to all destinations), from the second source.
    private static readonly Gen<TradeFlow> TableRow =
        Gen.Select(Gen.Int[0, 5], Gen.Int[2014, 2022], Gen.Int[0, 5_000]).Select((exporter, year, tiv) => new TradeFlow
        {
            Id = new TradeFlowId("v"), Kind = TradeKind.ArmsTransferVolume, Exporter = RandomCatalogs.Countries[exporter], Period = new PartialDate(year),
            Tiv = new TrendIndicatorValue(tiv / 10m), Sources = [RandomCatalogs.Sources[1]],
        });

    private static readonly Gen<DefenseCoopCatalog> Catalogs =
        Gen.Select(RandomCatalogs.Content(maxAgreements: 25, maxFlows: 6, maxSeries: 0, maxEvents: 12), Deal.Array[0, 25], TableRow.Array[0, 6]).Select((content, deals, table) =>
        {
            var trade = content.Trade.Concat(deals.Select((d, i) => d with { Id = new TradeFlowId($"deal{i}") }))
                .Concat(table.DistinctBy(t => (t.Exporter, t.Period)).Select((t, i) => t with { Id = new TradeFlowId($"table{i}") }));
            return new DefenseCoopCatalog(content with
            {
                Countries = [.. content.Countries.Select(c => c with { Codes = [new DatasetCode(NameScheme.Cow, Cow[Array.IndexOf(RandomCatalogs.Countries, c.Code)].ToString(System.Globalization.CultureInfo.InvariantCulture))] })],
                Trade = [.. trade.OrderBy(f => f.Id)],
            });
        });

    private static readonly Gen<StateSystem> Systems =
        Gen.Select(Gen.Int[0, 3000], Gen.Int[0, 3000], Gen.Bool).Array[Cow.Length].Select(states =>
            new StateSystem(states.Select((s, i) =>
            {
                var start = new LocalDate(2016, 1, 1).PlusDays(Math.Min(s.Item1, s.Item2));
                var end = s.Item3 ? ClosedOn : new LocalDate(2016, 1, 1).PlusDays(Math.Max(s.Item1, s.Item2));
                return new StateSpell(Cow[i], $"C{i}", start, end);
            }), ClosedOn, "random system", "none"));

    private static readonly Gen<PanelCoverage> Coverage = Gen.Select(Gen.Int[2016, 2021], Gen.Int[0, 6], Gen.Int[0, 6]).Select((from, length, who) =>
        who >= RandomCatalogs.Countries.Length
            ? PanelCoverage.Everywhere(from, from + length, "random")
            : PanelCoverage.Network([RandomCatalogs.Countries[who]], from, from + length, "random"));

    [Fact]
    public void WithoutAStatedCoverage_ACatalogOfAnotherRelease_RefusesCountColumns()
    {
        Gen.Select(Catalogs, Systems).Sample((catalog, system) =>
        {
            var panels = new CatalogPanels(catalog, system, 2025);
            var panel = panels.DyadYears(2024, 2025).WithAgreementsSigned();
            var error = Assert.Throws<InvalidOperationException>(() => panel.Describe());
            Assert.Contains("WithRecordCoverage", error.Message);
            // Columns whose coverage comes from their own data need no statement.
            Assert.Equal(panel.Count(), panels.DyadYears(2024, 2025).WithTiv().WithDealsOrdered().Describe().Rows);
            // A catalog without COW's states cannot make COW's frame, and says which are missing.
            Assert.Contains("GMY 255", Assert.Throws<InvalidOperationException>(() => catalog.Panels.DyadYears(2000, 2001).Count()).Message);
        }, iter: 5);
    }

    [Fact]
    public void DyadColumns_EqualTheQueries_AndNonDirectedIsTheSumOfBothDirections()
    {
        Gen.Select(Catalogs, Systems, Coverage, Gen.Bool, Gen.Select(Gen.Int[1, 12], Gen.Int[1, 28])).Sample((catalog, system, coverage, statesOnly, monthDay) =>
        {
            var day = new AnnualDate(monthDay.Item1, monthDay.Item2);
            var panels = new CatalogPanels(catalog, system, 2025);
            DyadYearPanel Panel(bool directed)
            {
                var p = panels.DyadYears(system.FirstYear, 2025).WithRecordCoverage(coverage).OnReferenceDay(day);
                if (statesOnly) p = p.StatesOnly();
                p = p.WithAgreementsSigned().WithAgreementsInForce().WithAgreementsInForce(possibly: true).WithEvents().WithTiv().WithDealsOrdered();
                return directed ? p.Directed() : p;
            }
            var directed = Panel(true);
            var byRow = new Dictionary<(int, int, int), (decimal? Tiv, int? Deals)>();
            foreach (var row in directed)
            {
                var (a, b, y) = (row.State1.Country, row.State2.Country, row.Year);
                bool covered = coverage.Covers(a, b, y);
                var agreements = statesOnly ? catalog.Agreements.StatesOnly().Between(a, b) : catalog.Agreements.Between(a, b);
                var events = statesOnly ? catalog.Events.StatesOnly().Between(a, b) : catalog.Events.Between(a, b);
                Assert.Equal(covered ? agreements.Within(y).Count() : null, row.Get(directed.Column<int>("agreements_signed")));
                Assert.Equal(covered ? agreements.InForceOn(day.InYear(y)).Count() : null, row.Get(directed.Column<int>("agreements_in_force")));
                Assert.Equal(covered ? agreements.PossiblyInForceOn(day.InYear(y)).Count() : null, row.Get(directed.Column<int>("agreements_possibly_in_force")));
                Assert.Equal(covered ? events.Within(y, y).Count() : null, row.Get(directed.Column<int>("events")));

                bool delivered = InSpan(catalog.Trade.Where(f => f.Deal is { DeliveryYears.Length: > 0 }).SelectMany(f => f.Deal!.DeliveryYears), y);
                var tiv = row.Get(directed.Column<TrendIndicatorValue>("tiv"));
                Assert.Equal(delivered ? catalog.Trade.From(a).To(b).TivByYear(y, y)[0].Tiv : null, tiv);
                Assert.Equal(delivered ? true : null, row.Get(directed.Column<bool>("tiv_estimate")));
                bool ordered = InSpan(catalog.Trade.Where(f => f.Deal?.OrderYear is not null).Select(f => f.Deal!.OrderYear!.Value), y);
                var deals = row.Get(directed.Column<int>("deals_ordered"));
                Assert.Equal(ordered ? catalog.Trade.From(a).To(b).OrderedWithin(y, y).Count(f => f.Deal is not null) : null, deals);
                byRow[(row.State1.CowCode, row.State2.CowCode, y)] = (tiv?.Millions, deals);
            }
            var nonDirected = Panel(false);
            Assert.Equal(2 * nonDirected.Count(), directed.Count());
            foreach (var row in nonDirected)
            {
                var (forth, back) = (byRow[(row.State1.CowCode, row.State2.CowCode, row.Year)], byRow[(row.State2.CowCode, row.State1.CowCode, row.Year)]);
                Assert.Equal(forth.Tiv + back.Tiv, row.Get(nonDirected.Column<TrendIndicatorValue>("tiv"))?.Millions);
                Assert.Equal(forth.Deals + back.Deals, row.Get(nonDirected.Column<int>("deals_ordered")));
            }
        }, iter: 150);
    }

    [Fact]
    public void StateYearColumns_EqualTheQueries()
    {
        Gen.Select(Catalogs, Systems, Coverage).Sample((catalog, system, coverage) =>
        {
            var panel = new CatalogPanels(catalog, system, 2025).StateYears(system.FirstYear, 2025).WithRecordCoverage(coverage)
                .WithAgreementsSigned().WithAgreementsInForce().WithEvents().WithTiv().WithDealsOrdered();
            // The annual tables' years: those their figures give.
            var tables = catalog.Trade.OfKind(TradeKind.ArmsTransferVolume).Where(f => f.Tiv is not null).Select(f => f.Period!.Value.Year);
            var deliveries = catalog.Trade.Where(f => f.Deal is { DeliveryYears.Length: > 0 }).SelectMany(f => f.Deal!.DeliveryYears);
            foreach (var row in panel)
            {
                var (s, y) = (row.State.Country, row.Year);
                bool covered = coverage.Covers(s, y);
                Assert.Equal(covered ? catalog.Agreements.Involving(s).Within(y).Count() : null, row.Get(panel.Column<int>("agreements_signed")));
                Assert.Equal(covered ? catalog.Agreements.Involving(s).InForceOn(new LocalDate(y, 12, 31)).Count() : null, row.Get(panel.Column<int>("agreements_in_force")));
                Assert.Equal(covered ? catalog.Events.Involving(s).Within(y, y).Count() : null, row.Get(panel.Column<int>("events")));

                bool tivKnown = InSpan(deliveries.Concat(tables), y);
                var exported = catalog.Trade.From(s).TivByYear(y, y)[0];
                var imported = catalog.Trade.To(s).TivByYear(y, y)[0];
                Assert.Equal(tivKnown ? exported.Tiv : null, row.Get(panel.Column<TrendIndicatorValue>("tiv_exported")));
                Assert.Equal(tivKnown ? exported.Estimate : null, row.Get(panel.Column<bool>("tiv_exported_estimate")));
                Assert.Equal(tivKnown ? imported.Tiv : null, row.Get(panel.Column<TrendIndicatorValue>("tiv_imported")));
                Assert.Equal(tivKnown ? imported.Estimate : null, row.Get(panel.Column<bool>("tiv_imported_estimate")));

                bool ordered = InSpan(catalog.Trade.Where(f => f.Deal?.OrderYear is not null).Select(f => f.Deal!.OrderYear!.Value), y);
                Assert.Equal(ordered ? catalog.Trade.From(s).OrderedWithin(y, y).Count(f => f.Deal is not null) : null, row.Get(panel.Column<int>("deals_ordered_as_supplier")));
                Assert.Equal(ordered ? catalog.Trade.To(s).OrderedWithin(y, y).Count(f => f.Deal is not null) : null, row.Get(panel.Column<int>("deals_ordered_as_recipient")));
            }
        }, iter: 150);
    }

    [Fact]
    public void InForce_TakesEffectOnItsDay_AndAChangeKnownToTheYearIsOnlyPossibleWithinIt()
    {
        StatusChange Change(AgreementStatus status, PartialDate date) => new(status, date, [RandomCatalogs.Sources[0]]);
        Agreement Make(string id, params StatusChange[] history) => new()
        {
            Id = new AgreementId(id), Title = id, Kind = AgreementKind.DefenseCooperationAgreement, Sources = [RandomCatalogs.Sources[0]],
            Parties = [new AgreementParty(CountryCode.Parse("TR"), null, PartyRole.Party), new AgreementParty(CountryCode.Parse("FI"), null, PartyRole.Party)], StatusHistory = [.. history],
        };
        var content = RandomCatalogs.Make(
        [
            Make("a-on-the-day", Change(AgreementStatus.Signed, new PartialDate(2020, 6, 30))),
            Make("b-day-after", Change(AgreementStatus.Signed, new PartialDate(2020, 7, 1))),
            Make("c-in-2021", Change(AgreementStatus.InForce, new PartialDate(2021))),
            Make("d-ended-on-the-day", Change(AgreementStatus.Signed, new PartialDate(2019, 1, 1)), Change(AgreementStatus.Expired, new PartialDate(2022, 6, 30))),
        ], [], []);
        var catalog = new DefenseCoopCatalog(content with { Countries = [.. content.Countries.Select(c => c with { Codes = [new DatasetCode(NameScheme.Cow, Cow[Array.IndexOf(RandomCatalogs.Countries, c.Code)].ToString(System.Globalization.CultureInfo.InvariantCulture))] })] });
        var system = new StateSystem(Cow.Select((code, i) => new StateSpell(code, $"C{i}", new LocalDate(2016, 1, 1), ClosedOn)), ClosedOn, "random system", "none");
        var panel = new CatalogPanels(catalog, system).DyadYears(2019, 2023).Involving("TR").WithRecordCoverage(PanelCoverage.Everywhere(2019, 2023, "test"))
            .OnReferenceDay(new AnnualDate(6, 30)).WithAgreementsInForce(name: "certain").WithAgreementsInForce(possibly: true, name: "possible");
        var trFi = panel.Where(r => r.State1.Country == CountryCode.Parse("FI") && r.State2.Country == CountryCode.Parse("TR")).ToDictionary(r => r.Year, r => (r.Get(panel.Column<int>("certain")), r.Get(panel.Column<int>("possible"))));
        Assert.Equal((1, 1), trFi[2019]);   // d
        Assert.Equal((2, 2), trFi[2020]);   // d, and a signed on the day itself; b only the next day
        Assert.Equal((3, 4), trFi[2021]);   // d, a, b; c, known only to be of 2021, may or may not be in force by 30 June
        Assert.Equal((3, 3), trFi[2022]);   // a, b, c; d expired on the day itself
        Assert.Equal((3, 3), trFi[2023]);
    }

    /// <summary>Whether <paramref name="year"/> lies between the first and last of <paramref name="years"/>: a register's coverage.</summary>
    private static bool InSpan(IEnumerable<int> years, int year)
    {
        var list = years.ToList();
        return list.Count > 0 && year >= list.Min() && year <= list.Max();
    }

    [Fact]
    public void RandomCatalogs_HaveWhatTheChecksNeed()
    {
        // The generators must give deals with and without deliveries, order years and TIV, so that the checks above can fail.
        var catalogs = Catalogs.Array[40].Single();
        Assert.Contains(catalogs, c => c.Trade.Any(f => f.Deal is { TivDelivered: not null, DeliveryYears.Length: > 1 }));
        Assert.Contains(catalogs, c => c.Trade.Any(f => f.Kind == TradeKind.ArmsTransferVolume));
        Assert.Contains(catalogs, c => c.Agreements.Count() > 10 && c.Events.Any());
    }
}
