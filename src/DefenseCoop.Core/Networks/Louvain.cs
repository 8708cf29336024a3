namespace DefenseCoop.Networks;

/// <summary>
/// Communities by the Louvain method (Blondel et al. 2008), in the form networkx 2.8.8's
/// <c>louvain_communities</c> takes, directed graphs included (Leicht and Newman's directed modularity):
/// nodes visited in a seeded random order move to the neighbouring community of the largest modularity
/// gain until none moves; communities then become the nodes of the next level; levels stop when one
/// gains no more than 1e-7. The best of several such searches is kept; the same seed gives the same communities.
/// </summary>
internal static class Louvain
{
    private const double Threshold = 1e-7;

    /// <summary>How many searches, each visiting nodes in its own order, the result is the best of.</summary>
    private const int Searches = 8;

    /// <summary>
    /// The community of each node, numbered from 0 by size (largest first, ties by first node): the best of
    /// <see cref="Searches"/> Louvain searches whose orders come from one random stream of the seed. One
    /// search's result depends on its order (on small directed graphs, networkx's ranges threefold over
    /// seeds); the best of several is stable.
    /// </summary>
    public static (int[] Community, int Count) Detect(Adjacency g, double resolution, int seed)
    {
        var random = new Random(seed);
        int[]? best = null;
        double bestModularity = double.NegativeInfinity;
        for (int search = 0; search < Searches; search++)
        {
            var community = Search(g, resolution, random);
            double modularity = Modularity(g, community, resolution);
            if (modularity > bestModularity) (best, bestModularity) = (community, modularity);
            if (g.OutNode.Length == 0) break;
        }
        return Renumber(best!);
    }

    private static int[] Search(Adjacency g, double resolution, Random random)
    {
        int n = g.Count;
        var community = new int[n];
        for (int i = 0; i < n; i++) community[i] = i;
        var level = Level.From(g);
        if (level.TotalWeight == 0) return community;
        double modularity = Modularity(g, community, resolution);
        var (moved, _) = level.MoveNodes(resolution, random);
        bool improved = true;
        while (improved)
        {
            // community[i] is the level node (a community of the level below) that original node i belongs to;
            // a level's moves are kept, and the search stops once a level gains no more than the threshold.
            for (int i = 0; i < n; i++) community[i] = moved[community[i]];
            double next = Modularity(g, community, resolution);
            if (next - modularity <= Threshold) break;
            modularity = next;
            level = level.Aggregate(moved);
            (moved, improved) = level.MoveNodes(resolution, random);
        }
        return community;
    }

    /// <summary>
    /// The modularity of a partition as networkx's <c>modularity</c> computes it: the sum over communities
    /// of L_c / m − γ · out_c · in_c / m² (directed), or of L_c / m − γ · (d_c / 2m)² (undirected), where L_c
    /// is the weight of the ties inside the community. 0 for a graph without ties.
    /// </summary>
    public static double Modularity(Adjacency g, int[] community, double resolution)
    {
        int n = g.Count;
        int communities = n == 0 ? 0 : community.Max() + 1;
        var inside = new double[communities];
        var outSum = new double[communities];
        var inSum = new double[communities];
        double total = 0;
        for (int v = 0; v < n; v++)
        {
            var targets = g.Successors(v);
            var weights = g.SuccessorWeights(v);
            for (int k = 0; k < targets.Length; k++)
            {
                outSum[community[v]] += weights[k];
                inSum[community[targets[k]]] += weights[k];
                total += weights[k];
                // An undirected tie is listed at both ends: count it inside once.
                if (community[targets[k]] == community[v] && (g.Directed || v < targets[k])) inside[community[v]] += weights[k];
            }
        }
        if (total == 0) return 0;
        // Directed, total is m; undirected, every tie was counted from both ends, so total is 2m (deg_sum).
        double m = g.Directed ? total : total / 2;
        double norm = 1 / (total * total);
        double q = 0;
        for (int c = 0; c < communities; c++)
            q += inside[c] / m - resolution * outSum[c] * inSum[c] * norm;
        return q;
    }

    private static (int[] Community, int Count) Renumber(int[] community)
    {
        var members = community.Select((c, node) => (c, node)).GroupBy(p => p.c)
            .OrderByDescending(group => group.Count()).ThenBy(group => group.Min(p => p.node)).ToList();
        var result = new int[community.Length];
        for (int i = 0; i < members.Count; i++)
            foreach (var (_, node) in members[i]) result[node] = i;
        return (result, members.Count);
    }

    /// <summary>
    /// One level's graph: nodes (communities of the level below), each tie once (directed: from, to;
    /// undirected: smaller, larger; a self-loop holds the weight inside a community), and for each node
    /// its ties to other nodes in compressed rows (both ways when directed) and its strengths.
    /// </summary>
    private sealed class Level
    {
        private readonly bool _directed;
        private readonly int[] _tieFrom, _tieTo;
        private readonly double[] _tieWeight;
        private readonly int[] _start, _neighbour;
        private readonly double[] _weight;
        private readonly double[] _out, _in;

        private Level(int count, bool directed, int[] tieFrom, int[] tieTo, double[] tieWeight)
        {
            _directed = directed;
            (_tieFrom, _tieTo, _tieWeight) = (tieFrom, tieTo, tieWeight);
            _out = new double[count];
            _in = new double[count];
            _start = new int[count + 1];
            for (int t = 0; t < tieFrom.Length; t++)
            {
                int u = tieFrom[t], v = tieTo[t];
                double w = tieWeight[t];
                TotalWeight += w;
                _out[u] += w;
                _in[v] += w;
                if (!directed) { _out[v] += w; _in[u] += w; }
                if (u == v) continue;
                _start[u + 1]++;
                _start[v + 1]++;
            }
            for (int i = 0; i < count; i++) _start[i + 1] += _start[i];
            _neighbour = new int[_start[count]];
            _weight = new double[_start[count]];
            var next = _start[..count];
            for (int t = 0; t < tieFrom.Length; t++)
            {
                int u = tieFrom[t], v = tieTo[t];
                if (u == v) continue;
                (_neighbour[next[u]], _weight[next[u]++]) = (v, tieWeight[t]);
                (_neighbour[next[v]], _weight[next[v]++]) = (u, tieWeight[t]);
            }
        }

        public double TotalWeight { get; }

        public static Level From(Adjacency g)
        {
            var (from, to, weight) = (new List<int>(), new List<int>(), new List<double>());
            for (int v = 0; v < g.Count; v++)
            {
                var targets = g.Successors(v);
                var weights = g.SuccessorWeights(v);
                for (int k = 0; k < targets.Length; k++)
                    if (g.Directed || v < targets[k]) { from.Add(v); to.Add(targets[k]); weight.Add(weights[k]); }
            }
            return new Level(g.Count, g.Directed, [.. from], [.. to], [.. weight]);
        }

        /// <summary>Moves nodes between communities until none gains; returns each node's community, numbered densely in order.</summary>
        public (int[] Community, bool Improved) MoveNodes(double resolution, Random random)
        {
            int count = _out.Length;
            double m = TotalWeight;
            var community = new int[count];
            for (int i = 0; i < count; i++) community[i] = i;
            var totalOut = (double[])_out.Clone(); // undirected: the degree sums, in both arrays
            var totalIn = (double[])_in.Clone();
            var order = new int[count];
            for (int i = 0; i < count; i++) order[i] = i;
            random.Shuffle(order);
            var toCommunity = new double[count];
            var touched = new int[count];
            bool improved = false;
            int moves = 1;
            while (moves > 0)
            {
                moves = 0;
                foreach (int u in order)
                {
                    int touchedCount = 0;
                    for (int k = _start[u]; k < _start[u + 1]; k++)
                    {
                        int c = community[_neighbour[k]];
                        if (toCommunity[c] == 0) touched[touchedCount++] = c;
                        toCommunity[c] += _weight[k];
                    }
                    int best = community[u];
                    double outDegree = _out[u], inDegree = _in[u];
                    totalOut[best] -= outDegree;
                    totalIn[best] -= inDegree;
                    double removeCost = -toCommunity[best] / m + resolution * Expected(outDegree, inDegree, totalOut[best], totalIn[best], m);
                    double bestGain = 0;
                    for (int i = 0; i < touchedCount; i++)
                    {
                        int c = touched[i];
                        double gain = removeCost + toCommunity[c] / m - resolution * Expected(outDegree, inDegree, totalOut[c], totalIn[c], m);
                        if (gain > bestGain) (bestGain, best) = (gain, c);
                    }
                    totalOut[best] += outDegree;
                    totalIn[best] += inDegree;
                    if (best != community[u])
                    {
                        community[u] = best;
                        improved = true;
                        moves++;
                    }
                    for (int i = 0; i < touchedCount; i++) toCommunity[touched[i]] = 0;
                }
            }
            // Numbered in order of the communities' old indexes, as networkx keeps its list of sets.
            var number = new int[count];
            Array.Fill(number, -1);
            foreach (int c in community) number[c] = 0;
            for (int c = 0, next = 0; c < count; c++) if (number[c] == 0) number[c] = next++;
            for (int i = 0; i < count; i++) community[i] = number[community[i]];
            return (community, improved);
        }

        // The expected weight between a node and a community, over m: directed, (out·in_C + in·out_C) / m²;
        // undirected, where out = in = degree and both totals are the degree sum, d·D_C / 2m².
        private double Expected(double outDegree, double inDegree, double communityOut, double communityIn, double m) =>
            _directed ? (outDegree * communityIn + inDegree * communityOut) / (m * m) : communityOut * outDegree / (2 * m * m);

        /// <summary>The next level: one node per community, ties between communities added up, ties inside one as its self-loop.</summary>
        public Level Aggregate(int[] community)
        {
            int count = community.Max() + 1;
            var sums = new Dictionary<long, double>();
            for (int t = 0; t < _tieFrom.Length; t++)
            {
                int a = community[_tieFrom[t]], b = community[_tieTo[t]];
                if (!_directed && a > b) (a, b) = (b, a);
                long key = (long)a * count + b;
                sums[key] = sums.GetValueOrDefault(key) + _tieWeight[t];
            }
            var keys = sums.Keys.Order().ToArray();
            var (from, to, weight) = (new int[keys.Length], new int[keys.Length], new double[keys.Length]);
            for (int i = 0; i < keys.Length; i++) (from[i], to[i], weight[i]) = ((int)(keys[i] / count), (int)(keys[i] % count), sums[keys[i]]);
            return new Level(count, _directed, from, to, weight);
        }
    }
}
