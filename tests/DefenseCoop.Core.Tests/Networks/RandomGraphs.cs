using System.Collections.Immutable;
using DefenseCoop.Networks;

namespace DefenseCoop.Tests.Networks;

/// <summary>Seeded random graphs of every shape the measures must handle: empty, isolated pairs, sparse and dense, several components, directed and not, whole and fractional weights.</summary>
internal static class RandomGraphs
{
    public static IEnumerable<CooperationGraph> Many(int seed, int count)
    {
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
        {
            bool directed = i % 2 == 1;
            int n = i switch { 0 or 1 => 0, 2 or 3 => 1, 4 or 5 => 2, _ => random.Next(3, 70) };
            double density = random.NextDouble() * (i % 5 == 0 ? 0.5 : 0.12);
            bool wholeWeights = i % 3 != 0;
            yield return Make(random, n, density, directed, wholeWeights, 2000 + i);
        }
    }

    public static CooperationGraph Make(Random random, int n, double density, bool directed, bool wholeWeights, int year)
    {
        var nodes = Enumerable.Range(0, n).Select(k => new NetworkNode($"N{k:D3}", $"Node {k}", NetworkNodeKind.Country)).ToImmutableArray();
        var edges = ImmutableArray.CreateBuilder<NetworkEdge>();
        for (int a = 0; a < n; a++)
            for (int b = directed ? 0 : a + 1; b < n; b++)
            {
                if (a == b || random.NextDouble() >= density) continue;
                // Whole weights make ties of equal length (1/2 + 1/2 = 1/1), which weighted betweenness must count as networkx does.
                double weight = wholeWeights ? random.Next(1, 5) : Math.Round(0.1 + random.NextDouble() * 40, 3);
                edges.Add(new NetworkEdge(a, b, weight, 1));
            }
        return new CooperationGraph(year, year, directed, EdgeWeighting.Records, nodes, edges.ToImmutable());
    }
}
