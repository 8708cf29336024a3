using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DefenseCoop.Benchmarks;

/// <summary>The configuration every benchmark class shares, and how a run's outcome becomes the exit code.</summary>
public static class BenchmarkConfig
{
    /// <summary>Medians and ratios per query family, allocations, and the memory a catalog holds per agreement.</summary>
    public static IConfig Create() => DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, CategoriesColumn.Default, new BytesPerAgreementColumn())
        .AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)
        .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared))
        .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);

    /// <summary>0 when every benchmark ran; 1 when one failed or was invalid; 2 when nothing ran at all.</summary>
    public static int ExitCode(IEnumerable<Summary> summaries)
    {
        var all = summaries.ToList();
        if (all.Count == 0)
        {
            Console.Error.WriteLine("No benchmark ran.");
            return 2;
        }
        var failed = all.SelectMany(s => s.BenchmarksCases.Where(c => s[c] is not { Success: true })).Select(c => c.DisplayInfo).ToList();
        foreach (var summary in all.Where(s => s.HasCriticalValidationErrors))
            foreach (var error in summary.ValidationErrors.Where(e => e.IsCritical))
                failed.Add(error.Message);
        foreach (var failure in failed) Console.Error.WriteLine($"FAILED: {failure}");
        return failed.Count == 0 ? 0 : 1;
    }
}
