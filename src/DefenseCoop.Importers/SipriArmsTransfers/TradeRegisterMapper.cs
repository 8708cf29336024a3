using System.Collections.Immutable;
using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>Links a register's deals to the catalog's countries and systems and makes them trade flows.</summary>
internal sealed class TradeRegisterMapper(ImportContext context, SourceId source, CsvIssues issues)
{
    private const string ZeroDeliveredNote =
        "SIPRI gives the TIV of delivered weapons as 0, which it uses for a volume between 0 and 0.5 million TIV.";

    private readonly Dictionary<string, Country?> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DefenseSystem?> _systems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Unresolved> _unresolved = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly SipriDealIds _ids = new();

    /// <summary>A label that names no country: where it first appears, and how many deals name it.</summary>
    private sealed class Unresolved(int line, string column)
    {
        public int Line { get; } = line;
        public string Column { get; } = column;
        public int Deals { get; set; }
    }

    /// <summary>Maps every deal whose parties are states.</summary>
    /// <exception cref="DefenseCoopDataException">A supplier or recipient is neither a catalog country nor a non-state party; one problem per such label.</exception>
    public (ImmutableArray<TradeFlow> Flows, SipriArmsTransfersSummary Summary) Map(TradeRegister register)
    {
        var flows = ImmutableArray.CreateBuilder<TradeFlow>(register.Entries.Count);
        int linked = 0;
        foreach (var entry in register.Entries)
        {
            bool supplierSkipped = Skip(entry.Supplier), recipientSkipped = Skip(entry.Recipient); // both counted
            if (supplierSkipped || recipientSkipped) continue;
            var supplier = Resolve(entry.Supplier, entry.Line, TradeRegisterLayout.Supplier.Name);
            var recipient = Resolve(entry.Recipient, entry.Line, TradeRegisterLayout.Recipient.Name);
            if (supplier is null || recipient is null) continue;
            var flow = Flow(entry, supplier, recipient);
            if (!flow.Systems.IsEmpty) linked++;
            flows.Add(flow);
        }
        foreach (var (label, unresolved) in _unresolved)
        {
            issues.Add(unresolved.Line, unresolved.Column, DataRule.UnknownReference,
                $"'{label}' is not a country of the catalog (by name or alias) nor one of SIPRI's non-state parties; {unresolved.Deals} deal(s) name it. " +
                "Add it, or a SIPRI alias of a country, to the catalog's countries.");
        }
        issues.ThrowIfAny();
        var summary = new SipriArmsTransfersSummary
        {
            DealsRead = register.Entries.Count, DealsImported = flows.Count, SkippedByParty = _skipped.ToImmutableSortedDictionary(StringComparer.Ordinal),
            RejoinedRecords = register.RejoinedRecords, LinkedToSystems = linked,
        };
        return (flows.ToImmutable(), summary);
    }

    private bool Skip(string label)
    {
        if (!SipriNonStateParties.Contains(label)) return false;
        _skipped[label] = _skipped.GetValueOrDefault(label) + 1;
        return true;
    }

    /// <summary>The country a label names; an unknown label is remembered (with its first line) to be reported once.</summary>
    private Country? Resolve(string label, int line, string column)
    {
        if (!_countries.TryGetValue(label, out var country)) _countries[label] = country = context.Countries.Resolve(label);
        if (country is null)
        {
            if (!_unresolved.TryGetValue(label, out var unresolved)) _unresolved[label] = unresolved = new Unresolved(line, column);
            unresolved.Deals++;
        }
        return country;
    }

    private TradeFlow Flow(TradeRegisterEntry entry, Country supplier, Country recipient)
    {
        var deal = entry.Deal;
        int orderYear = deal.OrderYear!.Value;
        if (!_systems.TryGetValue(deal.Designation, out var system)) _systems[deal.Designation] = system = context.Systems.Resolve(deal.Designation);
        return new TradeFlow
        {
            Id = _ids.Next(supplier.Code, recipient.Code, orderYear, deal.Designation, entry.Fields),
            Kind = TradeKind.ArmsTransfer,
            Exporter = supplier.Code,
            Importer = recipient.Code,
            Period = new PartialDate(orderYear, qualifier: deal.OrderYearUncertain ? DateQualifier.Approximately : DateQualifier.None),
            Commodity = deal.Description is null ? deal.Designation : $"{deal.Designation} ({deal.Description})",
            Systems = system is null ? [] : [system.Id],
            Deal = deal,
            Notes = deal.TivDelivered?.Millions == 0 ? [new AttributedNote(ZeroDeliveredNote, [source])] : [],
            Sources = [source],
        };
    }
}
