using System.Text;
using System.Text.Json.Nodes;

namespace DefenseCoop.Tests;

/// <summary>Small, valid data files for loader tests, and helpers to load them.</summary>
internal static class TestData
{
    public static JsonObject Minimal() => JsonNode.Parse("""
        {
          "schemaVersion": 1,
          "dataVersion": "2026.1",
          "released": "2026-11-23",
          "sources": [
            { "id": "report", "kind": "NewsReport", "publisher": "Example News", "title": "A report", "published": "2025-06-03", "language": "en" }
          ],
          "countries": [
            { "code": "TR", "alpha3": "TUR", "numeric": 792, "names": { "en": "Türkiye", "tr": "Türkiye" }, "localLanguages": ["tr"], "aliases": [{ "name": "Turkey", "scheme": "Common" }], "sources": ["report"] },
            { "code": "FI", "alpha3": "FIN", "numeric": 246, "names": { "en": "Finland", "fi": "Suomi", "tr": "Finlandiya" }, "sources": ["report"] }
          ],
          "organizations": [
            { "id": "ssb", "kind": "GovernmentAgency", "country": "TR", "name": "Defence Industry Agency", "aliases": ["SSB"], "sources": ["report"] }
          ],
          "people": [
            { "id": "haluk-gorgun", "name": "Haluk Görgün", "country": "TR", "sources": ["report"] }
          ],
          "systems": [
            { "id": "bayraktar-tb2", "name": "Bayraktar TB2", "category": "Ucav", "sources": ["report"] }
          ],
          "agreements": [
            {
              "id": "tr-fi-mou", "title": "Defence industry MoU", "kind": "MemorandumOfUnderstanding",
              "parties": [{ "country": "TR", "role": "Party" }, { "country": "FI", "role": "Party" }],
              "signatories": [{ "person": "haluk-gorgun", "title": "President", "organization": "ssb", "country": "TR" }],
              "signed": "2025-06-02", "place": "Ankara",
              "status": [{ "status": "Signed", "date": "2025-06-02", "sources": ["report"] }],
              "areas": ["JointProduction"], "sources": ["report"]
            }
          ],
          "spending": [
            { "id": "fi-gdp", "country": "FI", "measure": "ShareOfGdp", "years": [2025], "values": [2.5], "source": "report" }
          ],
          "trade": [
            { "id": "fi-exports-2023", "kind": "DefenseExports", "exporter": "FI", "period": "2023", "value": { "amount": 333000000, "currency": "EUR" }, "sources": ["report"] }
          ],
          "events": [
            { "id": "expo", "kind": "Exhibition", "title": "An exhibition", "date": "2025-02-11", "until": "2025-02-13", "countries": ["TR", "FI"], "sources": ["report"] }
          ]
        }
        """)!.AsObject();

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(new() { WriteIndented = true }));

    public static DefenseCoopCatalog Load(JsonNode node) => DefenseCoopCatalog.Load(new MemoryStream(Bytes(node)), "test.json");

    public static DefenseCoopDataException Refuse(JsonNode node) => Assert.Throws<DefenseCoopDataException>(() => Load(node));

    public static DefenseCoopDataException Refuse(string text) =>
        Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)), "test.json"));

    /// <summary>The repository root, found from the test's working directory.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DefenseCoop.Core.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException("The repository root (with DefenseCoop.Core.sln) is not above the test's directory.");
        }
    }
}
