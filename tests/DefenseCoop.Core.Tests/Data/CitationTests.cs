using System.Text.Json.Nodes;
using DefenseCoop.DataCompiler;

namespace DefenseCoop.Tests.Data;

/// <summary>The bundled release is cited like a reference work: every page a reader can open, with its date.</summary>
public class CitationTests
{
    private static readonly DefenseCoopCatalog Catalog = DefenseCoopCatalog.Default;

    [Fact]
    public void BundledRelease_KeepsTheCitationRules()
    {
        Assert.Empty(CitationCheck.Problems(Catalog));
    }

    [Fact]
    public void EveryNewsReportAndOfficialStatement_GivesAWebAddressAndAPublicationDate()
    {
        var web = Catalog.Sources.Where(s => s.Kind is SourceKind.NewsReport or SourceKind.OfficialStatement).ToList();
        Assert.NotEmpty(web);
        Assert.All(web, s =>
        {
            Assert.True(Uri.TryCreate(s.Url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http", $"{s.Id} has no web address.");
            Assert.True(s.Published is not null || s.PublicationDateNotShown, $"{s.Id} has no publication date and does not say that its page shows none.");
            Assert.False(string.IsNullOrWhiteSpace(s.Title), $"{s.Id} has no title.");
            Assert.False(string.IsNullOrWhiteSpace(s.Language), $"{s.Id} has no language.");
        });
        // The exemption is for pages that show no date: a source with a date cannot claim it.
        Assert.All(web.Where(s => s.PublicationDateNotShown), s => Assert.Null(s.Published));
    }

    [Fact]
    public void Check_ReportsASourceWithoutAddressOrDateAndARecordCitingAnUnknownSource()
    {
        var data = TestData.Minimal();
        var source = data["sources"]![0]!.AsObject();
        source.Remove("published");
        source["id"] = "undated-report";
        foreach (var array in new[] { "countries", "organizations", "people", "systems", "agreements", "trade", "events" })
            foreach (var record in data[array]!.AsArray())
                record!["sources"] = new JsonArray("undated-report");
        data["agreements"]![0]!["status"]![0]!["sources"] = new JsonArray("undated-report");
        data["spending"]![0]!["source"] = "undated-report";
        var problems = CitationCheck.Problems(TestData.Load(data));
        Assert.Contains(problems, p => p.Contains("undated-report") && p.Contains("address"));
        Assert.Contains(problems, p => p.Contains("undated-report") && p.Contains("publication date"));
        Assert.Equal(2, problems.Count);

        source["url"] = "https://example.org/report";
        source["published"] = "2025-06";
        Assert.Empty(CitationCheck.Problems(TestData.Load(data)));

        source["url"] = "example.org/report";
        Assert.Single(CitationCheck.Problems(TestData.Load(data)));
    }

    [Fact]
    public void Report_CountsRecordsPerPartnerCountryAndPerKind()
    {
        var output = new StringWriter();
        CitationCheck.WriteReport(Catalog, output, CountryCode.Parse("TR"));
        string report = output.ToString();
        var partnerLines = report.Split('\n').SkipWhile(l => !l.StartsWith("Records per partner")).Skip(1).TakeWhile(l => l.StartsWith("  ")).ToList();
        Assert.True(partnerLines.Count >= 30, $"The release reaches {partnerLines.Count} partner countries of Türkiye.");
        Assert.Contains(partnerLines, l => l.StartsWith("  PL Poland"));
        Assert.DoesNotContain(partnerLines, l => l.StartsWith("  TR "));
        Assert.Contains("agreement  ProcurementContract", report);
        Assert.Contains("trade      Delivery", report);
        Assert.Contains("event      Meeting", report);
    }

    [Fact]
    public void Report_CountsAFirmForItsHomeCountry()
    {
        // Poland's TB2 contract has Baykar, not Türkiye, as a party; the report still counts it for Türkiye–Poland.
        var contract = Catalog.Agreements.Single(a => a.Id == new AgreementId("pl-baykar-2021-bayraktar-tb2-contract"));
        Assert.DoesNotContain(CountryCode.Parse("TR"), contract.Countries);
        var output = new StringWriter();
        CitationCheck.WriteReport(Catalog, output, CountryCode.Parse("TR"));
        var poland = output.ToString().Split('\n').Single(l => l.StartsWith("  PL Poland"));
        int agreements = int.Parse(poland["  PL Poland".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        Assert.True(agreements >= 1);
    }

    [Fact]
    public void NewRecords_CoverAtLeastThirtyPartnersOfTurkiyeWithDatedSources()
    {
        var dated = Catalog.Sources.Where(s => s.Published is { } p && p.Year >= 2015).Select(s => s.Id).ToHashSet();
        var partners = new HashSet<CountryCode>();
        foreach (var a in Catalog.Agreements.Where(a => a.Sources.Any(dated.Contains)))
            partners.UnionWith(a.Countries);
        foreach (var t in Catalog.Trade.Where(t => t.Sources.Any(dated.Contains)))
            partners.UnionWith(new[] { t.Exporter, t.Importer }.Where(c => c is not null).Select(c => c!.Value));
        foreach (var e in Catalog.Events.Where(e => e.Sources.Any(dated.Contains)))
            partners.UnionWith(e.Countries);
        partners.Remove(CountryCode.Parse("TR"));
        Assert.True(partners.Count >= 30, $"Records with dated sources reach {partners.Count} countries besides Türkiye.");
    }
}
