using DefenseCoop.Benchmarks.Synthetic;
using DefenseCoop.Export;
using DefenseCoop.Export.Parquet;
using DefenseCoop.Panels;
using DefenseCoop.Querying;

namespace DefenseCoop.Benchmarks.Fixtures;

/// <summary>
/// One catalog size for the panel benchmarks: the synthetic catalog with the bundled release, its arms-transfer
/// deals given delivery years (the year after the order, and up to two more), exported as Parquet with the state
/// system's extract beside, for DuckDB. Built once per size and kept for the process.
/// </summary>
public sealed class PanelFixture
{
    private static readonly Lock Gate = new();
    private static PanelFixture? _current;

    /// <summary>The years of the panel: every non-directed dyad-year from 1946 to 2024.</summary>
    public const int FromYear = 1946, ToYear = 2024;

    /// <summary>The source whose spending figures the panel prefers: the synthetic dataset, which gives every country and year.</summary>
    public static readonly SourceId SpendingSource = "bench-defence-dataset";

    private PanelFixture(int size)
    {
        Size = size;
        // A panel's TIV is spread over delivery years, which the generator alone does not give.
        var records = SyntheticCatalog.GenerateWithDeliveries(size);
        Catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(records, "synthetic").WithLimits(CatalogFiles.Limits).Build();
        Folder = Path.Combine(CatalogFiles.Folder, $"panel-{size}");
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        CatalogExporter.ForCatalog(Catalog).WriteToDirectoryAsync(Folder, ParquetFormat.Default).GetAwaiter().GetResult();
        StateSystemFile = Path.Combine(Folder, "cow-state-system-2016.csv");
        using (var resource = typeof(DefenseCoopCatalog).Assembly.GetManifestResourceStream(StateSystem.ResourceName)!)
        using (var file = File.Create(StateSystemFile))
            resource.CopyTo(file);
    }

    /// <summary>The fixture of <paramref name="size"/> agreements, building it (and dropping any other size) if needed.</summary>
    public static PanelFixture Get(int size)
    {
        lock (Gate)
        {
            if (_current?.Size == size) return _current;
            _current = null;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return _current = new PanelFixture(size);
        }
    }

    /// <summary>Gets the number of generated agreements.</summary>
    public int Size { get; }

    /// <summary>Gets the catalog.</summary>
    public DefenseCoopCatalog Catalog { get; }

    /// <summary>Gets the folder of the exported Parquet tables.</summary>
    public string Folder { get; }

    /// <summary>Gets the state system's extract, as the library bundles it.</summary>
    public string StateSystemFile { get; }

    /// <summary>
    /// The benchmark's panel, not yet computed: every non-directed dyad-year 1946–2024 (spells running at the list's
    /// end continue through 2024) with agreements signed, agreements in force on 31 December, TIV delivered (both
    /// ways), and each side's current-dollar spending from the synthetic dataset. The synthetic records cover every
    /// state from 1990 to 2025, as the benchmark states.
    /// </summary>
    public DyadYearPanel Panel(int toYear = ToYear) => Catalog.Panels.AsOf(ToYear).DyadYears(FromYear, toYear)
        .WithRecordCoverage(PanelCoverage.Everywhere(SyntheticCatalog.FirstYear, SyntheticCatalog.LastYear, "The synthetic catalog's agreements: every state, 1990-2025."))
        .WithAgreementsSigned().WithAgreementsInForce().WithTiv()
        .WithSpending(SpendingMeasure.CurrentUsd, ReconciliationPolicy.Prefer(SpendingSource), name: "spending");

    /// <summary>Reads every row of a panel as the benchmark does.</summary>
    public static PanelChecksum Stream(DyadYearPanel panel, Action<long>? everyRow = null)
    {
        var (signed, inForce, tiv) = (panel.Column<int>("agreements_signed"), panel.Column<int>("agreements_in_force"), panel.Column<TrendIndicatorValue>("tiv"));
        var (one, two) = (panel.Column<decimal>("spending_1"), panel.Column<decimal>("spending_2"));
        var sum = new PanelChecksum();
        foreach (var row in panel)
        {
            sum = sum.Add(row.State1.CowCode, row.State2.CowCode, row.Year, row.Get(signed), row.Get(inForce), row.Get(tiv)?.Millions, row.Get(one), row.Get(two));
            everyRow?.Invoke(sum.Rows);
        }
        return sum;
    }
}

/// <summary>What reading a panel's rows adds up to, so that both implementations' work is checked and cannot be skipped.</summary>
/// <param name="Rows">The rows.</param>
/// <param name="Codes">The sum of the rows' codes and years.</param>
/// <param name="Agreements">The sum of agreements signed and in force.</param>
/// <param name="Tiv">The sum of the TIV.</param>
/// <param name="Spending">The sum of both sides' spending, in millions.</param>
/// <param name="Nulls">The number of unknown values.</param>
public readonly record struct PanelChecksum(long Rows, long Codes, long Agreements, decimal Tiv, decimal Spending, long Nulls)
{
    /// <summary>This sum with one more row.</summary>
    public PanelChecksum Add(int ccode1, int ccode2, int year, int? signed, int? inForce, decimal? tiv, decimal? spending1, decimal? spending2) => new(
        Rows + 1, Codes + ccode1 + ccode2 + year, Agreements + (signed ?? 0) + (inForce ?? 0), Tiv + (tiv ?? 0), Spending + ((spending1 ?? 0) + (spending2 ?? 0)) / 1_000_000m,
        Nulls + (signed is null ? 1 : 0) + (inForce is null ? 1 : 0) + (tiv is null ? 1 : 0) + (spending1 is null ? 1 : 0) + (spending2 is null ? 1 : 0));
}
