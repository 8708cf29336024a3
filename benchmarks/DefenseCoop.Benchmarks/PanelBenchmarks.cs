using BenchmarkDotNet.Attributes;
using DefenseCoop.Benchmarks.Baselines;
using DefenseCoop.Benchmarks.Fixtures;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// Builds and streams every non-directed dyad-year 1946–2024 of the COW state system with five catalog columns
/// (agreements signed, agreements in force, TIV delivered, each side's spending), against DuckDB computing the same
/// panel with SQL over the catalog's exported Parquet tables (the baseline). The library's panel is made afresh at
/// each invocation, so computing its columns from the catalog is measured with the streaming.
/// </summary>
/// <remarks>
/// The setup compares the two panels row by row (a disagreement fails the run, and CI's dry run), then measures
/// memory: the library's live heap while streaming, sampled at every tenth of the rows for a panel to 1985 and one
/// to 2024 (it must not grow with the rows), and each implementation's peak working set above the process's.
/// </remarks>
[MemoryDiagnoser]
public class PanelBenchmarks
{
    private PanelFixture _fixture = null!;
    private string _sql = null!;

    /// <summary>
    /// Gets the catalog sizes: those of <c>DEFENSECOOP_BENCH_SIZES</c>, else 10k and 100k. At 1M the setup (building,
    /// exporting and checking the panel against DuckDB's) runs past the five minutes the in-process toolchain allows
    /// a case, so 1M is measured on request, out of process (benchmarks/README.md, "Panels").
    /// </summary>
    public static IEnumerable<int> Sizes =>
        Environment.GetEnvironmentVariable("DEFENSECOOP_BENCH_SIZES") is { Length: > 0 } ? BenchmarkSizes.Values : [10_000, 100_000];

    /// <summary>Gets or sets the number of generated agreements.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Agreements { get; set; }

    /// <summary>Builds the catalog, exports it, checks that both implementations give the same panel, and reports memory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _fixture = PanelFixture.Get(Agreements);
        _sql = DuckDbPanel.Sql(_fixture);
        var panel = _fixture.Panel();
        var library = panel.ToList();
        int row = 0, tivRounding = 0;
        var fromSql = DuckDbPanel.Stream(_sql, sql =>
        {
            if (row >= library.Count) throw new InvalidOperationException($"DuckDB gives more rows than the library's {library.Count:N0}.");
            var mine = Values(panel, library[row++]);
            if (mine.Tiv != sql.Tiv && Math.Abs((mine.Tiv ?? 0) - (sql.Tiv ?? 0)) <= 0.02m && mine.Tiv is null == sql.Tiv is null)
            {
                // DuckDB spreads TIV in binary floating point; the library in decimal. A half-cent can round either way.
                tivRounding++;
                mine = mine with { Tiv = sql.Tiv };
            }
            if (mine != sql) throw new InvalidOperationException($"Row {row:N0}: the library has {mine}, DuckDB {sql}.");
        });
        if (row != library.Count) throw new InvalidOperationException($"DuckDB gives {row:N0} rows, the library {library.Count:N0}.");
        Console.WriteLine($"// Panel at {Agreements:N0} agreements: {row:N0} dyad-years agree ({tivRounding} TIV figures differ by a rounding of DuckDB's floating point); {fromSql}");
        library.Clear();
        Report();
    }

    private static DuckDbPanel.PanelRow Values(Panels.DyadYearPanel panel, Panels.DyadYear row) =>
        new(row.State1.CowCode, row.State2.CowCode, row.Year, row.Get(panel.Column<int>("agreements_signed")), row.Get(panel.Column<int>("agreements_in_force")),
            row.Get(panel.Column<TrendIndicatorValue>("tiv"))?.Millions, row.Get(panel.Column<decimal>("spending_1")), row.Get(panel.Column<decimal>("spending_2")));

    /// <summary>Reports the memory each implementation uses beside the time.</summary>
    private void Report()
    {
        foreach (int toYear in new[] { 1985, PanelFixture.ToYear })
        {
            var panel = _fixture.Panel(toYear);
            long rows = panel.Count(), next = 0, start = 0, peak = 0;
            PanelFixture.Stream(panel, count =>
            {
                if (count == 1) start = GC.GetTotalMemory(forceFullCollection: true);
                if (count < next) return;
                next = count + Math.Max(1, rows / 10);
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - start);
            });
            Console.WriteLine($"// Panel 1946-{toYear} at {Agreements:N0} agreements: {rows:N0} rows; live heap while streaming at most {peak / 1024.0:N0} KiB above the heap after the first row (columns computed)");
        }
        // Streaming a panel whose columns are computed: what the rows themselves allocate.
        var computed = _fixture.Panel();
        PanelFixture.Stream(computed);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        var again = PanelFixture.Stream(computed);
        Console.WriteLine($"// Panel at {Agreements:N0} agreements: streaming {again.Rows:N0} rows of computed columns allocates {GC.GetAllocatedBytesForCurrentThread() - allocated:N0} bytes in all");
        Console.WriteLine($"// Panel at {Agreements:N0} agreements, peak working set above the process's: library {PeakWorkingSet(() => PanelFixture.Stream(_fixture.Panel())) / 1048576.0:N0} MiB, " +
            $"DuckDB {PeakWorkingSet(() => DuckDbPanel.Stream(_sql)) / 1048576.0:N0} MiB");
    }

    /// <summary>The most the process's working set rose above where it stood before <paramref name="run"/>, sampled every millisecond.</summary>
    private static long PeakWorkingSet(Func<PanelChecksum> run)
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        long before = Environment.WorkingSet, peak = before;
        bool done = false;
        var sampler = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();
        run();
        Volatile.Write(ref done, true);
        sampler.Join();
        return Math.Max(peak, Environment.WorkingSet) - before;
    }

    /// <summary>DuckDB: the panel by SQL over the exported tables, read row by row.</summary>
    [Benchmark(Baseline = true)]
    public PanelChecksum DuckDb_Sql() => DuckDbPanel.Stream(_sql);

    /// <summary>The library: a fresh panel, its columns computed from the catalog, streamed row by row.</summary>
    [Benchmark]
    public PanelChecksum Library_BuildAndStream() => PanelFixture.Stream(_fixture.Panel());
}
