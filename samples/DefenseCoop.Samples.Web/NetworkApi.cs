using DefenseCoop.Networks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DefenseCoop.Samples.Web;

/// <summary>A node as the network view draws it: position in the unit square, the chosen centrality, its community and every measure.</summary>
public sealed record NetworkNodeView(string Id, string Label, string Kind, double X, double Y, double Value, int Community,
    int Degree, double Strength, double Betweenness, double WeightedBetweenness, double Eigenvector, double PageRank, double Clustering);

/// <summary>A tie as the view draws it, by node ids.</summary>
public sealed record NetworkEdgeView(string Source, string Target, double Weight, int Records);

/// <summary>
/// The network of a year range (one graph of the whole range), with its layout, the nodes ranked by a
/// centrality, and, when a country is the focus, its partner of the strongest tie.
/// </summary>
public sealed record NetworkResponse(int From, int To, IReadOnlyList<string> Kinds, string? Country, string Centrality, bool Directed,
    IReadOnlyList<NetworkNodeView> Nodes, IReadOnlyList<NetworkEdgeView> Edges, IReadOnlyList<string> Top,
    string? TopPartner, double Density, int Components, int Communities, double Modularity);

/// <summary>The network view's API: <c>GET /api/network</c>.</summary>
internal static class NetworkApi
{
    private static readonly string[] Families = ["agreements", "trade", "events"];

    public static void MapNetworkApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api")
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (BadParameterException e)
                {
                    return Api.Problem(e.Parameter, e.Message);
                }
            })
            .MapGet("/network", Network)
            .WithSummary("The cooperation network of a year range: the records of the kinds given (agreements, trade, events), of one country or all, its layout, measures and communities.")
            .ProducesValidationProblem();
    }

    private static Ok<NetworkResponse> Network(DefenseCoopCatalog catalog, string? from, string? to, string? kinds, string? country, string? centrality, string? directed)
    {
        var (first, last) = Parameters.YearRange(from, to, nameof(from), nameof(to));
        if (first is null || last is null) throw new BadParameterException(first is null ? nameof(from) : nameof(to), "A year range is required: from=2015&to=2025.");
        var chosen = (kinds ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(k => k.ToLowerInvariant()).Distinct().ToList();
        if (chosen.Count == 0) throw new BadParameterException(nameof(kinds), $"Choose at least one kind of record: {string.Join(", ", Families)}.");
        if (chosen.FirstOrDefault(k => !Families.Contains(k)) is { } unknown)
            throw new BadParameterException(nameof(kinds), $"'{unknown}' is not a kind of record; choose from {string.Join(", ", Families)}.");
        var by = Parameters.Enums<Centrality>(centrality, nameof(centrality)) switch
        {
            [] => Centrality.PageRank,
            [var one] => one,
            _ => throw new BadParameterException(nameof(centrality), "Choose one centrality."),
        };
        bool isDirected = directed?.Trim().ToLowerInvariant() is "true" or "1" or "yes";
        var focus = Parameters.OptionalCountry(catalog, country, nameof(country));

        var query = catalog.Networks.Within(first.Value, last.Value).WholeRange();
        if (chosen.Contains("agreements")) query = query.Agreements();
        if (chosen.Contains("trade")) query = query.Trade();
        if (chosen.Contains("events")) query = query.Events();
        if (focus is not null) query = query.Involving(focus.Code);
        if (isDirected) query = query.Directed();
        var graph = query.Build().Single();
        var measures = graph.Measures();
        var layout = NetworkLayout.Compute(graph.Nodes.Length, [.. graph.Edges.Select(e => (e.Source, e.Target))]);
        var values = measures.Values(by);
        var nodes = graph.Nodes.Select((n, i) => new NetworkNodeView(n.Id, n.Label, n.Kind.ToString(), layout[i].X, layout[i].Y, Finite(values[i]), measures.Community[i],
            measures.Degree[i], measures.Strength[i], measures.Betweenness[i], measures.WeightedBetweenness[i], Finite(measures.Eigenvector[i]), measures.PageRank[i], measures.Clustering[i])).ToList();
        var edges = graph.Edges.Select(e => new NetworkEdgeView(graph.Nodes[e.Source].Id, graph.Nodes[e.Target].Id, e.Weight, e.Records)).ToList();
        string? topPartner = null;
        if (focus is not null && graph.IndexOf(focus.Code.Value) is >= 0 and var self)
            topPartner = graph.Edges.Where(e => e.Source == self || e.Target == self)
                .GroupBy(e => e.Source == self ? e.Target : e.Source)
                .Select(g => (Node: graph.Nodes[g.Key], Weight: g.Sum(e => e.Weight)))
                .OrderByDescending(p => p.Weight).ThenBy(p => p.Node.Id, StringComparer.Ordinal)
                .Select(p => p.Node.Id).FirstOrDefault();
        return TypedResults.Ok(new NetworkResponse(first.Value, last.Value, chosen, focus?.Code.Value, by.ToString(), isDirected, nodes, edges,
            [.. measures.Top(by, 10).Select(m => m.Node.Id)], topPartner, measures.Density, measures.ComponentCount, measures.CommunityCount, measures.Modularity));
    }

    // JSON has no NaN: an eigenvector that did not converge is sent as 0.
    private static double Finite(double value) => double.IsFinite(value) ? value : 0;
}
