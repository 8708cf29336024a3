using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace DefenseCoop.Benchmarks.ColdStart;

/// <summary>
/// Cold start as a user feels it: each invocation starts a fresh process of this program and waits for
/// it to exit, so runtime start-up, assembly loading, JIT and the catalog's load are all in the time.
/// The baseline tokenizes the bundled release with <see cref="System.Text.Json.JsonDocument"/>; the
/// Ratio column is the cold start of the bundled catalog plus its first indexed query against it.
/// </summary>
[Config(typeof(FreshProcessJob))]
public class FreshProcessBenchmarks
{
    /// <summary>A fresh process that tokenizes the bundled release and walks its top level: the floor.</summary>
    [Benchmark(Baseline = true)]
    public TimeSpan Tokenize() => FreshProcess.Measure("tokenize");

    /// <summary>A fresh process that reads <see cref="DefenseCoopCatalog.Default"/> and counts <c>Agreements.Involving("TR")</c>, with DefenseCoop.Core as its package ships it for this machine (precompiled).</summary>
    [Benchmark]
    public TimeSpan DefaultFirstQuery() => FreshProcess.Measure("default");

    /// <summary>The same, with DefenseCoop.Core's IL alone, as on a runtime the package has no precompiled image for.</summary>
    [Benchmark]
    public TimeSpan DefaultFirstQueryJit() => FreshProcess.Measure("default-jit");

    /// <summary>The same query after loading the bundled JSON through <see cref="DefenseCoopCatalog.Load"/>, with full validation.</summary>
    [Benchmark]
    public TimeSpan LoadJsonFirstQuery() => FreshProcess.Measure("load-json");

    /// <summary>A fresh process that does nothing: the runtime's own start-up.</summary>
    [Benchmark]
    public TimeSpan Nothing() => FreshProcess.Measure("nothing");
}
