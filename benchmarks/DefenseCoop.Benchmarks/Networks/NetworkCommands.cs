using System.Diagnostics;
using System.Text.Json.Nodes;
using DefenseCoop.Networks;
using DefenseCoop.Tests.Networks;

namespace DefenseCoop.Benchmarks.Networks;

/// <summary>
/// The .NET side of the whole-process comparison with networkx (benchmarks/network/run.sh): both read the
/// same file of graphs and compute every measure of every graph.
/// </summary>
internal static class NetworkCommands
{
    /// <summary><c>network-export FILE</c>: writes SIPRI's yearly graphs for both sides.</summary>
    public static int Export(string path)
    {
        var graphs = SipriNetwork.Graphs;
        GraphExchange.Write(path, graphs, withCommunities: false);
        Console.WriteLine($"{graphs.Count} graphs ({SipriNetwork.Source}): {graphs.Sum(g => g.Nodes.Length):N0} nodes, {graphs.Sum(g => g.Edges.Length):N0} ties -> {path}");
        return 0;
    }

    /// <summary>
    /// <c>network-measures FILE [NETWORKX.json]</c>: every measure of every graph in FILE; with networkx's
    /// results of the same file, the largest relative difference of each measure, failing above 1e-9.
    /// </summary>
    public static int Measure(string path, string? reference)
    {
        var clock = Stopwatch.StartNew();
        var graphs = GraphExchange.Read(path);
        var measures = graphs.Select(g => GraphMeasures.Compute(g, MeasureOptions.Default)).ToList();
        Console.WriteLine($"{graphs.Count} graphs measured in {clock.Elapsed.TotalMilliseconds:N0} ms (in process, reading included).");
        if (reference is null) return 0;
        var expected = JsonNode.Parse(File.ReadAllText(reference))!["graphs"]!.AsArray();
        var worst = new Dictionary<string, double>();
        int louvainBelow = 0;
        for (int i = 0; i < graphs.Count; i++)
        {
            var (m, e) = (measures[i], expected[i]!);
            Worst(worst, "degree", m.Degree.Select(d => (double)d), e["degree"]);
            Worst(worst, "strength", m.Strength, e["strength"]);
            Worst(worst, "betweenness", m.Betweenness, e["betweenness"]);
            Worst(worst, "weighted betweenness", m.WeightedBetweenness, e["weighted_betweenness"]);
            Worst(worst, "PageRank", m.PageRank, e["pagerank"]);
            Worst(worst, "clustering", m.Clustering, e["clustering"]);
            if (e["eigenvector"] is JsonArray eigenvector) Worst(worst, "eigenvector", m.Eigenvector, eigenvector);
            else if (graphs[i].Nodes.Length > 0 && m.EigenvectorConverged) worst["eigenvector convergence"] = 1;
            Worst(worst, "density", [m.Density], new JsonArray(e["density"]!.GetValue<double>()));
            Worst(worst, "components", [m.ComponentCount], new JsonArray((double)e["components"]!.GetValue<int>()));
            if (e["louvain_modularity"] is JsonNode louvain && m.Modularity < louvain.GetValue<double>() - 0.01 * Math.Abs(louvain.GetValue<double>())) louvainBelow++;
        }
        foreach (var (measure, difference) in worst) Console.WriteLine($"  {measure}: largest relative difference from networkx {difference:0.0e+0}");
        Console.WriteLine($"  modularity: {louvainBelow} of {graphs.Count} graphs more than 1 % below networkx's Louvain");
        return worst.Values.All(d => d <= 1e-9) ? 0 : 1;
    }

    private static void Worst(Dictionary<string, double> worst, string measure, IEnumerable<double> actual, JsonNode? expected)
    {
        var values = actual.ToList();
        var reference = expected!.AsArray().Select(v => v!.GetValue<double>()).ToList();
        double largest = worst.GetValueOrDefault(measure);
        if (values.Count != reference.Count) largest = double.PositiveInfinity;
        else
            for (int i = 0; i < values.Count; i++)
            {
                double scale = Math.Max(Math.Abs(values[i]), Math.Abs(reference[i]));
                if (scale > 0) largest = Math.Max(largest, Math.Abs(values[i] - reference[i]) / scale);
            }
        worst[measure] = largest;
    }
}
