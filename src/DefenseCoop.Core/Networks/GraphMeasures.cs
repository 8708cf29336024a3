using System.Collections.Immutable;

namespace DefenseCoop.Networks;

/// <summary>
/// The measures of one graph: per node degree, strength, betweenness (unweighted and weighted),
/// eigenvector centrality, PageRank, clustering, component and community, each array in the order of
/// <see cref="CooperationGraph.Nodes"/>; per graph density, components, communities and modularity.
/// Immutable.
/// </summary>
/// <remarks>
/// Each measure follows networkx 2.8.8's definition and default normalisation, and a test holds them to
/// networkx's own values within 1e-9 (relative): <c>degree</c>, <c>degree(weight="weight")</c>,
/// <c>betweenness_centrality</c> (normalized; weighted with <c>weight</c> = 1 / tie weight),
/// <c>eigenvector_centrality(weight="weight")</c> and <c>pagerank</c> (run to an L1 change below
/// n · 1e-13 instead of networkx's 1e-6), <c>clustering</c> (unweighted, networkx's default),
/// <c>density</c>, <c>number_connected_components</c> (weakly, when directed) and <c>modularity</c>.
/// Communities come from a seeded Louvain search (<see cref="MeasureOptions.CommunitySeed"/>).
/// </remarks>
public sealed class GraphMeasures
{
    private GraphMeasures(CooperationGraph graph, MeasureOptions options)
    {
        Graph = graph;
        Options = options;
        var g = graph.Adjacency;
        Degree = [.. Structure.Degree(g)];
        Strength = [.. Structure.Strength(g)];
        Betweenness = [.. Networks.Betweenness.Unweighted(g)];
        WeightedBetweenness = [.. Networks.Betweenness.Weighted(g)];
        var eigenvector = PowerIteration.Eigenvector(g);
        EigenvectorConverged = eigenvector is not null;
        Eigenvector = eigenvector is null ? [.. Enumerable.Repeat(double.NaN, g.Count)] : [.. eigenvector];
        PageRank = [.. PowerIteration.PageRank(g, options.PageRankDamping)];
        Clustering = [.. Structure.Clustering(g)];
        var (component, components) = Structure.Components(g);
        Component = [.. component];
        ComponentCount = components;
        var (community, communities) = Louvain.Detect(g, options.CommunityResolution, options.CommunitySeed);
        Community = [.. community];
        CommunityCount = communities;
        Modularity = Louvain.Modularity(g, community, options.CommunityResolution);
        Density = Structure.Density(g.Count, graph.Edges.Length, graph.IsDirected);
    }

    internal static GraphMeasures Compute(CooperationGraph graph, MeasureOptions options) => new(graph, options);

    /// <summary>Gets the graph measured.</summary>
    public CooperationGraph Graph { get; }

    /// <summary>Gets the options the measures were computed with.</summary>
    public MeasureOptions Options { get; }

    /// <summary>Gets each node's number of ties (in plus out when directed).</summary>
    public ImmutableArray<int> Degree { get; }

    /// <summary>Gets each node's sum of tie weights (in plus out when directed).</summary>
    public ImmutableArray<double> Strength { get; }

    /// <summary>Gets each node's normalized betweenness, every tie one step.</summary>
    public ImmutableArray<double> Betweenness { get; }

    /// <summary>Gets each node's normalized betweenness with a tie's length 1 / weight.</summary>
    public ImmutableArray<double> WeightedBetweenness { get; }

    /// <summary>Gets each node's weighted eigenvector centrality (unit Euclidean length); NaN everywhere when it did not converge.</summary>
    public ImmutableArray<double> Eigenvector { get; }

    /// <summary>
    /// Gets whether the eigenvector iteration converged within 10,000 steps. Iterating with A + I converges on
    /// every graph in the end, but slowly where the largest eigenvalues lie close (a nearly acyclic directed
    /// graph); networkx, given the same limit, fails on the same graphs.
    /// </summary>
    public bool EigenvectorConverged { get; }

    /// <summary>Gets each node's weighted PageRank (damping <see cref="MeasureOptions.PageRankDamping"/>); they add up to 1.</summary>
    public ImmutableArray<double> PageRank { get; }

    /// <summary>Gets each node's unweighted clustering coefficient.</summary>
    public ImmutableArray<double> Clustering { get; }

    /// <summary>Gets each node's connected component (weakly connected when directed), numbered from 0 in node order.</summary>
    public ImmutableArray<int> Component { get; }

    /// <summary>Gets the number of (weakly) connected components; an isolated node is one.</summary>
    public int ComponentCount { get; }

    /// <summary>Gets each node's community, numbered from 0, largest first.</summary>
    public ImmutableArray<int> Community { get; }

    /// <summary>Gets the number of communities.</summary>
    public int CommunityCount { get; }

    /// <summary>Gets the modularity of the communities (directed modularity when directed); 0 for a graph without ties.</summary>
    public double Modularity { get; }

    /// <summary>Gets the density: ties over possible ties; 0 below two nodes.</summary>
    public double Density { get; }

    /// <summary>Every measure of the node at a position of <see cref="CooperationGraph.Nodes"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="node"/> is not a position of the graph.</exception>
    public NodeMeasures this[int node]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(node);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(node, Graph.Nodes.Length);
            return new(Graph.Nodes[node], Degree[node], Strength[node], Betweenness[node], WeightedBetweenness[node],
                Eigenvector[node], PageRank[node], Clustering[node], Component[node], Community[node]);
        }
    }

    /// <summary>Every measure of a node, by its id; null when the graph has no such node (it had no tie in the period).</summary>
    /// <param name="id">A country's ISO code or an organization's id.</param>
    public NodeMeasures? Of(string id) => Graph.IndexOf(id) is >= 0 and var i ? this[i] : null;

    /// <summary>The values of one centrality, in node order.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="centrality"/> is not a defined value.</exception>
    public ImmutableArray<double> Values(Centrality centrality) => centrality switch
    {
        Centrality.Degree => [.. Degree.Select(d => (double)d)],
        Centrality.Strength => Strength,
        Centrality.Betweenness => Betweenness,
        Centrality.WeightedBetweenness => WeightedBetweenness,
        Centrality.Eigenvector => Eigenvector,
        Centrality.PageRank => PageRank,
        Centrality.Clustering => Clustering,
        _ => throw new ArgumentOutOfRangeException(nameof(centrality), centrality, "Not a centrality."),
    };

    /// <summary>The <paramref name="count"/> nodes of highest <paramref name="centrality"/>, ties broken by id.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative, or <paramref name="centrality"/> is not a defined value.</exception>
    public IReadOnlyList<NodeMeasures> Top(Centrality centrality, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var values = Values(centrality);
        return [.. Enumerable.Range(0, values.Length)
            .OrderByDescending(i => double.IsNaN(values[i]) ? double.NegativeInfinity : values[i])
            .ThenBy(i => Graph.Nodes[i].Id, StringComparer.Ordinal)
            .Take(count)
            .Select(i => this[i])];
    }
}
