// A program that uses DefenseCoop.Core and DefenseCoop.Importers as a developer would after
// `dotnet add package`: the examples of the two package READMEs, plus the versions it runs with.
// run.sh checks what it prints.
using System.Globalization;
using System.Reflection;
using DefenseCoop;
using DefenseCoop.Importers;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

static string VersionOf(Assembly assembly) =>
    assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "(no version)";

Console.WriteLine($"DefenseCoop.Core {VersionOf(typeof(DefenseCoopCatalog).Assembly)}");
Console.WriteLine($"DefenseCoop.Importers {VersionOf(typeof(CowNmcImporter).Assembly)}");

// DefenseCoop.Core's README example.
var catalog = DefenseCoopCatalog.Default;
Console.WriteLine($"Data release {catalog.DataVersion}");
foreach (var agreement in catalog.Agreements.Between("TR", "FI").OrderBySigningDate())
    Console.WriteLine($"{agreement.SignedOn} {agreement.Kind}: {agreement.Title} [{string.Join(", ", agreement.Sources)}]");
foreach (var figure in catalog.Spending.Of("FI").Measure(SpendingMeasure.CurrentUsd).Within(2023))
    Console.WriteLine($"{figure.Value:#,0} USD [{figure.Source}]");

// Parsing and formatting through .NET's interfaces.
Console.WriteLine($"Parsed: {Parse<DataVersion>("2026.2")} {Parse<PartialDate>("early 2023")} {Parse<CountryCode>("fi")}");

static T Parse<T>(string text) where T : ISpanParsable<T> => T.Parse(text, CultureInfo.InvariantCulture);

// DefenseCoop.Importers: a two-row file in the layout of COW's National Material Capabilities v6.0
// (milex in thousands of current US dollars; -9 is COW's "missing").
var nmc = Path.Combine(Path.GetTempPath(), $"defensecoop-consumer-{Environment.ProcessId}.csv");
File.WriteAllText(nmc, "stateabb,ccode,year,milex,milper,irst,pec,tpop,upop,cinc,version\n" +
                       "TUR,640,2010,17000000,-9,29143,4000,72000,50000,0.01,2021\n" +
                       "TUR,640,2011,18500000,612,34107,4100,73000,51000,0.01,2021\n");
try
{
    var withCow = await DefenseCoopCatalog.CreateBuilder().AddBundled().AddCowNmc(nmc).BuildAsync();
    foreach (var figure in withCow.Spending.Of("TR").FromSource("cow-nmc-6").Within(2010, 2011))
        Console.WriteLine($"Imported: {figure.Year} {figure.Measure} {figure.Value:#,0} [{figure.Source}]");
}
finally
{
    File.Delete(nmc);
}
