using System.Text.Json.Nodes;
using DefenseCoop.Data;
using DefenseCoop.Export;

namespace DefenseCoop.Tests.Data;

/// <summary>
/// What a page says and how sure the record is: citation caveats (no date on the page, a fact inferred),
/// figures reported differently by two pages kept on one record, and a page without a publication date.
/// </summary>
public class CaveatAndReportedValueTests
{
    private static JsonObject WithTwoPages()
    {
        var data = TestData.Minimal();
        data["sources"]!.AsArray().Add(JsonNode.Parse("""{ "id": "other", "kind": "NewsReport", "publisher": "Other", "title": "Another", "language": "en", "publicationDateNotShown": true }"""));
        return data;
    }

    private static JsonObject Agreement(JsonObject data) => data["agreements"]![0]!.AsObject();

    private static JsonObject ContractWithTwoFigures()
    {
        var data = WithTwoPages();
        var agreement = Agreement(data);
        agreement["sources"] = JsonNode.Parse("""["report", { "source": "other", "inferred": "the day, from 'on Monday' in an article of 4 June 2025" }]""");
        agreement["reportedValues"] = JsonNode.Parse("""
            [{ "amount": 370000000, "currency": "USD", "sources": ["report"] },
             { "amount": 367000000, "currency": "USD", "sources": ["other"] }]
            """);
        return data;
    }

    [Fact]
    public void CitationObjects_KeepTheIdsInSources_AndTheRemarksInCaveats()
    {
        var data = WithTwoPages();
        data["events"]![0]!["sources"] = JsonNode.Parse("""[{ "source": "report", "dateNotOnPage": true }, "other"]""");
        var catalog = TestData.Load(data);
        var ev = Assert.Single(catalog.Events);
        Assert.Equal([new SourceId("report"), new SourceId("other")], ev.Sources);
        var caveat = Assert.Single(ev.Caveats);
        Assert.Equal(new SourceCaveat(new SourceId("report"), DateNotOnPage: true), caveat);
        Assert.False(caveat.IsInferred);
        Assert.True(catalog.Sources[new SourceId("other")].PublicationDateNotShown);
    }

    [Fact]
    public void ReportedValues_MakeOneRecord_WhoseValueIsTheFirstFigure()
    {
        var catalog = TestData.Load(ContractWithTwoFigures());
        var agreement = Assert.Single(catalog.Agreements);
        Assert.Equal(370_000_000m, agreement.Value!.Value.Amount);
        Assert.Equal([370_000_000m, 367_000_000m], agreement.ReportedValues.Select(v => v.Value.Amount));
        Assert.Equal([new SourceId("other")], agreement.ReportedValues[1].Sources);
        Assert.Equal("the day, from 'on Monday' in an article of 4 June 2025", Assert.Single(agreement.Caveats).Inferred);
    }

    [Fact]
    public void SaveAndSnapshot_KeepCaveatsAndReportedValues()
    {
        var catalog = TestData.Load(ContractWithTwoFigures());
        using var saved = new MemoryStream();
        catalog.Save(saved);
        var reloaded = DefenseCoopCatalog.Load(new MemoryStream(saved.ToArray()), "saved.json");
        var fromSnapshot = Snapshot.TryRead(Snapshot.Write(catalog.Content), "snapshot")!;
        foreach (var agreement in new[] { reloaded.Agreements.Single(), fromSnapshot.Agreements.Single() })
        {
            var original = catalog.Agreements.Single();
            Assert.Equal(original.ReportedValues, agreement.ReportedValues);
            Assert.Equal(original.Caveats, agreement.Caveats);
            Assert.Equal(original.Value, agreement.Value);
        }
        Assert.True(fromSnapshot.Sources.Single(s => s.Id.Value == "other").PublicationDateNotShown);
    }

    [Fact]
    public void Export_HasAReportedValuesTable_AndCaveatColumns()
    {
        var catalog = TestData.Load(ContractWithTwoFigures());
        var table = ExportTables.ReportedValues;
        Assert.Contains(table.Columns, c => c.Name == "value_amount");
        Assert.Contains(ExportTables.Agreements.Columns, c => c.Name == "inferred");
        Assert.Contains(ExportTables.Agreements.Columns, c => c.Name == "sources_without_date");
        Assert.Contains(ExportTables.Sources.Columns, c => c.Name == "publication_date_not_shown");
        Assert.Single(catalog.Agreements.Single().Caveats, c => c.IsInferred);
    }

    [Theory]
    [InlineData("""{ "amount": 1, "currency": "USD" }""", """[{ "amount": 2, "currency": "USD", "sources": ["report"] }, { "amount": 3, "currency": "USD", "sources": ["other"] }]""", "either 'value' or 'reportedValues'")]
    [InlineData(null, """[{ "amount": 2, "currency": "USD", "sources": ["report"] }]""", "at least two figures")]
    [InlineData(null, """[{ "amount": 2, "currency": "USD", "sources": ["report"] }, { "amount": 3, "currency": "USD", "sources": ["nowhere"] }]""", "nowhere")]
    public void BadReportedValues_AreRefusedWithTheirPath(string? value, string reported, string expected)
    {
        var data = WithTwoPages();
        var agreement = Agreement(data);
        agreement["sources"] = JsonNode.Parse("""["report", "other"]""");
        if (value is not null) agreement["value"] = JsonNode.Parse(value);
        agreement["reportedValues"] = JsonNode.Parse(reported);
        var error = TestData.Refuse(data);
        Assert.Contains(error.Issues, i => i.Message.Contains(expected, StringComparison.Ordinal) && i.Path.StartsWith("$.agreements[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void ASourceCitedTwice_IsRefused()
    {
        var data = TestData.Minimal();
        Agreement(data)["sources"] = JsonNode.Parse("""["report", { "source": "report", "dateNotOnPage": true }]""");
        Assert.Contains(TestData.Refuse(data).Issues, i => i.Path == "$.agreements[0].sources[1]" && i.Message.Contains("cited twice", StringComparison.Ordinal));
    }

    [Fact]
    public void APublishedDateAndNoPublicationDateShown_Contradict()
    {
        var data = TestData.Minimal();
        data["sources"]![0]!["publicationDateNotShown"] = true;
        Assert.Contains(TestData.Refuse(data).Issues, i => i.Path == "$.sources[0].publicationDateNotShown");
    }

    [Fact]
    public void NewKinds_Load()
    {
        var data = TestData.Minimal();
        Agreement(data)["kind"] = "Acquisition";
        var events = data["events"]!.AsArray();
        foreach (var kind in new[] { "Launch", "Handover", "FirstFlightOrTest" })
            events.Add(JsonNode.Parse($$"""{ "id": "{{kind.ToLowerInvariant()}}", "kind": "{{kind}}", "title": "{{kind}}", "date": "2025", "sources": ["report"] }"""));
        var catalog = TestData.Load(data);
        Assert.Equal(AgreementKind.Acquisition, catalog.Agreements.Single().Kind);
        Assert.Equal([EventKind.Exhibition, EventKind.Launch, EventKind.Handover, EventKind.FirstFlightOrTest], catalog.Events.Select(e => e.Kind).Order());
    }

    [Theory]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("-0.000")]
    public void NegativeZero_LoadsAsZero_AndSurvivesSaveAndLoad(string zero)
    {
        var text = TestData.Minimal().ToJsonString()
            .Replace("\"amount\":333000000", $"\"amount\":{zero}", StringComparison.Ordinal)
            .Replace("\"values\":[2.5]", $"\"values\":[{zero}]", StringComparison.Ordinal);
        var catalog = DefenseCoopCatalog.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), "zero.json");
        decimal amount = catalog.Trade.Single().Value!.Value.Amount;
        decimal spent = catalog.Spending.Single().Value;
        Assert.False(decimal.IsNegative(amount));
        Assert.False(decimal.IsNegative(spent));
        using var saved = new MemoryStream();
        catalog.Save(saved);
        var json = System.Text.Encoding.UTF8.GetString(saved.ToArray());
        Assert.DoesNotMatch(@"[:\[,]\s*-0(\.0*)?\s*[,\]\}]", json);
        Assert.Equal(0m, DefenseCoopCatalog.Load(new MemoryStream(saved.ToArray()), "saved.json").Trade.Single().Value!.Value.Amount);
    }
}
