using DefenseCoop;
using DefenseCoop.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;

// A generic-host app that registers the catalog with an overlay of its own records, checks the
// configuration at start-up, and prints a query that mixes bundled and overlay records with the
// file each came from.
var builder = Host.CreateApplicationBuilder(args);

builder.Services.AddDefenseCoop(catalog => catalog
    .RequireMinimumDataVersion(new DataVersion(2026, 1))
    // The overlay is copied next to the app; a relative path would be read from the current directory.
    .AddOverlay(Path.Combine(AppContext.BaseDirectory, "our-deals.json")));
builder.Services.AddSingleton<PatriaReport>();

using var host = builder.Build();

// ValidateOnStart does not cover the catalog: build it now, so that a bad overlay stops the app here
// with every problem listed, rather than at the first request.
try
{
    host.Services.ValidateDefenseCoop();
}
catch (DefenseCoopDataException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

host.Services.GetRequiredService<PatriaReport>().Print(Console.Out);
return 0;

/// <summary>An application service: the catalog and the clock arrive by injection.</summary>
internal sealed class PatriaReport(DefenseCoopCatalog catalog, IClock clock)
{
    public void Print(TextWriter output)
    {
        var finland = catalog.Countries["FI"];
        output.WriteLine($"DefenseCoop data {catalog.DataVersion}: {catalog.Agreements.Count()} agreements with the overlay, " +
                         $"{DefenseCoopCatalog.Default.Agreements.Count()} in the bundled release.");
        output.WriteLine();
        output.WriteLine($"Agreements involving {finland.Name}, newest first, with the file each record comes from:");
        foreach (var agreement in catalog.Agreements.Involving(finland.Code).OrderBySigningDateDescending())
            output.WriteLine($"  {agreement.SignedOn?.ToString() ?? "undated",-10} {agreement.Title}\n{"",13}{agreement.Id}, from {Origin(agreement)}");

        output.WriteLine();
        output.WriteLine("Records the overlay replaces (\"replaces\": true):");
        var patria = new OrganizationId("patria");
        foreach (var agreement in catalog.Agreements.Involving(patria))
        {
            var bundled = DefenseCoopCatalog.Default.Agreements.Involving(patria).FirstOrDefault(a => a.Id == agreement.Id);
            if (bundled is null) continue;
            output.WriteLine($"  {agreement.Id}, from {Origin(agreement)}\n{"",4}now:     {agreement.Title}\n{"",4}bundled: {bundled.Title}");
        }

        var today = clock.GetCurrentInstant().InUtc().Date;
        output.WriteLine();
        output.WriteLine($"In force today ({today:yyyy-MM-dd} UTC) with {finland.Name} as a party: " +
                         $"{catalog.Agreements.Involving(finland.Code).InForceToday(clock).Count()} certainly, " +
                         $"{catalog.Agreements.Involving(finland.Code).PossiblyInForceToday(clock).Count()} certainly or possibly.");
    }

    // The bundled release is named by its resource name, files by the path they were added with.
    private string Origin(object record) => Path.GetFileName(catalog.OriginOf(record)) ?? "(not in this catalog)";
}
