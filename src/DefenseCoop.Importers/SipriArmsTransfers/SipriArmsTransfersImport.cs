using System.Collections.Immutable;
using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>
/// One import of SIPRI's files, fed each file as it is read, in the order the files are given: the
/// reading, at once or asynchronously, is the importer's; what the files become is decided here, once.
/// A file's problems are thrown when it is added, before the next file is read.
/// </summary>
internal sealed class SipriArmsTransfersImport(ImportContext context)
{
    private readonly SipriPartyOrganizations _organizations = new(context);
    private readonly List<Source> _sources = [];
    private readonly ImmutableArray<TradeFlow>.Builder _flows = ImmutableArray.CreateBuilder<TradeFlow>();
    private TradeRegisterMapper.Result? _deals;
    private int _read, _rejoined;
    private SipriTivTableSummary? _supplierTable, _recipientTable;

    /// <summary>Adds the deals of the trade register read from <paramref name="path"/>.</summary>
    /// <exception cref="DefenseCoopDataException">A deal names what the catalog lacks; lists every problem.</exception>
    public void AddRegister(string path, TradeRegister register)
    {
        var source = SipriArmsTransfersSource.For(register);
        _deals = new TradeRegisterMapper(context, _organizations, source.Id, new CsvIssues(path)).Map(register);
        _sources.Add(source);
        _flows.AddRange(_deals.Flows);
        (_read, _rejoined) = (register.Entries.Count, register.RejoinedRecords);
    }

    /// <summary>Adds the figures of the TIV table read from <paramref name="path"/>, given as the table by <paramref name="expected"/>.</summary>
    /// <exception cref="DefenseCoopDataException">The table is not the one it is given as, or names what the catalog lacks; lists every problem.</exception>
    public void AddTable(string path, TivTable table, SipriTivTableKind expected)
    {
        var issues = new CsvIssues(path);
        if (table.Kind != expected)
            throw issues.Fatal(null, "header", DataRule.InvalidValue,
                $"The file is SIPRI's table by {table.Kind.ToString().ToLowerInvariant()}, given as the table by {expected.ToString().ToLowerInvariant()}.");
        var source = SipriArmsTransfersSource.For(table);
        var (tableFlows, summary) = new TivTableMapper(context, _organizations, source, issues).Map(table, path);
        _sources.Add(source);
        _flows.AddRange(tableFlows);
        if (expected == SipriTivTableKind.Supplier) _supplierTable = summary;
        else _recipientTable = summary;
    }

    /// <summary>What the files added hold, for the catalog.</summary>
    public CatalogRecords Records() =>
        new() { Sources = [.. _sources], Organizations = _organizations.Created(), Trade = _flows.ToImmutable() };

    /// <summary>What was read from the files added.</summary>
    public SipriArmsTransfersSummary Summary() => new()
    {
        DealsRead = _read, DealsImported = _deals?.Flows.Length ?? 0, NonStateDeals = _deals?.NonStateDeals ?? 0,
        NonStateDealsByKind = _deals?.NonStateDealsByKind ?? ImmutableSortedDictionary<OrganizationKind, int>.Empty,
        NonStateDealsByParty = _deals?.NonStateDealsByParty ?? ImmutableSortedDictionary<string, int>.Empty.WithComparers(StringComparer.Ordinal),
        LinkedOrganizations = _organizations.Parties.Where(p => p.InCatalog && !p.Id.Value.StartsWith(SipriPartyOrganizations.IdPrefix, StringComparison.Ordinal))
            .ToImmutableSortedDictionary(p => p.Label, p => p.Id, StringComparer.Ordinal),
        OrganizationsAdded = [.. _organizations.Created().Select(o => o.Id)],
        RejoinedRecords = _rejoined, LinkedToSystems = _deals?.LinkedToSystems ?? 0,
        SupplierTable = _supplierTable, RecipientTable = _recipientTable,
    };
}
