using System.Text;
using DefenseCoop.DataCompiler;

namespace DefenseCoop.Tests.Data;

public class CompilerTests
{
    private static string DataDirectory => Path.Combine(TestData.RepositoryRoot, "data");

    [Fact]
    public void CommittedReleaseFile_IsWhatTheCompilerProduces()
    {
        byte[] expected = ReleaseCompiler.Compile(DataDirectory);
        byte[] committed = File.ReadAllBytes(Path.Combine(DataDirectory, ReleaseCompiler.OutputFile));
        Assert.True(expected.AsSpan().SequenceEqual(committed),
            "data/defensecoop.json differs from what the compiler produces from data/: run `dotnet run --project src/DefenseCoop.DataCompiler`.");
    }

    [Fact]
    public void Compiler_IsDeterministic()
    {
        Assert.Equal(ReleaseCompiler.Compile(DataDirectory), ReleaseCompiler.Compile(DataDirectory));
    }

    [Fact]
    public void EmbeddedRelease_IsTheCommittedFile()
    {
        using var stream = typeof(DefenseCoopCatalog).Assembly.GetManifestResourceStream("DefenseCoop.Data.defensecoop.json")!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        Assert.Equal(File.ReadAllBytes(Path.Combine(DataDirectory, ReleaseCompiler.OutputFile)), copy.ToArray());
    }

    [Fact]
    public void Compiler_RefusesUnknownPropertiesAndReportsTheFile()
    {
        using var dir = new TempDataDirectory();
        dir.Write("curated/a.json", """
            {
              "sources": [
                { "id": "s", "kind": "NewsReport", "publisher": "P", "title": "T", "language": "en", "tittle": "typo" }
              ]
            }
            """);
        var e = Assert.Throws<DefenseCoopDataException>(() => ReleaseCompiler.Compile(dir.Path));
        var issue = Assert.Single(e.Issues);
        Assert.Equal(DataRule.UnknownProperty, issue.Rule);
        Assert.Equal("curated/a.json", issue.File);
        Assert.Equal("$.sources[0].tittle", issue.Path);
        Assert.Equal(3, issue.Line);
    }

    [Fact]
    public void Compiler_ResolvesReferencesAcrossFilesAndRefusesDuplicatesBetweenThem()
    {
        using var dir = new TempDataDirectory();
        dir.Write("curated/sources.json", """{ "sources": [{ "id": "s", "kind": "NewsReport", "publisher": "P", "title": "T", "language": "en" }] }""");
        dir.Write("curated/countries.json", """{ "countries": [{ "code": "FI", "alpha3": "FIN", "names": { "en": "Finland" }, "sources": ["s"] }] }""");
        var catalog = DefenseCoopCatalog.Load(new MemoryStream(ReleaseCompiler.Compile(dir.Path)));
        Assert.Equal("Finland", catalog.Countries["FI"].Name);

        dir.Write("curated/more.json", """{ "countries": [{ "code": "FI", "alpha3": "FIN", "names": { "en": "Suomi" }, "sources": ["s"] }] }""");
        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => ReleaseCompiler.Compile(dir.Path)).Issues);
        Assert.Equal(DataRule.DuplicateId, issue.Rule);
        Assert.Equal("curated/more.json", issue.File);
        Assert.Contains("curated/countries.json", issue.Message);
    }

    private sealed class TempDataDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("defensecoop-").FullName;

        public TempDataDirectory() => Write("release.json", """{ "dataVersion": "2026.1", "released": "2026-11-23" }""");

        public void Write(string relative, string text)
        {
            string file = System.IO.Path.Combine(Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllText(file, text, new UTF8Encoding(false));
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
