using Microsoft.Playwright;

namespace DefenseCoop.Web.Tests;

/// <summary>The sample's page in a real browser: pick a country, see its partners, open a dyad's timeline, see the spending chart.</summary>
public class BrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task PickTurkiyeAsync(IPage page)
    {
        await page.GotoAsync("");
        await page.FillAsync("#country-search", "Türkiye");
        await page.ClickAsync("#country-results a[data-code='TR']");
        await page.WaitForSelectorAsync("#partners li[data-code]");
    }

    [Fact]
    public async Task PickingTurkiye_ListsFinlandAmongItsPartners()
    {
        var (page, outside) = await browser.OpenAsync();
        await PickTurkiyeAsync(page);
        Assert.Equal("Türkiye", await page.TextContentAsync("#country-name"));
        var partners = await page.Locator("#partners li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.code)");
        Assert.Contains("FI", partners);
        Assert.Equal("Finland", await page.TextContentAsync("#partners li[data-code='FI'] a"));
        await BrowserFixture.ScreenshotAsync(page, "turkiye-partners");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task TheTurkiyeFinlandTimeline_ShowsTheMemorandumWithItsSourceLink()
    {
        var (page, outside) = await browser.OpenAsync();
        await PickTurkiyeAsync(page);
        await page.ClickAsync("#partners li[data-code='FI'] a");
        var row = page.Locator("#timeline tbody tr[data-date='2025-06-02'][data-record='tr-fi-2025-defence-industry-mou']");
        await row.WaitForAsync();
        Assert.Contains("Memorandum of Understanding", await row.TextContentAsync());
        Assert.StartsWith("2025-06-02", await row.Locator("td.date").TextContentAsync());
        Assert.Equal("day", await row.Locator(".precision").TextContentAsync());
        var links = row.Locator("a.source-link");
        Assert.True(await links.CountAsync() > 0, "the memorandum links its sources");
        string? href = await links.First.GetAttributeAsync("href");
        Assert.StartsWith("http", href);
        // A date known only to part of a year is shown as the source gives it, not as a day.
        var lifted = page.Locator("#timeline tbody tr[data-date='early 2023']");
        Assert.Equal("third of a year", await lifted.Locator(".precision").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "turkiye-finland-timeline");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task TheSpendingChart_HasAPointForEachYearFrom2014To2024()
    {
        var (page, outside) = await browser.OpenAsync();
        await PickTurkiyeAsync(page);
        await page.WaitForSelectorAsync("#spending-chart circle.point");
        var years = await page.Locator("#spending-chart circle.point").EvaluateAllAsync<int[]>("points => points.map(p => Number(p.dataset.year))");
        Assert.Equal(Enumerable.Range(2014, 11), years);
        var values = await page.Locator("#spending-chart circle.point").EvaluateAllAsync<double[]>("points => points.map(p => Number(p.dataset.value))");
        Assert.All(values, v => Assert.InRange(v, 0.5, 5));
        Assert.True(await page.Locator("#spending-chart circle.point.estimate").CountAsync() > 0, "NATO marks its latest figures as estimates");
        Assert.Contains("estimates", await page.TextContentAsync("#spending-caption"));
        await BrowserFixture.ScreenshotAsync(page, "turkiye-spending");
        Assert.Empty(outside);
    }

    [Fact]
    public async Task BadInput_IsA400ProblemInTheBrowserToo()
    {
        var (page, _) = await browser.OpenAsync();
        foreach (var (path, parameter) in new[] { ("api/dyads/TR/Atlantis/timeline", "b"), ("api/agreements?signedFrom=2023-13", "signedFrom"), ("api/spending?from=2024&to=2014", "to") })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(400, response!.Status);
            Assert.Equal("application/problem+json", (await response.HeaderValueAsync("content-type"))?.Split(';')[0]);
            Assert.Contains($"\"{parameter}\"", await response.TextAsync());
        }
        await BrowserFixture.ScreenshotAsync(page, "bad-request");
    }

    [Fact]
    public async Task ThePageAsksNothingOfTheNetwork()
    {
        var (page, outside) = await browser.OpenAsync();
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await PickTurkiyeAsync(page);
        await page.ClickAsync("#partners li[data-code='FI'] a");
        await page.WaitForSelectorAsync("#timeline tbody tr");
        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.True(new Uri(url).IsLoopback, url));
        Assert.Empty(outside);
        await BrowserFixture.ScreenshotAsync(page, "offline");
    }

    /// <summary>
    /// The screenshot in the READMEs, taken of the release being tested: screenshots/readme.png, which
    /// samples/DefenseCoop.Samples.Web/screenshot.sh copies beside the sample.
    /// </summary>
    [Fact]
    public async Task TheReadmeScreenshot_ShowsTheCurrentRelease()
    {
        var (page, outside) = await browser.OpenAsync(1200, 900);
        await page.GotoAsync("?country=TR&partner=FI&from=2019&to=2025");
        await page.WaitForSelectorAsync("#dyad:not([hidden]) #timeline tbody tr");
        await page.WaitForSelectorAsync("#spending-chart circle.point");
        var about = System.Text.Json.Nodes.JsonNode.Parse(await browser.Server.Client.GetStringAsync("api/about", TestContext.Current.CancellationToken))!;
        Assert.Equal((string?)about["dataVersion"], await page.TextContentAsync("#data-version"));
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await BrowserFixture.ScreenshotAsync(page, "readme");
        Assert.Empty(outside);
    }
}
