using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// Shows, for the load benchmarks, the memory a loaded catalog holds per agreement (records, index and
/// lookups), measured by <see cref="MemoryPerAgreement"/> in the benchmark's process during setup.
/// </summary>
public sealed class BytesPerAgreementColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(BytesPerAgreementColumn);
    /// <inheritdoc/>
    public string ColumnName => "Held/agreement";
    /// <inheritdoc/>
    public bool AlwaysShow => false;
    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;
    /// <inheritdoc/>
    public int PriorityInCategory => 0;
    /// <inheritdoc/>
    public bool IsNumeric => false;
    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;
    /// <inheritdoc/>
    public string Legend => "Memory the loaded catalog holds per agreement (whole catalog / agreements), and the part beyond the records";

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.Type == typeof(LoadBenchmarks));

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Descriptor.Type != typeof(LoadBenchmarks)) return "-";
        if (benchmarkCase.Parameters[nameof(LoadBenchmarks.Agreements)] is not int size) return "-";
        string path = MemoryPerAgreement.ResultPath(size);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : "?";
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);
}
