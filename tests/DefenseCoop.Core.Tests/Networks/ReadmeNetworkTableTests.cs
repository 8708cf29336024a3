using System.Globalization;
using System.Text;
using DefenseCoop.Networks;

namespace DefenseCoop.Tests.Networks;

/// <summary>README's table of Türkiye's centrality by year is what the code gives on the bundled release.</summary>
public class ReadmeNetworkTableTests
{
    /// <summary>The rows, as README shows them: every year 2005–2025 of the network of every record, undirected, weighted by records.</summary>
    internal static string TurkiyeByYear()
    {
        var series = DefenseCoopCatalog.Default.Networks.Agreements().Trade().Events().Within(2005, 2025).Build();
        var table = new StringBuilder();
        table.AppendLine("| year | nodes | ties | degree | strength | betweenness | eigenvector | PageRank | clustering | rank by PageRank |");
        table.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var graph in series)
        {
            var m = graph.Measures();
            var tr = m.Of("TR");
            string row = tr is null
                ? $"| {graph.From} | {graph.Nodes.Length} | {graph.Edges.Length} | – | – | – | – | – | – | – |"
                : string.Create(CultureInfo.InvariantCulture,
                    $"| {graph.From} | {graph.Nodes.Length} | {graph.Edges.Length} | {tr.Degree} | {tr.Strength:0} | {tr.Betweenness:0.000} | {tr.Eigenvector:0.000} | {tr.PageRank:0.000} | {tr.Clustering:0.000} | {m.Top(Centrality.PageRank, graph.Nodes.Length).ToList().FindIndex(n => n.Node.Id == "TR") + 1} of {graph.Nodes.Length} |");
            table.AppendLine(row);
        }
        return table.ToString().ReplaceLineEndings("\n");
    }

    [Fact]
    public void TheReadmeTable_IsWhatTheCodeGives()
    {
        string readme = File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        string table = TurkiyeByYear();
        Assert.True(readme.Contains(table, StringComparison.Ordinal), "README's table of Türkiye's centrality differs from the code's; the code gives:\n" + table);
    }
}
