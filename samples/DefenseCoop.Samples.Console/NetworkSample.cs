using DefenseCoop.Networks;

namespace DefenseCoop.Samples;

/// <summary>
/// The network beyond one country: every curated record 2015–2025 as one graph (who is tied to whom, and who
/// bridges the rest), and how Türkiye's circle of partners widened from 2005–2014 to 2015–2025.
/// </summary>
public static class NetworkSample
{
    /// <summary>Prints the whole network's size and most central countries, and Türkiye's partners by decade.</summary>
    public static void Run(DefenseCoopCatalog catalog, TextWriter output)
    {
        var graph = catalog.Networks.Agreements().Trade().Events().Within(2015, 2025).WholeRange().Build().Single();
        var measures = graph.Measures();
        int turkiye = graph.IndexOf("TR");
        int withoutTurkiye = graph.Edges.Count(e => e.Source != turkiye && e.Target != turkiye);

        output.WriteLine();
        output.WriteLine($"The network 2015–2025 (agreements, trade records and events): {graph.Nodes.Length} countries, {graph.Edges.Length} tied pairs, {withoutTurkiye} of them without Türkiye");
        output.WriteLine("  Most central by betweenness (degree, betweenness, PageRank):");
        foreach (int node in Enumerable.Range(0, graph.Nodes.Length).OrderByDescending(n => measures.Betweenness[n]).Take(10))
            output.WriteLine($"  {graph.Nodes[node].Label,-22} {measures.Degree[node],3} {measures.Betweenness[node],6:0.000} {measures.PageRank[node],6:0.000}");

        var before = catalog.Partners(CountryCode.Parse("TR"), 2005, 2014).Select(p => p.Partner).ToHashSet();
        var after = catalog.Partners(CountryCode.Parse("TR"), 2015, 2025).Select(p => p.Partner).ToHashSet();
        var newPartners = after.Except(before).Select(c => catalog.Countries[c].Name).Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"  Türkiye's partners: {before.Count} in 2005–2014, {after.Count} in 2015–2025, {newPartners.Count} of them new:");
        output.WriteLine($"    {string.Join(", ", newPartners)}");
    }
}
