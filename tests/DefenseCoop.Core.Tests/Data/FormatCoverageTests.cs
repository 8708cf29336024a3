using System.Reflection;
using System.Text;
using DefenseCoop.Data;
using DefenseCoop.Diff;
using DefenseCoop.Export;

namespace DefenseCoop.Tests.Data;

/// <summary>
/// Every public field of every record kind is carried by every format: the data file (written, read and
/// validated), the snapshot, the release diff and the export tables. For each field a change is made to a
/// sample that gives every field; each format must carry the change and read it back equal.
/// </summary>
public partial class FormatCoverageTests
{
    // Fields the export tables do not carry, by kind and field: none today. A field left out of the export is
    // listed here, so that nothing is dropped silently.
    private static readonly HashSet<(Type, string)> NotExported = [];

    // Fields a sample cannot give with the others (each change gives them): a page's missing date excludes a
    // publication date, a non-state party excludes a state in its place, several figures replace the one value.
    private static readonly HashSet<(Type, string)> Exclusive =
    [
        (typeof(Source), "PublicationDateNotShown"), (typeof(TradeFlow), "ExporterOrganization"), (typeof(TradeFlow), "ImporterOrganization"),
        (typeof(Agreement), "ReportedValues"), (typeof(TradeFlow), "ReportedValues"), (typeof(SpendingSeries), "Organization"),
    ];

    /// <summary>The fields a record kind persists: its settable public properties (a series: its constructor's parameters, the figures as Observations).</summary>
    public static IEnumerable<string> Fields(Type kind) => kind == typeof(SpendingSeries)
        ? kind.GetConstructors().Single().GetParameters().Select(p => p.Name == "points" ? "Observations" : char.ToUpperInvariant(p.Name![0]) + p.Name[1..])
        : kind.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null).Select(p => p.Name);

    public static TheoryData<string, string> EveryField()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, _) in Kinds)
            foreach (var field in Fields(kind)) data.Add(kind.Name, field);
        return data;
    }

    private static Type KindNamed(string name) => Kinds.Keys.Single(k => k.Name == name);

    [Fact]
    public void EveryField_HasAChange_AndEverySampleGivesEveryField()
    {
        // Every kind of record the catalog holds is covered.
        Assert.Equal(typeof(CatalogContent).GetConstructors().MaxBy(c => c.GetParameters().Length)!.GetParameters().Where(p => p.ParameterType.IsGenericType).Select(p => p.ParameterType.GetGenericArguments()[0]).ToHashSet(),
            Kinds.Keys.ToHashSet());
        foreach (var (kind, (sample, changes)) in Kinds)
        {
            Assert.Equal(Fields(kind).Order(), changes.Keys.Order());
            foreach (var property in kind.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => Fields(kind).Contains(p.Name) && !Exclusive.Contains((kind, p.Name))))
                Assert.False(IsEmpty(property.GetValue(sample)), $"The {kind.Name} sample leaves {property.Name} empty.");
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        false => true,
        System.Collections.IEnumerable items and not string => !items.Cast<object>().Any(),
        _ => false,
    };

    [Theory, MemberData(nameof(EveryField))]
    public void EveryField_IsCarriedByEveryFormat(string kindName, string field)
    {
        var kind = KindNamed(kindName);
        var (sample, changes) = Kinds[kind];
        var changed = changes[field](sample);
        var property = kind.GetProperty(field)!;
        Assert.False(Same(property.GetValue(sample), property.GetValue(changed)), $"The change of {kind.Name}.{field} leaves it as it was.");
        // Equality sees the field.
        Assert.NotEqual(sample, changed);

        foreach (var record in new[] { sample, changed })
        {
            var content = Supporting(record);
            // The data file: written, parsed and validated (as strictly as the compiler does), it gives the record back.
            var file = DataFragment.Parse("coverage.json", ModelWriter.Serialize(ModelWriter.Write(content)), DataLimits.Default);
            Assert.Equal(record, Find(DataValidator.ValidateFile(file, strict: true, DataLimits.Default), record));
            // The snapshot.
            var read = Snapshot.TryRead(Snapshot.Write(content), "coverage");
            Assert.NotNull(read);
            Assert.Equal(record, Find(read, record));
        }

        // The diff names the change.
        var diff = CatalogDiff.Compare(new DefenseCoopCatalog(Supporting(sample)), new DefenseCoopCatalog(Supporting(changed)));
        Assert.False(diff.IsEmpty, $"The diff does not see a change of {kind.Name}.{field}.");

        // The export tables show it, unless listed as not exported (and then they truly do not, so the list stays true).
        if (NotExported.Contains((kind, field))) Assert.Equal(Export(Supporting(sample)), Export(Supporting(changed)));
        else Assert.NotEqual(Export(Supporting(sample)), Export(Supporting(changed)));
    }

    [Fact]
    public void TheFieldsNotExported_AreStillFields()
    {
        foreach (var (kind, field) in NotExported) Assert.Contains(field, Fields(kind));
    }

    private static object Find(CatalogContent content, object record)
    {
        var key = DataValidator.KeyOf(record)!.Value;
        return content.Origins.TryGetValue(key, out var origin)
            ? origin.Record
            : new object[] { content.Sources, content.Countries, content.Organizations, content.People, content.Systems, content.Agreements, content.Spending, content.Trade, content.Events }
                .SelectMany(a => ((System.Collections.IEnumerable)a).Cast<object>()).Single(r => DataValidator.KeyOf(r) == key);
    }

    private static bool Same(object? a, object? b) => (a, b) switch
    {
        (System.Collections.IEnumerable x, System.Collections.IEnumerable y) when a is not string =>
            x.Cast<object?>().Count() == y.Cast<object?>().Count() && x.Cast<object?>().Zip(y.Cast<object?>()).All(p => Same(p.First, p.Second)),
        _ => Equals(a, b),
    };

    // Every table of the export, every row and column, as text.
    private static string Export(CatalogContent content)
    {
        var exporter = CatalogExporter.ForCatalog(new DefenseCoopCatalog(content));
        var text = new StringBuilder();
        foreach (var table in exporter.Tables)
        {
            text.Append("## ").Append(table.Name).Append('\n');
            using var rows = exporter.OpenRows(table);
            while (rows.Read())
            {
                for (int i = 0; i < table.Columns.Length; i++)
                {
                    object? value = table.Columns[i].Type switch
                    {
                        ExportColumnType.Text => rows.GetText(i),
                        ExportColumnType.Int32 => rows.GetInt32(i),
                        ExportColumnType.Decimal => rows.GetDecimal(i),
                        ExportColumnType.Boolean => rows.GetBoolean(i),
                        _ => rows.GetDate(i),
                    };
                    text.Append(value).Append('\t');
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }
}
