using System.Net;
using System.Text.Json.Nodes;

namespace DefenseCoop.Web.Tests;

/// <summary>The network view's API over HTTP: a graph with its layout and measures; bad input a 400 problem naming the parameter; an empty period an empty graph.</summary>
public class NetworkApiTests(SampleServer server) : IClassFixture<SampleServer>
{
    private async Task<(HttpStatusCode Status, JsonNode Body)> Get(string path)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task TurkiyesNetwork_HasEveryNodeInTheSquare_AndTheTopTenByTheCentralityAsked()
    {
        var (status, body) = await Get("api/network?country=Türkiye&from=2015&to=2025&kinds=agreements,trade,events&centrality=Betweenness");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("TR", body["country"]!.GetValue<string>());
        var nodes = body["nodes"]!.AsArray();
        Assert.Contains(nodes, n => n!["id"]!.GetValue<string>() == "TR");
        Assert.All(nodes, n => Assert.InRange(n!["x"]!.GetValue<double>(), 0, 1));
        Assert.All(nodes, n => Assert.Equal(n!["betweenness"]!.GetValue<double>(), n["value"]!.GetValue<double>()));
        var top = body["top"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();
        var values = top.Select(id => nodes.Single(n => n!["id"]!.GetValue<string>() == id)!["value"]!.GetValue<double>()).ToList();
        Assert.Equal(values.OrderDescending(), values);
        Assert.NotNull(body["topPartner"]);
    }

    [Fact]
    public async Task APeriodWithoutRecords_IsAnEmptyNetwork()
    {
        var (status, body) = await Get("api/network?from=1901&to=1902&kinds=agreements");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body["nodes"]!.AsArray());
        Assert.Empty(body["edges"]!.AsArray());
    }

    [Theory]
    [InlineData("api/network?from=2015&to=2025&kinds=", "kinds")]
    [InlineData("api/network?from=2015&to=2025&kinds=treaties", "kinds")]
    [InlineData("api/network?from=2025&to=2015&kinds=trade", "to")]
    [InlineData("api/network?to=2015&kinds=trade", "from")]
    [InlineData("api/network?from=2015&to=2025&kinds=trade&country=Atlantis", "country")]
    [InlineData("api/network?from=2015&to=2025&kinds=trade&centrality=Fame", "centrality")]
    public async Task BadInput_IsA400ProblemNamingTheParameter(string path, string parameter)
    {
        var (status, body) = await Get(path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(body["errors"]![parameter]);
    }
}
