using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace DefenseCoop.Benchmarks.ColdStart;

/// <summary>
/// The cold-start and warm-load figures of the bundled release as ratios measured in one run: fresh
/// processes of each kind started in turn (so that a burst of load on a shared machine falls on all of
/// them alike), and, in this process, the warm load against <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>.
/// </summary>
public static class ColdStartReport
{
    /// <summary>Measures and returns the report as text.</summary>
    /// <param name="rounds">How many fresh processes of each kind.</param>
    public static string Run(int rounds)
    {
        // With the copy of a larger release (benchmarks/cold-start-larger.sh), its default and tokenize too.
        bool larger = FreshProcess.LargerReleaseCopy(AppContext.BaseDirectory) is not null;
        string[] kinds = larger ? [.. FreshProcess.Kinds, "default-larger", "tokenize-larger"] : FreshProcess.Kinds;
        var times = kinds.ToDictionary(k => k, _ => new List<double>());
        foreach (var kind in kinds) FreshProcess.Measure(kind); // the files into the page cache
        for (int round = 0; round < rounds; round++)
            foreach (var kind in kinds)
                times[kind].Add(FreshProcess.Measure(kind).TotalMilliseconds);

        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Fresh processes, {rounds} of each, started in turn; wall time from start to exit, median (min–max):");
        foreach (var kind in kinds)
            text.AppendLine(c, $"  {kind,-10} {Median(times[kind]),7:F1} ms ({times[kind].Min():F1}–{times[kind].Max():F1})");
        double floor = Median(times["tokenize"]);
        text.AppendLine(c, $"  default / tokenize   = {Median(times["default"]) / floor:F2}{(FreshProcess.ReadyToRunCopy(AppContext.BaseDirectory) is null ? " (no precompiled image for this runtime: the IL alone)" : "")}");
        text.AppendLine(c, $"  default-jit / tokenize = {Median(times["default-jit"]) / floor:F2}");
        text.AppendLine(c, $"  load-json / tokenize = {Median(times["load-json"]) / floor:F2}");
        if (larger)
        {
            text.AppendLine(c, $"  default-larger / default = {Median(times["default-larger"]) / Median(times["default"]):F2} (the release ten times larger against the bundled one)");
            text.AppendLine(c, $"  tokenize-larger / tokenize = {Median(times["tokenize-larger"]) / floor:F2}");
        }

        var (load, parse) = Warm();
        text.AppendLine(c, $"Warm, in this process, median of 21: bundled load with every kind decoded {load:F2} ms, JsonDocument.Parse of its JSON {parse:F2} ms, ratio {load / parse:F2}");
        return text.ToString();
    }

    /// <summary>The warm load of the bundled release (as <see cref="DefenseCoopCatalog.Default"/> loads it, every kind decoded) and the parse of its JSON, medians in milliseconds.</summary>
    public static (double Load, double Parse) Warm()
    {
        var json = DefenseCoopCatalog.ReadEmbedded();
        var loads = new List<double>();
        var parses = new List<double>();
        for (int i = 0; i < 25; i++)
        {
            var started = Stopwatch.GetTimestamp();
            // Opened and every kind decoded: opening alone reads only the snapshot's header.
            GC.KeepAlive(DecodedInFull(DefenseCoopCatalog.LoadBundled()));
            var loaded = Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            using (JsonDocument.Parse(json)) { }
            var parsed = Stopwatch.GetElapsedTime(started);
            if (i < 4) continue; // warm-up
            loads.Add(loaded.TotalMilliseconds);
            parses.Add(parsed.TotalMilliseconds);
        }
        return (Median(loads), Median(parses));
    }

    private static DefenseCoopCatalog DecodedInFull(DefenseCoopCatalog catalog)
    {
        var c = catalog.Content;
        _ = (c.Sources, c.Countries, c.Organizations, c.People, c.Systems, c.Agreements, c.Spending, c.Trade, c.Events, catalog.AgreementIndex.Records);
        return catalog;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
