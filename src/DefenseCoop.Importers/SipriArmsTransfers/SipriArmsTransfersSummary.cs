using System.Collections.Immutable;

namespace DefenseCoop.Importers;

/// <summary>What <see cref="SipriArmsTransfersImporter"/> read from a trade register, and what it left out.</summary>
public sealed record SipriArmsTransfersSummary
{
    /// <summary>Gets the number of deals in the file (records split across lines count once).</summary>
    public required int DealsRead { get; init; }

    /// <summary>Gets the number of deals imported as trade flows.</summary>
    public required int DealsImported { get; init; }

    /// <summary>Gets the number of deals skipped because their supplier or recipient is not a state.</summary>
    public int DealsSkipped => DealsRead - DealsImported;

    /// <summary>
    /// Gets, for each supplier or recipient that is not a state (SIPRI's labels marked <c>*</c> for armed
    /// non-state actors and <c>**</c> for international organisations, and its unknown suppliers or
    /// recipients), the number of deals skipped because of it. A deal between two such parties counts for both.
    /// </summary>
    public required ImmutableSortedDictionary<string, int> SkippedByParty { get; init; }

    /// <summary>Gets the number of deals whose record a line break in its comments had split, and which were rejoined.</summary>
    public required int RejoinedRecords { get; init; }

    /// <summary>Gets the number of imported deals linked to a defence system of the catalog.</summary>
    public required int LinkedToSystems { get; init; }
}
