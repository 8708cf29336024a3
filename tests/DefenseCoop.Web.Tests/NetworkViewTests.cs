using DefenseCoop.Networks;
using Microsoft.Playwright;

namespace DefenseCoop.Web.Tests;

/// <summary>The network view in a real browser: Türkiye's network 2015–2025, its top partner, the top ten, communities, and its state in the address.</summary>
public class NetworkViewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string TurkiyeView = "network.html?country=TR&from=2015&to=2025&kinds=agreements,trade,events&centrality=Degree";

    /// <summary>Türkiye's partner of the strongest tie in the same network, from the library itself.</summary>
    private static string ExpectedTopPartner()
    {
        var graph = DefenseCoopCatalog.Default.Networks.Agreements().Trade().Events().Involving("TR").Within(2015, 2025).WholeRange().Build().Single();
        int turkiye = graph.IndexOf("TR");
        return graph.Edges.Where(e => e.Source == turkiye || e.Target == turkiye)
            .Select(e => (Id: graph.Nodes[e.Source == turkiye ? e.Target : e.Source].Id, e.Weight))
            .OrderByDescending(p => p.Weight).ThenBy(p => p.Id, StringComparer.Ordinal).First().Id;
    }

    [Fact]
    public async Task TurkiyesNetwork_ShowsTurkiyeAndItsTopPartner()
    {
        var (page, outside) = await browser.OpenAsync();
        await page.GotoAsync(TurkiyeView);
        await page.WaitForSelectorAsync("#network-graph circle[data-id='TR']");
        Assert.Equal("Türkiye's network, 2015–2025", await page.TextContentAsync("#network-title"));
        Assert.Equal("focus", await page.GetAttributeAsync("#network-graph circle[data-id='TR']", "class"));
        string partner = ExpectedTopPartner();
        Assert.Equal(partner, await page.GetAttributeAsync("#top-partner", "data-id"));
        string name = DefenseCoopCatalog.Default.Countries[partner].Name;
        Assert.Equal($"Top partner: {name}", await page.TextContentAsync("#top-partner"));
        Assert.Equal(1, await page.Locator($"#network-graph circle[data-id='{partner}']").CountAsync());
        Assert.Equal(1, await page.Locator($"#network-graph text[data-id='{partner}']").CountAsync());
        // The top ten by degree: Türkiye, tied to every node of its own network, first.
        var rows = await page.Locator("#top-ten tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.Equal(10, rows.Length);
        Assert.Equal("TR", rows[0]);
        Assert.Equal("Degree", await page.TextContentAsync("#value-heading"));
        // Communities colour the nodes: more than one colour is drawn.
        var fills = await page.Locator("#network-graph circle").EvaluateAllAsync<string[]>("cs => cs.map(c => c.getAttribute('fill'))");
        Assert.True(fills.Distinct().Count() > 1, "the communities give the nodes different colours");
        await BrowserFixture.ScreenshotAsync(page, "turkiye-network");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task TheViewLivesInTheAddress()
    {
        var (page, outside) = await browser.OpenAsync();
        await page.GotoAsync(TurkiyeView);
        await page.WaitForSelectorAsync("#network-graph circle[data-id='TR']");
        Assert.Equal("Degree", await page.InputValueAsync("#centrality"));
        Assert.Equal("2015", await page.InputValueAsync("#from"));
        await page.UncheckAsync("#kinds input[value='events']");
        await page.SelectOptionAsync("#centrality", "PageRank");
        await page.WaitForFunctionAsync("() => location.search.includes('centrality=PageRank')");
        var address = new Uri(page.Url);
        Assert.Contains("kinds=agreements%2Ctrade", address.Query);
        Assert.Contains("country=TR", address.Query);
        await page.WaitForFunctionAsync("() => document.getElementById('value-heading').textContent === 'PageRank'");
        // Reloading the address gives the same view.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#network-graph circle[data-id='TR']");
        Assert.Equal("PageRank", await page.InputValueAsync("#centrality"));
        Assert.False(await page.IsCheckedAsync("#kinds input[value='events']"));
        Assert.Empty(outside);
    }

    [Fact]
    public async Task BadInput_IsShownAsTheServersMessage()
    {
        var (page, _) = await browser.OpenAsync();
        await page.GotoAsync("network.html?country=TR&from=2025&to=2015&kinds=agreements");
        await page.WaitForSelectorAsync("#error:not([hidden])");
        Assert.Contains("ends (2015) before it begins (2025)", await page.TextContentAsync("#error"));
        var response = await page.GotoAsync("api/network?from=2015&to=2025&kinds=");
        Assert.Equal(400, response!.Status);
        Assert.Contains("\"kinds\"", await response.TextAsync());
    }
}
