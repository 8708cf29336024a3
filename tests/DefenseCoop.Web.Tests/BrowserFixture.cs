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
    public async Task<(IPage Page, List<string> Outside)> OpenAsync(int width = 1200, int height = 900)
    {
        Assert.SkipWhen(Missing is not null, Missing ?? "");
        var context = await _browser!.NewContextAsync(new() { BaseURL = Server.Address.ToString(), ViewportSize = new() { Width = width, Height = height } });
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

    /// <summary>
    /// Runs axe-core (vendored under axe/, for the tests only) on the page as it is, and returns its
    /// serious and critical violations, each as "rule: help (targets)".
    /// </summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof axe !== 'undefined'"))
            await page.AddScriptTagAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "axe", "axe.min.js") });
        return await page.EvaluateAsync<string[]>("""
            async () => {
              const result = await axe.run(document);
              // A run that checked nothing would find nothing: say so instead.
              if (result.passes.length < 10) return [`axe-core checked only ${result.passes.length} rules`];
              return result.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => `${v.id} (${v.impact}): ${v.help} [${v.nodes.map((n) => n.target.join(" ")).join("; ")}]`);
            }
            """);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
