using System.Collections.Immutable;
using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>Links a register's deals to the catalog's countries, organizations and systems and makes them trade flows.</summary>
internal sealed class TradeRegisterMapper(ImportContext context, SipriPartyOrganizations organizations, SourceId source, CsvIssues issues)
{
    private const string ZeroDeliveredNote =
        "SIPRI gives the TIV of delivered weapons as 0, which it uses for a volume between 0 and 0.5 million TIV.";

    private readonly SipriLabels _labels = new(context, organizations, source);
    private readonly Dictionary<string, DefenseSystem?> _systems = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _byParty = new(StringComparer.Ordinal);
    private readonly SortedDictionary<OrganizationKind, int> _byKind = [];
    private readonly SipriDealIds _ids = new();

    /// <summary>What the mapping read: the flows, and the counts for the summary.</summary>
    public sealed record Result(ImmutableArray<TradeFlow> Flows, int LinkedToSystems, int NonStateDeals,
        ImmutableSortedDictionary<OrganizationKind, int> NonStateDealsByKind, ImmutableSortedDictionary<string, int> NonStateDealsByParty);

    /// <summary>Maps every deal; a non-state supplier or recipient becomes the flow's exporter or importer organization.</summary>
    /// <exception cref="DefenseCoopDataException">A supplier or recipient is neither a catalog country nor a non-state party; one problem per such label.</exception>
    public Result Map(TradeRegister register)
    {
        var flows = ImmutableArray.CreateBuilder<TradeFlow>(register.Entries.Count);
        int linked = 0, nonState = 0;
        foreach (var entry in register.Entries)
        {
            var supplier = _labels.Resolve(entry.Supplier, entry.Line, TradeRegisterLayout.Supplier.Name);
            var recipient = _labels.Resolve(entry.Recipient, entry.Line, TradeRegisterLayout.Recipient.Name);
            if (supplier is not { } s || recipient is not { } r) continue;
            if (Count(s, r)) nonState++;
            var flow = Flow(entry, s, r);
            if (!flow.Systems.IsEmpty) linked++;
            flows.Add(flow);
        }
        _labels.Report(issues, "deal(s)");
        issues.ThrowIfAny();
        return new Result(flows.ToImmutable(), linked, nonState, _byKind.ToImmutableSortedDictionary(), _byParty.ToImmutableSortedDictionary(StringComparer.Ordinal));
    }

    // Counts a deal with a non-state party: once per party's label and once per kind (a deal between two such parties counts for both).
    private bool Count(SipriParty supplier, SipriParty recipient)
    {
        var parties = new[] { supplier.Organization, recipient.Organization }.OfType<SipriPartyOrganizations.Party>().ToList();
        foreach (var party in parties) _byParty[party.Label] = _byParty.GetValueOrDefault(party.Label) + 1;
        foreach (var kind in parties.Select(p => p.Kind).Distinct()) _byKind[kind] = _byKind.GetValueOrDefault(kind) + 1;
        return parties.Count > 0;
    }

    private TradeFlow Flow(TradeRegisterEntry entry, SipriParty supplier, SipriParty recipient)
    {
        var deal = entry.Deal;
        int orderYear = deal.OrderYear!.Value;
        if (!_systems.TryGetValue(deal.Designation, out var system)) _systems[deal.Designation] = system = context.Systems.Resolve(deal.Designation);
        return new TradeFlow
        {
            Id = _ids.Next(supplier.Key, recipient.Key, orderYear, deal.Designation, entry.Fields),
            Kind = TradeKind.ArmsTransfer,
            Exporter = supplier.Country?.Code,
            Importer = recipient.Country?.Code,
            ExporterOrganization = supplier.Organization?.Id,
            ImporterOrganization = recipient.Organization?.Id,
            Organizations = [.. new[] { supplier.Organization?.Id, recipient.Organization?.Id }.OfType<OrganizationId>().Distinct()],
            Period = new PartialDate(orderYear, qualifier: deal.OrderYearUncertain ? DateQualifier.Approximately : DateQualifier.None),
            Commodity = deal.Description is null ? deal.Designation : $"{deal.Designation} ({deal.Description})",
            Systems = system is null ? [] : [system.Id],
            Deal = deal,
            Notes = deal.TivDelivered?.Millions == 0 ? [new AttributedNote(ZeroDeliveredNote, [source])] : [],
            Sources = [source],
        };
    }
}
