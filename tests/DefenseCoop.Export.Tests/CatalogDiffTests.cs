using System.Text.Json.Nodes;
using DefenseCoop.Diff;

namespace DefenseCoop.Export.Tests;

/// <summary>The diff of a release and the same release with an overlay lists exactly what the overlay changed.</summary>
public sealed class CatalogDiffTests
{
    private static readonly DefenseCoopCatalog Bundled = DefenseCoopCatalog.Default;

    private static readonly AgreementId Mou = Bundled.Agreements.Between("TR", "FI").OfKind(AgreementKind.MemorandumOfUnderstanding).First().Id;

    private static readonly SpendingSeries FinlandUsd =
        Bundled.Spending.Of("FI").FromPublisher("NATO").Measure(SpendingMeasure.CurrentUsd).First().Series;

    /// <summary>An overlay that renames the Türkiye–Finland memorandum and moves its place, revises Finland's
    /// last NATO dollar figure, and adds one agreement.</summary>
    private static string WriteOverlay(TempDirectory dir)
    {
        using var saved = new MemoryStream();
        Bundled.Save(saved);
        var file = JsonNode.Parse(saved.ToArray())!.AsObject();
        var agreements = file["agreements"]!.AsArray();
        var mou = agreements.Single(a => (string)a!["id"]! == Mou.Value)!.DeepClone().AsObject();
        mou["title"] = "Renamed memorandum";
        mou["place"] = "Helsinki";
        mou["replaces"] = true;
        var added = agreements.Single(a => (string)a!["id"]! == Mou.Value)!.DeepClone().AsObject();
        added["id"] = "test-added-agreement";
        var series = file["spending"]!.AsArray().Single(s => (string)s!["id"]! == FinlandUsd.Id.Value)!.DeepClone().AsObject();
        var values = series["values"]!.AsArray();
        values[^1] = 7_000_000_000m;
        series["replaces"] = true;
        var overlay = new JsonObject
        {
            ["schemaVersion"] = file["schemaVersion"]!.DeepClone(), ["dataVersion"] = file["dataVersion"]!.DeepClone(), ["released"] = file["released"]!.DeepClone(),
            ["agreements"] = new JsonArray(mou, added), ["spending"] = new JsonArray(series),
        };
        string path = dir.File("overlay.json");
        File.WriteAllText(path, overlay.ToJsonString());
        return path;
    }

    [Fact]
    public void SameCatalog_HasNoChanges()
    {
        var diff = CatalogDiff.Compare(Bundled, DefenseCoopCatalog.CreateBuilder().AddBundled().Build());
        Assert.True(diff.IsEmpty);
        Assert.Equal(Bundled.Agreements.Count(), diff.Summary.Single(s => s.Kind == RecordKind.Agreement).Unchanged);
        Assert.Equal(Bundled.Countries.Count, diff.Summary.Single(s => s.Kind == RecordKind.Country).Unchanged);
    }

    [Fact]
    public void ReleaseAndOverlay_ListsExactlyWhatChanged()
    {
        using var dir = new TempDirectory();
        var overlaid = DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(WriteOverlay(dir)).Build();
        var diff = CatalogDiff.Compare(Bundled, overlaid);

        var oldMou = Bundled.Agreements.Between("TR", "FI").OfKind(AgreementKind.MemorandumOfUnderstanding).First();
        var lastYear = FinlandUsd.Observations[^1];
        Assert.Equal(
        [
            new RecordChange(RecordKind.Agreement, "test-added-agreement", oldMou.Title, ChangeKind.Added, []),
            new RecordChange(RecordKind.Agreement, Mou.Value, "Renamed memorandum", ChangeKind.Changed, [
                new FieldChange("title", oldMou.Title, "Renamed memorandum"),
                new FieldChange("place", oldMou.Place, "Helsinki")]),
            new RecordChange(RecordKind.SpendingSeries, FinlandUsd.Id.Value, null, ChangeKind.Changed, [
                new FieldChange($"figures.{lastYear.Year}.value", lastYear.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "7000000000")]),
        ], diff.Changes.OrderBy(c => c.Kind).ThenBy(c => c.Change).ToList(), new RecordChangeComparer());
        Assert.Equal(new RecordKindSummary(RecordKind.Agreement, 1, 0, 1, Bundled.Agreements.Count() - 1), diff.Summary.Single(s => s.Kind == RecordKind.Agreement));

        var reverse = CatalogDiff.Compare(overlaid, Bundled);
        Assert.Contains(reverse.Changes, c => c.Id == "test-added-agreement" && c.Change == ChangeKind.Removed);

        string text = diff.ToText();
        Assert.Contains($"~ Agreement {Mou} (Renamed memorandum)", text, StringComparison.Ordinal);
        Assert.Contains($"    title: {oldMou.Title} -> Renamed memorandum", text, StringComparison.Ordinal);
        string markdown = diff.ToMarkdownSummary();
        Assert.Contains("| agreements | 1 | 0 | 1 |", markdown, StringComparison.Ordinal);
        Assert.Contains($"- `{FinlandUsd.Id}`: changed: figures.{lastYear.Year}.value", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void CompilerDiffCommand_PrintsTheChanges()
    {
        using var dir = new TempDirectory();
        var overlaid = DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(WriteOverlay(dir)).Build();
        string oldFile = dir.File("old.json"), newFile = dir.File("new.json");
        using (var stream = File.Create(oldFile)) Bundled.Save(stream);
        using (var stream = File.Create(newFile)) overlaid.Save(stream);

        var (code, output) = RunCompiler("diff", oldFile, newFile);
        Assert.Equal(0, code);
        Assert.StartsWith($"{Bundled.DataVersion} -> {Bundled.DataVersion}: 1 added, 0 removed, 2 changed", output, StringComparison.Ordinal);
        Assert.Contains("+ Agreement test-added-agreement", output, StringComparison.Ordinal);
        Assert.Contains($"figures.{FinlandUsd.Observations[^1].Year}.value: ", output, StringComparison.Ordinal);

        (code, output) = RunCompiler("diff", oldFile, newFile, "--markdown");
        Assert.Equal(0, code);
        Assert.Contains("| records | added | removed | changed | unchanged |", output, StringComparison.Ordinal);

        (code, output) = RunCompiler("diff", "--empty", oldFile, "--markdown");
        Assert.Equal(0, code);
        Assert.StartsWith($"Every record of {Bundled.DataVersion} is new", output, StringComparison.Ordinal);
        Assert.Contains($"| agreements | {Bundled.Agreements.Count()} | 0 | 0 | 0 |", output, StringComparison.Ordinal);

        (code, _) = RunCompiler("diff", oldFile, dir.File("missing.json"));
        Assert.Equal(1, code);
    }

    private static (int Code, string Output) RunCompiler(params string[] args)
    {
        var entry = typeof(DefenseCoop.DataCompiler.ReleaseCompiler).Assembly.EntryPoint!;
        var output = new StringWriter();
        var (stdout, stderr) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(TextWriter.Null);
        try
        {
            return ((int)entry.Invoke(null, [args])!, output.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    private sealed class RecordChangeComparer : IEqualityComparer<RecordChange>
    {
        public bool Equals(RecordChange? x, RecordChange? y) =>
            x is not null && y is not null && x.Kind == y.Kind && x.Id == y.Id && x.Label == y.Label && x.Change == y.Change && x.Fields.SequenceEqual(y.Fields);

        public int GetHashCode(RecordChange obj) => HashCode.Combine(obj.Kind, obj.Id);
    }
}
