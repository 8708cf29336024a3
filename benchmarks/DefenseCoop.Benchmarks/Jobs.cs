using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// A class's own job, left out of a dry run (DEFENSECOOP_BENCH_DRY set, as .ci/run does): a job of its own is
/// built as a separate executable, which a smoke run of every benchmark in process neither needs nor has the time
/// for on a loaded machine (BenchmarkDotNet gives such a build two minutes). The dry job still runs the class.
/// </summary>
public abstract class JobUnlessDryRun : ManualConfig
{
    /// <summary>Adds <paramref name="job"/> unless the run is a dry one.</summary>
    protected JobUnlessDryRun(Job job)
    {
        if (Environment.GetEnvironmentVariable("DEFENSECOOP_BENCH_DRY") is null) AddJob(job);
    }
}

/// <summary>Each iteration the first call in a fresh process: one iteration per launch, five launches.</summary>
public sealed class ColdStartJob() : JobUnlessDryRun(Job.Default.WithStrategy(RunStrategy.ColdStart).WithLaunchCount(5).WithWarmupCount(0).WithIterationCount(1).WithId("ColdStart"));

/// <summary>Nine measured invocations after one warm-up, each timing a child process of its own.</summary>
public sealed class FreshProcessJob() : JobUnlessDryRun(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(9).WithInvocationCount(1).WithId("FreshProcess"));
