using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DefenseCoop.Data;

namespace DefenseCoop.Diff;

/// <summary>The kinds of record a <see cref="CatalogDiff"/> compares, in the order it lists them.</summary>
public enum RecordKind
{
    /// <summary>A <see cref="DefenseCoop.Source"/>.</summary>
    Source = 1,
    /// <summary>A <see cref="DefenseCoop.Country"/>.</summary>
    Country = 2,
    /// <summary>An <see cref="DefenseCoop.Organization"/>.</summary>
    Organization = 3,
    /// <summary>A <see cref="DefenseCoop.Person"/>.</summary>
    Person = 4,
    /// <summary>A <see cref="DefenseSystem"/>.</summary>
    System = 5,
    /// <summary>An <see cref="DefenseCoop.Agreement"/>.</summary>
    Agreement = 6,
    /// <summary>A <see cref="DefenseCoop.SpendingSeries"/>, compared figure by figure.</summary>
    SpendingSeries = 7,
    /// <summary>A <see cref="DefenseCoop.TradeFlow"/>.</summary>
    TradeFlow = 8,
    /// <summary>An <see cref="DefenseCoop.Event"/>.</summary>
    Event = 9,
}

/// <summary>Whether a record was added, removed or changed.</summary>
public enum ChangeKind
{
    /// <summary>Only the new catalog has the record.</summary>
    Added = 1,
    /// <summary>Only the old catalog has the record.</summary>
    Removed = 2,
    /// <summary>Both have it, with different fields.</summary>
    Changed = 3,
}

/// <summary>One field of a record that differs between two catalogs.</summary>
/// <param name="Field">The field's path in the data format (<c>docs/data-format.md</c>), e.g. <c>status[1].date</c>;
/// a spending figure is <c>figures.2023.value</c>.</param>
/// <param name="OldValue">The old value as text (JSON for lists and objects), or <see langword="null"/> when it was absent.</param>
/// <param name="NewValue">The new value as text, or <see langword="null"/> when it is absent now.</param>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Field}: {OldValue ?? "(absent)"} -> {NewValue ?? "(absent)"}";
}

/// <summary>A record added, removed or changed between two catalogs.</summary>
/// <param name="Kind">The kind of record.</param>
/// <param name="Id">Its id (a country's code).</param>
/// <param name="Label">Its title or name, in the new catalog where it has one.</param>
/// <param name="Change">Added, removed or changed.</param>
/// <param name="Fields">For a change, every field that differs, with old and new values; empty otherwise.</param>
public sealed record RecordChange(RecordKind Kind, string Id, string? Label, ChangeKind Change, ImmutableArray<FieldChange> Fields)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{Change switch { ChangeKind.Added => "+", ChangeKind.Removed => "-", _ => "~" }} {Kind} {Id}{(Label is null ? "" : $" ({Label})")}";
}

/// <summary>The number of records of one kind added, removed and changed.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Added">Records added.</param>
/// <param name="Removed">Records removed.</param>
/// <param name="Changed">Records changed.</param>
/// <param name="Unchanged">Records the same in both.</param>
public sealed record RecordKindSummary(RecordKind Kind, int Added, int Removed, int Changed, int Unchanged);

/// <summary>
/// What changed between two catalogs — two releases, or a release and an overlay build — record by record,
/// by id: records added, removed, and changed with each field's old and new value. It answers "why did
/// this number change?".
/// </summary>
/// <remarks>
/// Records are compared in the data format's shape (<c>docs/data-format.md</c>), so a field is named as the
/// file names it. A spending series is compared figure by figure (<c>figures.YEAR.value</c>, <c>.estimate</c>,
/// <c>.uncertain</c>), so that a revised year shows as that year, not as a shifted list. The order of
/// records in a file does not count; the order within a record's lists (parties, status history) does.
/// </remarks>
/// <example><code>
/// var diff = CatalogDiff.Compare(DefenseCoopCatalog.LoadFile("2026.1.json"), DefenseCoopCatalog.LoadFile("2026.2.json"));
/// foreach (var change in diff.Changes) Console.WriteLine(change);
/// </code></example>
public sealed class CatalogDiff
{
    // The kinds in the order the diff lists them: each with its array and key in the data format, its records
    // and how to label one. A record's fields are those its format writes (ModelWriter), so the diff names
    // them as the file does and follows every field the format carries.
    private static readonly (RecordKind Kind, string Array, string Key, Func<CatalogContent, IEnumerable<object>> Records, Func<object, string?> Label)[] Kinds =
    [
        (RecordKind.Source, "sources", "id", c => c.Sources, r => ((Source)r).Title),
        (RecordKind.Country, "countries", "code", c => c.Countries, r => ((Country)r).Names.GetValueOrDefault("en")),
        (RecordKind.Organization, "organizations", "id", c => c.Organizations, r => ((Organization)r).Name),
        (RecordKind.Person, "people", "id", c => c.People, r => ((Person)r).Name),
        (RecordKind.System, "systems", "id", c => c.Systems, r => ((DefenseSystem)r).Name),
        (RecordKind.Agreement, "agreements", "id", c => c.Agreements, r => ((Agreement)r).Title),
        (RecordKind.SpendingSeries, "spending", "id", c => c.Spending, _ => null),
        (RecordKind.TradeFlow, "trade", "id", c => c.Trade, _ => null),
        (RecordKind.Event, "events", "id", c => c.Events, r => ((Event)r).Title),
    ];

    private CatalogDiff(DataVersion oldVersion, DataVersion newVersion, ImmutableArray<RecordChange> changes, ImmutableArray<RecordKindSummary> summary)
    {
        OldVersion = oldVersion;
        NewVersion = newVersion;
        Changes = changes;
        Summary = summary;
    }

    /// <summary>Gets the data version of the old catalog.</summary>
    public DataVersion OldVersion { get; }

    /// <summary>Gets the data version of the new catalog.</summary>
    public DataVersion NewVersion { get; }

    /// <summary>Gets every record added, removed or changed, by kind (in <see cref="RecordKind"/> order), then by id.</summary>
    public ImmutableArray<RecordChange> Changes { get; }

    /// <summary>Gets the counts per kind of record, every kind listed.</summary>
    public ImmutableArray<RecordKindSummary> Summary { get; }

    /// <summary>Whether the two catalogs hold the same records.</summary>
    public bool IsEmpty => Changes.IsEmpty;

    /// <summary>Compares two catalogs.</summary>
    /// <param name="old">The earlier catalog.</param>
    /// <param name="new">The later catalog.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CatalogDiff Compare(DefenseCoopCatalog old, DefenseCoopCatalog @new)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        var changes = ImmutableArray.CreateBuilder<RecordChange>();
        var summary = ImmutableArray.CreateBuilder<RecordKindSummary>();
        foreach (var (kind, array, key, records, label) in Kinds)
        {
            var a = Index(records(old.Content));
            var b = Index(records(@new.Content));
            int added = 0, removed = 0, changed = 0, same = 0;
            foreach (var id in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
            {
                var oldRecord = a.GetValueOrDefault(id);
                var newRecord = b.GetValueOrDefault(id);
                if (oldRecord is null)
                {
                    added++;
                    changes.Add(new RecordChange(kind, id, label(newRecord!), ChangeKind.Added, []));
                }
                else if (newRecord is null)
                {
                    removed++;
                    changes.Add(new RecordChange(kind, id, label(oldRecord), ChangeKind.Removed, []));
                }
                else if (oldRecord.Equals(newRecord))
                {
                    // Records compare by value: only a record that differs is written out and compared field by field.
                    same++;
                }
                else
                {
                    var fields = new List<FieldChange>();
                    Compare("", Shape(oldRecord, array, key), Shape(newRecord, array, key), fields);
                    if (fields.Count == 0)
                    {
                        same++;
                        continue;
                    }
                    changed++;
                    changes.Add(new RecordChange(kind, id, label(newRecord), ChangeKind.Changed, [.. fields]));
                }
            }
            summary.Add(new RecordKindSummary(kind, added, removed, changed, same));
        }
        return new CatalogDiff(old.DataVersion, @new.DataVersion, changes.ToImmutable(), summary.ToImmutable());
    }

    private static Dictionary<string, object> Index(IEnumerable<object> records)
    {
        var index = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var record in records) index[DataValidator.KeyOf(record)!.Value.Item2] = record;
        return index;
    }

    // One record in the data format's shape, without its key; a series with its figures by year.
    private static JsonObject Shape(object record, string array, string key)
    {
        var json = JsonNode.Parse(ModelWriter.Serialize(ModelWriter.WriteRecord(record)))![array]![0]!.AsObject();
        json.Remove(key);
        return array == "spending" ? Figures(json) : json;
    }

    // A series' parallel lists (years, values, estimated, uncertain) become one object per year, so that a
    // revised figure is reported as its year, and a year added does not shift every later one.
    private static JsonObject Figures(JsonObject series)
    {
        var years = series["years"]?.AsArray().Select(y => y!.GetValue<int>()).ToList() ?? [];
        var values = series["values"]?.AsArray().Select(v => v?.DeepClone()).ToList() ?? [];
        var estimated = series["estimated"]?.AsArray().Select(y => y!.GetValue<int>()).ToHashSet() ?? [];
        var uncertain = series["uncertain"]?.AsArray().Select(y => y!.GetValue<int>()).ToHashSet() ?? [];
        var figures = new JsonObject();
        for (int i = 0; i < years.Count; i++)
        {
            figures[years[i].ToString(CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["value"] = i < values.Count ? values[i] : null,
                ["estimate"] = estimated.Contains(years[i]),
                ["uncertain"] = uncertain.Contains(years[i]),
            };
        }
        foreach (var name in new[] { "years", "values", "estimated", "uncertain" }) series.Remove(name);
        series["figures"] = figures;
        return series;
    }

    private static void Compare(string path, JsonNode? a, JsonNode? b, List<FieldChange> fields)
    {
        if (JsonNode.DeepEquals(a, b)) return;
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var name in oa.Select(p => p.Key).Concat(ob.Select(p => p.Key).Where(k => !oa.ContainsKey(k))))
                Compare(path.Length == 0 ? name : $"{path}.{name}", oa[name], ob[name], fields);
            return;
        }
        if (a is JsonArray la && b is JsonArray lb && la.Count == lb.Count && la.All(n => n is JsonObject) && lb.All(n => n is JsonObject))
        {
            for (int i = 0; i < la.Count; i++) Compare(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), la[i], lb[i], fields);
            return;
        }
        fields.Add(new FieldChange(path, Text(a), Text(b)));
    }

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => node.ToJsonString(),
    };

    /// <summary>Writes every change, with each changed field's old and new value, as plain text.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{OldVersion} -> {NewVersion}: {Count(ChangeKind.Added)} added, {Count(ChangeKind.Removed)} removed, {Count(ChangeKind.Changed)} changed\n");
        foreach (var change in Changes)
        {
            text.Append(change.ToString()).Append('\n');
            foreach (var field in change.Fields) text.Append("    ").Append(field.ToString()).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// A Markdown summary for a data changelog: a table of counts per kind, then each record added, removed
    /// or changed (with the names of its changed fields), at most <paramref name="maxRecordsPerKind"/> per kind.
    /// </summary>
    /// <param name="maxRecordsPerKind">How many records of each kind to list before "and N more"; 0 for the table of counts alone,
    /// which is all a diff with an empty catalog (a first release) gives.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxRecordsPerKind"/> is negative.</exception>
    public string ToMarkdownSummary(int maxRecordsPerKind = 25)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRecordsPerKind);
        var text = new StringBuilder();
        if (OldIsEmpty) text.Append(CultureInfo.InvariantCulture, $"Every record of {NewVersion} is new (compared with an empty catalog):\n\n");
        else text.Append(CultureInfo.InvariantCulture, $"Changes from {OldVersion} to {NewVersion}, by record id:\n\n");
        text.Append("| records | added | removed | changed | unchanged |\n|---|---:|---:|---:|---:|\n");
        foreach (var s in Summary)
            text.Append(CultureInfo.InvariantCulture, $"| {KindName(s.Kind)} | {s.Added:N0} | {s.Removed:N0} | {s.Changed:N0} | {s.Unchanged:N0} |\n");
        // Listing every record of a first release would repeat the release itself.
        if (maxRecordsPerKind == 0 || OldIsEmpty) return text.ToString();
        foreach (var group in Changes.GroupBy(c => c.Kind))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{KindName(group.Key)}:\n\n");
            foreach (var change in group.Take(maxRecordsPerKind))
            {
                string what = change.Change switch
                {
                    ChangeKind.Added => "added",
                    ChangeKind.Removed => "removed",
                    _ => "changed: " + string.Join(", ", change.Fields.Select(f => f.Field).Take(8)) + (change.Fields.Length > 8 ? $", and {change.Fields.Length - 8} more fields" : ""),
                };
                text.Append(CultureInfo.InvariantCulture, $"- `{change.Id}`{(change.Label is null ? "" : $" ({change.Label})")}: {what}\n");
            }
            int rest = group.Count() - maxRecordsPerKind;
            if (rest > 0) text.Append(CultureInfo.InvariantCulture, $"- and {rest:N0} more\n");
        }
        return text.ToString();
    }

    private bool OldIsEmpty => Summary.All(s => s.Removed == 0 && s.Changed == 0 && s.Unchanged == 0);

    private int Count(ChangeKind kind) => Changes.Count(c => c.Change == kind);

    private static string KindName(RecordKind kind) => kind switch
    {
        RecordKind.Source => "sources",
        RecordKind.Country => "countries",
        RecordKind.Organization => "organizations",
        RecordKind.Person => "people",
        RecordKind.System => "defence systems",
        RecordKind.Agreement => "agreements",
        RecordKind.SpendingSeries => "spending series",
        RecordKind.TradeFlow => "trade records",
        _ => "events",
    };
}
