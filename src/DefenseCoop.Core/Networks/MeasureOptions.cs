namespace DefenseCoop.Networks;

/// <summary>The parameters of the measures that have any: PageRank's damping and the communities' seed and resolution.</summary>
public sealed record MeasureOptions
{
    /// <summary>Gets the options every measure uses unless told otherwise: damping 0.85, seed 1, resolution 1.</summary>
    public static MeasureOptions Default { get; } = new();

    /// <summary>Gets PageRank's damping: the probability of following a tie rather than jumping. Default 0.85.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: the value is not above 0 and below 1.</exception>
    public double PageRankDamping
    {
        get;
        init => field = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(PageRankDamping), value, "PageRank's damping lies strictly between 0 and 1.");
    } = 0.85;

    /// <summary>Gets the seed of the random order in which the community search visits nodes; the same seed gives the same communities. Default 1.</summary>
    public int CommunitySeed { get; init; } = 1;

    /// <summary>Gets the modularity's resolution: above 1 favours smaller communities, below 1 larger ones. Default 1.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init: the value is not a positive number.</exception>
    public double CommunityResolution
    {
        get;
        init => field = value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(nameof(CommunityResolution), value, "The resolution is a positive number.");
    } = 1;
}

/// <summary>A centrality (or the clustering coefficient) by which nodes can be ranked.</summary>
public enum Centrality
{
    /// <summary>The number of ties (in plus out when directed).</summary>
    Degree = 1,
    /// <summary>The sum of the weights of the ties (in plus out when directed).</summary>
    Strength = 2,
    /// <summary>Betweenness, counting every tie as one step.</summary>
    Betweenness = 3,
    /// <summary>Betweenness with a tie's length 1 / weight.</summary>
    WeightedBetweenness = 4,
    /// <summary>Weighted eigenvector centrality (in a directed graph, from incoming ties).</summary>
    Eigenvector = 5,
    /// <summary>Weighted PageRank.</summary>
    PageRank = 6,
    /// <summary>The (unweighted) clustering coefficient.</summary>
    Clustering = 7,
}

/// <summary>Every measure of one node in one graph.</summary>
/// <param name="Node">The node.</param>
/// <param name="Degree">The number of ties (in plus out when directed).</param>
/// <param name="Strength">The sum of the ties' weights (in plus out when directed).</param>
/// <param name="Betweenness">Normalized betweenness, every tie one step.</param>
/// <param name="WeightedBetweenness">Normalized betweenness, a tie's length 1 / weight.</param>
/// <param name="Eigenvector">Weighted eigenvector centrality, of unit Euclidean length over the graph; NaN where the iteration did not converge.</param>
/// <param name="PageRank">Weighted PageRank; the graph's values add up to 1.</param>
/// <param name="Clustering">The unweighted clustering coefficient.</param>
/// <param name="Component">The (weakly) connected component, numbered from 0 in node order.</param>
/// <param name="Community">The Louvain community, numbered from 0, largest first.</param>
public sealed record NodeMeasures(NetworkNode Node, int Degree, double Strength, double Betweenness, double WeightedBetweenness,
    double Eigenvector, double PageRank, double Clustering, int Component, int Community)
{
    /// <summary>The value of a centrality.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="centrality"/> is not a defined value.</exception>
    public double Value(Centrality centrality) => centrality switch
    {
        Centrality.Degree => Degree,
        Centrality.Strength => Strength,
        Centrality.Betweenness => Betweenness,
        Centrality.WeightedBetweenness => WeightedBetweenness,
        Centrality.Eigenvector => Eigenvector,
        Centrality.PageRank => PageRank,
        Centrality.Clustering => Clustering,
        _ => throw new ArgumentOutOfRangeException(nameof(centrality), centrality, "Not a centrality."),
    };
}
