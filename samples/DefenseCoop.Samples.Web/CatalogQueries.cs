using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace DefenseCoop.Samples.Web;

/// <summary>
/// The page's questions that the catalog answers through its query API: partners within years, and
/// country search. Kept in this one file, so that a change to the query API's names touches the sample here.
/// </summary>
internal static class CatalogQueries
{
    /// <summary>
    /// A country's partners with the counts of shared records, most first, as <c>catalog.Partners</c> ranks
    /// them; within years, only the records dated in them (agreements by signing, trade by period, events by
    /// date), so that an undated record counts only without a range.
    /// </summary>
    public static IReadOnlyList<PartnerSummary> Partners(DefenseCoopCatalog catalog, CountryCode country, int? from, int? to)
    {
        if (from is null && to is null) return catalog.Partners(country);
        int start = from ?? Parameters.MinYear, end = to ?? Parameters.MaxYear;
        var counts = new Dictionary<CountryCode, (int Agreements, int Flows, int Events)>();
        var seen = new HashSet<CountryCode>();
        void Count(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations, int which)
        {
            // A record counts once for each partner, whether it takes part as a state or through its firms.
            seen.Clear();
            seen.Add(country);
            foreach (var partner in states.Concat(organizations.Select(o => catalog.Organizations.TryGet(o, out var found) ? found.Country : null).OfType<CountryCode>()))
            {
                if (!seen.Add(partner)) continue;
                var c = counts.GetValueOrDefault(partner);
                counts[partner] = which switch { 0 => c with { Agreements = c.Agreements + 1 }, 1 => c with { Flows = c.Flows + 1 }, _ => c with { Events = c.Events + 1 } };
            }
        }
        foreach (var a in catalog.Agreements.Involving(country).Within(start, end)) Count(a.Countries, a.Organizations, 0);
        foreach (var f in catalog.Trade.Involving(country).Within(start, end)) Count(new[] { f.Exporter, f.Importer }.OfType<CountryCode>(), f.Organizations, 1);
        foreach (var e in catalog.Events.Involving(country).Within(start, end)) Count(e.Countries, e.Organizations, 2);
        return [.. counts.Select(p => new PartnerSummary(p.Key, p.Value.Agreements, p.Value.Flows, p.Value.Events))
            .OrderByDescending(p => p.Total).ThenByDescending(p => p.Agreements).ThenBy(p => p.Partner)];
    }

    /// <summary>
    /// Countries whose name, alias or code contains the text (any language, without diacritics), the one
    /// the catalog resolves the text to first; every country for no text.
    /// </summary>
    public static IReadOnlyList<Country> Search(DefenseCoopCatalog catalog, string? text)
    {
        var index = SearchIndex.For(catalog);
        if (string.IsNullOrWhiteSpace(text)) return index.All;
        var exact = catalog.Countries.Resolve(text);
        string folded = SearchIndex.Fold(text);
        return [.. index.Entries
            .Where(e => e.Country == exact || e.Names.Any(n => n.Contains(folded, StringComparison.Ordinal)))
            .Select(e => e.Country)
            .OrderBy(c => c == exact ? 0 : 1).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every country's names folded once per catalog: folding them for every search cost most of its time.</summary>
    private sealed class SearchIndex
    {
        private static readonly ConditionalWeakTable<DefenseCoopCatalog, SearchIndex> Indexes = new();

        private SearchIndex(DefenseCoopCatalog catalog)
        {
            All = [.. catalog.Countries];
            Entries = [.. All.Select(c => (c, (string[])[.. c.Names.Values.Concat(c.Aliases.Select(a => a.Name)).Select(Fold).Distinct()]))];
        }

        public IReadOnlyList<Country> All { get; }

        public IReadOnlyList<(Country Country, string[] Names)> Entries { get; }

        public static SearchIndex For(DefenseCoopCatalog catalog) => Indexes.GetValue(catalog, c => new SearchIndex(c));

        public static string Fold(string text)
        {
            var folded = new StringBuilder(text.Length);
            foreach (char c in text.Normalize(NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c == 'ı' ? 'i' : char.ToLowerInvariant(c));
            return folded.ToString();
        }
    }
}
