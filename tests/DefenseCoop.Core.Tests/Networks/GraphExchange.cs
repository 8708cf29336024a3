using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using DefenseCoop.Networks;

namespace DefenseCoop.Tests.Networks;

/// <summary>
/// Graphs as the networkx script reads them (JSON: nodes in order, edges as [source, target, weight,
/// 1 / weight] by position, every number written to read back as the same double), and read back as
/// graphs. The benchmarks share this file, so that both sides of a timing start from the same input.
/// </summary>
internal static class GraphExchange
{
    public static void Write(string path, IEnumerable<CooperationGraph> graphs, bool withCommunities, MeasureOptions? options = null)
    {
        options ??= MeasureOptions.Default;
        var list = new JsonArray();
        foreach (var graph in graphs)
        {
            var edges = new JsonArray();
            foreach (var e in graph.Edges) edges.Add(new JsonArray(e.Source, e.Target, e.Weight, 1.0 / e.Weight));
            var spec = new JsonObject
            {
                ["name"] = $"{graph.From}-{graph.To}",
                ["directed"] = graph.IsDirected,
                ["nodes"] = new JsonArray([.. graph.Nodes.Select(n => (JsonNode)n.Id)]),
                ["edges"] = edges,
            };
            if (withCommunities) spec["communities"] = new JsonArray([.. graph.Measures(options).Community.Select(c => (JsonNode)c)]);
            list.Add(spec);
        }
        var document = new JsonObject { ["damping"] = options.PageRankDamping, ["seed"] = options.CommunitySeed, ["graphs"] = list };
        File.WriteAllText(path, document.ToJsonString());
    }

    public static List<CooperationGraph> Read(string path)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))!;
        var graphs = new List<CooperationGraph>();
        foreach (var spec in document["graphs"]!.AsArray())
        {
            var nodes = spec!["nodes"]!.AsArray().Select(n => new NetworkNode(n!.GetValue<string>(), n.GetValue<string>(), NetworkNodeKind.Country)).ToImmutableArray();
            var edges = spec["edges"]!.AsArray().Select(e => e!.AsArray())
                .Select(e => new NetworkEdge(e[0]!.GetValue<int>(), e[1]!.GetValue<int>(), e[2]!.GetValue<double>(), 1)).ToImmutableArray();
            var name = spec["name"]!.GetValue<string>().Split('-');
            graphs.Add(new CooperationGraph(int.Parse(name[0]), int.Parse(name[1]), spec["directed"]!.GetValue<bool>(), EdgeWeighting.Records, nodes, edges));
        }
        return graphs;
    }
}
