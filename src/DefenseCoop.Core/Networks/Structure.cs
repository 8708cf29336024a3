namespace DefenseCoop.Networks;

/// <summary>Degrees, clustering, components and density, by networkx 2.8.8's definitions.</summary>
internal static class Structure
{
    /// <summary>The number of ties at each node; in a directed graph, in plus out, as networkx's <c>G.degree</c>.</summary>
    public static int[] Degree(Adjacency g)
    {
        var degree = new int[g.Count];
        for (int v = 0; v < g.Count; v++)
            degree[v] = g.Successors(v).Length + (g.Directed ? g.Predecessors(v).Length : 0);
        return degree;
    }

    /// <summary>The sum of the weights of the ties at each node; in a directed graph, in plus out.</summary>
    public static double[] Strength(Adjacency g)
    {
        var strength = new double[g.Count];
        for (int v = 0; v < g.Count; v++)
        {
            foreach (double w in g.SuccessorWeights(v)) strength[v] += w;
            if (g.Directed)
                foreach (double w in g.PredecessorWeights(v)) strength[v] += w;
        }
        return strength;
    }

    /// <summary>
    /// The unweighted clustering coefficient (networkx's <c>clustering(G)</c>, whose weight is None by
    /// default): undirected, the share of pairs of a node's neighbours that are tied; directed, Fagiolo's
    /// count of directed triangles over the triangles the node's in and out ties could make.
    /// </summary>
    public static double[] Clustering(Adjacency g)
    {
        int n = g.Count;
        var result = new double[n];
        // mark[k]: bit 1 when k is a predecessor of the node at hand, bit 2 when a successor (undirected: 1).
        var mark = new byte[n];
        for (int i = 0; i < n; i++)
        {
            foreach (int k in g.Predecessors(i)) mark[k] |= 1;
            if (g.Directed) foreach (int k in g.Successors(i)) mark[k] |= 2;
            long triangles = 0;
            if (!g.Directed)
            {
                foreach (int j in g.Successors(i))
                    foreach (int k in g.Successors(j))
                        if (mark[k] != 0) triangles++;
                int d = g.Successors(i).Length;
                result[i] = triangles == 0 ? 0 : triangles / ((double)d * (d - 1));
            }
            else
            {
                // For each j among the predecessors and (again) the successors of i, every k tied to j either
                // way counts once for each way it is tied to i.
                foreach (int j in g.Predecessors(i)) triangles += TiesOfNeighbour(g, j, mark);
                foreach (int j in g.Successors(i)) triangles += TiesOfNeighbour(g, j, mark);
                int total = g.Predecessors(i).Length + g.Successors(i).Length;
                int reciprocal = 0;
                foreach (int k in g.Successors(i)) if ((mark[k] & 1) != 0) reciprocal++;
                result[i] = triangles == 0 ? 0 : triangles / (((double)total * (total - 1) - 2.0 * reciprocal) * 2);
            }
            foreach (int k in g.Predecessors(i)) mark[k] = 0;
            foreach (int k in g.Successors(i)) mark[k] = 0;
        }
        return result;
    }

    private static long TiesOfNeighbour(Adjacency g, int j, byte[] mark)
    {
        long count = 0;
        foreach (int k in g.Predecessors(j)) count += BitCount(mark[k]);
        foreach (int k in g.Successors(j)) count += BitCount(mark[k]);
        return count;
    }

    private static int BitCount(byte b) => (b & 1) + (b >> 1);

    /// <summary>
    /// The component of each node, numbered from 0 in order of each component's first node, and their count:
    /// connected components, or weakly connected ones in a directed graph (networkx's
    /// <c>number_weakly_connected_components</c>).
    /// </summary>
    public static (int[] Component, int Count) Components(Adjacency g)
    {
        int n = g.Count;
        var component = new int[n];
        Array.Fill(component, -1);
        var stack = new Stack<int>();
        int count = 0;
        for (int s = 0; s < n; s++)
        {
            if (component[s] >= 0) continue;
            component[s] = count;
            stack.Push(s);
            while (stack.TryPop(out int v))
            {
                foreach (int w in g.Successors(v)) if (component[w] < 0) { component[w] = count; stack.Push(w); }
                if (g.Directed)
                    foreach (int w in g.Predecessors(v)) if (component[w] < 0) { component[w] = count; stack.Push(w); }
            }
            count++;
        }
        return (component, count);
    }

    /// <summary>Ties over possible ties: m / (n(n − 1)) directed, 2m / (n(n − 1)) undirected; 0 below two nodes.</summary>
    public static double Density(int nodes, int edges, bool directed)
    {
        if (nodes <= 1) return 0;
        double density = edges / ((double)nodes * (nodes - 1));
        return directed ? density : 2 * density;
    }
}
