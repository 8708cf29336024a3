using DefenseCoop.Samples.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace DefenseCoop.Web.Tests;

/// <summary>The web sample, started in this process on a free loopback port.</summary>
public sealed class SampleServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>Gets the address the sample listens on, ending in a slash.</summary>
    public Uri Address { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _app = WebSample.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"]);
        await _app.StartAsync();
        // Port 0 asks the system for a free port; the server reports the one it bound.
        Address = new Uri(_app.Urls.Single().TrimEnd('/') + "/");
        Assert.True(Address.IsLoopback, $"The sample must listen on loopback only, not {Address}.");
        Client = new HttpClient { BaseAddress = Address };
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
