using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Schema;
using DefenseCoop.Networks;

namespace DefenseCoop.Tests.Networks;

/// <summary>GraphML and dynamic GEXF 1.3 files: valid against their published schemas, and read back by networkx with every attribute.</summary>
public class NetworkFileTests
{
    private static string Schemas => Path.Combine(TestData.RepositoryRoot, "tests", "DefenseCoop.Core.Tests", "Networks", "Schemas");

    private static NetworkQuery Turkiye => DefenseCoopCatalog.Default.Networks.Agreements().Trade().Events().Involving("TR").Within(2015, 2025);

    private static byte[] GraphML(CooperationGraph graph)
    {
        using var stream = new MemoryStream();
        graph.WriteGraphML(stream);
        return stream.ToArray();
    }

    private static byte[] Gexf(NetworkSeries series)
    {
        using var stream = new MemoryStream();
        series.WriteGexf(stream);
        return stream.ToArray();
    }

    /// <summary>Reads the schemas from the copies under Schemas/, whatever address they name each other by.</summary>
    private sealed class LocalSchemas(string folder) : XmlUrlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            File.OpenRead(Path.Combine(folder, Path.GetFileName(absoluteUri.LocalPath)));
    }

    private static List<string> Validate(byte[] document, string folder, string schema)
    {
        var set = new XmlSchemaSet { XmlResolver = new LocalSchemas(folder) };
        using (var reader = XmlReader.Create(Path.Combine(folder, schema), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }))
            set.Add(null, reader);
        set.Compile();
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using (var reader = XmlReader.Create(new MemoryStream(document), settings))
            while (reader.Read()) { }
        return problems;
    }

    private static List<string> ValidateGraphML(byte[] document) => Validate(document, Path.Combine(Schemas, "graphml"), "graphml.xsd");

    private static List<string> ValidateGexf(byte[] document) => Validate(document, Path.Combine(Schemas, "gexf-1.3"), "gexf.xsd");

    [Fact]
    public void GraphML_OfUndirectedDirectedAndEmptyGraphs_IsValidAgainstTheGraphMLSchema()
    {
        var graphs = new[]
        {
            Turkiye.WholeRange().Build()[0],
            Turkiye.Directed().OrganizationsAsNodes().WholeRange().Build()[0],
            Turkiye.Within(1990, 1990).Build()[0],
        };
        Assert.Empty(graphs[2].Nodes);
        foreach (var graph in graphs) Assert.Empty(ValidateGraphML(GraphML(graph)));
    }

    [Fact]
    public void TheSchemaCheck_RefusesAnUntypedAttribute()
    {
        // The check can fail: GraphML's attribute types are boolean, int, long, float, double and string.
        var text = System.Text.Encoding.UTF8.GetString(GraphML(Turkiye.WholeRange().Build()[0])).Replace("attr.type=\"double\"", "attr.type=\"decimal\"");
        Assert.NotEmpty(ValidateGraphML(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Gexf_OfASeries_IsValidAgainstTheGexf13Schema()
    {
        Assert.Empty(ValidateGexf(Gexf(Turkiye.Build())));
        Assert.Empty(ValidateGexf(Gexf(Turkiye.Directed().SlidingWindow(3).Build())));
        Assert.Empty(ValidateGexf(Gexf(DefenseCoopCatalog.Default.Networks.Agreements().Within(1900, 1901).Build())));
        var broken = System.Text.Encoding.UTF8.GetString(Gexf(Turkiye.Build())).Replace("mode=\"dynamic\"", "mode=\"animated\"");
        Assert.NotEmpty(ValidateGexf(System.Text.Encoding.UTF8.GetBytes(broken)));
    }

    [Fact]
    public void Networkx_ReadsTheGraphMLBack_WithEveryAttributeTyped()
    {
        NetworkxReference.SkipWhenMissing();
        var graph = Turkiye.WholeRange().Build()[0];
        var measures = graph.Measures();
        var read = ReadBack("graphml", GraphML(graph), ".graphml");
        Assert.False(read["directed"]!.GetValue<bool>());
        Is(read["graph"]!["from"]!, "int", 2015);
        Is(read["graph"]!["modularity"]!, "float", measures.Modularity);
        Is(read["graph"]!["eigenvector_converged"]!, "bool", true);
        var nodes = read["nodes"]!.AsObject();
        Assert.Equal(graph.Nodes.Length, nodes.Count);
        for (int i = 0; i < graph.Nodes.Length; i++)
        {
            var m = measures[i];
            var node = nodes[m.Node.Id]!;
            Is(node["label"]!, "str", m.Node.Label);
            Is(node["kind"]!, "str", "Country");
            Is(node["degree"]!, "int", m.Degree);
            Is(node["strength"]!, "float", m.Strength);
            Is(node["betweenness"]!, "float", m.Betweenness);
            Is(node["weighted_betweenness"]!, "float", m.WeightedBetweenness);
            Is(node["eigenvector"]!, "float", m.Eigenvector);
            Is(node["pagerank"]!, "float", m.PageRank);
            Is(node["clustering"]!, "float", m.Clustering);
            Is(node["component"]!, "int", m.Component);
            Is(node["community"]!, "int", m.Community);
        }
        var edges = read["edges"]!.AsArray();
        Assert.Equal(graph.Edges.Length, edges.Count);
        var byPair = edges.ToDictionary(e => Pair(e![0]!.GetValue<string>(), e[1]!.GetValue<string>()), e => e![2]!);
        foreach (var edge in graph.Edges)
        {
            var data = byPair[Pair(graph.Nodes[edge.Source].Id, graph.Nodes[edge.Target].Id)];
            Is(data["weight"]!, "float", edge.Weight);
            Is(data["records"]!, "int", edge.Records);
            Is(data["distance"]!, "float", 1.0 / edge.Weight);
        }
    }

    [Fact]
    public void Networkx_ReadsTheGexfBack_WithSpellsAndAValuePerPeriod()
    {
        NetworkxReference.SkipWhenMissing();
        var series = Turkiye.Build();
        var read = ReadBack("gexf", Gexf(series), ".gexf");
        Assert.Equal("dynamic", read["graph"]!["mode"]!["value"]!.GetValue<string>());
        var turkiye = read["nodes"]!["TR"]!;
        Is(turkiye["label"]!, "str", "Türkiye");
        Is(turkiye["kind"]!, "str", "Country");
        // Every period Türkiye has ties in: a betweenness value stamped with that year, and a spell covering it.
        var expected = series.Where(g => g.IndexOf("TR") >= 0).Select(g => (Year: g.From, Value: g.Measures().Of("TR")!.Betweenness)).ToList();
        Assert.NotEmpty(expected);
        var values = turkiye["betweenness"]!.AsArray().Select(v => (Year: v![1]!["value"]!.GetValue<int>(), End: v[2]!["value"]!.GetValue<int>(), Value: v[0]!["value"]!.GetValue<double>())).ToList();
        Assert.Equal(expected, values.Select(v => (v.Year, v.Value)));
        Assert.All(values, v => Assert.Equal(v.Year, v.End));
        var spells = turkiye["spells"]!.AsArray().Select(s => (Start: s![0]!["value"]!.GetValue<int>(), End: s[1]!["value"]!.GetValue<int>())).ToList();
        Assert.All(expected, e => Assert.Contains(spells, s => s.Start <= e.Year && e.Year <= s.End));
        Assert.Equal(expected.Count, spells.Sum(s => s.End - s.Start + 1));
        // Edges: the weight of each period, as Gephi's dynamic weight.
        var last = series.Last(g => g.Edges.Length > 0);
        var edge = last.Edges[0];
        var pair = Pair(last.Nodes[edge.Source].Id, last.Nodes[edge.Target].Id);
        var readEdge = read["edges"]!.AsArray().Single(e => Pair(e![0]!.GetValue<string>(), e[1]!.GetValue<string>()) == pair)![2]!;
        Assert.Contains(readEdge["weight"]!.AsArray(), w => w![1]!["value"]!.GetValue<int>() == last.To && w[0]!["value"]!.GetValue<double>() == edge.Weight);
        Assert.Contains(readEdge["records"]!.AsArray(), w => w![1]!["value"]!.GetValue<int>() == last.To && w[0]!["value"]!.GetValue<int>() == edge.Records);
    }

    private static (string, string) Pair(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    /// <summary>A value networkx read, with the Python type it read it as.</summary>
    private static void Is(JsonNode read, string type, object expected)
    {
        Assert.Equal(type, read["type"]!.GetValue<string>());
        switch (expected)
        {
            case double d: Assert.Equal(d, read["value"]!.GetValue<double>()); break;
            case int i: Assert.Equal(i, read["value"]!.GetValue<int>()); break;
            case bool b: Assert.Equal(b, read["value"]!.GetValue<bool>()); break;
            default: Assert.Equal(expected.ToString(), read["value"]!.GetValue<string>()); break;
        }
    }

    private static JsonNode ReadBack(string format, byte[] document, string extension)
    {
        string path = Path.Combine(Path.GetTempPath(), $"defensecoop-{Guid.NewGuid():N}{extension}");
        try
        {
            File.WriteAllBytes(path, document);
            return NetworkxReference.Json(format, path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
