using Microsoft.Playwright;

namespace DefenseCoop.Web.Tests;

/// <summary>
/// The sample and Debian's Chromium, driven headless through Playwright. Playwright's own browser
/// download is never used: the browser is the system's (<c>/usr/bin/chromium</c>, or the path in
/// DEFENSECOOP_CHROMIUM). Where it is absent the browser tests skip, saying why.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("DEFENSECOOP_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static string? Missing => File.Exists(ChromiumPath)
        ? null
        : $"Chromium is not at {ChromiumPath}: install Debian's package (apt-get install chromium), as .ci/run does, or set DEFENSECOOP_CHROMIUM.";

    public SampleServer Server { get; } = new();

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        await Server.InitializeAsync();
        if (Missing is not null) return;
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true });
    }

    /// <summary>
    /// A fresh page on the sample. Every request that would leave the machine is refused and recorded,
    /// so a test can require that the page asked for nothing but its own server: it works offline.
    /// </summary>
    public async Task<(IPage Page, List<string> Outside)> OpenAsync()
    {
        Assert.SkipWhen(Missing is not null, Missing ?? "");
        var context = await _browser!.NewContextAsync(new() { BaseURL = Server.Address.ToString(), ViewportSize = new() { Width = 1200, Height = 900 } });
        var outside = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.IsLoopback || url.Scheme is "data" or "blob") await route.ContinueAsync();
            else
            {
                lock (outside) outside.Add(route.Request.Url);
                await route.AbortAsync("internetdisconnected");
            }
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        return (page, outside);
    }

    /// <summary>Saves a screenshot under the test output, screenshots/NAME.png, and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
