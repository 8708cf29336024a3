namespace DefenseCoop.Networks;

/// <summary>What a node of a cooperation network stands for.</summary>
public enum NetworkNodeKind
{
    /// <summary>A country, by its ISO code; its firms and agencies count for it unless they are nodes of their own.</summary>
    Country = 1,
    /// <summary>An organization (a firm, an agency, an alliance, an armed group) as a node of its own.</summary>
    Organization = 2,
}

/// <summary>What the weight of a tie adds up.</summary>
public enum EdgeWeighting
{
    /// <summary>The number of records that tie the two nodes (a multilateral record ties every pair of its parties once).</summary>
    Records = 1,
    /// <summary>
    /// SIPRI's trend-indicator value delivered, in millions: a volume of arms, not money. Only arms-transfer
    /// deals that give a delivered TIV above zero make ties.
    /// </summary>
    Tiv = 2,
}

/// <summary>Which year a trade record falls in.</summary>
public enum TradeYear
{
    /// <summary>The year of the record's period; for a deal of an arms-transfer register, its order year.</summary>
    Period = 1,
    /// <summary>
    /// Each delivery year of a deal, its delivered TIV spread evenly over them (the register gives only the
    /// total, so a year's share is an estimate); a record without a deal falls in its period's year.
    /// </summary>
    Delivery = 2,
}

/// <summary>A node of a cooperation network.</summary>
/// <param name="Id">The country's ISO code (<c>TR</c>) or the organization's id (<c>nato</c>).</param>
/// <param name="Label">The country's or organization's English name.</param>
/// <param name="Kind">Whether it is a country or an organization.</param>
public sealed record NetworkNode(string Id, string Label, NetworkNodeKind Kind)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Id} ({Label})";
}

/// <summary>
/// A tie between two nodes, by their positions in <see cref="CooperationGraph.Nodes"/>. In an undirected
/// graph <see cref="Source"/> is the smaller position; in a directed graph the tie runs from source to target.
/// </summary>
/// <param name="Source">The position of the source node.</param>
/// <param name="Target">The position of the target node.</param>
/// <param name="Weight">The weight: a number of records, or millions of TIV (see <see cref="CooperationGraph.Weighting"/>); always above zero.</param>
/// <param name="Records">How many records make the tie.</param>
public readonly record struct NetworkEdge(int Source, int Target, double Weight, int Records);
