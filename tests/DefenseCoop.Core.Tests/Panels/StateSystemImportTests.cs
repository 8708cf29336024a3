using System.Security.Cryptography;
using DefenseCoop.DataCompiler.Import;
using DefenseCoop.Panels;

namespace DefenseCoop.Tests.Panels;

/// <summary>The bundled state system is what the import step makes from COW's file, and the import step refuses a damaged file.</summary>
public class StateSystemImportTests
{
    private static string Committed => Path.Combine(TestData.RepositoryRoot, "data", "imports", StateSystemImport.OutputFile);

    private static string RawDirectory
    {
        get
        {
            string raw = Path.GetFullPath(Path.Combine(TestData.RepositoryRoot, "..", "shared", "data", "raw"));
            Assert.SkipUnless(File.Exists(Path.Combine(raw, StateSystemImport.RawFile)), $"COW's state list is not at {raw}; the import step reads it, so this check runs where it is.");
            return raw;
        }
    }

    [Fact]
    public void CommittedExtract_IsWhatTheImportStepMakes_FromTheFileItsProvenanceNames()
    {
        string raw = RawDirectory;
        // The copy is the one PROVENANCE.md describes, byte for byte.
        string provenance = File.ReadAllText(Path.Combine(raw, "cow-state-system", "PROVENANCE.md"));
        string hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(raw, StateSystemImport.RawFile))));
        Assert.Contains(hash, provenance);
        Assert.True(File.ReadAllBytes(Committed).AsSpan().SequenceEqual(StateSystemImport.Run(raw)),
            $"data/imports/{StateSystemImport.OutputFile} is out of date: run `dotnet run --project src/DefenseCoop.DataCompiler -- --import ../shared/data/raw`.");
    }

    [Fact]
    public void EmbeddedStateSystem_IsTheCommittedExtract()
    {
        var committed = StateSystem.Parse(File.ReadAllText(Committed), Committed).ToList();
        Assert.Equal(committed, StateSystem.Bundled.Spells);
    }

    [Theory]
    [InlineData("RVN,817,Republic of Vietnam,1975,4,30,1954,6,4,2016", "ends (1954-06-04) before it starts")]
    [InlineData("RVN,817,Republic of Vietnam,1954,6,4,1975,2,30,2016", "not a day of the calendar")]
    [InlineData("RVN,817,Republic of Vietnam,1954,6,4,1975,4,30,2015", "version is '2015'")]
    [InlineData("RV,817,Republic of Vietnam,1954,6,4,1975,4,30,2016", "three-letter")]
    [InlineData("RVN,8x7,Republic of Vietnam,1954,6,4,1975,4,30,2016", "not a whole number")]
    public void ADamagedRow_IsRefused_NamingIt(string row, string problem)
    {
        using var raw = new TemporaryRaw("USA,2,United States of America,1816,1,1,2016,12,31,2016", row);
        var error = Assert.Throws<InvalidDataException>(() => StateSystemImport.Run(raw.Path));
        Assert.Contains(problem, error.Message);
        Assert.Contains("data row 2", error.Message);
    }

    [Fact]
    public void OverlappingSpellsOfOneState_AreRefused()
    {
        using var raw = new TemporaryRaw("FRN,220,France,1816,1,1,1942,11,11,2016", "FRN,220,France,1942,11,11,2016,12,31,2016");
        Assert.Contains("overlap", Assert.Throws<InvalidDataException>(() => StateSystemImport.Run(raw.Path)).Message);
    }

    private sealed class TemporaryRaw : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "defensecoop-raw-" + Guid.NewGuid().ToString("N")[..8]);

        public TemporaryRaw(params string[] rows)
        {
            string file = System.IO.Path.Combine(Path, StateSystemImport.RawFile);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
            File.WriteAllLines(file, ["stateabb,ccode,statenme,styear,stmonth,stday,endyear,endmonth,endday,version", .. rows]);
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
