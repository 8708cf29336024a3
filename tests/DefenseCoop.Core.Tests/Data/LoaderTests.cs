using System.Text.Json.Nodes;

namespace DefenseCoop.Tests.Data;

public class LoaderTests
{
    [Fact]
    public void Load_ReadsAValidFileWhole()
    {
        var catalog = TestData.Load(TestData.Minimal());
        Assert.Equal(new DataVersion(2026, 1), catalog.DataVersion);
        Assert.Equal(1, catalog.SchemaVersion);
        Assert.Equal(new NodaTime.LocalDate(2026, 11, 23), catalog.Released);
        Assert.Equal(2, catalog.Countries.Count);
        Assert.Single(catalog.Agreements);
        Assert.Equal(2.5m, Assert.Single(catalog.Spending).Value);
    }

    [Fact]
    public void Load_LeavesTheStreamOpen()
    {
        var stream = new MemoryStream(TestData.Bytes(TestData.Minimal()));
        DefenseCoopCatalog.Load(stream);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void MalformedJson_IsReportedWithLineAndPath()
    {
        var text = TestData.Bytes(TestData.Minimal());
        string broken = System.Text.Encoding.UTF8.GetString(text).Replace("\"Ankara\"", "\"Ankara\",,");
        var issue = Assert.Single(TestData.Refuse(broken).Issues);
        Assert.Equal(DataRule.MalformedJson, issue.Rule);
        Assert.Equal("test.json", issue.File);
        Assert.StartsWith("$.agreements[0]", issue.Path);
        int expectedLine = broken.Split('\n').ToList().FindIndex(l => l.Contains("\"Ankara\",,")) + 1;
        Assert.Equal(expectedLine, issue.Line);
    }

    [Fact]
    public void WrongJsonType_IsMalformed()
    {
        var data = TestData.Minimal();
        data["countries"]![0]!["numeric"] = "792";
        var issue = Assert.Single(TestData.Refuse(data).Issues);
        Assert.Equal(DataRule.MalformedJson, issue.Rule);
        Assert.Equal("$.countries[0].numeric", issue.Path);
    }

    [Fact]
    public void SchemaVersionFromTheFuture_IsRefusedWithUpgradeAdvice()
    {
        var data = TestData.Minimal();
        data["schemaVersion"] = 2;
        var issue = Assert.Single(TestData.Refuse(data).Issues);
        Assert.Equal(DataRule.UnsupportedSchemaVersion, issue.Rule);
        Assert.Contains("Upgrade the DefenseCoop.Core package", issue.Message);
        Assert.Equal(2, issue.Line);
    }

    [Fact]
    public void MissingSchemaVersion_IsRefused()
    {
        var data = TestData.Minimal();
        data.Remove("schemaVersion");
        Assert.Equal(DataRule.UnsupportedSchemaVersion, Assert.Single(TestData.Refuse(data).Issues).Rule);
    }

    public static TheoryData<string, Action<JsonObject>, DataRule, string> BrokenRules => new()
    {
        { "missing title", d => d["agreements"]![0]!.AsObject().Remove("title"), DataRule.MissingValue, "$.agreements[0].title" },
        { "bad id", d => d["organizations"]![0]!["id"] = "SSB Agency", DataRule.InvalidId, "$.organizations[0].id" },
        { "duplicate id", d => d["systems"]!.AsArray().Add(d["systems"]![0]!.DeepClone()), DataRule.DuplicateId, "$.systems[1].id" },
        { "unknown organization", d => d["agreements"]![0]!["signatories"]![0]!["organization"] = "no-such-body", DataRule.UnknownReference, "$.agreements[0].signatories[0].organization" },
        { "unknown country", d => d["agreements"]![0]!["parties"]![1]!["country"] = "SE", DataRule.UnknownReference, "$.agreements[0].parties[1].country" },
        { "unknown source", d => d["trade"]![0]!["sources"]![0] = "nowhere", DataRule.UnknownReference, "$.trade[0].sources[0]" },
        { "unknown person", d => d["agreements"]![0]!["signatories"]![0]!["person"] = "nobody", DataRule.UnknownReference, "$.agreements[0].signatories[0].person" },
        { "bad country code", d => d["agreements"]![0]!["parties"]![0]!["country"] = "TUR", DataRule.InvalidCountryCode, "$.agreements[0].parties[0].country" },
        { "lower-case country code", d => d["events"]![0]!["countries"]![1] = "fi", DataRule.InvalidCountryCode, "$.events[0].countries[1]" },
        { "bad currency", d => d["trade"]![0]!["value"]!["currency"] = "€", DataRule.InvalidCurrencyCode, "$.trade[0].value.currency" },
        { "bad date", d => d["agreements"]![0]!["signed"] = "2 June 2025", DataRule.InvalidDate, "$.agreements[0].signed" },
        { "impossible date", d => d["events"]![0]!["date"] = "2025-02-30", DataRule.InvalidDate, "$.events[0].date" },
        { "bad enum", d => d["agreements"]![0]!["kind"] = "Mou", DataRule.InvalidEnumValue, "$.agreements[0].kind" },
        { "numeric enum", d => d["agreements"]![0]!["kind"] = "1", DataRule.InvalidEnumValue, "$.agreements[0].kind" },
        { "no sources", d => d["agreements"]![0]!["sources"] = new JsonArray(), DataRule.MissingSource, "$.agreements[0].sources" },
        { "sources absent", d => d["people"]![0]!.AsObject().Remove("sources"), DataRule.MissingSource, "$.people[0].sources" },
        { "status without source", d => d["agreements"]![0]!["status"]![0]!.AsObject().Remove("sources"), DataRule.MissingSource, "$.agreements[0].status[0].sources" },
        { "years and values differ", d => d["spending"]![0]!["years"] = new JsonArray(2024, 2025), DataRule.InvalidValue, "$.spending[0].values" },
        { "negative money", d => d["trade"]![0]!["value"]!["amount"] = -1, DataRule.InvalidValue, "$.trade[0].value.amount" },
        { "alias holding the export's separator", d => d["organizations"]![0]!["aliases"]![0] = "SSB; SSM", DataRule.InvalidValue, "$.organizations[0].aliases[0]" },
        { "name holding the export's separator", d => d["countries"]![1]!["names"]!["fi"] = "Suomi; Finland", DataRule.InvalidValue, "$.countries[1].names.fi" },
        { "event ends before it starts", d => d["events"]![0]!["until"] = "2025-02-01", DataRule.InvalidValue, "$.events[0].until" },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public void EachRule_IsReportedWithItsPathAndLine(string because, Action<JsonObject> breakIt, DataRule rule, string path)
    {
        var data = TestData.Minimal();
        breakIt(data);
        var issues = TestData.Refuse(data).Issues;
        var issue = Assert.Single(issues, i => i.Rule == rule);
        Assert.True(issue.Path == path, $"{because}: expected {path}, got {issue.Path}");
        Assert.Equal("test.json", issue.File);
        Assert.NotNull(issue.Line);
        // The line reported holds the offending value, or its record when the value is absent.
        string line = System.Text.Encoding.UTF8.GetString(TestData.Bytes(data)).Split('\n')[issue.Line!.Value - 1];
        Assert.False(string.IsNullOrWhiteSpace(line), because);
    }

    [Fact]
    public void EveryProblem_IsReportedAtOnce()
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["kind"] = "Treaty";
        data["agreements"]![0]!["signed"] = "June 2025";
        data["trade"]![0]!["exporter"] = "XX";
        data["events"]![0]!["sources"] = new JsonArray();
        var exception = TestData.Refuse(data);
        DataRule[] expected = [DataRule.InvalidEnumValue, DataRule.InvalidDate, DataRule.UnknownReference, DataRule.MissingSource];
        Assert.Equal(expected.Order(), exception.Issues.Select(i => i.Rule).Order());
        Assert.Equal(exception.Issues.OrderBy(i => i.Line), exception.Issues);
        Assert.Contains("4 problems", exception.Message);
    }

    [Fact]
    public void UnknownProperties_AreIgnoredByTheLoader()
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["futureField"] = new JsonObject { ["x"] = 1 };
        data["somethingNew"] = "ignored";
        Assert.Single(TestData.Load(data).Agreements);
    }

    [Fact]
    public void LimitExceeded_IsRefusedBeforeParsing()
    {
        var bytes = TestData.Bytes(TestData.Minimal());
        var e = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.Load(new MemoryStream(bytes), "big.json", new DataLimits { MaxFileBytes = 100 }));
        Assert.Equal(DataRule.LimitExceeded, Assert.Single(e.Issues).Rule);
    }

    [Fact]
    public void DeepNesting_IsRefused()
    {
        string deep = "{\"schemaVersion\":1,\"x\":" + new string('[', 100) + new string(']', 100) + "}";
        Assert.Equal(DataRule.MalformedJson, Assert.Single(TestData.Refuse(deep).Issues).Rule);
    }

    [Fact]
    public void StatusHistory_IsOrderedByDate()
    {
        var data = TestData.Minimal();
        var status = data["agreements"]![0]!["status"]!.AsArray();
        status.Insert(0, new JsonObject { ["status"] = "Lifted", ["date"] = "early 2026", ["sources"] = new JsonArray("report") });
        var agreement = TestData.Load(data).Agreements.First();
        Assert.Equal([AgreementStatus.Signed, AgreementStatus.Lifted], agreement.StatusHistory.Select(s => s.Status));
    }
}
