using System.Text.Json.Nodes;
using DefenseCoop.Data;

namespace DefenseCoop.Benchmarks.ColdStart;

/// <summary>
/// A synthetic release <c>n</c> times the bundled one, to show that opening a release does not grow with
/// it: every record of every kind but the countries (the world's states stay the same) is repeated
/// <c>n</c> times, each copy with its own id and otherwise equal, citing and referring to the originals.
/// Written as a JSON file and its snapshot, which <c>benchmarks/cold-start-larger.sh</c> builds into a
/// copy of the release assembly.
/// </summary>
public static class LargerRelease
{
    private static readonly string[] RepeatedKinds = ["sources", "organizations", "people", "systems", "agreements", "spending", "trade", "events"];

    /// <summary>Writes <c>defensecoop.json</c> and <c>defensecoop.snapshot</c> of a release <paramref name="times"/> the bundled one into <paramref name="directory"/>.</summary>
    public static int Write(int times, string directory)
    {
        var release = JsonNode.Parse(DefenseCoopCatalog.ReadEmbedded())!.AsObject();
        foreach (string kind in RepeatedKinds)
        {
            var records = release[kind]!.AsArray();
            var originals = records.Select(r => r!.DeepClone()).ToList();
            for (int copy = 1; copy < times; copy++)
                foreach (var original in originals)
                {
                    var record = original!.DeepClone().AsObject();
                    record["id"] = $"{record["id"]!.GetValue<string>()}-copy-{copy}";
                    records.Add(record);
                }
        }
        Directory.CreateDirectory(directory);
        byte[] json = System.Text.Encoding.UTF8.GetBytes(release.ToJsonString());
        var content = DefenseCoopCatalog.LoadBytes(json, "defensecoop.json", DataLimits.Default).Content;
        File.WriteAllBytes(Path.Combine(directory, "defensecoop.json"), json);
        File.WriteAllBytes(Path.Combine(directory, "defensecoop.snapshot"), Snapshot.Write(content));
        Console.WriteLine($"{directory}: {content.Agreements.Length:N0} agreements, {content.Trade.Length:N0} trade flows, {content.Events.Length:N0} events, " +
            $"{content.Sources.Length:N0} sources; JSON {json.Length:N0} bytes, snapshot {new FileInfo(Path.Combine(directory, "defensecoop.snapshot")).Length:N0} bytes");
        return 0;
    }
}
