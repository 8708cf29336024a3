using DefenseCoop.DataCompiler.Import;

namespace DefenseCoop.Tests.Data;

/// <summary>The committed extracts in data/imports are what the import step makes from the public datasets.</summary>
public class ImportStepTests
{
    private static string RawDirectory
    {
        get
        {
            string raw = Path.GetFullPath(Path.Combine(TestData.RepositoryRoot, "..", "shared", "data", "raw"));
            Assert.SkipUnless(Directory.Exists(raw), $"The public datasets are not at {raw}; the import step reads them, so this check runs where they are.");
            return raw;
        }
    }

    [Fact]
    public void CommittedImports_AreUpToDateWithTheRawData()
    {
        foreach (var (file, expected) in ImportStep.Run(RawDirectory, Path.Combine(TestData.RepositoryRoot, "data")))
        {
            string committed = Path.Combine(TestData.RepositoryRoot, "data", "imports", file);
            Assert.True(File.Exists(committed) && File.ReadAllBytes(committed).AsSpan().SequenceEqual(expected),
                $"data/imports/{file} is out of date: run `dotnet run --project src/DefenseCoop.DataCompiler -- --import ../shared/data/raw`.");
        }
    }

    [Fact]
    public void EveryIsoCountryAndEveryCowState_IsInTheCatalog()
    {
        var catalog = DefenseCoopCatalog.Default;
        var iso = File.ReadLines(Path.Combine(RawDirectory, CountryImport.IsoFile)).Skip(1).Count();
        Assert.Equal(249, iso);
        Assert.True(catalog.Countries.Count(c => c.Numeric is not null && c.Sources.Contains("datahub-country-codes")) == 249);
        var cowCodes = catalog.Countries.SelectMany(c => c.Codes.Where(k => k.Scheme == NameScheme.Cow)).Select(k => k.Code).ToHashSet();
        Assert.Equal(217, cowCodes.Count);
    }
}
