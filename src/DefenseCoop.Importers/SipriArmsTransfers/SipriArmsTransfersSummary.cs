using System.Collections.Immutable;

namespace DefenseCoop.Importers;

/// <summary>What <see cref="SipriArmsTransfersImporter"/> read from a trade register and SIPRI's annual TIV tables.</summary>
public sealed record SipriArmsTransfersSummary
{
    /// <summary>Gets the number of deals in the register (records split across lines count once); 0 when no register was given.</summary>
    public required int DealsRead { get; init; }

    /// <summary>Gets the number of deals imported as trade flows: every deal read.</summary>
    public required int DealsImported { get; init; }

    /// <summary>
    /// Gets the number of deals whose supplier or recipient is not a state (an armed non-state actor, an
    /// international organization, an unknown party or an unrecognized state). They are imported with the
    /// party as <see cref="TradeFlow.ExporterOrganization"/> or <see cref="TradeFlow.ImporterOrganization"/>.
    /// </summary>
    public required int NonStateDeals { get; init; }

    /// <summary>Gets the deals with a non-state party by the party's kind; a deal between parties of two kinds counts for both.</summary>
    public required ImmutableSortedDictionary<OrganizationKind, int> NonStateDealsByKind { get; init; }

    /// <summary>
    /// Gets, for each supplier or recipient that is not a state (SIPRI's labels marked <c>*</c> for armed
    /// non-state actors and <c>**</c> for international organisations, its unknown suppliers or recipients,
    /// and unrecognized states), the number of deals that name it. A deal between two such parties counts for both.
    /// </summary>
    public required ImmutableSortedDictionary<string, int> NonStateDealsByParty { get; init; }

    /// <summary>Gets the non-state parties linked to an organization the catalog already held (SIPRI's "NATO**" to <c>nato</c>), by SIPRI's label.</summary>
    public required ImmutableSortedDictionary<string, OrganizationId> LinkedOrganizations { get; init; }

    /// <summary>Gets the organizations added for the other non-state parties (ids <c>sipri-party-...</c>).</summary>
    public required ImmutableArray<OrganizationId> OrganizationsAdded { get; init; }

    /// <summary>Gets the number of deals whose record a line break in its comments had split, and which were rejoined.</summary>
    public required int RejoinedRecords { get; init; }

    /// <summary>Gets the number of imported deals linked to a defence system of the catalog.</summary>
    public required int LinkedToSystems { get; init; }

    /// <summary>Gets what was read from the supplier table, if one was given.</summary>
    public SipriTivTableSummary? SupplierTable { get; init; }

    /// <summary>Gets what was read from the recipient table, if one was given.</summary>
    public SipriTivTableSummary? RecipientTable { get; init; }
}
