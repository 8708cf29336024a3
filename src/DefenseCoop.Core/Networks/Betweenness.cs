namespace DefenseCoop.Networks;

/// <summary>
/// Brandes' betweenness centrality, as networkx 2.8.8's <c>betweenness_centrality</c> computes it
/// (normalized, endpoints excluded): the sum over pairs of sources and targets of the share of shortest
/// paths through a node, times 1 / ((n − 1)(n − 2)) when n &gt; 2. An undirected graph counts each pair in
/// both directions, which that factor accounts for, as in networkx.
/// </summary>
/// <remarks>
/// Weighted, a tie's length is 1 / weight (a strong tie is short). Paths are equal when their lengths,
/// summed in the order Dijkstra's search reaches them, are the same double, as networkx decides; the
/// predecessors of a node are found again from the distances instead of being stored in lists.
/// </remarks>
internal static class Betweenness
{
    public static double[] Unweighted(Adjacency g)
    {
        int n = g.Count;
        var result = new double[n];
        var sigma = new double[n];
        var delta = new double[n];
        var dist = new int[n];
        var order = new int[n]; // nodes in the order found, which is breadth-first order: the stack of Brandes' algorithm
        for (int s = 0; s < n; s++)
        {
            Array.Fill(dist, -1);
            Array.Clear(sigma);
            Array.Clear(delta);
            sigma[s] = 1;
            dist[s] = 0;
            order[0] = s;
            int found = 1;
            for (int head = 0; head < found; head++)
            {
                int v = order[head];
                int next = dist[v] + 1;
                foreach (int w in g.Successors(v))
                {
                    if (dist[w] < 0)
                    {
                        dist[w] = next;
                        order[found++] = w;
                    }
                    if (dist[w] == next) sigma[w] += sigma[v];
                }
            }
            for (int i = found - 1; i > 0; i--)
            {
                int w = order[i];
                double coefficient = (1 + delta[w]) / sigma[w];
                int before = dist[w] - 1;
                foreach (int v in g.Predecessors(w))
                    if (dist[v] == before) delta[v] += sigma[v] * coefficient;
                result[w] += delta[w];
            }
        }
        return Rescale(result);
    }

    public static double[] Weighted(Adjacency g)
    {
        int n = g.Count;
        var outLength = Lengths(g.OutWeight);
        var inLength = g.Directed ? Lengths(g.InWeight) : outLength;
        var result = new double[n];
        var sigma = new double[n];
        var delta = new double[n];
        var dist = new double[n];
        var done = new bool[n];
        var order = new int[n];
        var queue = new PriorityQueue<int, double>(n);
        for (int s = 0; s < n; s++)
        {
            Array.Fill(dist, double.PositiveInfinity);
            Array.Clear(sigma);
            Array.Clear(delta);
            Array.Clear(done);
            sigma[s] = 1;
            dist[s] = 0;
            queue.Enqueue(s, 0);
            int found = 0;
            while (queue.TryDequeue(out int v, out double d))
            {
                if (done[v] || d > dist[v]) continue;
                done[v] = true;
                order[found++] = v;
                for (int k = g.OutStart[v]; k < g.OutStart[v + 1]; k++)
                {
                    int w = g.OutNode[k];
                    if (done[w]) continue;
                    double through = d + outLength[k];
                    if (through < dist[w])
                    {
                        dist[w] = through;
                        sigma[w] = sigma[v];
                        queue.Enqueue(w, through);
                    }
                    else if (through == dist[w])
                    {
                        sigma[w] += sigma[v];
                    }
                }
            }
            for (int i = found - 1; i > 0; i--)
            {
                int w = order[i];
                double coefficient = (1 + delta[w]) / sigma[w];
                for (int k = g.InStart[w]; k < g.InStart[w + 1]; k++)
                {
                    int v = g.InNode[k];
                    // The same sum as when v reached w, so the same double decides.
                    if (done[v] && dist[v] + inLength[k] == dist[w]) delta[v] += sigma[v] * coefficient;
                }
                result[w] += delta[w];
            }
        }
        return Rescale(result);
    }

    /// <summary>A tie's length: 1 / weight, so that strong ties are short.</summary>
    internal static double[] Lengths(double[] weights)
    {
        var lengths = new double[weights.Length];
        for (int i = 0; i < weights.Length; i++) lengths[i] = 1.0 / weights[i];
        return lengths;
    }

    private static double[] Rescale(double[] values)
    {
        int n = values.Length;
        if (n <= 2) return values;
        double scale = 1.0 / ((n - 1.0) * (n - 2.0));
        for (int i = 0; i < n; i++) values[i] *= scale;
        return values;
    }
}
