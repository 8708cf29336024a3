namespace DefenseCoop.Importers;

/// <summary>Which of SIPRI's annual TIV tables a file is.</summary>
public enum SipriTivTableKind
{
    /// <summary>Exports of major arms by supplier and year: each row a supplier's total to all destinations.</summary>
    Supplier = 1,
    /// <summary>Imports of major arms by recipient and year: each row a recipient's total from all suppliers.</summary>
    Recipient = 2,
}

/// <summary>What <see cref="SipriArmsTransfersImporter"/> read from one of SIPRI's annual TIV tables.</summary>
public sealed record SipriTivTableSummary
{
    /// <summary>Gets the file.</summary>
    public required string File { get; init; }

    /// <summary>Gets which table it is.</summary>
    public required SipriTivTableKind Table { get; init; }

    /// <summary>Gets the number of suppliers or recipients imported (rows of states and of non-state parties).</summary>
    public required int Parties { get; init; }

    /// <summary>Gets how many of those parties are not states (they become organizations, as in the register).</summary>
    public required int NonStateParties { get; init; }

    /// <summary>Gets the number of annual figures imported, one trade flow each; an empty cell (no deliveries identified) gives none.</summary>
    public required int Figures { get; init; }

    /// <summary>Gets the rows of totals (SIPRI's "Others", "Total", "Total world import") left out, since they are not parties.</summary>
    public required int TotalRowsSkipped { get; init; }

    /// <summary>Gets the first year of the table's columns.</summary>
    public required int FirstYear { get; init; }

    /// <summary>Gets the last year of the table's columns.</summary>
    public required int LastYear { get; init; }
}
