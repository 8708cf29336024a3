namespace DefenseCoop.Tests.Data;

/// <summary>The package bundles only what may be redistributed: SIPRI's and COW's data reach users through importers.</summary>
public class LicenceTests
{
    private static bool IsRestrictedDataset(Source source) =>
        source.Kind == SourceKind.Dataset &&
        (source.Publisher.Contains("SIPRI", StringComparison.OrdinalIgnoreCase) ||
         source.Title.Contains("National Material Capabilities", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void BundledRelease_HoldsNoSeriesOrFlowFromSipriOrCowCapabilitiesData()
    {
        var catalog = DefenseCoopCatalog.Default;
        Assert.DoesNotContain(catalog.Sources, IsRestrictedDataset);
        Assert.All(catalog.Spending, o => Assert.False(IsRestrictedDataset(catalog.Sources[o.Source]), $"{o} comes from a dataset that may not be redistributed."));
        Assert.All(catalog.Trade, f => Assert.DoesNotContain(f.Sources, s => IsRestrictedDataset(catalog.Sources[s])));
        Assert.DoesNotContain(catalog.Trade, f => f.Deal is not null);
    }

    [Fact]
    public void EveryBundledDataset_StatesItsLicenceOrIsOfficialStatistics()
    {
        var datasets = DefenseCoopCatalog.Default.Sources.Where(s => s.Kind == SourceKind.Dataset).ToList();
        Assert.NotEmpty(datasets);
        Assert.All(datasets, s => Assert.False(string.IsNullOrWhiteSpace(s.Licence), $"{s.Id} states no licence."));
    }
}
