using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DefenseCoop.Web.Tests;

/// <summary>The sample's API over HTTP: answers in the JSON contract, and a 400 problem naming the parameter for bad input.</summary>
public class ApiTests(SampleServer server) : IClassFixture<SampleServer>
{
    private async Task<JsonNode> Get(string path)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    [Theory]
    [InlineData("api/countries/Atlantis", "country")]
    [InlineData("api/countries/Atlantis/partners", "country")]
    [InlineData("api/countries/XX/timeline", "country")]
    [InlineData("api/dyads/Atlantis/FI/timeline", "a")]
    [InlineData("api/dyads/TR/Atlantis/timeline", "b")]
    [InlineData("api/dyads/TR/Turkey/timeline", "b")]
    [InlineData("api/agreements?country=Atlantis", "country")]
    [InlineData("api/agreements?partner=FI", "partner")]
    [InlineData("api/agreements?signedFrom=2023-13-01", "signedFrom")]
    [InlineData("api/agreements?signedFrom=yesterday", "signedFrom")]
    [InlineData("api/agreements?signedFrom=2025&signedTo=2020", "signedTo")]
    [InlineData("api/agreements?inForceOn=2023", "inForceOn")]
    [InlineData("api/agreements?kind=Mou", "kind")]
    [InlineData("api/agreements?kind=1", "kind")]
    [InlineData("api/agreements?take=1000", "take")]
    [InlineData("api/agreements?skip=-1", "skip")]
    [InlineData("api/agreements?order=sideways", "order")]
    [InlineData("api/spending?country=Atlantis", "country")]
    [InlineData("api/spending?measure=Gdp", "measure")]
    [InlineData("api/spending?from=2024&to=2014", "to")]
    [InlineData("api/spending?from=twenty", "from")]
    [InlineData("api/spending?policy=prefer:no-such-source", "policy")]
    [InlineData("api/spending?policy=average", "policy")]
    [InlineData("api/trade?exporter=Atlantis", "exporter")]
    [InlineData("api/trade?orderedFrom=2024&orderedTo=2019", "orderedTo")]
    [InlineData("api/trade?deliveredFrom=2024&deliveredTo=2019", "deliveredTo")]
    [InlineData("api/trade?country=FI&partner=Finland", "partner")]
    [InlineData("api/sources/No Such Source", "id")]
    public async Task BadInput_IsA400ProblemNamingTheParameter(string path, string parameter)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        string body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Contains(parameter, (string)problem["title"]!);
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([parameter], errors.Select(e => e.Key));
        Assert.False(string.IsNullOrWhiteSpace((string?)errors[parameter]![0]));
    }

    [Fact]
    public async Task CountrySearch_FindsACountryByAnyName()
    {
        foreach (var name in new[] { "Türkiye", "Turkey", "turkiye", "TUR", "TR" })
            Assert.Equal("TR", (string?)(await Get($"api/countries?q={Uri.EscapeDataString(name)}"))[0]!["code"]);
        var all = (await Get("api/countries")).AsArray();
        Assert.True(all.Count > 200);
        Assert.Empty((await Get("api/countries?q=Atlantis")).AsArray());
    }

    [Fact]
    public async Task Partners_AreInTheContractsShape()
    {
        var partners = (await Get("api/countries/Turkiye/partners")).AsArray();
        var finland = partners.Single(p => (string?)p!["partner"] == "FI")!;
        Assert.True((int)finland["agreements"]! > 0);
        Assert.Equal((int)finland["agreements"]! + (int)finland["tradeFlows"]! + (int)finland["events"]!, (int)finland["total"]!);
    }

    [Fact]
    public async Task DyadTimeline_CarriesDatesAtTheirPrecisionAndTheSourcesCited()
    {
        var timeline = await Get("api/dyads/TR/FI/timeline");
        var entries = timeline["entries"]!.AsArray();
        var mou = entries.Single(e => (string?)e!["date"] == "2025-06-02" && (string?)e["record"]!["kind"] == "MemorandumOfUnderstanding")!;
        Assert.Equal("agreement", (string?)mou["recordType"]);
        Assert.Contains(entries, e => (string?)e!["date"] == "early 2023");
        var cited = entries.SelectMany(e => e!["sources"]!.AsArray().Select(s => (string)s!)).ToHashSet();
        var sources = timeline["sources"]!.AsArray().Select(s => (string)s!["id"]!).ToHashSet();
        Assert.Equal(cited, sources);
        Assert.NotNull((await Get("api/countries/FI/timeline"))["entries"]![0]);
    }

    [Fact]
    public async Task Agreements_FilterFromTheQueryStringAndPage()
    {
        var page = await Get("api/agreements?country=TR&partner=Finland&kind=MemorandumOfUnderstanding&signedFrom=2025&signedTo=2025-12");
        Assert.Equal(1, (int)page["total"]!);
        Assert.Equal("tr-fi-2025-defence-industry-mou", (string?)page["items"]![0]!["id"]);

        var all = await Get("api/agreements?country=TR&order=desc&take=100");
        int total = (int)all["total"]!;
        Assert.True(total > 3);
        var first = await Get("api/agreements?country=TR&order=desc&take=2");
        var second = await Get("api/agreements?country=TR&order=desc&skip=2&take=2");
        Assert.Equal(total, (int)first["total"]!);
        Assert.Equal(all["items"]!.AsArray().Skip(2).Take(2).Select(a => (string?)a!["id"]), second["items"]!.AsArray().Select(a => (string?)a!["id"]));
        Assert.Equal(2, first["items"]!.AsArray().Count);

        var embargo = await Get("api/agreements?country=FI&partner=TR&kind=ArmsEmbargo&possiblyInForceOn=2023-02-01");
        Assert.Equal(1, (int)embargo["total"]!);
        Assert.Equal(0, (int)(await Get("api/agreements?country=FI&partner=TR&kind=ArmsEmbargo&inForceOn=2023-02-01"))["total"]!);
    }

    [Fact]
    public async Task Spending_ByMeasureYearsAndPolicy()
    {
        var every = await Get("api/spending?country=FI&measure=CurrentUsd&from=2023&to=2023");
        var figures = every["series"]![0]!["observations"]!.AsArray();
        Assert.True(figures.Count >= 2, "every source's figure for 2023");

        var nato = await Get("api/spending?country=FI&measure=CurrentUsd&from=2023&to=2023&policy=prefer:nato-defence-expenditure-2024");
        Assert.Equal("prefer nato-defence-expenditure-2024", (string?)nato["policy"]);
        var value = nato["reconciled"]![0]!["values"]![0]!;
        Assert.Equal(2023, (int)value["year"]!);
        Assert.Equal("nato-defence-expenditure-2024", (string?)value["from"]![0]!["source"]);

        var gdp = await Get("api/spending?country=TR&measure=ShareOfGdp&publisher=NATO&from=2014&to=2024");
        Assert.Equal(Enumerable.Range(2014, 11), gdp["series"]![0]!["observations"]!.AsArray().Select(o => (int)o!["year"]!));
        Assert.Equal("median", (string?)(await Get("api/spending?country=FI&measure=ShareOfGdp&policy=median"))["policy"]);
    }

    [Fact]
    public async Task Trade_OnBothClocks()
    {
        var licences = await Get("api/trade?exporter=FI&importer=TR");
        Assert.Contains(licences["flows"]!.AsArray(), f => (string?)f!["kind"] == "ExportLicencesGranted");

        var exports = await Get("api/trade?exporter=Finland&orderedFrom=2023&orderedTo=2023");
        Assert.All(exports["flows"]!.AsArray(), f => Assert.StartsWith("2023", (string?)f!["period"]));
        Assert.Contains(exports["totals"]!.AsArray(), t => (string?)t!["currency"] == "EUR");
        Assert.Equal(0m, (decimal)exports["tivDelivered"]!["millions"]!);

        var delivered = await Get("api/trade?exporter=FI&deliveredFrom=2023&deliveredTo=2023");
        Assert.Equal(exports["flows"]!.AsArray().Select(f => (string?)f!["id"]), delivered["flows"]!.AsArray().Select(f => (string?)f!["id"]));
        Assert.Empty((await Get("api/trade?exporter=FI&deliveredFrom=1990&deliveredTo=1991"))["flows"]!.AsArray());
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheEndpoints()
    {
        var document = await Get("openapi/v1.json");
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        foreach (var path in new[] { "/api/countries", "/api/countries/{country}/partners", "/api/dyads/{a}/{b}/timeline", "/api/agreements", "/api/spending", "/api/trade" })
            Assert.Contains(path, paths);
        var parameters = document["paths"]!["/api/trade"]!["get"]!["parameters"]!.AsArray().Select(p => (string?)p!["name"]).ToList();
        Assert.Contains("deliveredFrom", parameters);
        Assert.Contains("orderedTo", parameters);
    }
}
