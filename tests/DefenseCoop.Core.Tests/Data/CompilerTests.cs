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
        using var stream = DefenseCoopCatalog.OpenResource("DefenseCoop.Data.defensecoop.json")!;
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
        dir.Write("curated/a.json", """{ "systems": [{ "id": "tb2", "name": "Bayraktar TB2", "category": "Ucav", "sources": ["s"] }] }""");
        Assert.Equal("Bayraktar TB2", DefenseCoopCatalog.Load(new MemoryStream(ReleaseCompiler.Compile(dir.Path))).Systems["tb2"].Name);

        dir.Write("curated/b.json", """{ "systems": [{ "id": "tb2", "name": "TB2", "category": "Ucav", "sources": ["s"] }] }""");
        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => ReleaseCompiler.Compile(dir.Path)).Issues);
        Assert.Equal(DataRule.DuplicateId, issue.Rule);
        Assert.Equal("curated/b.json", issue.File);
        Assert.Contains("curated/a.json", issue.Message);
    }

    [Fact]
    public void Compiler_MergesWhatSeveralFilesSayOfOneCountry()
    {
        using var dir = new TempDataDirectory();
        dir.Write("curated/sources.json", """{ "sources": [{ "id": "s", "kind": "NewsReport", "publisher": "P", "title": "T", "language": "en" }] }""");
        dir.Write("imports/countries.json", """{ "countries": [{ "code": "FI", "alpha3": "FIN", "numeric": 246, "names": { "en": "Finland", "fr": "Finlande" }, "sources": ["s"] }] }""");
        dir.Write("curated/countries.json", """{ "countries": [{ "code": "FI", "names": { "tr": "Finlandiya" }, "aliases": [{ "name": "Suomi", "scheme": "Common" }], "sources": ["s"] }] }""");
        var finland = DefenseCoopCatalog.Load(new MemoryStream(ReleaseCompiler.Compile(dir.Path))).Countries["FI"];
        Assert.Equal(["en", "fr", "tr"], finland.Names.Keys.Order());
        Assert.Equal(246, finland.Numeric);
        Assert.Contains(finland.Aliases, a => a.Name == "Suomi");

        dir.Write("curated/countries.json", """{ "countries": [{ "code": "FI", "alpha3": "FIN", "numeric": 999, "sources": ["s"] }] }""");
        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => ReleaseCompiler.Compile(dir.Path)).Issues);
        Assert.Equal(DataRule.InvalidValue, issue.Rule);
        Assert.Equal("imports/countries.json", issue.File);
        Assert.Equal("$.countries[0].numeric", issue.Path);
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
