using System.Collections.Immutable;

namespace DefenseCoop;

/// <summary>A flow of defence goods or money between countries, or a country's total.</summary>
public sealed record TradeFlow : ISourced
{
    /// <summary>Gets the stable id.</summary>
    public required TradeFlowId Id { get; init; }
    /// <summary>Gets what the flow records.</summary>
    public required TradeKind Kind { get; init; }
    /// <summary>Gets the exporting (supplying) country, if recorded.</summary>
    public CountryCode? Exporter { get; init; }
    /// <summary>
    /// Gets the importing country. <see langword="null"/> means all destinations, unless
    /// <see cref="ImporterOrganization"/> names the recipient, which is then not a state.
    /// </summary>
    public CountryCode? Importer { get; init; }
    /// <summary>
    /// Gets the supplier when it is not a state (an armed non-state actor, an international organization,
    /// a party the source could not identify), in which case <see cref="Exporter"/> is <see langword="null"/>.
    /// It is also among <see cref="Organizations"/>, so <c>Trade.Involving(organization)</c> finds the flow.
    /// </summary>
    public OrganizationId? ExporterOrganization { get; init; }
    /// <summary>
    /// Gets the recipient when it is not a state, in which case <see cref="Importer"/> is <see langword="null"/>
    /// (and does not mean all destinations). It is also among <see cref="Organizations"/>.
    /// </summary>
    public OrganizationId? ImporterOrganization { get; init; }
    /// <summary>Gets the period, to the precision known.</summary>
    public PartialDate? Period { get; init; }
    /// <summary>Gets the value, where the source gives one.</summary>
    public Money? Value { get; init; }

    /// <summary>
    /// Gets every figure the pages report for the flow's value, each with its sources, where they
    /// disagree; empty where one figure (<see cref="Value"/>, citing the record's sources) is all there is.
    /// </summary>
    /// <remarks>The first figure is <see cref="Value"/>, the one that totals use, so that a contract counts once.</remarks>
    public ImmutableArray<ReportedValue> ReportedValues { get; init; } = [];
    /// <summary>Gets the quantity, where the source gives one.</summary>
    public Quantity? Quantity { get; init; }
    /// <summary>Gets what was traded, in words.</summary>
    public string? Commodity { get; init; }
    /// <summary>Gets the organizations involved.</summary>
    public ImmutableArray<OrganizationId> Organizations { get; init; } = [];
    /// <summary>Gets the systems involved.</summary>
    public ImmutableArray<SystemId> Systems { get; init; } = [];
    /// <summary>Gets the deal's details as an arms-transfer register records them (SIPRI's trade register), if it comes from one.</summary>
    public ArmsTransferDeal? Deal { get; init; }
    /// <summary>
    /// Gets the volume of arms transferred that a publisher's annual table gives for <see cref="Period"/>
    /// (SIPRI's TIV tables, <see cref="TradeKind.ArmsTransferVolume"/>); a volume, not money.
    /// </summary>
    public TrendIndicatorValue? Tiv { get; init; }
    /// <summary>Gets attributed notes.</summary>
    public ImmutableArray<AttributedNote> Notes { get; init; } = [];
    /// <inheritdoc/>
    public required ImmutableArray<SourceId> Sources { get; init; }

    /// <summary>Gets what the curator says of cited pages beyond citing them (no date on the page, a fact inferred).</summary>
    public ImmutableArray<SourceCaveat> Caveats { get; init; } = [];

    /// <summary>Whether exporter and importer are meaningful as directions; a bilateral trade total is not.</summary>
    public bool IsDirected => Kind != TradeKind.BilateralTrade;

    /// <inheritdoc/>
    public bool Equals(TradeFlow? other) =>
        other is not null && (ReferenceEquals(this, other)
        || Id == other.Id && Kind == other.Kind && Exporter == other.Exporter && Importer == other.Importer
        && ExporterOrganization == other.ExporterOrganization && ImporterOrganization == other.ImporterOrganization && Period == other.Period
        && Value == other.Value && ValueEquality.Same(ReportedValues, other.ReportedValues) && Quantity == other.Quantity && Commodity == other.Commodity
        && ValueEquality.Same(Organizations, other.Organizations) && ValueEquality.Same(Systems, other.Systems) && Equals(Deal, other.Deal)
        && Tiv == other.Tiv && ValueEquality.Same(Notes, other.Notes) && ValueEquality.Same(Sources, other.Sources) && ValueEquality.Same(Caveats, other.Caveats));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Exporter, Importer, Period);

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Period?.ToString() ?? "undated"} {Kind} {(object?)Exporter ?? ExporterOrganization}{(IsDirected ? "→" : "↔")}{(object?)Importer ?? ImporterOrganization ?? (object)"*"} {(object?)Value ?? (object?)Quantity ?? Tiv}";
}

/// <summary>
/// SIPRI's trend-indicator value (TIV), in millions: a measure of the volume of arms transferred, not of
/// money. It is its own type so that it can never be added to or compared with <see cref="Money"/>.
/// </summary>
/// <param name="Millions">The value in millions of TIV.</param>
public readonly record struct TrendIndicatorValue(decimal Millions) : IComparable<TrendIndicatorValue>, IComparable
{
    /// <summary>Adds two values.</summary>
    public static TrendIndicatorValue operator +(TrendIndicatorValue a, TrendIndicatorValue b) => new(a.Millions + b.Millions);

    /// <inheritdoc/>
    public int CompareTo(TrendIndicatorValue other) => Millions.CompareTo(other.Millions);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        TrendIndicatorValue other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a TrendIndicatorValue.", nameof(obj)),
    };

    /// <summary>Ordering of values.</summary>
    public static bool operator <(TrendIndicatorValue left, TrendIndicatorValue right) => left.CompareTo(right) < 0;
    /// <summary>Ordering of values.</summary>
    public static bool operator >(TrendIndicatorValue left, TrendIndicatorValue right) => left.CompareTo(right) > 0;
    /// <summary>Ordering of values.</summary>
    public static bool operator <=(TrendIndicatorValue left, TrendIndicatorValue right) => left.CompareTo(right) <= 0;
    /// <summary>Ordering of values.</summary>
    public static bool operator >=(TrendIndicatorValue left, TrendIndicatorValue right) => left.CompareTo(right) >= 0;

    /// <inheritdoc/>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Millions:#,0.##} m TIV");
}

/// <summary>A deal as an arms-transfer register records it: what was ordered, when, and what was delivered.</summary>
public sealed record ArmsTransferDeal
{
    /// <summary>Gets the weapon designation, e.g. "Bayraktar TB2".</summary>
    public required string Designation { get; init; }
    /// <summary>Gets the weapon description, e.g. "UAV".</summary>
    public string? Description { get; init; }
    /// <summary>Gets the year of the order, where known.</summary>
    public int? OrderYear { get; init; }
    /// <summary>Whether the register marks the order year as uncertain.</summary>
    public bool OrderYearUncertain { get; init; }
    /// <summary>Gets the number ordered, where known.</summary>
    public int? NumberOrdered { get; init; }
    /// <summary>Whether the register marks the number ordered as uncertain.</summary>
    public bool NumberOrderedUncertain { get; init; }
    /// <summary>Gets the number delivered, where known.</summary>
    public int? NumberDelivered { get; init; }
    /// <summary>Whether the register marks the number delivered as uncertain.</summary>
    public bool NumberDeliveredUncertain { get; init; }
    /// <summary>Gets the years of delivery, in order.</summary>
    public ImmutableArray<int> DeliveryYears { get; init; } = [];
    /// <summary>Gets the register's status, e.g. "New" or "Second hand".</summary>
    public string? Status { get; init; }
    /// <summary>Gets the register's comments.</summary>
    public string? Comments { get; init; }
    /// <summary>Gets the TIV of one unit, where given.</summary>
    public TrendIndicatorValue? TivPerUnit { get; init; }
    /// <summary>Gets the TIV of the whole order, where given.</summary>
    public TrendIndicatorValue? TivOfOrder { get; init; }
    /// <summary>Gets the TIV of what was delivered, where deliveries are identified.</summary>
    public TrendIndicatorValue? TivDelivered { get; init; }

    /// <inheritdoc/>
    public bool Equals(ArmsTransferDeal? other) =>
        other is not null && Designation == other.Designation && Description == other.Description && OrderYear == other.OrderYear
        && OrderYearUncertain == other.OrderYearUncertain && NumberOrdered == other.NumberOrdered && NumberOrderedUncertain == other.NumberOrderedUncertain
        && NumberDelivered == other.NumberDelivered && NumberDeliveredUncertain == other.NumberDeliveredUncertain
        && ValueEquality.Same(DeliveryYears, other.DeliveryYears) && Status == other.Status && Comments == other.Comments
        && TivPerUnit == other.TivPerUnit && TivOfOrder == other.TivOfOrder && TivDelivered == other.TivDelivered;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Designation, OrderYear, NumberOrdered, NumberDelivered);
}
