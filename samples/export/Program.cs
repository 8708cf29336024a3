using DefenseCoop;
using DefenseCoop.Export;
using DefenseCoop.Export.Parquet;
using DefenseCoop.Importers;

// Usage: dotnet run --project samples/export -- OUT [--sipri-arms-transfers trade-register.csv]
//   writes OUT/csv, OUT/jsonl and OUT/parquet: every table of the bundled release (plus, with a SIPRI
//   trade register of your own, its deals, exported acknowledging SIPRI's terms) and ATTRIBUTION.md.
string output = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "export-out";
int sipri = Array.IndexOf(args, "--sipri-arms-transfers");

var builder = DefenseCoopCatalog.CreateBuilder().AddBundled();
var options = ExportOptions.Default;
if (sipri >= 0 && sipri + 1 < args.Length)
{
    builder.AddSipriArmsTransfers(args[sipri + 1]);
    // SIPRI's data is for non-commercial use and may not be passed on: say so explicitly, or the export refuses.
    options = new ExportOptions { RestrictedSources = RestrictedSourceHandling.IncludeAndAcknowledgeTerms };
}
var catalog = builder.Build();

var progress = new ConsoleProgress();
foreach (var format in new ExportFormat[] { ExportFormat.Csv, ExportFormat.JsonLines, ParquetFormat.Default })
{
    string folder = Path.Combine(output, format.Name);
    progress = new ConsoleProgress();
    Console.WriteLine($"{format.Name} -> {folder}");
    try
    {
        var result = await catalog.ExportAsync(folder, format, options, progress);
        Console.WriteLine($"  {result.Sources.Length} sources cited, {result.RestrictedSources.Count()} of them restricted; see {result.AttributionPath}");
    }
    catch (RestrictedSourcesException e)
    {
        Console.Error.WriteLine(e.Message);
        return 1;
    }
}
return 0;

/// <summary>Prints each table once, when it is written. Reports arrive on the exporting thread, in order.</summary>
internal sealed class ConsoleProgress : IProgress<ExportProgress>
{
    private string? _last;

    public void Report(ExportProgress p)
    {
        if (p.RowsWritten != p.TableRows || p.Table == _last) return;
        _last = p.Table;
        Console.WriteLine($"  {p.Table,-26} {p.TableRows,10:N0} rows  ({p.Fraction:P0} of the export)");
    }
}
