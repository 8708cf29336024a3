using System.Globalization;
using System.Text;
using System.Xml;

namespace DefenseCoop.Networks;

/// <summary>
/// Writes one graph as GraphML (graphml.graphdrawing.org), with typed attributes (<c>attr.type</c>) that
/// networkx's <c>read_graphml</c>, Gephi and igraph read back as numbers, not text.
/// </summary>
internal static class GraphMLWriter
{
    private const string Namespace = "http://graphml.graphdrawing.org/xmlns";
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    // (key id, for, attr.name, attr.type): declared once at the top of the document, as GraphML requires.
    private static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("g_from", "graph", "from", "int"),
        ("g_to", "graph", "to", "int"),
        ("g_weighting", "graph", "weighting", "string"),
        ("g_density", "graph", "density", "double"),
        ("g_components", "graph", "components", "int"),
        ("g_communities", "graph", "communities", "int"),
        ("g_modularity", "graph", "modularity", "double"),
        ("g_eigenvector_converged", "graph", "eigenvector_converged", "boolean"),
        ("n_label", "node", "label", "string"),
        ("n_kind", "node", "kind", "string"),
        ("n_degree", "node", "degree", "int"),
        ("n_strength", "node", "strength", "double"),
        ("n_betweenness", "node", "betweenness", "double"),
        ("n_weighted_betweenness", "node", "weighted_betweenness", "double"),
        ("n_eigenvector", "node", "eigenvector", "double"),
        ("n_pagerank", "node", "pagerank", "double"),
        ("n_clustering", "node", "clustering", "double"),
        ("n_component", "node", "component", "int"),
        ("n_community", "node", "community", "int"),
        ("e_weight", "edge", "weight", "double"),
        ("e_records", "edge", "records", "int"),
        ("e_distance", "edge", "distance", "double"),
    ];

    public static void Write(CooperationGraph graph, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var measures = graph.Measures();
        using var xml = XmlWriter.Create(stream, Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, SchemaInstance);
        xml.WriteAttributeString("schemaLocation", SchemaInstance, $"{Namespace} http://graphml.graphdrawing.org/xmlns/1.1/graphml.xsd");
        foreach (var (id, target, name, type) in Keys)
        {
            xml.WriteStartElement("key", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("for", target);
            xml.WriteAttributeString("attr.name", name);
            xml.WriteAttributeString("attr.type", type);
            xml.WriteEndElement();
        }
        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", $"cooperation-{graph.From}-{graph.To}");
        xml.WriteAttributeString("edgedefault", graph.IsDirected ? "directed" : "undirected");
        Data(xml, "g_from", Text(graph.From));
        Data(xml, "g_to", Text(graph.To));
        Data(xml, "g_weighting", graph.Weighting.ToString());
        Data(xml, "g_density", Text(measures.Density));
        Data(xml, "g_components", Text(measures.ComponentCount));
        Data(xml, "g_communities", Text(measures.CommunityCount));
        Data(xml, "g_modularity", Text(measures.Modularity));
        Data(xml, "g_eigenvector_converged", measures.EigenvectorConverged ? "true" : "false");
        for (int i = 0; i < graph.Nodes.Length; i++)
        {
            var m = measures[i];
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", m.Node.Id);
            Data(xml, "n_label", m.Node.Label);
            Data(xml, "n_kind", m.Node.Kind.ToString());
            Data(xml, "n_degree", Text(m.Degree));
            Data(xml, "n_strength", Text(m.Strength));
            Data(xml, "n_betweenness", Text(m.Betweenness));
            Data(xml, "n_weighted_betweenness", Text(m.WeightedBetweenness));
            Data(xml, "n_eigenvector", Text(m.Eigenvector));
            Data(xml, "n_pagerank", Text(m.PageRank));
            Data(xml, "n_clustering", Text(m.Clustering));
            Data(xml, "n_component", Text(m.Component));
            Data(xml, "n_community", Text(m.Community));
            xml.WriteEndElement();
        }
        foreach (var edge in graph.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("source", graph.Nodes[edge.Source].Id);
            xml.WriteAttributeString("target", graph.Nodes[edge.Target].Id);
            Data(xml, "e_weight", Text(edge.Weight));
            Data(xml, "e_records", Text(edge.Records));
            Data(xml, "e_distance", Text(1.0 / edge.Weight));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    internal static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        CloseOutput = false,
    };

    /// <summary>A number as text that reads back as the same double ("R"); NaN and infinities by name.</summary>
    internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}
