using System.Text.RegularExpressions;

namespace DefenseCoop.Repository.Tests.Packing;

/// <summary>
/// Each package's README states the data release it carries or adds to; a release that moves on without its
/// READMEs would ship a package page that misdescribes it. The package check of CI reads the same line.
/// </summary>
public class PackageReadmeTests
{
    [Theory]
    [InlineData("DefenseCoop.Core")]
    [InlineData("DefenseCoop.Core.Data")]
    [InlineData("DefenseCoop.Importers")]
    [InlineData("DefenseCoop.Export.Parquet")]
    public void PackageReadme_ShowsTheBundledDataRelease(string package)
    {
        string readme = File.ReadAllText(Repository.PathOf("src", package, "README.md"));
        var line = Regex.Match(readme, @"^\|[^\n]*DataVersion`\) \| (?<version>[0-9.]+) \|$", RegexOptions.Multiline);

        Assert.True(line.Success, $"src/{package}/README.md has no table row naming the bundled DataVersion.");
        Assert.Equal(DefenseCoopCatalog.Default.DataVersion.ToString(), line.Groups["version"].Value);
    }
}
