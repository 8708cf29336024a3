using DefenseCoop;
using DefenseCoop.Importers;

// Usage: DefenseCoop.Samples.Console [--sipri-milex PATH]
//   PATH is your own download of SIPRI's Military Expenditure workbook (not bundled: SIPRI's terms).
int milexArgument = Array.IndexOf(args, "--sipri-milex");
string? sipriMilex = milexArgument >= 0 && milexArgument + 1 < args.Length ? args[milexArgument + 1] : null;

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
                  $"{catalog.Trade.Count()} trade records, {catalog.Spending.Count()} spending figures, {catalog.Events.Count()} events, {catalog.Sources.Count} sources");

Console.WriteLine();
Console.WriteLine($"Timeline {turkiye.Name} – {finland.Name}");
foreach (var entry in catalog.Timeline(turkiye.Code, finland.Code))
    Console.WriteLine($"  {entry}");

Console.WriteLine();
Console.WriteLine($"Agreements {turkiye.Name} – {finland.Name}: how each country takes part (a state, or through its companies and agencies)");
foreach (var agreement in catalog.Agreements.Between(turkiye, finland))
    Console.WriteLine($"  {agreement.SignedOn?.ToString() ?? "undated",-11} {catalog.Involvement(agreement, turkiye),-12} {catalog.Involvement(agreement, finland),-12} {agreement.Title}");

Console.WriteLine();
Console.WriteLine($"{turkiye.Name}'s partners (agreements / trade records / events)");
foreach (var partner in catalog.Partners(turkiye))
    Console.WriteLine($"  {catalog.Countries[partner.Partner].Name,-22} {partner.Agreements,3} {partner.TradeFlows,3} {partner.Events,3}");

Console.WriteLine();
Console.WriteLine($"{finland.Name}: spending 2022–2025, every source's figure");
var cited = new List<SourceId>();
int Note(SourceId id)
{
    if (!cited.Contains(id)) cited.Add(id);
    return cited.IndexOf(id) + 1;
}
foreach (var figure in catalog.Spending.Of(finland).Measure(SpendingMeasure.CurrentUsd, SpendingMeasure.ShareOfGdp, SpendingMeasure.AnnualChange, SpendingMeasure.BudgetAllocation)
             .Within(2022, 2025).OrderBy(f => f.Year).ThenBy(f => f.Measure))
    Console.WriteLine($"  {figure.Year} {figure.Measure}{(figure.Component is null ? "" : $" ({figure.Component})")}: {Format(figure)}{(figure.Estimate ? " (estimate)" : "")} [{Note(figure.Source)}]");
for (int i = 0; i < cited.Count; i++)
    Console.WriteLine($"  [{i + 1}] {Cite(cited[i])}");

Console.WriteLine();
Console.WriteLine($"{finland.Name}: exports and licences");
foreach (var flow in catalog.Trade.From(finland.Code))
    Console.WriteLine($"  {flow.Period?.ToString() ?? "undated"} {flow.Kind} to {(flow.Importer is { } to ? catalog.Countries[to].Name : "all destinations")}: " +
                      $"{string.Join(", ", new object?[] { flow.Value, flow.Quantity, flow.Commodity }.Where(v => v is not null))}\n      source: {string.Join("; ", flow.Sources.Select(Cite))}");

Console.WriteLine();
var nato = catalog.Sources[new SourceId("nato-defence-expenditure-2024")];
Console.WriteLine($"NATO allies by defence expenditure as a share of GDP, 2024 (estimates) — source: {nato.Publisher}, \"{nato.Title}\", {nato.Published}");
int rank = 0;
foreach (var figure in catalog.Spending.FromSource(nato.Id).Measure(SpendingMeasure.ShareOfGdp).Within(2024).Top(40))
    Console.WriteLine($"  {++rank,2}. {catalog.Countries[figure.Country!.Value].Name,-18} {figure.Value,5:0.00} %{(figure.Estimate ? "  (estimate)" : "")}");

DefenseCoop.Samples.NetworkSample.Run(catalog, Console.Out);

await DefenseCoop.Samples.PanelSample.RunAsync(catalog, Path.Combine(Path.GetTempPath(), "defensecoop-panels"), Console.Out);

if (sipriMilex is not null)
{
    var withSipri = DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriMilex(sipriMilex).Build();
    var sipri = withSipri.Sources.Single(s => s.Publisher == "SIPRI" && s.Kind == SourceKind.Dataset);
    var constantUsd = withSipri.Spending.FromSource(sipri.Id).Measure(SpendingMeasure.ConstantUsd);
    int latest = constantUsd.Max(o => o.Year);
    Console.WriteLine();
    Console.WriteLine($"The world's top 15 military spenders, {latest}, constant US$ — source: {sipri.Publisher}, \"{sipri.Title}\", {sipri.Edition}");
    rank = 0;
    foreach (var figure in constantUsd.Within(latest).Top(15))
        Console.WriteLine($"  {++rank,2}. {withSipri.Countries[figure.Country!.Value].Name,-24} {figure.Value / 1e9m,8:#,0.0} bn (base {figure.Series.Basis.BaseYear}){(figure.Estimate ? "  (SIPRI estimate)" : "")}{(figure.Uncertain ? "  (highly uncertain)" : "")}");
}

static string Format(SpendingObservation o) => o.Measure switch
{
    SpendingMeasure.ShareOfGdp or SpendingMeasure.AnnualChange or SpendingMeasure.RealChange => $"{o.Value:0.##} %",
    SpendingMeasure.MilitaryPersonnel => $"{o.Value:#,0}",
    _ => $"{o.Currency} {o.Value:#,0}",
};
