using BenchmarkDotNet.Running;
using DefenseCoop.Benchmarks;
using DefenseCoop.Benchmarks.ColdStart;
using DefenseCoop.Benchmarks.Synthetic;

// `cold-start <kind>` is the fresh process a cold-start measurement starts: it must load nothing else
// (the rest of the program is in a local function, compiled only when called);
// `cold-start-report [runs]` starts fresh processes in turn and prints the medians and their ratios;
// `larger-release N DIR`: see below;
// `generate [--force] [sizes...]` writes the cached data files (again, with --force) and reports how long each step took;
// `memory [sizes...]` prints the memory a loaded catalog holds per agreement;
// `plans [sizes...]` prints the query plans SQLite chose for the baseline;
// `fixed [sizes...]` prints the fixed dyad's result counts at each size;
// `network-export` and `network-measures`: see below;
// anything else goes to BenchmarkDotNet (e.g. --filter '*' --job short).
if (args is ["cold-start", var kind]) return FreshProcess.Run(kind);
return RunCommand(args);

static int RunCommand(string[] args)
{
if (args is ["cold-start-report", .. var reportArgs])
{
    Console.WriteLine(ColdStartReport.Run(reportArgs is [var runs] ? int.Parse(runs, System.Globalization.CultureInfo.InvariantCulture) : 11));
    return 0;
}
// `larger-release N DIR` writes a synthetic release N times the bundled one (benchmarks/cold-start-larger.sh).
if (args is ["larger-release", var times, var directory])
    return LargerRelease.Write(int.Parse(times, System.Globalization.CultureInfo.InvariantCulture), directory);
if (args is ["generate", .. var generateArgs])
{
    bool force = generateArgs.Contains("--force");
    foreach (int size in BenchmarkSizes.Parse(generateArgs.Where(a => a != "--force")))
    {
        string path = CatalogFiles.PathFor(size);
        if (force || !File.Exists(path))
        {
            Directory.CreateDirectory(CatalogFiles.Folder);
            var timing = CatalogFiles.Generate(size, SyntheticCatalog.DefaultSeed, path);
            File.WriteAllText(path + ".timing.txt", timing.ToString());
        }
        Console.WriteLine($"{path}: {(File.Exists(path + ".timing.txt") ? File.ReadAllText(path + ".timing.txt") : "cached")}");
    }
    return 0;
}
// `network-export FILE` writes SIPRI's yearly arms-trade graphs; `network-measures FILE [NETWORKX.json]`
// measures every one (and compares with networkx's results): the two halves of benchmarks/network/run.sh.
if (args is ["network-export", var exportPath]) return DefenseCoop.Benchmarks.Networks.NetworkCommands.Export(exportPath);
if (args is ["network-measures", var graphsPath, .. var reference])
    return DefenseCoop.Benchmarks.Networks.NetworkCommands.Measure(graphsPath, reference is [var r] ? r : null);
if (args is ["memory", .. var memorySizes])
{
    foreach (int size in BenchmarkSizes.Parse(memorySizes))
        Console.WriteLine(MemoryPerAgreement.Measure(size));
    return 0;
}

if (args is ["fixed", .. var fixedSizes])
{
    // The fixed dyad's results at each size: the same at every size, by construction.
    foreach (int size in BenchmarkSizes.Parse(fixedSizes))
    {
        var fixture = DefenseCoop.Benchmarks.Fixtures.CatalogFixture.Get(size);
        var (a, b) = (fixture.FixedA, fixture.FixedB);
        var (from, to) = fixture.YearRange;
        var agreements = fixture.Catalog.Agreements.Between(a, b).StatesOnly();
        Console.WriteLine($"{size:N0}: Between {agreements.Count()}, +SignedWithin({from}, {to}) {agreements.Within(from, to).Count()}, " +
            $"trade +Years {fixture.Catalog.Trade.Between(a, b).StatesOnly().Within(from, to).Count()}, timeline {fixture.Catalog.Timeline(a, b, statesOnly: true).Count}");
    }
    return 0;
}
if (args is ["plans", .. var planSizes])
{
    // The plans SQLite chose for the baseline's queries, with the statistics ANALYZE gathered.
    foreach (int size in BenchmarkSizes.Parse(planSizes))
        foreach (var plan in DefenseCoop.Benchmarks.Fixtures.CatalogFixture.Get(size).Sqlite.Plans())
            Console.WriteLine($"{size:N0}: {plan}");
    return 0;
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkConfig.Create());
return BenchmarkConfig.ExitCode(summaries);
}
