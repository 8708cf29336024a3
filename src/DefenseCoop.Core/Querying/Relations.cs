namespace DefenseCoop;

/// <summary>What a <see cref="TimelineEntry"/> records.</summary>
public enum TimelineEntryKind
{
    /// <summary>An agreement was signed (or an embargo imposed, a ratification voted).</summary>
    AgreementSigned = 1,
    /// <summary>An agreement's status changed (ratified, lifted, suspended ...).</summary>
    StatusChanged = 2,
    /// <summary>A trade flow.</summary>
    Trade = 3,
    /// <summary>An event.</summary>
    Event = 4,
}

/// <summary>One dated entry of a timeline, with the record it comes from.</summary>
/// <param name="Date">When, to the precision known; <see langword="null"/> when no source dates it (such entries come last).</param>
/// <param name="Kind">What the entry records.</param>
/// <param name="Summary">A one-line description.</param>
/// <param name="Record">The agreement, trade flow or event; for a status change, the agreement.</param>
/// <param name="StatusChange">The status change, for <see cref="TimelineEntryKind.StatusChanged"/>.</param>
public sealed record TimelineEntry(PartialDate? Date, TimelineEntryKind Kind, string Summary, ISourced Record, StatusChange? StatusChange = null)
{
    /// <summary>Gets the sources of the entry (of the status change itself where there is one).</summary>
    public IReadOnlyList<SourceId> Sources => StatusChange?.Sources ?? Record.Sources;

    /// <inheritdoc/>
    public override string ToString() => $"{Date?.ToString() ?? "undated",-16} {Summary}";
}

/// <summary>A country's partner and how many records they share.</summary>
/// <param name="Partner">The partner country.</param>
/// <param name="Agreements">Agreements both are parties to.</param>
/// <param name="TradeFlows">Trade flows between them, either way.</param>
/// <param name="Events">Events both took part in.</param>
public sealed record PartnerSummary(CountryCode Partner, int Agreements, int TradeFlows, int Events)
{
    /// <summary>Gets the number of shared records.</summary>
    public int Total => Agreements + TradeFlows + Events;
}
