using System.Collections.Immutable;

namespace DefenseCoop.Data;

// A fact's citations and the figures its pages report: the parts of the format that say how sure a
// record is of what it says.
internal sealed partial class DataValidator
{
    // A fact's sources: ids, each optionally with the curator's caveats about that page.
    private (ImmutableArray<SourceId> Sources, ImmutableArray<SourceCaveat> Caveats) Citations(List<CitationDto?>? citations, Loc path)
    {
        if (citations is null || citations.Count == 0)
        {
            Issue(path, DataRule.MissingSource, "Every record cites at least one source.");
            return ([], []);
        }
        var sources = ImmutableArray.CreateBuilder<SourceId>(citations.Count);
        var caveats = ImmutableArray.CreateBuilder<SourceCaveat>();
        for (int i = 0; i < citations.Count; i++)
        {
            var p = path[i];
            if (citations[i] is not { } citation) { Issue(p, DataRule.MissingValue, "A citation is null."); continue; }
            Unknown(citation, p);
            bool isObject = citation.DateNotOnPage is not null || citation.Inferred is not null || citation.Unknown is not null;
            var slug = Reference(citation.Source, isObject ? p + ".source" : p, Target.Source);
            if (citation.DateNotOnPage == false)
                Issue(p + ".dateNotOnPage", DataRule.InvalidValue, "dateNotOnPage is written only when true; omit it otherwise.");
            var inferred = citation.Inferred is null ? null : Text(citation.Inferred, p + ".inferred");
            if (slug is null) continue;
            var id = new SourceId(slug);
            if (sources.Contains(id)) { Issue(p, DataRule.DuplicateId, $"The source '{slug}' is cited twice."); continue; }
            sources.Add(id);
            if (citation.DateNotOnPage == true || inferred is not null) caveats.Add(new SourceCaveat(id, citation.DateNotOnPage == true, inferred));
        }
        return (sources.DrainToImmutable(), caveats.DrainToImmutable());
    }

    // The figures pages report for one contract. Either one "value" citing the record's sources, or
    // "reportedValues" with each figure's own sources (all among the record's); the first figure is the
    // one totals use.
    private (Money? Value, ImmutableArray<ReportedValue> Reported) Values(MoneyDto? value, List<ReportedValueDto?>? reported, ImmutableArray<SourceId> recordSources, Loc path)
    {
        if (reported is null) return (Money(value, path + ".value"), []);
        if (value is not null) Issue(path + ".value", DataRule.InvalidValue, "A record gives either 'value' or 'reportedValues', not both: the first reported value is the record's value.");
        var rp = path + ".reportedValues";
        if (reported.Count < 2) Issue(rp, DataRule.InvalidValue, "'reportedValues' lists at least two figures; a single figure is written as 'value'.");
        var result = ImmutableArray.CreateBuilder<ReportedValue>(reported.Count);
        for (int i = 0; i < reported.Count; i++)
        {
            var p = rp[i];
            if (reported[i] is not { } dto) { Issue(p, DataRule.MissingValue, "A reported value is null."); continue; }
            var money = Money(dto, p);
            var (sources, caveats) = Citations(dto.Sources, p + ".sources");
            foreach (var source in sources)
                if (!recordSources.IsDefaultOrEmpty && !recordSources.Contains(source))
                    Issue(p + ".sources", DataRule.InvalidValue, $"The source '{source}' of a reported value is not among the record's sources.");
            if (money is { } m) result.Add(new ReportedValue(m, sources) { Caveats = caveats });
        }
        var values = result.DrainToImmutable();
        return (values.IsEmpty ? null : values[0].Value, values);
    }

    // Negative zero (-0, -0.0) is zero: stored as positive zero so that it prints and round-trips as 0.
    private static decimal Normal(decimal value) => value == 0m ? 0m : value;
}
