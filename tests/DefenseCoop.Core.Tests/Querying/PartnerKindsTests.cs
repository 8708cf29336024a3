using DefenseCoop.Querying;

namespace DefenseCoop.Tests.Querying;

/// <summary>Partners over a year range and kinds of record, held to a count made record by record.</summary>
public class PartnerKindsTests
{
    private static DefenseCoopCatalog Catalog => DefenseCoopCatalog.Default;

    // The definition: every record of the kinds, dated within the years, that Türkiye takes part in as a
    // state or through an organization; each partner counted once per record.
    private static Dictionary<CountryCode, (int Agreements, int Flows, int Events)> Expected(int from, int to, PartnerKinds kinds)
    {
        var tr = CountryCode.Parse("TR");
        var counts = new Dictionary<CountryCode, (int, int, int)>();
        bool Inside(PartialDate? date) => date is { } d && d.Earliest.Year >= from && d.Latest.Year <= to;
        IEnumerable<CountryCode> Involved(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations) =>
            states.Concat(organizations.Select(o => Catalog.Organizations.TryGet(o, out var x) ? x.Country : null).OfType<CountryCode>()).Distinct();
        void Count(IEnumerable<CountryCode> involved, int which)
        {
            var all = involved.ToList();
            if (!all.Contains(tr)) return;
            foreach (var partner in all.Where(c => c != tr))
            {
                var (a, f, e) = counts.GetValueOrDefault(partner);
                counts[partner] = which switch { 0 => (a + 1, f, e), 1 => (a, f + 1, e), _ => (a, f, e + 1) };
            }
        }
        foreach (var x in Catalog.Agreements.ToList())
            if (kinds.Agreements is { } k && (k.IsEmpty || k.Contains(x.Kind)) && Inside(x.SignedOn)) Count(Involved(x.Countries, x.Organizations), 0);
        foreach (var x in Catalog.Trade.ToList())
            if (kinds.Trade is { } k && (k.IsEmpty || k.Contains(x.Kind)) && Inside(x.Period)) Count(Involved(new[] { x.Exporter, x.Importer }.OfType<CountryCode>(), x.Organizations), 1);
        foreach (var x in Catalog.Events.ToList())
            if (kinds.Events is { } k && (k.IsEmpty || k.Contains(x.Kind)) && Inside(x.Date)) Count(Involved(x.Countries, x.Organizations), 2);
        return counts;
    }

    public static TheoryData<string> KindSets() => ["all", "arms transfers", "agreements", "mou and events", "meetings"];

    private static PartnerKinds Kinds(string name) => name switch
    {
        "all" => PartnerKinds.All,
        "arms transfers" => PartnerKinds.Of(TradeKind.ArmsTransfer),
        "agreements" => PartnerKinds.Of(Array.Empty<AgreementKind>()),
        "mou and events" => PartnerKinds.Of(AgreementKind.MemorandumOfUnderstanding).And(Array.Empty<EventKind>()),
        _ => PartnerKinds.Of(EventKind.Meeting),
    };

    [Theory]
    [MemberData(nameof(KindSets))]
    public void Partners_OfKinds_WithinYears_CountAsTheDefinition(string kindSet)
    {
        var kinds = Kinds(kindSet);
        foreach (var (from, to) in new[] { (2015, 2023), (2000, 2025), (2024, 2024) })
        {
            var expected = Expected(from, to, kinds);
            var actual = Catalog.Partners("TR", from, to, kinds);
            Assert.Equal(expected.OrderBy(p => p.Key).Select(p => (p.Key, p.Value)),
                         actual.OrderBy(p => p.Partner).Select(p => (p.Partner, (p.Agreements, p.TradeFlows, p.Events))));
            Assert.Equal(actual.OrderByDescending(p => p.Total).ThenByDescending(p => p.Agreements).ThenBy(p => p.Partner), actual);
        }
    }

    [Fact]
    public void Partners_KindsSelectRecordTypes()
    {
        var all = Catalog.Partners("TR", 2000, 2025);
        Assert.Equal(all, Catalog.Partners("TR", 2000, 2025, PartnerKinds.All));
        var trade = Catalog.Partners("TR", 2000, 2025, PartnerKinds.Of(Array.Empty<TradeKind>()));
        Assert.NotEmpty(trade);
        Assert.All(trade, p => Assert.Equal((0, 0), (p.Agreements, p.Events)));
        var arms = Catalog.Partners("TR", 2000, 2025, PartnerKinds.Of(TradeKind.ArmsTransfer));
        Assert.All(arms, p => Assert.True(p.TradeFlows <= trade.Single(t => t.Partner == p.Partner).TradeFlows));
        Assert.Equal(PartnerKinds.Of(AgreementKind.Acquisition).And(TradeKind.ArmsTransfer), PartnerKinds.Of(AgreementKind.Acquisition).And(TradeKind.ArmsTransfer));
        Assert.NotEqual(PartnerKinds.Of(AgreementKind.Acquisition), PartnerKinds.Of(AgreementKind.Acquisition).And(TradeKind.ArmsTransfer));
        Assert.Throws<ArgumentNullException>(() => Catalog.Partners("TR", 2000, 2025, null!));
        Assert.Throws<UnknownCountryException>(() => Catalog.Partners("Atlantis", 2000, 2025, PartnerKinds.All));
    }
}
