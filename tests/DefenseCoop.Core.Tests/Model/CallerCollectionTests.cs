using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json.Nodes;

namespace DefenseCoop.Tests.Model;

/// <summary>A built catalog owns its collections: changing what a caller handed to the builder changes nothing in it.</summary>
public class CallerCollectionTests
{
    [Fact]
    public void RecordsAddedInCode_AreCopied_SoTheCallersCollectionsCannotChangeTheCatalog()
    {
        var names = new Dictionary<string, string> { ["en"] = "Example Arms" };
        var aliases = ImmutableArray.Create("EA");
        var records = new CatalogRecords
        {
            Organizations =
            [
                new Organization
                {
                    Id = new OrganizationId("example-arms"), Kind = OrganizationKind.Company, Country = CountryCode.Parse("FI"), Name = "Example Arms",
                    Names = names, Aliases = aliases, Sources = [new SourceId("report")],
                },
            ],
        };
        string file = Path.Combine(Path.GetTempPath(), $"defensecoop-base-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, TestData.Bytes(TestData.Minimal()));
        DefenseCoopCatalog catalog;
        try
        {
            catalog = DefenseCoopCatalog.CreateBuilder().AddFile(file).AddRecords(records).Build();
        }
        finally
        {
            File.Delete(file);
        }

        names["en"] = "Testland";
        names["fi"] = "Testimaa";

        var organization = catalog.Organizations[new OrganizationId("example-arms")];
        Assert.Equal("Example Arms", organization.Names["en"]);
        Assert.False(organization.Names.ContainsKey("fi"));
        Assert.NotSame(names, organization.Names);
    }

    [Fact]
    public void RecordsAnImporterReturns_AreCopied_SoItsCollectionsCannotChangeTheCatalog()
    {
        var names = new Dictionary<string, string> { ["en"] = "Imported Arms" };
        var importer = new FixedImporter(new CatalogRecords { Sources = [Report("imported")], Organizations = [Company("imported-arms", names, "imported")] });

        var catalog = DefenseCoopCatalog.CreateBuilder().AddFile(WriteTemp(TestData.Minimal())).AddImporter(importer).Build();
        names["en"] = "Testland";

        var organization = catalog.Organizations[new OrganizationId("imported-arms")];
        Assert.Equal("Imported Arms", organization.Names["en"]);
        Assert.NotSame(names, organization.Names);
    }

    [Fact]
    public void AlreadyImmutableCollections_AreKept_NotCopied()
    {
        var names = ImmutableDictionary<string, string>.Empty.Add("en", "Kept Arms");
        var records = new CatalogRecords { Organizations = [Company("kept-arms", names, "report")] };

        Assert.Same(records, CallerRecords.Owned(records));
        var frozen = new Dictionary<string, string> { ["en"] = "x" }.ToFrozenDictionary();
        Assert.Same(frozen, CallerRecords.Frozen(frozen));
    }

    /// <summary>
    /// Every collection a built catalog's records hold is of an immutable type, whichever way the records
    /// came in: the bundled release, a data file, an overlay, records added in code, an importer.
    /// </summary>
    [Fact]
    public void EveryCollectionOfABuiltCatalog_IsImmutable_WhateverPartItCameFrom()
    {
        var overlay = new JsonObject
        {
            ["schemaVersion"] = 1, ["dataVersion"] = "2026.1", ["released"] = "2026-11-23",
            ["sources"] = new JsonArray(JsonNode.Parse("""{ "id": "overlay-desk", "kind": "OfficialStatement", "publisher": "Desk", "title": "Notes", "language": "en" }""")),
            ["organizations"] = new JsonArray(JsonNode.Parse("""{ "id": "overlay-arms", "kind": "Company", "country": "FI", "name": "Overlay Arms", "names": { "en": "Overlay Arms", "fi": "Päällysase" }, "sources": ["overlay-desk"] }""")),
        };
        var added = new CatalogRecords { Sources = [Report("added")], Organizations = [Company("added-arms", new Dictionary<string, string> { ["en"] = "Added" }, "added")] };
        var imported = new CatalogRecords
        {
            Sources = [Report("imported")],
            Organizations = [Company("imported-arms", new SortedDictionary<string, string> { ["en"] = "Imported" }, "imported")],
        };

        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(WriteTemp(overlay))
            .AddRecords(added).AddImporter(new FixedImporter(imported)).Build();

        var probe = new List<string>();
        Walk(Company("probe", new Dictionary<string, string> { ["en"] = "Probe" }, "report"), "probe", new(ReferenceEqualityComparer.Instance), probe);
        Assert.Equal(["Organization.Names: Dictionary`2"], probe);   // the walk sees a caller's collection
        foreach (var id in new[] { "overlay-arms", "added-arms", "imported-arms" })
            Assert.True(catalog.Organizations.Contains(new OrganizationId(id)), id);
        var mutable = new List<string>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        IEnumerable<object> records = [.. catalog.Countries, .. catalog.Organizations, .. catalog.People, .. catalog.Systems, .. catalog.Sources,
            .. catalog.Agreements, .. catalog.Trade, .. catalog.Events, .. catalog.Spending.Select(o => o.Series).Distinct()];
        foreach (var record in records) Walk(record, record.GetType().Name, seen, mutable);
        Assert.True(seen.Count > 1000, $"walked only {seen.Count} objects");
        Assert.Empty(mutable.Distinct());
    }

    // Follows the library's own records and their stored collections. A property declared as IEnumerable<T>
    // without a setter is a computed view (Agreement.Countries), made afresh on each read: not stored.
    private static void Walk(object value, string path, HashSet<object> seen, List<string> mutable)
    {
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal) return;
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IEnumerable items)
        {
            if (!IsImmutable(type)) mutable.Add($"{path}: {type.Name}");
            foreach (var item in items) if (item is not null) Walk(item, path + "[]", seen, mutable);
            return;
        }
        if (type.Namespace?.StartsWith("DefenseCoop", StringComparison.Ordinal) != true) return;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var declared = property.PropertyType;
            if (declared.IsGenericType && declared.GetGenericTypeDefinition() == typeof(IEnumerable<>) && property.SetMethod is null) continue;
            if (property.GetValue(value) is { } child) Walk(child, $"{type.Name}.{property.Name}", seen, mutable);
        }
    }

    private static bool IsImmutable(Type type) =>
        (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        || type.GetInterfaces().Any(i => i.Namespace == "System.Collections.Immutable" && i.Name.StartsWith("IImmutable", StringComparison.Ordinal))
        || IsFrozen(type);

    private static bool IsFrozen(Type? type) =>
        type is not null && (type.Namespace == "System.Collections.Frozen" || IsFrozen(type.BaseType));

    private static Source Report(string id) => new() { Id = new SourceId(id), Kind = SourceKind.Dataset, Publisher = "Desk", Title = id, Language = "en" };

    private static Organization Company(string id, IReadOnlyDictionary<string, string> names, string source) => new()
    {
        Id = new OrganizationId(id), Kind = OrganizationKind.Company, Country = CountryCode.Parse("FI"), Name = names["en"], Names = names, Sources = [new SourceId(source)],
    };

    private static string WriteTemp(JsonObject body)
    {
        string file = Path.Combine(Path.GetTempPath(), $"defensecoop-owned-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, TestData.Bytes(body));
        return file;
    }

    private sealed class FixedImporter(CatalogRecords records) : IDataImporter
    {
        public string Name => "fixed.csv";

        public CatalogRecords Import(ImportContext context) => records;
    }
}
