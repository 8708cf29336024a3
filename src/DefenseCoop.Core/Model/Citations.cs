using System.Collections.Immutable;

namespace DefenseCoop;

/// <summary>
/// What the curator says of one cited page beyond citing it: that the page gives no date for the
/// record's fact, or that a fact of the record was inferred from the page rather than read on it.
/// </summary>
/// <remarks>
/// A record lists every page it cites in its <c>Sources</c>; a caveat is kept only for a page that needs
/// one, and always names a page of that list. A record whose date is missing or coarse because no
/// cited page gives more says so with <see cref="DateNotOnPage"/> on every citation: the gap is the
/// pages', not an omission.
/// </remarks>
/// <param name="Source">The cited page.</param>
/// <param name="DateNotOnPage">Whether the page gives no date for the record's fact.</param>
/// <param name="Inferred">What the curator inferred from the page rather than read on it, and how; <see langword="null"/> when everything was read.</param>
public sealed record SourceCaveat(SourceId Source, bool DateNotOnPage = false, string? Inferred = null)
{
    /// <summary>Gets whether a fact of the record was inferred from the page rather than read on it.</summary>
    public bool IsInferred => Inferred is not null;
}

/// <summary>
/// One figure that one or more pages report for a contract or flow. Where pages disagree, a record keeps
/// every figure with its own sources instead of becoming two records whose sum would count the contract twice.
/// </summary>
/// <param name="Value">The figure as the pages give it.</param>
/// <param name="Sources">The pages that give it; each is among the record's sources.</param>
public sealed record ReportedValue(Money Value, ImmutableArray<SourceId> Sources) : ISourced
{
    /// <summary>Gets what the curator says of the figure's cited pages beyond citing them (e.g. a figure converted or inferred).</summary>
    public ImmutableArray<SourceCaveat> Caveats { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(ReportedValue? other) =>
        other is not null && Value.Equals(other.Value) && ValueEquality.Same(Sources, other.Sources) && ValueEquality.Same(Caveats, other.Caveats);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Value, Sources.Length);
}
