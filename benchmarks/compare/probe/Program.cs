// Times a few query shapes composed per call in this process, for benchmarks/compare/probe.sh, which runs it in
// many fresh processes a side: shapes under a microsecond settle into one of two speeds per process, so a
// comparison counts processes rather than iterations. BEFORE marks the API of the commit before the redesign
// (SignedWithin, Years), where the ranges had other names.
using System.Diagnostics;
using DefenseCoop;
using DefenseCoop.Data;

var catalog = DefenseCoopCatalog.LoadFile(args[0], new DataLimits { MaxFileBytes = int.MaxValue - 1024 });
var (a, b) = (CountryCode.Parse("IS"), CountryCode.Parse("UY")); // the synthetic catalogs' fixed dyad
#if BEFORE
int BetweenYears() => catalog.Agreements.Between(a, b).StatesOnly().SignedWithin(2010, 2015).ToList().Count;
int TradeBetweenYears() => catalog.Trade.Between(a, b).StatesOnly().Years(2010, 2015).ToList().Count;
#else
int BetweenYears() => catalog.Agreements.Between(a, b).StatesOnly().Within(2010, 2015).ToList().Count;
int TradeBetweenYears() => catalog.Trade.Between(a, b).StatesOnly().Within(2010, 2015).ToList().Count;
#endif
var counted = catalog.Agreements.Between(a, b).StatesOnly();
var shapes = new (string Name, Func<int> Run)[]
{
    ("Between, ToList", () => catalog.Agreements.Between(a, b).StatesOnly().ToList().Count),
    ("Between + years, ToList", BetweenYears),
    ("Between, Count", () => catalog.Agreements.Between(a, b).StatesOnly().Count()),
    ("Between, Any, composed once", () => counted.Any() ? 1 : 0),
    ("Trade between + years, ToList", TradeBetweenYears),
};
// args[1], if given, picks shapes by name ("|"-separated) and their order: which shapes ran before one in the
// same process changes how the JIT compiles the code they share.
if (args.Length > 1) shapes = [.. args[1].Split('|').Select(name => shapes.Single(shape => shape.Name == name))];
// Each shape: warmed, then five rounds; printed as "name<TAB>ns per call (the median round)<TAB>bytes allocated per call".
foreach (var (name, run) in shapes)
{
    int sink = 0;
    for (int i = 0; i < 50_000; i++) sink += run();
    var rounds = new double[5];
    for (int r = 0; r < rounds.Length; r++)
    {
        const int calls = 200_000;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < calls; i++) sink += run();
        rounds[r] = clock.Elapsed.TotalNanoseconds / calls;
    }
    Array.Sort(rounds);
    long allocated = GC.GetAllocatedBytesForCurrentThread();
    for (int i = 0; i < 1_000; i++) sink += run();
    allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1_000;
    GC.KeepAlive(sink);
    Console.WriteLine($"{name}\t{rounds[2]:F1}\t{allocated}");
}
