using System.Globalization;
using System.Text;

namespace DefenseCoop.Export;

/// <summary>The attribution file of an export: every source its rows cite, with licence, citation and, for restricted sources, their terms.</summary>
public static class Attribution
{
    /// <summary>Writes the attribution text (Markdown) for an export's result.</summary>
    /// <param name="catalog">The catalog exported.</param>
    /// <param name="result">What the export wrote.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static string Write(DefenseCoopCatalog catalog, ExportResult result)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(result);
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');
        var inv = CultureInfo.InvariantCulture;

        Line("# Attribution");
        Line();
        Line(string.Create(inv, $"Exported from DefenseCoop.Core data release {catalog.DataVersion} (released {catalog.Released:yyyy-MM-dd}) as {result.Format.Name}."));
        Line("Every row names the sources it cites in its `sources` column; the `sources` table repeats what follows.");
        Line();
        Line("| table | rows |");
        Line("|---|---:|");
        foreach (var table in result.Tables) Line(string.Create(inv, $"| {table.Table.Name} | {table.Rows:N0} |"));
        if (result.OmittedRows > 0)
        {
            Line();
            Line(string.Create(inv, $"{result.OmittedRows:N0} rows that cite sources whose terms restrict redistribution were left out (RestrictedSourceHandling.Omit)."));
        }

        var restricted = result.RestrictedSources.ToList();
        if (restricted.Count > 0)
        {
            Line();
            Line("## Terms that restrict redistribution");
            Line();
            Line("This export holds rows from the sources below, whose terms restrict redistribution. They were exported because the");
            Line("caller acknowledged these terms (RestrictedSourceHandling.IncludeAndAcknowledgeTerms). Whoever holds these files is bound");
            Line("by them: use the rows only as each publisher allows, cite as stated, and do not pass them on beyond what the terms permit.");
            Line();
            foreach (var terms in restricted)
            {
                Line($"- **{terms.Source.Id}** ({terms.Source.Publisher}): {terms.Source.Licence ?? terms.Reason}");
                Line($"  Cite: {terms.Citation}");
            }
        }

        Line();
        Line("## Sources");
        Line();
        foreach (var terms in result.Sources)
        {
            var s = terms.Source;
            Line($"### {s.Id}");
            Line();
            Line($"- Citation: {terms.Citation}");
            Line($"- Kind: {s.Kind}; publisher: {s.Publisher}; language: {s.Language}");
            Line($"- Licence: {s.Licence ?? (s.Kind == SourceKind.Dataset ? "not stated" : "facts cited from this publication, restated in this library's own words")}");
            Line($"- Redistribution: {terms.Redistribution}. {terms.Reason}");
            Line();
        }
        Line("DefenseCoop.Core's own records and compilation are MIT-licensed; the data attributions of the package are in its NOTICE.md.");
        return text.ToString();
    }
}
