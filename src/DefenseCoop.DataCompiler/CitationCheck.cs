using System.Globalization;
using System.Collections.Immutable;

namespace DefenseCoop.DataCompiler;

/// <summary>
/// The citation rules of the bundled release, beyond what the format itself requires: a news report or
/// official statement gives the address of the page a reader can open (http or https) and its
/// publication date, and every record cites at least one source that exists. Also counts the release's
/// records per partner country and per kind.
/// </summary>
public static class CitationCheck
{
    /// <summary>Returns every breach of the citation rules in <paramref name="catalog"/>, one line each; empty when there is none.</summary>
    public static IReadOnlyList<string> Problems(DefenseCoopCatalog catalog)
    {
        var problems = new List<string>();
        foreach (var source in catalog.Sources.OrderBy(s => s.Id.Value, StringComparer.Ordinal))
        {
            if (source.Kind is not (SourceKind.NewsReport or SourceKind.OfficialStatement)) continue;
            if (!IsWebAddress(source.Url))
                problems.Add($"source {source.Id}: a {source.Kind} gives the http(s) address of the page it was read on.");
            if (source.Published is null && !source.PublicationDateNotShown)
                problems.Add($"source {source.Id}: a {source.Kind} gives its publication date, or says that its page shows none (publicationDateNotShown).");
        }
        foreach (var (record, sources) in Records(catalog))
        {
            if (sources.IsDefaultOrEmpty) problems.Add($"{record}: cites no source.");
            else
                foreach (var source in sources.Where(s => !catalog.Sources.Contains(s)))
                    problems.Add($"{record}: cites {source}, which is not a source of the release.");
        }
        return problems;
    }

    /// <summary>
    /// Writes the release's records per partner country of <paramref name="country"/> (agreements, trade
    /// records, events) and per kind. An organization that is a party to a record counts for its home
    /// country, so a Turkish firm's contract with a Polish ministry counts for Türkiye and Poland.
    /// </summary>
    public static void WriteReport(DefenseCoopCatalog catalog, TextWriter output, CountryCode country)
    {
        var partners = catalog.Partners(country);
        var agreements = catalog.Agreements.ToList();
        var trade = catalog.Trade.ToList();
        var events = catalog.Events.ToList();

        var name = catalog.Countries[country].Name;
        output.WriteLine($"Records per partner country of {name} ({partners.Count} partners; agreements / trade / events / total; a party organization counts for its home country):");
        foreach (var p in partners)
            output.WriteLine($"  {p.Partner} {catalog.Countries[p.Partner].Name,-24} {p.Agreements,4} {p.TradeFlows,4} {p.Events,4} {p.Total,5}");

        output.WriteLine($"Records per kind ({agreements.Count} agreements, {trade.Count} trade records, {events.Count} events, {catalog.Sources.Count} sources):");
        void Kinds<T>(string what, IEnumerable<T> kinds) where T : struct, Enum
        {
            foreach (var group in kinds.GroupBy(k => k).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.ToString(), StringComparer.Ordinal))
                output.WriteLine($"  {what,-10} {group.Key,-28} {group.Count(),4}");
        }
        Kinds("agreement", agreements.Select(a => a.Kind));
        Kinds("trade", trade.Select(t => t.Kind));
        Kinds("event", events.Select(e => e.Kind));

        // By the year of each record's own date: signing, the trade record's period, the event's day.
        var years = agreements.Select(a => (a.SignedOn?.Year, Kind: 0))
            .Concat(trade.Select(t => (t.Period?.Year, Kind: 1)))
            .Concat(events.Select(e => (e.Date?.Year, Kind: 2)))
            .GroupBy(r => r.Year)
            .OrderBy(g => g.Key ?? int.MaxValue);
        output.WriteLine("Records per year (agreements signed / trade records / events / total; undated last):");
        foreach (var year in years)
        {
            int Count(int kind) => year.Count(r => r.Kind == kind);
            output.WriteLine($"  {year.Key?.ToString(CultureInfo.InvariantCulture) ?? "undated",-7} {Count(0),4} {Count(1),4} {Count(2),4} {year.Count(),5}");
        }
    }

    private static bool IsWebAddress(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Length > 0;

    private static IEnumerable<(string Record, ImmutableArray<SourceId> Sources)> Records(DefenseCoopCatalog catalog)
    {
        foreach (var c in catalog.Countries) yield return ($"country {c.Code}", c.Sources);
        foreach (var o in catalog.Organizations) yield return ($"organization {o.Id}", o.Sources);
        foreach (var p in catalog.People) yield return ($"person {p.Id}", p.Sources);
        foreach (var s in catalog.Systems) yield return ($"system {s.Id}", s.Sources);
        foreach (var a in catalog.Agreements)
        {
            yield return ($"agreement {a.Id}", a.Sources);
            foreach (var change in a.StatusHistory) yield return ($"agreement {a.Id}, status {change.Status}", change.Sources);
        }
        foreach (var series in catalog.Spending.Select(o => o.Series).Distinct()) yield return ($"spending series {series.Id}", ((ISourced)series).Sources);
        foreach (var t in catalog.Trade) yield return ($"trade record {t.Id}", t.Sources);
        foreach (var e in catalog.Events) yield return ($"event {e.Id}", e.Sources);
    }
}
