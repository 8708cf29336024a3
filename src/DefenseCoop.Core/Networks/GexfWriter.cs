using System.Xml;

namespace DefenseCoop.Networks;

/// <summary>
/// Writes a series of graphs as one dynamic GEXF 1.3 document (gexf.net), the format Gephi's timeline
/// plays: nodes and edges carry a spell per period they are present in, and their measures and weights
/// as attribute values per period. Time is in whole years (<c>timeformat="integer"</c>), periods are
/// inclusive intervals, and a period of several years is stamped at its last year.
/// </summary>
internal static class GexfWriter
{
    private const string Namespace = "http://gexf.net/1.3";
    private const string SchemaInstance = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly (string Id, string Type, Func<NodeMeasures, string> Value)[] NodeAttributes =
    [
        ("degree", "integer", m => GraphMLWriter.Text(m.Degree)),
        ("strength", "double", m => GraphMLWriter.Text(m.Strength)),
        ("betweenness", "double", m => GraphMLWriter.Text(m.Betweenness)),
        ("weighted_betweenness", "double", m => GraphMLWriter.Text(m.WeightedBetweenness)),
        ("eigenvector", "double", m => GraphMLWriter.Text(m.Eigenvector)),
        ("pagerank", "double", m => GraphMLWriter.Text(m.PageRank)),
        ("clustering", "double", m => GraphMLWriter.Text(m.Clustering)),
        ("component", "integer", m => GraphMLWriter.Text(m.Component)),
        ("community", "integer", m => GraphMLWriter.Text(m.Community)),
    ];

    public static void Write(NetworkSeries series, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Every node and every tie over the periods, with the periods (stamps) it is present in.
        var nodes = new SortedDictionary<string, (NetworkNode Node, List<(int Stamp, NodeMeasures Measures)> Periods)>(StringComparer.Ordinal);
        var edges = new SortedDictionary<(string, string), List<(int Stamp, NetworkEdge Edge)>>();
        foreach (var graph in series)
        {
            var measures = graph.Measures();
            int stamp = graph.To;
            for (int i = 0; i < graph.Nodes.Length; i++)
            {
                var node = graph.Nodes[i];
                if (!nodes.TryGetValue(node.Id, out var entry)) nodes[node.Id] = entry = (node, []);
                entry.Periods.Add((stamp, measures[i]));
            }
            foreach (var edge in graph.Edges)
            {
                var key = (graph.Nodes[edge.Source].Id, graph.Nodes[edge.Target].Id);
                if (!edges.TryGetValue(key, out var periods)) edges[key] = periods = [];
                periods.Add((stamp, edge));
            }
        }

        using var xml = XmlWriter.Create(stream, GraphMLWriter.Settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, SchemaInstance);
        xml.WriteAttributeString("schemaLocation", SchemaInstance, $"{Namespace} http://gexf.net/1.3/gexf.xsd");
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteElementString("creator", Namespace, "DefenseCoop.Core");
        xml.WriteElementString("description", Namespace, $"Cooperation network, {series.Count} periods, ties weighted by {series.Weighting}.");
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("mode", "dynamic");
        xml.WriteAttributeString("defaultedgetype", series.IsDirected ? "directed" : "undirected");
        xml.WriteAttributeString("timeformat", "integer");
        xml.WriteAttributeString("timerepresentation", "interval");
        if (series.Count > 0)
        {
            xml.WriteAttributeString("start", GraphMLWriter.Text(series[0].To));
            xml.WriteAttributeString("end", GraphMLWriter.Text(series[^1].To));
        }
        Attributes(xml, "node", "static", [("kind", "string")]);
        Attributes(xml, "node", "dynamic", [.. NodeAttributes.Select(a => (a.Id, a.Type))]);
        // The dynamic weight is an attribute titled "weight", as Gephi reads it; its id is not "weight",
        // which readers such as networkx reserve for the static weight.
        Attributes(xml, "edge", "dynamic", [("edge-weight", "double", "weight"), ("records", "integer", "records")]);

        xml.WriteStartElement("nodes", Namespace);
        foreach (var (node, periods) in nodes.Values)
        {
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            xml.WriteAttributeString("label", node.Label);
            xml.WriteStartElement("attvalues", Namespace);
            AttValue(xml, "kind", node.Kind.ToString(), null);
            foreach (var (stamp, measures) in periods)
                foreach (var (id, _, value) in NodeAttributes) AttValue(xml, id, value(measures), stamp);
            xml.WriteEndElement();
            Spells(xml, periods.Select(p => p.Stamp));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();

        xml.WriteStartElement("edges", Namespace);
        int edgeId = 0;
        foreach (var ((source, target), periods) in edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", GraphMLWriter.Text(edgeId++));
            xml.WriteAttributeString("source", source);
            xml.WriteAttributeString("target", target);
            xml.WriteStartElement("attvalues", Namespace);
            foreach (var (stamp, edge) in periods)
            {
                AttValue(xml, "edge-weight", GraphMLWriter.Text(edge.Weight), stamp);
                AttValue(xml, "records", GraphMLWriter.Text(edge.Records), stamp);
            }
            xml.WriteEndElement();
            Spells(xml, periods.Select(p => p.Stamp));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    private static void Attributes(XmlWriter xml, string forClass, string mode, (string Id, string Type)[] attributes) =>
        Attributes(xml, forClass, mode, [.. attributes.Select(a => (a.Id, a.Type, a.Id))]);

    private static void Attributes(XmlWriter xml, string forClass, string mode, (string Id, string Type, string Title)[] attributes)
    {
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", forClass);
        xml.WriteAttributeString("mode", mode);
        foreach (var (id, type, title) in attributes)
        {
            xml.WriteStartElement("attribute", Namespace);
            xml.WriteAttributeString("id", id);
            xml.WriteAttributeString("title", title);
            xml.WriteAttributeString("type", type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void AttValue(XmlWriter xml, string id, string value, int? stamp)
    {
        xml.WriteStartElement("attvalue", Namespace);
        xml.WriteAttributeString("for", id);
        xml.WriteAttributeString("value", value);
        if (stamp is { } year)
        {
            xml.WriteAttributeString("start", GraphMLWriter.Text(year));
            xml.WriteAttributeString("end", GraphMLWriter.Text(year));
        }
        xml.WriteEndElement();
    }

    // Consecutive stamps make one spell, so that a tie present 2015–2020 is one interval, not six.
    private static void Spells(XmlWriter xml, IEnumerable<int> stamps)
    {
        xml.WriteStartElement("spells", Namespace);
        int? start = null, end = null;
        foreach (int year in stamps)
        {
            if (end is { } last && year == last + 1) { end = year; continue; }
            if (start is { } s) Spell(xml, s, end!.Value);
            (start, end) = (year, year);
        }
        if (start is { } first) Spell(xml, first, end!.Value);
        xml.WriteEndElement();
    }

    private static void Spell(XmlWriter xml, int start, int end)
    {
        xml.WriteStartElement("spell", Namespace);
        xml.WriteAttributeString("start", GraphMLWriter.Text(start));
        xml.WriteAttributeString("end", GraphMLWriter.Text(end));
        xml.WriteEndElement();
    }
}
