using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DefenseCoop.Web.Tests;

/// <summary>
/// The page as people use it: views they can link to and go back to, feedback on a name it does not know,
/// every partner within reach, a layout that works from 360 px, words and labels that read right, the
/// keyboard, and no serious accessibility violation (axe-core).
/// </summary>
public class ViewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static string Query(IPage page) => new Uri(page.Url).Query;

    private static async Task WaitForTimelineAsync(IPage page) =>
        await page.WaitForSelectorAsync("#dyad:not([hidden]) #timeline tbody tr");

    [Fact]
    public async Task ALink_OpensItsViewDirectly()
    {
        var (page, outside) = await browser.OpenAsync();
        await page.GotoAsync("?country=Turkiye&partner=FI");
        await WaitForTimelineAsync(page);
        Assert.Equal("Türkiye", await page.TextContentAsync("#country-name"));
        Assert.StartsWith("Türkiye – Finland", await page.TextContentAsync("#dyad-name"));
        Assert.Contains("Türkiye – Finland", await page.TitleAsync());
        Assert.True(await page.Locator("#timeline tbody tr[data-record='tr-fi-2025-defence-industry-mou']").CountAsync() > 0);
        Assert.Empty(outside);
    }

    [Fact]
    public async Task EveryStep_IsInTheAddress_AndBackAndForwardReturnToIt()
    {
        var (page, _) = await browser.OpenAsync();
        await page.GotoAsync("");
        await page.FillAsync("#country-search", "Türkiye");
        await page.ClickAsync("#country-results a[data-code='TR']");
        await page.WaitForSelectorAsync("#partners li[data-code='FI']");
        Assert.Equal("?country=TR", Query(page));

        await page.ClickAsync("#partners li[data-code='FI'] a");
        await WaitForTimelineAsync(page);
        Assert.Equal("?country=TR&partner=FI", Query(page));

        await page.FillAsync("#range-from", "2020");
        await page.FillAsync("#range-to", "2024");
        await page.ClickAsync("#range-form button[type=submit]");
        await page.WaitForURLAsync(new Regex("from=2020"));
        Assert.Equal("?country=TR&partner=FI&from=2020&to=2024", Query(page));

        await page.GoBackAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#range-from').value === ''");
        Assert.Equal("?country=TR&partner=FI", Query(page));
        await page.GoBackAsync();
        await page.WaitForSelectorAsync("#dyad", new() { State = WaitForSelectorState.Hidden });
        Assert.Equal("?country=TR", Query(page));
        Assert.Equal("Türkiye", await page.TextContentAsync("#country-name"));
        await page.GoForwardAsync();
        await WaitForTimelineAsync(page);
        Assert.StartsWith("Türkiye – Finland", await page.TextContentAsync("#dyad-name"));
    }

    [Fact]
    public async Task AnUnknownName_SaysSo_ClearsThePreviousCountry_AndOffersTheClosestAsLinks()
    {
        var (page, _) = await browser.OpenAsync();
        await page.GotoAsync("?country=TR");
        await page.WaitForSelectorAsync("#partners li[data-code]");
        await page.FillAsync("#country-search", "Finlnd");
        await page.WaitForTimeoutAsync(400);   // the search as one types finds nothing for it
        await page.PressAsync("#country-search", "Enter");
        var message = page.Locator("#message");
        await message.Locator("a").First.WaitForAsync();
        Assert.Contains("'Finlnd' is not a country", await message.TextContentAsync());
        Assert.True(await page.Locator("#country").IsHiddenAsync(), "the previous country is no longer shown");
        Assert.Equal("?country=Finlnd", Query(page));
        var first = message.Locator("a").First;
        Assert.Equal("Finland", await first.TextContentAsync());
        Assert.Equal("?country=FI", await first.GetAttributeAsync("href"));
        await first.ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#country-name').textContent === 'Finland'");
        Assert.True(await message.IsHiddenAsync());
        await BrowserFixture.ScreenshotAsync(page, "suggestions-followed");

        // A link to an unknown partner offers partners, keeping the country.
        await page.GotoAsync("?country=TR&partner=Finlnd");
        await message.Locator("a").First.WaitForAsync();
        Assert.Equal("?country=TR&partner=FI", await message.Locator("a").First.GetAttributeAsync("href"));
    }

    [Fact]
    public async Task EveryPartner_IsListed_AndAYearRangeNarrowsThem()
    {
        var (page, _) = await browser.OpenAsync();
        var all = await browser.Server.Client.GetStringAsync("api/countries/TR/partners", TestContext.Current.CancellationToken);
        int count = System.Text.Json.Nodes.JsonNode.Parse(all)!.AsArray().Count;
        Assert.True(count > 40, $"Türkiye has {count} partners");
        await page.GotoAsync("?country=TR");
        await page.WaitForSelectorAsync("#partners li[data-code]");
        Assert.Equal(count, await page.Locator("#partners li").CountAsync());
        Assert.StartsWith($"{count} partners", await page.TextContentAsync("#partners-heading"));
        // No scroll box: the last partner is on the page, not hidden behind one.
        var overflow = await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('#partners')).overflowY");
        Assert.Equal("visible", overflow);

        await page.GotoAsync("?country=TR&from=2024&to=2025");
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#partners li').length > 0 && document.querySelectorAll('#partners li').length < {count}");
        var within = await browser.Server.Client.GetStringAsync("api/countries/TR/partners?from=2024&to=2025", TestContext.Current.CancellationToken);
        Assert.Equal(System.Text.Json.Nodes.JsonNode.Parse(within)!.AsArray().Count, await page.Locator("#partners li").CountAsync());
        Assert.Contains("(2024–2025)", await page.TextContentAsync("#partners-heading"));
        Assert.Equal("2024", await page.InputValueAsync("#range-from"));
    }

    [Theory]
    [InlineData(360)]
    [InlineData(420)]
    [InlineData(1600)]
    public async Task NoColumnIsCutOff_From360PixelsToWideScreens(int width)
    {
        var (page, _) = await browser.OpenAsync(width, 800);
        await page.GotoAsync("?country=TR&partner=FI");
        await WaitForTimelineAsync(page);
        await page.WaitForSelectorAsync("#spending-chart circle.point");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the page scrolls sideways at {width} px");
        // Every cell, the sources' included, ends inside the window.
        double right = await page.EvaluateAsync<double>("() => Math.max(...[...document.querySelectorAll('#timeline td, #partners li, #spending-chart')].map((e) => e.getBoundingClientRect().right))");
        Assert.True(right <= width, $"content reaches {right} px in a {width} px window");
        await BrowserFixture.ScreenshotAsync(page, $"width-{width}");
        Assert.Empty(await BrowserFixture.AccessibilityViolationsAsync(page));
    }

    [Fact]
    public async Task Words_ReadRight_AndTheGuidelineIsLabelled()
    {
        var (page, _) = await browser.OpenAsync();
        await page.GotoAsync("?country=TR");
        await page.WaitForSelectorAsync("#spending-chart circle.point");
        string text = await page.InnerTextAsync("body");
        Assert.DoesNotMatch(new Regex(@"\b1 (agreements|events|trade records|partners|records)\b"), text);
        Assert.Matches(new Regex(@"\b1 event\b"), text);
        Assert.Contains("NATO guideline: 2 % of GDP", await page.TextContentAsync("#spending-chart"));
        Assert.Contains("2 % guideline", await page.TextContentAsync("#spending-caption"));
        Assert.NotEqual("", await page.TextContentAsync("#data-version"));
        var icon = await page.EvaluateAsync<string>("() => document.querySelector('link[rel=icon]').href");
        var response = await page.APIRequest.GetAsync(icon);
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task TheKeyboardAlone_ReachesACountryAndATimeline()
    {
        var (page, _) = await browser.OpenAsync();
        await page.GotoAsync("");
        await page.Keyboard.PressAsync("Tab");   // the skip link comes first
        Assert.Equal("Skip to the content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("country-search", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync("Finland");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.querySelector('#country-name').textContent === 'Finland'");
        // The new view's heading takes the focus; the partners follow it in tab order.
        Assert.Equal("country-name", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        for (int i = 0; i < 10 && await page.EvaluateAsync<string>("() => document.activeElement.closest('#partners') ? 'in' : 'out'") == "out"; i++)
            await page.Keyboard.PressAsync("Tab");
        string partner = await page.EvaluateAsync<string>("() => document.activeElement.closest('li').dataset.code");
        await page.Keyboard.PressAsync("Enter");
        await WaitForTimelineAsync(page);
        Assert.Equal($"?country=FI&partner={partner}", Query(page));
        Assert.Equal("dyad-name", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?country=TR")]
    [InlineData("?country=TR&partner=FI&from=2019&to=2025")]
    [InlineData("?country=Finlnd")]
    public async Task EveryView_HasNoSeriousAccessibilityViolation(string view)
    {
        var (page, _) = await browser.OpenAsync();
        await page.GotoAsync(view);
        await page.WaitForFunctionAsync("() => document.querySelector('#data-version').textContent !== ''");
        if (view.Contains("partner")) await WaitForTimelineAsync(page);
        else if (view.Contains("TR")) await page.WaitForSelectorAsync("#spending-chart circle.point");
        else if (view.Contains("Finlnd")) await page.Locator("#message a").First.WaitForAsync();
        var violations = await BrowserFixture.AccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core on '{view}':\n{string.Join("\n", violations)}");
    }
}
