using System.Collections.Immutable;

namespace DefenseCoop.Data;

/// <summary>Adds an importer's records to validated content, checking them as the loader checks a file's.</summary>
internal static class ImportMerger
{
    public static CatalogContent Merge(CatalogContent content, ImportedRecords records, string file)
    {
        var issues = new List<DataIssue>();
        void Issue(string path, DataRule rule, string message) => issues.Add(new DataIssue(file, path, null, rule, message));

        var sources = content.Sources.Select(s => s.Id).ToHashSet();
        foreach (var source in records.Sources)
            if (!sources.Add(source.Id)) Issue($"source '{source.Id}'", DataRule.DuplicateId, $"The source id '{source.Id}' is already in the catalog.");
        var countries = content.Countries.Select(c => c.Code).ToHashSet();
        var organizations = content.Organizations.Select(o => o.Id).ToHashSet();
        var systems = content.Systems.Select(s => s.Id).ToHashSet();

        void Check<T>(string path, string kind, IEnumerable<T> ids, Func<T, bool> exists)
        {
            foreach (var id in ids)
                if (!exists(id)) Issue(path, DataRule.UnknownReference, $"No {kind} has the id '{id}'.");
        }
        void CheckSources(string path, IEnumerable<SourceId> ids, bool any)
        {
            if (!any) Issue(path, DataRule.MissingSource, "Every record cites at least one source.");
            Check(path, "source", ids, sources.Contains);
        }

        var seriesIds = content.Spending.Select(s => s.Id).ToHashSet();
        foreach (var series in records.Spending)
        {
            string path = $"spending series '{series.Id}'";
            if (!seriesIds.Add(series.Id)) Issue(path, DataRule.DuplicateId, $"The series id '{series.Id}' is already in the catalog.");
            Check(path, "country", series.Country is { } c ? [c] : Array.Empty<CountryCode>(), countries.Contains);
            Check(path, "organization", series.Organization is { } o ? [o] : Array.Empty<OrganizationId>(), organizations.Contains);
            Check(path, "system", series.Systems, systems.Contains);
            CheckSources(path, [series.Source], any: true);
        }
        var flowIds = content.Trade.Select(t => t.Id).ToHashSet();
        foreach (var flow in records.Trade)
        {
            string path = $"trade flow '{flow.Id}'";
            if (!flowIds.Add(flow.Id)) Issue(path, DataRule.DuplicateId, $"The trade flow id '{flow.Id}' is already in the catalog.");
            Check(path, "country", new[] { flow.Exporter, flow.Importer }.Where(c => c is not null).Select(c => c!.Value), countries.Contains);
            Check(path, "organization", flow.Organizations, organizations.Contains);
            Check(path, "system", flow.Systems, systems.Contains);
            CheckSources(path, flow.Sources, !flow.Sources.IsDefaultOrEmpty);
        }
        if (issues.Count > 0) throw new DefenseCoopDataException(issues);

        return content with
        {
            Sources = [.. content.Sources.Concat(records.Sources).OrderBy(s => s.Id)],
            Spending = [.. content.Spending.Concat(records.Spending).OrderBy(s => s.Id)],
            Trade = [.. content.Trade.Concat(records.Trade).OrderBy(t => t.Id)],
        };
    }
}
