using DefenseCoop;

var catalog = DefenseCoopCatalog.Default;
var turkiye = catalog.Countries.Resolve("Türkiye")!;
var finland = catalog.Countries.Resolve("Finland")!;

string Cite(SourceId id)
{
    var source = catalog.Sources[id];
    return $"{source.Publisher}, \"{source.Title}\"{(source.Published is { } date ? $", {date}" : "")} [{source.Language}]";
}

Console.WriteLine($"DefenseCoop data {catalog.DataVersion} (schema {catalog.SchemaVersion}, released {catalog.Released:yyyy-MM-dd})");
Console.WriteLine($"{catalog.Countries.Count} countries, {catalog.Organizations.Count} organizations, {catalog.Agreements.Count()} agreements, " +
                  $"{catalog.Trade.Count()} trade records, {catalog.Spending.Count()} spending figures, {catalog.Events.Length} events, {catalog.Sources.Count} sources");

Console.WriteLine();
Console.WriteLine($"Timeline {turkiye.Name} – {finland.Name}");
foreach (var entry in catalog.Timeline(turkiye.Code, finland.Code))
    Console.WriteLine($"  {entry}");

Console.WriteLine();
Console.WriteLine($"{turkiye.Name}'s partners (agreements / trade records / events)");
foreach (var partner in catalog.Partners(turkiye.Code))
    Console.WriteLine($"  {catalog.Countries[partner.Partner].Name,-22} {partner.Agreements,3} {partner.TradeFlows,3} {partner.Events,3}");

Console.WriteLine();
Console.WriteLine($"{finland.Name}: spending");
foreach (var figure in catalog.Spending.Of(finland.Code))
    Console.WriteLine($"  {figure.Year} {figure.Measure}{(figure.Component is null ? "" : $" ({figure.Component})")}: {Format(figure)}\n      source: {Cite(figure.Source)}");

Console.WriteLine();
Console.WriteLine($"{finland.Name}: exports and licences");
foreach (var flow in catalog.Trade.From(finland.Code))
    Console.WriteLine($"  {flow.Period?.ToString() ?? "undated"} {flow.Kind} to {(flow.Importer is { } to ? catalog.Countries[to].Name : "all destinations")}: " +
                      $"{string.Join(", ", new object?[] { flow.Value, flow.Quantity, flow.Commodity }.Where(v => v is not null))}\n      source: {string.Join("; ", flow.Sources.Select(Cite))}");

static string Format(SpendingObservation o) => o.Measure switch
{
    SpendingMeasure.ShareOfGdp or SpendingMeasure.AnnualChange or SpendingMeasure.RealChange => $"{o.Value:0.##} %",
    SpendingMeasure.MilitaryPersonnel => $"{o.Value:#,0}",
    _ => $"{o.Currency} {o.Value:#,0}",
};
