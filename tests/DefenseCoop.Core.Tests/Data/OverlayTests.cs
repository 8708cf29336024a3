using System.Text.Json.Nodes;

namespace DefenseCoop.Tests.Data;

/// <summary>Overlays: users' own records on top of the bundled release.</summary>
public class OverlayTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("defensecoop-overlay-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, JsonObject body)
    {
        body["schemaVersion"] = 1;
        body["dataVersion"] = "2026.1";
        body["released"] = "2026-11-23";
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, body.ToJsonString(new() { WriteIndented = true }));
        return path;
    }

    private static JsonObject OwnSource() => JsonNode.Parse("""{ "id": "our-desk", "kind": "OfficialStatement", "publisher": "Our desk", "title": "Our notes", "language": "en" }""")!.AsObject();

    private static JsonObject Deal(string id, string title, bool? replaces = null)
    {
        var deal = JsonNode.Parse($$"""
            { "id": "{{id}}", "title": "{{title}}", "kind": "ProcurementContract", "signed": "2026-02",
              "parties": [{ "country": "FI", "role": "Recipient" }, { "organization": "patria", "role": "Party" }, { "country": "TR", "role": "Supplier" }],
              "systems": ["bayraktar-tb2"], "sources": ["our-desk"] }
            """)!.AsObject();
        if (replaces is not null) deal["replaces"] = replaces;
        return deal;
    }

    [Fact]
    public void NewRecords_AreAddedAndMayReferenceBundledOnes()
    {
        string overlay = Write("ours.json", new() { ["sources"] = new JsonArray(OwnSource()), ["agreements"] = new JsonArray(Deal("our-tb2-deal", "Our TB2 deal")) });
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(overlay).Build();
        var deal = catalog.Agreements.Between("TR", "FI").Within(2026).Single();
        Assert.Equal(overlay, catalog.OriginOf(deal));
        Assert.Equal("DefenseCoop.Data.defensecoop.json", catalog.OriginOf(catalog.Countries["TR"]));
        Assert.Equal(DefenseCoopCatalog.Default.Agreements.Count() + 1, catalog.Agreements.Count());
        Assert.False(DefenseCoopCatalog.Default.Agreements.Within(2026).Any());
    }

    [Fact]
    public void ExistingIds_AreReplacedOnlyWhereTheOverlaySaysSo()
    {
        const string id = "tr-fi-2025-defence-industry-mou";
        string replacing = Write("replacing.json", new() { ["sources"] = new JsonArray(OwnSource()), ["agreements"] = new JsonArray(Deal(id, "Our reading of the memorandum", replaces: true)) });
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(replacing).Build();
        var replaced = catalog.Agreements.Involving("patria").Single(a => a.Id.Value == id);
        Assert.Equal("Our reading of the memorandum", replaced.Title);
        Assert.Equal(DefenseCoopCatalog.Default.Agreements.Count(), catalog.Agreements.Count());
        Assert.Equal(replacing, catalog.OriginOf(replaced));
        Assert.NotEqual("Our reading of the memorandum", DefenseCoopCatalog.Default.Agreements.Single(a => a.Id.Value == id).Title);
    }

    [Fact]
    public void Conflicts_FailTheLoadListingEveryOne()
    {
        var source = OwnSource();
        source["id"] = "nato-member-countries";
        string conflicting = Write("conflicting.json", new()
        {
            ["sources"] = new JsonArray(OwnSource(), source),
            ["agreements"] = new JsonArray(Deal("tr-fi-2025-defence-industry-mou", "Same id, no replaces"), Deal("fi-tr-2019-arms-embargo", "Again")),
        });
        var e = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(conflicting).Build());
        Assert.Equal(3, e.Issues.Length);
        Assert.All(e.Issues, i => Assert.Equal((conflicting, DataRule.DuplicateId), (i.File, i.Rule)));
        Assert.All(e.Issues, i => Assert.Contains("\"replaces\": true", i.Message));
    }

    [Fact]
    public void ReplacingNothing_IsAnError()
    {
        string overlay = Write("nothing.json", new() { ["sources"] = new JsonArray(OwnSource()), ["agreements"] = new JsonArray(Deal("brand-new", "New", replaces: true)) });
        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(overlay).Build()).Issues);
        Assert.Equal((DataRule.InvalidValue, "$.agreements[0].id"), (issue.Rule, issue.Path));
    }

    [Fact]
    public void AFileThatIsNotAnOverlay_CannotReplace()
    {
        string file = Write("release.json", new() { ["sources"] = new JsonArray(OwnSource()), ["agreements"] = new JsonArray(Deal("tr-fi-2025-defence-industry-mou", "x", replaces: true)) });
        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddFile(file).Build()).Issues);
        Assert.Equal(DataRule.DuplicateId, issue.Rule);
    }

    [Fact]
    public void SchemaVersionFromTheFuture_SaysWhichPackageVersionReadsIt()
    {
        string path = Write("future.json", new());
        var text = JsonNode.Parse(File.ReadAllText(path))!;
        text["schemaVersion"] = 3;
        File.WriteAllText(path, text.ToJsonString());
        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(path).Build()).Issues);
        Assert.Equal(DataRule.UnsupportedSchemaVersion, issue.Rule);
        Assert.Contains("version 3.0.0 or later", issue.Message);
    }
}
