using System.Text.Json.Serialization;
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
        builder.Services.AddOpenApi(o => o.AddSchemaTransformer(ContractSchemas.Transform));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapOpenApi();
        app.MapDefenseCoopApi();
        app.MapNetworkApi();
        return app;
    }
}
