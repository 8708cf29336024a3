using System.Collections;
using System.Collections.Immutable;

namespace DefenseCoop.Networks;

/// <summary>The graphs of a <see cref="NetworkQuery"/>, one per period, in period order. Immutable.</summary>
public sealed class NetworkSeries : IReadOnlyList<CooperationGraph>
{
    private readonly ImmutableArray<CooperationGraph> _graphs;

    internal NetworkSeries(bool directed, EdgeWeighting weighting, ImmutableArray<CooperationGraph> graphs)
    {
        IsDirected = directed;
        Weighting = weighting;
        _graphs = graphs;
    }

    /// <summary>Gets whether the graphs are directed.</summary>
    public bool IsDirected { get; }

    /// <summary>Gets what the edge weights add up.</summary>
    public EdgeWeighting Weighting { get; }

    /// <summary>Gets the number of periods.</summary>
    public int Count => _graphs.Length;

    /// <summary>Gets the graph of the period at a position.</summary>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is not a position of the series.</exception>
    public CooperationGraph this[int index] => _graphs[index];

    /// <summary>The graph of the period that begins in <paramref name="year"/>, or null when no period begins then.</summary>
    public CooperationGraph? StartingIn(int year) => _graphs.FirstOrDefault(g => g.From == year);

    /// <summary>
    /// Writes the series as one dynamic GEXF 1.3 document for Gephi's timeline: every node and edge with a
    /// spell for each period it is present in, and its measures and weight as attribute values per period.
    /// A period of several years (a sliding window) is stamped at its last year, so that periods never
    /// overlap. Leaves the stream open.
    /// </summary>
    /// <param name="stream">Where to write UTF-8 XML.</param>
    public void WriteGexf(Stream stream) => GexfWriter.Write(this, stream);

    /// <summary>Enumerates the graphs in period order.</summary>
    public ImmutableArray<CooperationGraph>.Enumerator GetEnumerator() => _graphs.GetEnumerator();

    IEnumerator<CooperationGraph> IEnumerable<CooperationGraph>.GetEnumerator() => ((IEnumerable<CooperationGraph>)_graphs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)_graphs).GetEnumerator();
}
