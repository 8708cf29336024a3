using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using DefenseCoop.Benchmarks.Synthetic;

namespace DefenseCoop.Benchmarks;

/// <summary>
/// The memory a loaded catalog holds, per agreement: the whole catalog (records, index, lookups), and
/// how much of it is the records themselves, measured as the retained heap (<see cref="GC.GetTotalMemory"/>
/// after full collections) before and after.
/// </summary>
public static class MemoryPerAgreement
{
    /// <summary>What one measurement found.</summary>
    public sealed record Result(int Agreements, long FileBytes, TimeSpan Load, long Catalog, long Records)
    {
        /// <summary>Gets the bytes the catalog holds per agreement.</summary>
        public double CatalogPerAgreement => (double)Catalog / Agreements;

        /// <summary>Gets the bytes the records (agreements, flows, events, spending) hold per agreement.</summary>
        public double RecordsPerAgreement => (double)Records / Agreements;

        /// <summary>Gets the bytes the index and lookups hold per agreement, beyond the records.</summary>
        public double IndexPerAgreement => (double)(Catalog - Records) / Agreements;

        /// <inheritdoc/>
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Agreements,9:N0} agreements: file {FileBytes / 1048576.0:F0} MiB, load {Load.TotalSeconds:F2} s, catalog holds {Catalog / 1048576.0:F1} MiB = {CatalogPerAgreement:F0} B/agreement (records {RecordsPerAgreement:F0} B, index and lookups {IndexPerAgreement:F0} B)");
    }

    /// <summary>Loads the cached file of <paramref name="agreements"/> agreements and measures what it holds.</summary>
    /// <remarks>
    /// Each step runs in its own method that is never inlined, so that no temporary of an unoptimized
    /// (tier-0) frame keeps the catalog reachable while the records alone are measured.
    /// </remarks>
    public static Result Measure(int agreements)
    {
        string path = CatalogFiles.Ensure(agreements);
        var held = new object?[2];
        long before = Retained();
        var load = Load(path, held);
        long withCatalog = Retained();
        long listArrays = KeepRecordsOnly(held);
        long withRecords = Retained();
        GC.KeepAlive(held);
        return new Result(agreements, new FileInfo(path).Length, load, withCatalog - before, withRecords - before - listArrays);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TimeSpan Load(string path, object?[] held)
    {
        var clock = Stopwatch.StartNew();
        held[0] = DefenseCoopCatalog.LoadFile(path, CatalogFiles.Limits);
        return clock.Elapsed;
    }

    // Replaces the catalog by the same records without it; returns the bytes of the lists' own arrays, not counted.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long KeepRecordsOnly(object?[] held)
    {
        var catalog = (DefenseCoopCatalog)held[0]!;
        var agreementList = catalog.Agreements.ToList();
        var trade = catalog.Trade.ToList();
        var spending = catalog.Spending.Select(o => o.Series).Distinct().ToList();
        var events = catalog.Events.ToList();
        object bundled = new object[] { catalog.Countries.All, catalog.Organizations.All, catalog.People.All, catalog.Systems.All, catalog.Sources.All };
        held[0] = null;
        held[1] = new object[] { agreementList, trade, spending, events, bundled };
        return 8L * (agreementList.Count + trade.Count + spending.Count + events.Count);
    }

    /// <summary>The catalog's bytes per agreement, measured once per size and kept beside the cached file for <see cref="BytesPerAgreementColumn"/>.</summary>
    public static void Record(int agreements)
    {
        string path = ResultPath(agreements);
        if (File.Exists(path)) return;
        var result = Measure(agreements);
        Console.WriteLine($"// memory: {result}");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"{result.CatalogPerAgreement:F0} B ({result.IndexPerAgreement:F0} B index)"));
    }

    /// <summary>The file holding the measurement of one size.</summary>
    public static string ResultPath(int agreements) => CatalogFiles.PathFor(agreements) + ".memory.txt";

    private static long Retained()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
