using System.Text.Json.Nodes;
using NJsonSchema;

namespace DefenseCoop.Tests.Data;

/// <summary>schema/defensecoop.schema.json documents the format: the bundled release must conform to it.</summary>
public class SchemaTests
{
    // NJsonSchema resolves references between definitions only under draft-07's "definitions" name;
    // renaming 2020-12's "$defs" leaves the meaning unchanged.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "schema", "defensecoop.schema.json"))
            .Replace("$defs", "definitions", StringComparison.Ordinal)).GetAwaiter().GetResult());

    private static string Release => File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "data", "defensecoop.json"));

    [Fact]
    public void BundledRelease_ConformsToTheSchema()
    {
        var errors = Schema.Value.Validate(Release);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public void TestFile_ConformsToTheSchema()
    {
        Assert.Empty(Schema.Value.Validate(TestData.Minimal().ToJsonString()));
    }

    [Theory]
    [InlineData("signed", "2 June 2025")]
    [InlineData("kind", "Mou")]
    [InlineData("id", "Not A Slug")]
    [InlineData("typo", "x")]
    public void Schema_RefusesWhatTheLoaderRefuses(string property, string value)
    {
        var data = TestData.Minimal();
        data["agreements"]![0]![property] = value;
        Assert.NotEmpty(Schema.Value.Validate(data.ToJsonString()));
    }

    [Fact]
    public void Schema_RefusesASeriesFromTheFuture()
    {
        var data = TestData.Minimal();
        data["schemaVersion"] = 2;
        Assert.NotEmpty(Schema.Value.Validate(data.ToJsonString()));
    }

    [Fact]
    public void Schema_RefusesARecordWithoutSources()
    {
        var data = TestData.Minimal();
        data["trade"]![0]!["sources"] = new JsonArray();
        Assert.NotEmpty(Schema.Value.Validate(data.ToJsonString()));
    }
}
