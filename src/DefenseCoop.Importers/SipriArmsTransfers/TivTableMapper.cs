using System.Collections.Immutable;
using System.Globalization;
using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>Makes each figure of a TIV table an <see cref="TradeKind.ArmsTransferVolume"/> flow of its party and year.</summary>
internal sealed class TivTableMapper(ImportContext context, SipriPartyOrganizations organizations, Source source, CsvIssues issues)
{
    private const string ZeroNote = "SIPRI gives 0, which it uses for a volume between 0 and 0.5 million TIV.";

    /// <summary>Maps every row.</summary>
    /// <exception cref="DefenseCoopDataException">A label names neither a country nor a non-state party.</exception>
    public (ImmutableArray<TradeFlow> Flows, SipriTivTableSummary Summary) Map(TivTable table, string path)
    {
        var labels = new SipriLabels(context, organizations, source.Id);
        var flows = ImmutableArray.CreateBuilder<TradeFlow>();
        bool exports = table.Kind == SipriTivTableKind.Supplier;
        string direction = exports ? "exports" : "imports";
        string edition = table.GeneratedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        // SIPRI gives a few states in two rows (Libya and "Libya GNC"; North Yemen under two names): a party's
        // rows are added up, year by year, and the flows say so.
        var parties = new List<(SipriParty Party, List<TivTableRow> Rows)>();
        var byKey = new Dictionary<string, List<TivTableRow>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            if (labels.Resolve(row.Label, row.Line, table.LabelColumn.Name) is not { } party) continue;
            if (!byKey.TryGetValue(party.Key, out var rows)) parties.Add((party, byKey[party.Key] = rows = []));
            rows.Add(row);
        }
        foreach (var (party, rows) in parties)
        {
            var note = rows.Count == 1 ? null : new AttributedNote(
                $"SIPRI gives this party's figures in {rows.Count} rows ({string.Join(", ", rows.Select(r => $"'{r.Label}'"))}); this is their sum.", [source.Id]);
            var figures = rows.SelectMany(r => r.Figures).GroupBy(f => f.Year).OrderBy(g => g.Key);
            foreach (var year in figures)
            {
                decimal millions = year.Sum(f => f.Millions);
                flows.Add(new TradeFlow
                {
                    Id = new TradeFlowId($"sipri-tiv-{edition}-{direction}-{party.Key}-{year.Key.ToString("D4", CultureInfo.InvariantCulture)}"),
                    Kind = TradeKind.ArmsTransferVolume,
                    Exporter = exports ? party.Country?.Code : null,
                    ExporterOrganization = exports ? party.Organization?.Id : null,
                    Importer = exports ? null : party.Country?.Code,
                    ImporterOrganization = exports ? null : party.Organization?.Id,
                    Organizations = party.Organization is { } organization ? [organization.Id] : [],
                    Period = new PartialDate(year.Key),
                    Tiv = new TrendIndicatorValue(millions),
                    Commodity = "major arms",
                    Notes = [.. new[] { millions == 0 ? new AttributedNote(ZeroNote, [source.Id]) : null, year.Count() > 1 ? note : null }.OfType<AttributedNote>()],
                    Sources = [source.Id],
                });
            }
        }
        int nonState = parties.Count(p => p.Party.Organization is not null);
        labels.Report(issues, "row(s)");
        issues.ThrowIfAny();
        var summary = new SipriTivTableSummary
        {
            File = path, Table = table.Kind, Parties = parties.Count, NonStateParties = nonState, Figures = flows.Count,
            TotalRowsSkipped = table.TotalRows, FirstYear = table.FirstYear, LastYear = table.LastYear,
        };
        return (flows.ToImmutable(), summary);
    }
}
