using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DefenseCoop.Networks;

/// <summary>
/// The cooperation network of one period: countries (and, if asked, organizations) as nodes, weighted ties
/// between them. Immutable and safe to share between threads; its measures are computed on first request
/// and kept.
/// </summary>
/// <remarks>
/// Nodes are in order of their ids (ordinal), edges in order of source, then target, so that the same
/// records always give the same graph, position for position. A graph has no self-loops: a record whose
/// parties all count for one node ties nothing.
/// </remarks>
public sealed class CooperationGraph
{
    private readonly FrozenDictionary<string, int> _positions;
    private GraphMeasures? _measures;

    internal CooperationGraph(int from, int to, bool directed, EdgeWeighting weighting, ImmutableArray<NetworkNode> nodes, ImmutableArray<NetworkEdge> edges)
    {
        From = from;
        To = to;
        IsDirected = directed;
        Weighting = weighting;
        Nodes = nodes;
        Edges = edges;
        _positions = nodes.Select((n, i) => KeyValuePair.Create(n.Id, i)).ToFrozenDictionary(StringComparer.Ordinal);
        Adjacency = new Adjacency(nodes.Length, edges, directed);
    }

    /// <summary>Gets the first year of the period.</summary>
    public int From { get; }

    /// <summary>Gets the last year of the period (equal to <see cref="From"/> for a graph of one year).</summary>
    public int To { get; }

    /// <summary>Gets whether ties have a direction (trade from exporter to importer).</summary>
    public bool IsDirected { get; }

    /// <summary>Gets what the edge weights add up.</summary>
    public EdgeWeighting Weighting { get; }

    /// <summary>Gets the nodes, in order of their ids.</summary>
    public ImmutableArray<NetworkNode> Nodes { get; }

    /// <summary>Gets the ties, in order of source, then target.</summary>
    public ImmutableArray<NetworkEdge> Edges { get; }

    internal Adjacency Adjacency { get; }

    /// <summary>The position of a node in <see cref="Nodes"/>, or -1 when the graph has no such node.</summary>
    /// <param name="id">A country's ISO code or an organization's id.</param>
    public int IndexOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _positions.TryGetValue(id, out int i) ? i : -1;
    }

    /// <summary>
    /// The measures of every node and of the graph, computed with the default <see cref="MeasureOptions"/>
    /// on first request and kept.
    /// </summary>
    // Two threads asking at once may both compute; the results are equal and immutable, so either may be kept.
    public GraphMeasures Measures() => _measures ??= GraphMeasures.Compute(this, MeasureOptions.Default);

    /// <summary>The measures of every node and of the graph, computed with the given options.</summary>
    /// <param name="options">PageRank's damping, the community seed and resolution.</param>
    public GraphMeasures Measures(MeasureOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options == MeasureOptions.Default ? Measures() : GraphMeasures.Compute(this, options);
    }

    /// <summary>
    /// Writes the graph as GraphML: typed attributes for every node (label, kind and every measure), edge
    /// (weight, records, distance) and the graph itself (period, density, components, modularity).
    /// Leaves the stream open.
    /// </summary>
    /// <param name="stream">Where to write UTF-8 XML.</param>
    public void WriteGraphML(Stream stream) => GraphMLWriter.Write(this, stream);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(From == To ? $"{From}" : $"{From}–{To}")}: {Nodes.Length} nodes, {Edges.Length} {(IsDirected ? "directed" : "undirected")} ties";
}

/// <summary>
/// A graph's ties as compressed rows, for the measures: for each node, its successors (every neighbour in an
/// undirected graph) and, in a directed graph, its predecessors, each row in node order with the weights.
/// </summary>
internal sealed class Adjacency
{
    public Adjacency(int count, ImmutableArray<NetworkEdge> edges, bool directed)
    {
        Count = count;
        Directed = directed;
        (OutStart, OutNode, OutWeight) = Rows(count, edges, forward: true, backward: !directed);
        (InStart, InNode, InWeight) = directed ? Rows(count, edges, forward: false, backward: true) : (OutStart, OutNode, OutWeight);
    }

    public int Count { get; }
    public bool Directed { get; }
    public int[] OutStart { get; }
    public int[] OutNode { get; }
    public double[] OutWeight { get; }
    public int[] InStart { get; }
    public int[] InNode { get; }
    public double[] InWeight { get; }

    public ReadOnlySpan<int> Successors(int node) => OutNode.AsSpan(OutStart[node], OutStart[node + 1] - OutStart[node]);
    public ReadOnlySpan<double> SuccessorWeights(int node) => OutWeight.AsSpan(OutStart[node], OutStart[node + 1] - OutStart[node]);
    public ReadOnlySpan<int> Predecessors(int node) => InNode.AsSpan(InStart[node], InStart[node + 1] - InStart[node]);
    public ReadOnlySpan<double> PredecessorWeights(int node) => InWeight.AsSpan(InStart[node], InStart[node + 1] - InStart[node]);

    // Counting sort by row, then by column within each row, so that every row lists its neighbours in node order.
    private static (int[] Start, int[] Node, double[] Weight) Rows(int count, ImmutableArray<NetworkEdge> edges, bool forward, bool backward)
    {
        var start = new int[count + 1];
        foreach (var e in edges)
        {
            if (forward) start[e.Source + 1]++;
            if (backward) start[e.Target + 1]++;
        }
        for (int i = 0; i < count; i++) start[i + 1] += start[i];
        var next = start[..count];
        var node = new int[start[count]];
        var weight = new double[start[count]];
        foreach (var e in edges)
        {
            if (forward) { node[next[e.Source]] = e.Target; weight[next[e.Source]++] = e.Weight; }
            if (backward) { node[next[e.Target]] = e.Source; weight[next[e.Target]++] = e.Weight; }
        }
        for (int i = 0; i < count; i++)
            Array.Sort(node, weight, start[i], start[i + 1] - start[i]);
        return (start, node, weight);
    }
}
