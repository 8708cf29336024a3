using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace DefenseCoop.Data;

// A fact's citations and the figures its pages report: the parts of the format that say how sure a
// record is of what it says. Parsed from a file's entries, then checked as the model holds them.
internal sealed partial class DataValidator
{
    // A fact's sources as a file writes them: ids, each optionally an object with the curator's caveats
    // about that page. Each entry keeps its position (the default id where it cannot be read).
    private (ImmutableArray<SourceId> Sources, ImmutableArray<SourceCaveat> Caveats) ParseCitations(List<CitationDto?>? citations, Loc path)
    {
        if (citations is null || citations.Count == 0) return ([], []);
        var sources = new SourceId[citations.Count];
        ImmutableArray<SourceCaveat>.Builder? caveats = null;
        for (int i = 0; i < sources.Length; i++)
        {
            var p = path[i];
            if (citations[i] is not { } citation) { Issue(p, DataRule.MissingValue, "A citation is null."); continue; }
            Unknown(citation, p);
            bool isObject = citation.DateNotOnPage is not null || citation.Inferred is not null || citation.Unknown is not null;
            sources[i] = ParseId(citation.Source, isObject ? p + ".source" : p, s => new SourceId(s));
            if (citation.DateNotOnPage == false)
                Issue(p + ".dateNotOnPage", DataRule.InvalidValue, "dateNotOnPage is written only when true; omit it otherwise.");
            if (citation.DateNotOnPage == true || citation.Inferred is not null)
                (caveats ??= ImmutableArray.CreateBuilder<SourceCaveat>()).Add(new SourceCaveat(sources[i], citation.DateNotOnPage == true, citation.Inferred));
        }
        return (ImmutableCollectionsMarshal.AsImmutableArray(sources), caveats?.DrainToImmutable() ?? []);
    }

    /// <summary>
    /// Checks a fact's citations: at least one source, none twice, each a source of the catalog; and the
    /// caveats, each about a cited page, one a page, each saying something. Returns the caveats in the
    /// order of the sources (as a file lists them), the same array when they already are.
    /// </summary>
    private ImmutableArray<SourceCaveat> Citations(ImmutableArray<SourceId> sources, ImmutableArray<SourceCaveat> caveats, Loc path)
    {
        if (caveats.IsDefault) caveats = [];
        if (sources.IsDefaultOrEmpty)
        {
            Issue(path, DataRule.MissingSource, "Every record cites at least one source.");
            return caveats;
        }
        bool inOrder = true;
        int next = 0;   // the next caveat expected, when they follow the sources' order
        for (int i = 0; i < sources.Length; i++)
        {
            var p = path[i];
            var id = sources[i];
            var caveat = CaveatOf(caveats, id);
            Reference(id.Value, caveat is null ? p : p + ".source", Target.Source);
            if (id.Value.Length > 0 && sources.AsSpan(0, i).Contains(id)) Issue(p, DataRule.DuplicateId, $"The source '{id}' is cited twice.");
            if (caveat is null) continue;
            Text(caveat.Inferred, p + ".inferred", required: false);
            if (next < caveats.Length && ReferenceEquals(caveats[next], caveat)) next++;
            else inOrder = false;
        }
        foreach (var caveat in caveats)
        {
            if (caveat is null) Issue(path, DataRule.MissingValue, "A caveat is null.");
            else if (!sources.Contains(caveat.Source))
                Issue(path, DataRule.InvalidValue, $"A caveat is about the source '{caveat.Source}', which the record does not cite.");
            else if (!ReferenceEquals(CaveatOf(caveats, caveat.Source), caveat))
                Issue(path, DataRule.DuplicateId, $"The source '{caveat.Source}' has more than one caveat; give it one.");
            else if (!caveat.DateNotOnPage && caveat.Inferred is null)
                Issue(path, DataRule.InvalidValue, $"The caveat about the source '{caveat.Source}' says nothing: give dateNotOnPage or inferred, or leave it out.");
        }
        if (inOrder && next == caveats.Length) return caveats;
        // In the order of the sources, as a file writes them, so that a record equals itself written and read back.
        var ordered = ImmutableArray.CreateBuilder<SourceCaveat>(caveats.Length);
        foreach (var id in sources)
            if (CaveatOf(caveats, id) is { } caveat && !ordered.Contains(caveat)) ordered.Add(caveat);
        return ordered.Count == caveats.Length ? ordered.MoveToImmutable() : caveats;
    }

    private static SourceCaveat? CaveatOf(ImmutableArray<SourceCaveat> caveats, SourceId source)
    {
        foreach (var caveat in caveats)
            if (caveat is not null && caveat.Source == source) return caveat;
        return null;
    }

    // The figures pages report for one contract, as a file writes them: either one "value" citing the
    // record's sources, or "reportedValues" with each figure's own sources; the first is the record's value.
    private (Money? Value, ImmutableArray<ReportedValue> Reported) ParseValues(MoneyDto? value, List<ReportedValueDto?>? reported, Loc path)
    {
        if (reported is null) return (ParseMoney(value, path + ".value"), []);
        if (value is not null) Issue(path + ".value", DataRule.InvalidValue, "A record gives either 'value' or 'reportedValues', not both: the first reported value is the record's value.");
        var rp = path + ".reportedValues";
        if (reported.Count < 2) Issue(rp, DataRule.InvalidValue, "'reportedValues' lists at least two figures; a single figure is written as 'value'.");
        var result = new ReportedValue[reported.Count];
        for (int i = 0; i < result.Length; i++)
        {
            if (reported[i] is not { } dto) { Issue(rp[i], DataRule.MissingValue, "A reported value is null."); continue; }
            var money = ParseMoney(dto, rp[i]);
            var (sources, caveats) = ParseCitations(dto.Sources, rp[i] + ".sources");
            if (money is { } m) result[i] = new ReportedValue(m, sources) { Caveats = caveats };
        }
        return (result.Length > 0 ? result[0]?.Value : null, ImmutableCollectionsMarshal.AsImmutableArray(result));
    }

    /// <summary>
    /// Checks the figures of a record: one value, or at least two reported values, each citing sources
    /// among the record's. Returns them with the record's value the first reported one, as a file reads it.
    /// </summary>
    private (Money? Value, ImmutableArray<ReportedValue> Reported) Values(Money? value, ImmutableArray<ReportedValue> reported, ImmutableArray<SourceId> recordSources, Loc path)
    {
        if (reported.IsDefaultOrEmpty) return (Money(value, path + ".value"), []);
        var rp = path + ".reportedValues";
        if (reported.Length < 2) Issue(rp, DataRule.InvalidValue, "'reportedValues' lists at least two figures; a single figure is written as 'value'.");
        ImmutableArray<ReportedValue>.Builder? changed = null;
        for (int i = 0; i < reported.Length; i++)
        {
            var p = rp[i];
            var figure = reported[i];
            if (figure is null) { if (!_parsed) Issue(p, DataRule.MissingValue, "A reported value is null."); }
            else
            {
                var money = Money(figure.Value, p);
                var caveats = Citations(figure.Sources, figure.Caveats, p + ".sources");
                foreach (var source in figure.Sources.IsDefault ? [] : figure.Sources)
                    if (!recordSources.IsDefaultOrEmpty && !recordSources.Contains(source))
                        Issue(p + ".sources", DataRule.InvalidValue, $"The source '{source}' of a reported value is not among the record's sources.");
                if (money is { } m && (!Same(m, figure.Value) || caveats != figure.Caveats)) figure = figure with { Value = m, Caveats = caveats };
            }
            Changed(ref changed, reported, i, figure!);
        }
        var values = changed?.MoveToImmutable() ?? reported;
        var first = values[0]?.Value;
        if (value is { } given && given != first)
            Issue(path + ".value", DataRule.InvalidValue, "A record gives either 'value' or 'reportedValues', not both: the first reported value is the record's value.");
        return (first, values);
    }
}
