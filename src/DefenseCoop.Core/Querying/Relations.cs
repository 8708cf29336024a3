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
/// <remarks>
/// The catalog's timelines write an entry's summary when it is first read, from its kind, record and
/// status change, and keep it: a timeline of thousands of entries costs no formatting until its
/// summaries are read. Equality, hashing and <c>with</c> treat the summary as the text it reads as.
/// </remarks>
public sealed record TimelineEntry(PartialDate? Date, TimelineEntryKind Kind, string Summary, ISourced Record, StatusChange? StatusChange = null)
{
    // Null until first read for an entry the catalog made (_deferred); otherwise as given.
    private string? _summary = Summary;
    private readonly bool _deferred;

    /// <summary>An entry whose summary is written from its kind, record and status change when first read.</summary>
    internal TimelineEntry(PartialDate? date, TimelineEntryKind kind, ISourced record, StatusChange? statusChange = null)
        : this(date, kind, null!, record, statusChange) => _deferred = true;

    // A copy (`with`) keeps the summary's text even where the copy's record or kind differ.
    private TimelineEntry(TimelineEntry original)
    {
        Date = original.Date;
        Kind = original.Kind;
        _summary = original.Summary;
        Record = original.Record;
        StatusChange = original.StatusChange;
    }

    /// <summary>Gets a one-line description.</summary>
    public string Summary
    {
        get => _summary ?? (_deferred ? FormatOnce() : null!);
        init => (_summary, _deferred) = (value, false);
    }

    // Threads reading a new entry at once may each write the text; all of them return the first one kept.
    private string FormatOnce()
    {
        string text = Format(Kind, Record, StatusChange);
        return Interlocked.CompareExchange(ref _summary, text, null) ?? text;
    }

    /// <summary>Gets the sources of the entry (of the status change itself where there is one).</summary>
    public IReadOnlyList<SourceId> Sources => StatusChange?.Sources ?? Record.Sources;

    /// <inheritdoc/>
    public bool Equals(TimelineEntry? other) =>
        ReferenceEquals(this, other)
        || other is not null
        && EqualityComparer<PartialDate?>.Default.Equals(Date, other.Date)
        && Kind == other.Kind
        && EqualityComparer<ISourced>.Default.Equals(Record, other.Record)
        && EqualityComparer<StatusChange?>.Default.Equals(StatusChange, other.StatusChange)
        && string.Equals(Summary, other.Summary, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Date, Kind, Summary, Record, StatusChange);

    /// <inheritdoc/>
    public override string ToString() => $"{Date?.ToString() ?? "undated",-16} {Summary}";

    /// <summary>The summary the catalog's timelines give an entry.</summary>
    private static string Format(TimelineEntryKind kind, ISourced record, StatusChange? change) => (kind, record) switch
    {
        (TimelineEntryKind.StatusChanged, Agreement agreement) when change is not null => $"{change.Status}: {agreement.Title}",
        (_, Agreement agreement) => $"{agreement.Kind}: {agreement.Title}",
        (_, TradeFlow flow) => $"{flow.Kind}: {Describe(flow)}",
        (_, Event ev) => $"{ev.Kind}: {ev.Title}",
        _ => throw new InvalidOperationException($"A timeline entry of a {record.GetType().Name} has no summary to write."),
    };

    private static string Describe(TradeFlow flow) =>
        string.Join(" ", new[] { $"{(object?)flow.Exporter ?? flow.ExporterOrganization}{(flow.IsDirected ? "→" : "↔")}{(object?)flow.Importer ?? flow.ImporterOrganization ?? (object)"all"}", flow.Commodity, flow.Value?.ToString(), flow.Quantity?.ToString(), flow.Tiv?.ToString() }.Where(s => s is not null));
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
