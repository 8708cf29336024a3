using System.Collections.Immutable;

namespace DefenseCoop.Networks;

/// <summary>Cuts ties into periods and adds them up into one graph per period.</summary>
internal static class NetworkAssembler
{
    public static NetworkSeries Build(NetworkSpec spec, IEnumerable<Tie> ties)
    {
        var all = ties.ToList();
        int? from = spec.From ?? (all.Count > 0 ? all.Min(t => t.Year) : null);
        int? to = spec.To ?? (all.Count > 0 ? all.Max(t => t.Year) : null);
        if (from is not { } first || to is not { } last)
            return new NetworkSeries(spec.Directed, spec.Weighting, []);
        int length = spec.WindowYears == 0 ? last - first + 1 : spec.WindowYears;
        if (length > last - first + 1)
            throw new InvalidOperationException($"A window of {length} years does not fit in {first}–{last}, the years of the records chosen.");
        int periods = last - first - length + 2;
        var sums = new Dictionary<(NetworkNode, NetworkNode), (double Weight, int Records)>[periods];
        for (int p = 0; p < periods; p++) sums[p] = [];
        foreach (var tie in all)
        {
            if (tie.Year < first || tie.Year > last) continue;
            // The periods whose window holds the year: those starting from year − length + 1 to year.
            int lowest = Math.Max(0, tie.Year - length + 1 - first), highest = Math.Min(periods - 1, tie.Year - first);
            for (int p = lowest; p <= highest; p++) Add(sums[p], tie, spec.Directed);
        }
        var graphs = ImmutableArray.CreateBuilder<CooperationGraph>(periods);
        for (int p = 0; p < periods; p++) graphs.Add(Graph(first + p, first + p + length - 1, spec, sums[p]));
        return new NetworkSeries(spec.Directed, spec.Weighting, graphs.MoveToImmutable());
    }

    private static void Add(Dictionary<(NetworkNode, NetworkNode), (double Weight, int Records)> sums, Tie tie, bool directed)
    {
        var parties = tie.Parties;
        if (tie.Ordered)
        {
            Add(sums, parties[0], parties[1], tie.Weight, directed);
            return;
        }
        for (int i = 0; i < parties.Length; i++)
            for (int j = i + 1; j < parties.Length; j++)
            {
                Add(sums, parties[i], parties[j], tie.Weight, directed);
                if (directed) Add(sums, parties[j], parties[i], tie.Weight, directed);
            }
    }

    private static void Add(Dictionary<(NetworkNode, NetworkNode), (double Weight, int Records)> sums, NetworkNode a, NetworkNode b, double weight, bool directed)
    {
        var key = directed || string.CompareOrdinal(a.Id, b.Id) < 0 ? (a, b) : (b, a);
        var (w, records) = sums.GetValueOrDefault(key);
        sums[key] = (w + weight, records + 1);
    }

    private static CooperationGraph Graph(int from, int to, NetworkSpec spec, Dictionary<(NetworkNode, NetworkNode), (double Weight, int Records)> sums)
    {
        var nodes = sums.Keys.SelectMany(k => new[] { k.Item1, k.Item2 }).Distinct()
            .OrderBy(n => n.Id, StringComparer.Ordinal).ToImmutableArray();
        var position = new Dictionary<string, int>(nodes.Length, StringComparer.Ordinal);
        for (int i = 0; i < nodes.Length; i++) position[nodes[i].Id] = i;
        var edges = sums.Select(p => new NetworkEdge(position[p.Key.Item1.Id], position[p.Key.Item2.Id], p.Value.Weight, p.Value.Records))
            .OrderBy(e => e.Source).ThenBy(e => e.Target).ToImmutableArray();
        return new CooperationGraph(from, to, spec.Directed, spec.Weighting, nodes, edges);
    }
}
