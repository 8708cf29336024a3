using System.Text.Json.Nodes;
using DefenseCoop.Networks;

namespace DefenseCoop.Tests.Networks;

/// <summary>Which records make which ties, in which periods, with which weights; and the errors bad input gives.</summary>
public class NetworkQueryTests
{
    private static readonly DefenseCoopCatalog Catalog = TestData.Load(Data());

    private static JsonObject Data()
    {
        var data = TestData.Minimal();
        var countries = data["countries"]!.AsArray();
        countries.Add(JsonNode.Parse("""{ "code": "SE", "alpha3": "SWE", "numeric": 752, "names": { "en": "Sweden" }, "sources": ["report"] }"""));
        countries.Add(JsonNode.Parse("""{ "code": "AZ", "alpha3": "AZE", "numeric": 31, "names": { "en": "Azerbaijan" }, "sources": ["report"] }"""));
        var organizations = data["organizations"]!.AsArray();
        organizations.Add(JsonNode.Parse("""{ "id": "patria", "kind": "Company", "country": "FI", "name": "Patria", "sources": ["report"] }"""));
        organizations.Add(JsonNode.Parse("""{ "id": "nato", "kind": "Alliance", "name": "North Atlantic Treaty Organization", "aliases": ["NATO"], "sources": ["report"] }"""));
        JsonNode Agreement(string id, string kind, string? signed, params string[] parties)
        {
            var node = JsonNode.Parse($$"""{ "id": "{{id}}", "title": "{{id}}", "kind": "{{kind}}", "parties": [], "sources": ["report"] }""")!;
            if (signed is not null) node["signed"] = signed;
            foreach (var p in parties)
                node["parties"]!.AsArray().Add(p.Length == 2 ? new JsonObject { ["country"] = p, ["role"] = "Party" } : new JsonObject { ["organization"] = p, ["role"] = "Party" });
            return node;
        }
        data["agreements"] = new JsonArray(
            Agreement("tr-fi-2023", "MemorandumOfUnderstanding", "2023-06-02", "TR", "FI"),
            Agreement("trilateral-2022", "MemorandumOfUnderstanding", "2022-06-28", "TR", "FI", "SE"),
            Agreement("patria-ssb-2024", "CoProduction", "2024-03", "patria", "ssb"),
            Agreement("tr-nato-2023", "Ratification", "2023", "TR", "nato"),
            Agreement("tr-se-undated", "MemorandumOfUnderstanding", null, "TR", "SE"));
        data["trade"] = JsonNode.Parse("""
            [
              { "id": "tb2-az", "kind": "ArmsTransfer", "exporter": "TR", "importer": "AZ", "period": "2019", "commodity": "UCAVs", "sources": ["report"],
                "deal": { "designation": "Bayraktar TB2", "orderYear": 2019, "deliveryYears": [2020, 2021], "tivDelivered": 36 } },
              { "id": "tr-fi-trade-2024", "kind": "BilateralTrade", "exporter": "TR", "importer": "FI", "period": "2024", "value": { "amount": 1700000000, "currency": "USD" }, "sources": ["report"] },
              { "id": "fi-exports-2023", "kind": "DefenseExports", "exporter": "FI", "period": "2023", "value": { "amount": 333000000, "currency": "EUR" }, "sources": ["report"] }
            ]
            """);
        data["events"] = JsonNode.Parse("""
            [ { "id": "meeting", "kind": "Meeting", "title": "A meeting", "date": "2023-02-11", "countries": ["TR", "FI", "SE"], "sources": ["report"] } ]
            """);
        return data;
    }

    private static (string, string, double, int)[] Ties(CooperationGraph graph) =>
        [.. graph.Edges.Select(e => (graph.Nodes[e.Source].Id, graph.Nodes[e.Target].Id, e.Weight, e.Records))];

    [Fact]
    public void AnAgreement_TiesEveryPairOfItsCountries_InTheYearItWasSigned()
    {
        var series = Catalog.Networks.Agreements().Within(2022, 2024).Build();
        Assert.Equal([2022, 2023, 2024], series.Select(g => g.From));
        Assert.Equal([("FI", "SE", 1.0, 1), ("FI", "TR", 1.0, 1), ("SE", "TR", 1.0, 1)], Ties(series[0]));
        // NATO counts for no country, so the ratification ties nothing; the undated memorandum falls in no year.
        Assert.Equal([("FI", "TR", 1.0, 1)], Ties(series[1]));
        // Patria and the SSB count for Finland and Türkiye.
        Assert.Equal([("FI", "TR", 1.0, 1)], Ties(series[2]));
        Assert.Equal(["Finland", "Türkiye"], series[2].Nodes.Select(n => n.Label));
    }

    [Fact]
    public void StatesOnly_LeavesFirmsOut_AndAPeriodWithoutTies_IsAGraphWithNoNodes()
    {
        var graph = Catalog.Networks.Agreements().StatesOnly().Within(2024, 2024).Build().Single();
        Assert.Empty(graph.Nodes);
        var measures = graph.Measures();
        Assert.Empty(measures.PageRank);
        Assert.Equal(0, measures.ComponentCount);
        Assert.Equal(0, measures.Density);
        Assert.Empty(measures.Top(Centrality.PageRank, 10));
    }

    [Fact]
    public void OrganizationsAsNodes_MakesEveryOrganizationANode()
    {
        var series = Catalog.Networks.Agreements().OrganizationsAsNodes().Within(2023, 2024).Build();
        Assert.Equal([("FI", "TR", 1.0, 1), ("TR", "nato", 1.0, 1)], Ties(series[0]));
        Assert.Equal([("patria", "ssb", 1.0, 1)], Ties(series[1]));
        Assert.Equal(NetworkNodeKind.Organization, series[1].Nodes[0].Kind);
    }

    [Fact]
    public void Trade_IsDirected_WeighedByTiv_OnEitherClock()
    {
        var byPeriod = Catalog.Networks.Trade(TradeKind.ArmsTransfer).Directed().WeightBy(EdgeWeighting.Tiv).Within(2019, 2021).Build();
        Assert.Equal([("TR", "AZ", 36.0, 1)], Ties(byPeriod[0]));
        Assert.Empty(byPeriod[1].Nodes);
        var byDelivery = Catalog.Networks.Trade(TradeKind.ArmsTransfer).Directed().WeightBy(EdgeWeighting.Tiv).TradeClock(TradeYear.Delivery).Within(2019, 2021).Build();
        Assert.Empty(byDelivery[0].Nodes);
        Assert.All(byDelivery.Skip(1), g => Assert.Equal(18.0, g.Edges.Single().Weight));
    }

    [Fact]
    public void InADirectedGraph_ABilateralTotalAndAnEvent_TieBothWays_AndATotalWithoutImporterTiesNothing()
    {
        var trade = Catalog.Networks.Trade().Directed().Within(2023, 2024).Build();
        Assert.Empty(trade[0].Nodes);
        Assert.Equal([("FI", "TR", 1.0, 1), ("TR", "FI", 1.0, 1)], Ties(trade[1]));
        var events = Catalog.Networks.Events().Directed().Within(2023, 2023).Build().Single();
        Assert.Equal(6, events.Edges.Length);
    }

    [Fact]
    public void SlidingWindows_CountARecordInEveryWindowThatHoldsItsYear_AndWholeRangeGivesOneGraph()
    {
        var windows = Catalog.Networks.Agreements().Events().SlidingWindow(2).Within(2022, 2024).Build();
        Assert.Equal([(2022, 2023), (2023, 2024)], windows.Select(g => (g.From, g.To)));
        // 2022: the trilateral; 2023: the memorandum and the meeting.
        Assert.Contains(("FI", "TR", 3.0, 3), Ties(windows[0]));
        // 2023: memorandum and meeting; 2024: Patria and the SSB.
        Assert.Contains(("FI", "TR", 3.0, 3), Ties(windows[1]));
        var whole = Catalog.Networks.Agreements().Events().WholeRange().Build();
        Assert.Equal((2022, 2024), (whole.Single().From, whole.Single().To));
        Assert.Contains(("FI", "TR", 4.0, 4), Ties(whole[0]));
    }

    [Fact]
    public void Involving_KeepsTheRecordsOfOneParty_WithTheTiesAmongItsPartners()
    {
        var graph = Catalog.Networks.Agreements().Events().Involving("Sweden").WholeRange().Build().Single();
        Assert.Equal(["FI", "SE", "TR"], graph.Nodes.Select(n => n.Id));
        Assert.Contains(("FI", "TR", 2.0, 2), Ties(graph));
        var ofPatria = Catalog.Networks.Agreements().Involving(new OrganizationId("patria")).WholeRange().Build().Single();
        Assert.Equal([("FI", "TR", 1.0, 1)], Ties(ofPatria));
        Assert.Equal(Ties(ofPatria), Ties(Catalog.Networks.Agreements().Involving("Patria").WholeRange().Build().Single()));
    }

    [Fact]
    public void BadInput_GivesErrorsThatSayWhatIsWrong()
    {
        var empty = Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Networks.Agreements().Within(2025, 2015));
        Assert.Contains("empty", empty.Message);
        var noKinds = Assert.Throws<InvalidOperationException>(() => Catalog.Networks.Within(2015, 2025).Build());
        Assert.Contains("Agreements()", noKinds.Message);
        var unknown = Assert.ThrowsAny<ArgumentException>(() => Catalog.Networks.Involving(new OrganizationId("patriaa")));
        Assert.Contains("'patriaa' is not an organization", unknown.Message);
        Assert.Contains("patria (Patria)", unknown.Message);
        Assert.ThrowsAny<ArgumentException>(() => Catalog.Networks.Involving("Atlantis"));
        Assert.Contains("TIV", Assert.Throws<InvalidOperationException>(() => Catalog.Networks.Agreements().WeightBy(EdgeWeighting.Tiv).Build()).Message);
        Assert.Throws<InvalidOperationException>(() => Catalog.Networks.Agreements().StatesOnly().OrganizationsAsNodes().Build());
        Assert.Contains("does not fit", Assert.Throws<InvalidOperationException>(() => Catalog.Networks.Agreements().Within(2022, 2023).SlidingWindow(3).Build()).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Catalog.Networks.SlidingWindow(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MeasureOptions { PageRankDamping = 1 });
    }

    [Fact]
    public void NoRecordsInRange_GivesEmptyGraphs_AndNoRecordsAtAll_AnEmptySeries()
    {
        var series = Catalog.Networks.Agreements().Within(1990, 1991).Build();
        Assert.Equal(2, series.Count);
        Assert.All(series, g => Assert.Empty(g.Nodes));
        Assert.Empty(Catalog.Networks.Agreements(AgreementKind.JointVenture).Build());
    }

    [Fact]
    public void Queries_AreImmutable_AndMeasuresReproducible()
    {
        var agreements = Catalog.Networks.Agreements();
        var directed = agreements.Directed();
        Assert.False(agreements.Within(2022, 2022).Build().IsDirected);
        Assert.True(directed.Within(2022, 2022).Build().IsDirected);
        var graph = DefenseCoopCatalog.Default.Networks.Agreements().Events().WholeRange().Build().Single();
        Assert.Same(graph.Measures(), graph.Measures());
        var again = DefenseCoopCatalog.Default.Networks.Agreements().Events().WholeRange().Build().Single().Measures();
        Assert.Equal(graph.Measures().Community, again.Community);
        Assert.NotEqual(graph.Measures().Community, graph.Measures(new MeasureOptions { CommunitySeed = 7, CommunityResolution = 2 }).Community);
    }
}
