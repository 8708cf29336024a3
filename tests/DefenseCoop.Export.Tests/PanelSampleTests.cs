using System.Globalization;
using DefenseCoop.Samples;

namespace DefenseCoop.Export.Tests;

/// <summary>The console sample's panel section runs, prints Türkiye's busiest dyad-years, and writes a Parquet panel that DuckDB reads.</summary>
public sealed class PanelSampleTests
{
    [Fact]
    public async Task PanelSample_PrintsTheTopRows_AndWritesAParquetPanelWithItsDescription()
    {
        using var directory = new TempDirectory();
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var result = await PanelSample.RunAsync(DefenseCoopCatalog.Default, directory.Path, output);
        string text = output.ToString();
        Assert.Contains("Türkiye's dyad-years 2005–2025", text);
        Assert.Contains("Türkiye–Finland agreements signed in 2014: unknown, 2015: 0, 2025: 1", text);
        Assert.Equal(10, text.Split('\n').Count(l => l.StartsWith("  20", StringComparison.Ordinal)));
        Assert.True(File.Exists(result.TablePath));
        Assert.True(File.Exists(result.DescriptionPath));
        using var db = new DuckDb();
        Assert.Equal(result.Rows, db.Scalar<long>($"SELECT count(*) FROM read_parquet('{result.TablePath}')"));
        Assert.Equal(2 * db.Scalar<long>($"SELECT count(*) FROM read_parquet('{result.TablePath}') WHERE country_1 = 'TR'"), result.Rows);
    }
}
