using System.IO.Compression;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.ResponseCompression;
using DefenseCoop.Extensions.DependencyInjection;
using DefenseCoop.Serialization;

namespace DefenseCoop.Samples.Web;

/// <summary>Builds the sample: the catalog, the JSON contract, the API, its OpenAPI document and the page.</summary>
public static class WebSample
{
    /// <summary>Builds the application; <c>--urls</c> (or ASPNETCORE_URLS) says where it listens.</summary>
    /// <param name="args">Command-line arguments, as for <see cref="WebApplication.CreateBuilder(string[])"/>.</param>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // The page and the API live beside the assembly, wherever it is started from (a test starts it in its own process).
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });

        builder.Services.AddDefenseCoop();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, DefenseCoopJsonContext.Default);
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer(ContractSchemas.Transform).AddOperationTransformer(ParameterDocs.Transform));
        // JSON (and the page) compressed; at the fastest levels, since a catalog's answers are small and
        // the server's cores are better spent answering.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ["application/json", "application/problem+json", "text/html", "text/css", "text/javascript", "image/svg+xml"];
        });
        // The catalog never changes while the server runs, so an answer can be kept and served again to
        // anyone asking the same path and query (every query key varies the entry); bounded in size.
        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = 64 * 1024 * 1024;
            o.MaximumBodySize = 4 * 1024 * 1024;
            o.DefaultExpirationTimeSpan = TimeSpan.FromMinutes(10);
        });
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);

        var app = builder.Build();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // --OutputCache=false turns the cache off, to measure what answering costs (benchmarks/load/run.sh).
        if (app.Configuration.GetValue("OutputCache", true)) app.UseOutputCache();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapDefenseCoopApi();
        app.MapNetworkApi();
        return app;
    }
}
