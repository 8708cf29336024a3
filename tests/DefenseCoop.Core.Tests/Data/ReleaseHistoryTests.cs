using System.IO.Compression;
using DefenseCoop.DataCompiler;
using DefenseCoop.Diff;

namespace DefenseCoop.Tests.Data;

/// <summary>Every published release is kept and comparable by version, and the changelog's counts are the compiler's.</summary>
public class ReleaseHistoryTests
{
    private static string DataDirectory => Path.Combine(TestData.RepositoryRoot, "data");

    [Fact]
    public void EveryPublishedRelease_IsKept_TheCurrentOneAsTheDataFile()
    {
        var versions = ReleaseHistory.Versions(DataDirectory);
        Assert.Contains(DataVersion.Parse("2026.1"), versions);
        Assert.Contains(DataVersion.Parse("2026.2"), versions);
        var current = DefenseCoopCatalog.Default.DataVersion;
        Assert.Equal(current, versions[^1]);
        using var kept = new GZipStream(File.OpenRead(ReleaseHistory.PathOf(DataDirectory, current)), CompressionMode.Decompress);
        using var bytes = new MemoryStream();
        kept.CopyTo(bytes);
        Assert.True(bytes.ToArray().AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(DataDirectory, ReleaseCompiler.OutputFile))),
            $"data/releases/{current}.json.gz is not the release file: run the data compiler.");
    }

    [Fact]
    public void ChangelogCounts_AreTheCompilersCountsOfEveryKeptRelease()
    {
        string changelog = File.ReadAllText(Path.Combine(DataDirectory, "CHANGELOG.md")).ReplaceLineEndings("\n");
        foreach (var version in ReleaseHistory.Versions(DataDirectory))
        {
            var release = ReleaseHistory.Load(DataDirectory, version.ToString());
            Assert.Equal(version, release.DataVersion);
            Assert.Equal(ReleaseCounts.Block(release).ReplaceLineEndings("\n"), ReleaseCounts.Find(changelog, version));
        }
    }

    [Theory]
    [InlineData("2026.1", "2026.2")]
    [InlineData("2026.2", "2026.3")]
    [InlineData("2026.1", "2026.3")]
    public void Diff_ComparesReleasesByVersion(string older, string newer)
    {
        var diff = CatalogDiff.Compare(ReleaseHistory.Load(DataDirectory, older), ReleaseHistory.Load(DataDirectory, newer));
        Assert.Equal((DataVersion.Parse(older), DataVersion.Parse(newer)), (diff.OldVersion, diff.NewVersion));
        Assert.Contains(diff.Summary, s => s.Kind == RecordKind.Agreement && s.Added > 0);
    }

    [Fact]
    public void AnUnknownVersion_NamesTheKeptOnes() =>
        Assert.Contains("2026.1", Assert.Throws<FileNotFoundException>(() => ReleaseHistory.Load(DataDirectory, "2020.9")).Message, StringComparison.Ordinal);

    [Fact]
    public void Update_ReplacesABlock_OrPutsItUnderTheReleaseHeading()
    {
        var release = TestData.Load(TestData.Minimal());
        string fresh = ReleaseCounts.Update("# Data releases\n\n## 2026.1 (2026-11-23)\n\nText.\n", release);
        Assert.Contains(ReleaseCounts.Block(release).ReplaceLineEndings("\n"), fresh, StringComparison.Ordinal);
        Assert.Equal(fresh, ReleaseCounts.Update(fresh, release));
        Assert.Throws<InvalidDataException>(() => ReleaseCounts.Update("# Data releases\n", release));
    }
}
