using BenchmarkDotNet.Attributes;
using DefenseCoop.Networks;

namespace DefenseCoop.Benchmarks.Networks;

/// <summary>
/// Every measure of every year of SIPRI's arms-trade network (74 directed, TIV-weighted graphs), and each
/// measure alone, so that the whole is seen beside its parts. The comparison with networkx is of whole
/// processes (benchmarks/network/run.sh); this is the in-process view of the same work.
/// </summary>
[BenchmarkCategory("Networks")]
public class NetworkBenchmarks
{
    private IReadOnlyList<CooperationGraph> _graphs = [];
    private Adjacency[] _adjacencies = [];

    [GlobalSetup]
    public void Setup()
    {
        _graphs = SipriNetwork.Graphs;
        _adjacencies = [.. _graphs.Select(g => g.Adjacency)];
        // The measures must be sound before they are timed: PageRank sums to 1 in every year with ties.
        foreach (var graph in _graphs.Where(g => g.Nodes.Length > 0))
            if (Math.Abs(graph.Measures().PageRank.Sum() - 1) > 1e-9)
                throw new InvalidOperationException($"PageRank of {graph} does not sum to 1.");
        Console.WriteLine($"// Network: {_graphs.Count} graphs from {SipriNetwork.Source}, {_graphs.Sum(g => g.Nodes.Length):N0} nodes and {_graphs.Sum(g => g.Edges.Length):N0} ties in all.");
    }

    [Benchmark(Baseline = true, Description = "every measure, every year")]
    public double EveryMeasure()
    {
        double sum = 0;
        foreach (var graph in _graphs) sum += GraphMeasures.Compute(graph, MeasureOptions.Default).Modularity;
        return sum;
    }

    [Benchmark(Description = "betweenness")]
    public double Betweenness() => _adjacencies.Sum(g => DefenseCoop.Networks.Betweenness.Unweighted(g).Sum());

    [Benchmark(Description = "weighted betweenness")]
    public double WeightedBetweenness() => _adjacencies.Sum(g => DefenseCoop.Networks.Betweenness.Weighted(g).Sum());

    [Benchmark(Description = "eigenvector")]
    public double Eigenvector() => _adjacencies.Sum(g => PowerIteration.Eigenvector(g)?.Sum() ?? 0);

    [Benchmark(Description = "PageRank")]
    public double PageRank() => _adjacencies.Sum(g => PowerIteration.PageRank(g, 0.85).Sum());

    [Benchmark(Description = "clustering")]
    public double Clustering() => _adjacencies.Sum(g => Structure.Clustering(g).Sum());

    [Benchmark(Description = "Louvain communities")]
    public int Communities() => _adjacencies.Sum(g => Louvain.Detect(g, 1, 1).Count);
}
