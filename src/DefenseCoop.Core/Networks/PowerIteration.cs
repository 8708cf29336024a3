namespace DefenseCoop.Networks;

/// <summary>
/// Eigenvector centrality and PageRank by power iteration, step for step as networkx 2.8.8's
/// <c>eigenvector_centrality</c> and <c>pagerank</c> (its SciPy form) iterate, weighted by the tie
/// weights, but run to a far tighter tolerance than networkx's default of 1e-6, so that the values are
/// exact to about twelve digits rather than six.
/// </summary>
internal static class PowerIteration
{
    /// <summary>Iteration stops when the L1 change of the vector is below the node count times this.</summary>
    public const double Tolerance = 1e-13;

    /// <summary>The most iterations of eigenvector centrality before it is declared not to converge.</summary>
    public const int MaxEigenvectorIterations = 10_000;

    /// <summary>The most iterations of PageRank; with damping below 1 it converges long before.</summary>
    public const int MaxPageRankIterations = 10_000;

    /// <summary>
    /// The eigenvector of the largest eigenvalue of the (transposed, for a directed graph: ties point at
    /// the node they make central) weighted adjacency matrix, of unit Euclidean length: iterating with
    /// A + I from the uniform vector, as networkx does, which converges on any graph but may do so slowly.
    /// Null when it has not converged within <see cref="MaxEigenvectorIterations"/>.
    /// </summary>
    public static double[]? Eigenvector(Adjacency g)
    {
        int n = g.Count;
        if (n == 0) return [];
        int[] start = g.InStart, from = g.InNode;
        double[] weight = g.InWeight;
        var x = new double[n];
        var last = new double[n];
        Array.Fill(x, 1.0 / n);
        for (int iteration = 0; iteration < MaxEigenvectorIterations; iteration++)
        {
            (last, x) = (x, last);
            // networkx adds each tie's share to its target in order of the tie's source; gathering over each
            // node's predecessors, listed in node order, adds the same numbers in the same order.
            double squares = 0;
            for (int v = 0; v < n; v++)
            {
                double sum = last[v];
                for (int k = start[v]; k < start[v + 1]; k++) sum += last[from[k]] * weight[k];
                x[v] = sum;
                squares += sum * sum;
            }
            double norm = double.IsFinite(squares) && squares > double.Epsilon ? Math.Sqrt(squares) : EuclideanNorm(x);
            if (norm == 0) norm = 1;
            double change = 0;
            for (int v = 0; v < n; v++)
            {
                x[v] /= norm;
                change += Math.Abs(x[v] - last[v]);
            }
            if (change < n * Tolerance) return x;
        }
        return null;
    }

    /// <summary>
    /// PageRank with damping <paramref name="damping"/>: a walker follows a tie with probability in
    /// proportion to its weight (either way along an undirected tie) and jumps to a uniformly chosen node
    /// otherwise; from a node without outgoing ties (dangling) it always jumps uniformly, as networkx's
    /// default (dangling weights equal to the personalization, itself uniform).
    /// </summary>
    public static double[] PageRank(Adjacency g, double damping)
    {
        int n = g.Count;
        if (n == 0) return [];
        // Each incoming tie's share of its source's outgoing weight, kept beside the predecessor lists.
        var outWeight = new double[n];
        for (int v = 0; v < n; v++)
            foreach (double w in g.SuccessorWeights(v)) outWeight[v] += w;
        var inverse = new double[n];
        for (int v = 0; v < n; v++) inverse[v] = outWeight[v] != 0 ? 1.0 / outWeight[v] : 0;
        var share = new double[g.InNode.Length];
        for (int v = 0; v < n; v++)
            for (int k = g.InStart[v]; k < g.InStart[v + 1]; k++) share[k] = g.InWeight[k] * inverse[g.InNode[k]];

        double uniform = 1.0 / n;
        var x = new double[n];
        var last = new double[n];
        Array.Fill(x, uniform);
        for (int iteration = 0; iteration < MaxPageRankIterations; iteration++)
        {
            (last, x) = (x, last);
            double dangling = 0;
            for (int v = 0; v < n; v++)
                if (outWeight[v] == 0) dangling += last[v];
            double change = 0;
            for (int v = 0; v < n; v++)
            {
                double incoming = 0;
                for (int k = g.InStart[v]; k < g.InStart[v + 1]; k++) incoming += last[g.InNode[k]] * share[k];
                x[v] = damping * (incoming + dangling * uniform) + (1 - damping) * uniform;
                change += Math.Abs(x[v] - last[v]);
            }
            if (change < n * Tolerance) break;
        }
        return x;
    }

    // Scaled so that no square overflows or underflows, as math.hypot does; for vectors whose plain sum of squares would.
    private static double EuclideanNorm(double[] x)
    {
        double max = 0;
        foreach (double v in x) max = Math.Max(max, Math.Abs(v));
        if (max == 0 || double.IsInfinity(max)) return max;
        double sum = 0;
        foreach (double v in x)
        {
            double scaled = v / max;
            sum += scaled * scaled;
        }
        return max * Math.Sqrt(sum);
    }
}
