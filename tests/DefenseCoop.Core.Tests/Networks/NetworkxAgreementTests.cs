using System.Text.Json.Nodes;
using DefenseCoop.Networks;

namespace DefenseCoop.Tests.Networks;

/// <summary>
/// The measures against networkx 2.8.8 on the same graphs: the bundled release's networks per year
/// (undirected and directed, countries and organizations as nodes) and seeded random graphs. Every node's
/// degree, strength, betweenness (both), eigenvector centrality, PageRank and clustering within 1e-9
/// (relative); density and components equal; our communities' modularity, as networkx computes it, equal
/// to ours and within 1 % of networkx's own Louvain result.
/// </summary>
public class NetworkxAgreementTests
{
    private const double Relative = 1e-9;

    public static TheoryData<string> Sets => ["bundled-undirected", "bundled-directed", "bundled-organizations", "random"];

    private static List<CooperationGraph> GraphsOf(string set)
    {
        var catalog = DefenseCoopCatalog.Default;
        var all = catalog.Networks.Agreements().Trade().Events();
        return set switch
        {
            "bundled-undirected" => [.. all.Build().Where(g => g.Edges.Length > 0), .. all.WholeRange().Build()],
            "bundled-directed" => [.. all.Directed().Build().Where(g => g.Edges.Length > 0), .. all.Directed().SlidingWindow(3).Build().TakeLast(3)],
            "bundled-organizations" => [.. all.OrganizationsAsNodes().WholeRange().Build(), .. all.OrganizationsAsNodes().Directed().WholeRange().Build()],
            _ => [.. RandomGraphs.Many(seed: 23, count: 60)],
        };
    }

    [Theory]
    [MemberData(nameof(Sets))]
    public void EveryMeasure_AgreesWithNetworkx(string set)
    {
        NetworkxReference.SkipWhenMissing();
        var graphs = GraphsOf(set);
        Assert.NotEmpty(graphs);
        string input = Path.Combine(Path.GetTempPath(), $"defensecoop-networkx-{set}-{Guid.NewGuid():N}.json");
        string output = input + ".out.json";
        try
        {
            GraphExchange.Write(input, graphs, withCommunities: true);
            NetworkxReference.RunScript("measures", input, output);
            var reference = JsonNode.Parse(File.ReadAllText(output))!;
            Assert.StartsWith("2.8", reference["networkx"]!.GetValue<string>());
            var results = reference["graphs"]!.AsArray();
            Assert.Equal(graphs.Count, results.Count);
            for (int i = 0; i < graphs.Count; i++) Compare(graphs[i], results[i]!);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("DEFENSECOOP_KEEP_NETWORKX_FILES") is null)
            {
                File.Delete(input);
                File.Delete(output);
            }
        }
    }

    private static void Compare(CooperationGraph graph, JsonNode expected)
    {
        var m = graph.Measures();
        string where = $"{graph} ({string.Join(",", graph.Nodes.Take(3).Select(n => n.Id))}...)";
        Same(m.Degree.Select(d => (double)d), expected["degree"]!, "degree", where, graph);
        Same(m.Strength, expected["strength"]!, "strength", where, graph);
        Same(m.Betweenness, expected["betweenness"]!, "betweenness", where, graph);
        Same(m.WeightedBetweenness, expected["weighted_betweenness"]!, "weighted betweenness", where, graph);
        Same(m.PageRank, expected["pagerank"]!, "PageRank", where, graph);
        Same(m.Clustering, expected["clustering"]!, "clustering", where, graph);
        if (expected["eigenvector"] is JsonArray eigenvector)
        {
            Assert.True(m.EigenvectorConverged, $"{where}: networkx's eigenvector iteration converged, ours did not");
            Same(m.Eigenvector, eigenvector, "eigenvector", where, graph);
        }
        else if (graph.Nodes.Length > 0)
        {
            Assert.False(m.EigenvectorConverged, $"{where}: networkx's eigenvector iteration did not converge, ours did");
        }
        Close(m.Density, expected["density"]!.GetValue<double>(), "density", where);
        Assert.Equal(expected["components"]!.GetValue<int>(), m.ComponentCount);
        if (expected["modularity_of_partition"] is JsonNode ours)
        {
            Close(m.Modularity, ours.GetValue<double>(), "modularity of our communities", where);
            double louvain = expected["louvain_modularity"]!.GetValue<double>();
            Assert.True(m.Modularity >= louvain - 0.01 * Math.Abs(louvain),
                $"{where}: our communities' modularity {m.Modularity} is more than 1 % below networkx's Louvain result {louvain}");
        }
    }

    private static void Same(IEnumerable<double> actual, JsonNode expected, string measure, string where, CooperationGraph graph)
    {
        var values = actual.ToList();
        var reference = expected.AsArray().Select(v => v!.GetValue<double>()).ToList();
        Assert.Equal(reference.Count, values.Count);
        for (int i = 0; i < values.Count; i++) Close(values[i], reference[i], $"{measure} of {graph.Nodes[i].Id}", where);
    }

    private static void Close(double actual, double expected, string what, string where) =>
        Assert.True(Math.Abs(actual - expected) <= Relative * Math.Max(Math.Abs(actual), Math.Abs(expected)),
            $"{where}: {what} is {actual:R}, networkx gives {expected:R}");
}
