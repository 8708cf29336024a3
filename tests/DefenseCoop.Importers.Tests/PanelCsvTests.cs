using System.Globalization;
using DefenseCoop.Panels;

namespace DefenseCoop.Importers.Tests;

/// <summary>A panel column from a CSV file: read as the file says, and refused line by line when it is wrong.</summary>
public sealed class PanelCsvTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "defensecoop-panel-csv-" + Guid.NewGuid().ToString("N")[..8]);

    public PanelCsvTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string text)
    {
        string path = Path.Combine(_folder, "values.csv");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static StateYearPanel Panel => DefenseCoopCatalog.Default.Panels.StateYears(2000, 2001).Of("TR", "FI", "SE");

    [Fact]
    public void Values_AreReadAsTheFileGivesThem_WithUnknownsKeptUnknown()
    {
        var panel = Panel.WithValuesFromCsv("gdp", File("iso3,year,gdp_bn\nTUR,2000,274.3\nFIN,2000,NA\nSWE,2000,\nTUR,2001,201.75\n"),
            countryColumn: "iso3", valueColumn: "gdp_bn", unit: "billions of US$");
        var gdp = panel.Column<decimal>("gdp");
        var values = panel.ToDictionary(r => (r.State.Country.Value, r.Year), r => r.Get(gdp));
        Assert.Equal(274.3m, values[("TR", 2000)]);
        Assert.Equal(201.75m, values[("TR", 2001)]);
        Assert.Null(values[("FI", 2000)]);
        Assert.Null(values[("FI", 2001)]);
        var described = panel.Describe().Columns.Single(c => c.Name == "gdp");
        Assert.Equal("values.csv", described.Release);
        Assert.Equal("billions of US$", described.Unit);
    }

    [Fact]
    public void ADuplicateStateYear_IsRefused_NamingTheFileAndBothLines()
    {
        var error = Assert.Throws<ArgumentException>(() => Panel.WithValuesFromCsv("x", File("country,year,value\nTR,2000,1\nFI,2000,2\nTR,2000,3\n")));
        Assert.Contains("values.csv(4)", error.Message);
        Assert.Contains("values.csv(2)", error.Message);
    }

    [Fact]
    public void ACodeOfNoState_IsRefused_NamingTheLine()
    {
        var error = Assert.Throws<ArgumentException>(() => Panel.WithValuesFromCsv("x", File("country,year,value\nTR,2000,1\nHK,2000,2\n")));
        Assert.Contains("values.csv(3)", error.Message);
        Assert.Contains("no state", error.Message);
    }

    [Fact]
    public void MalformedRows_AreIssues_EachWithItsLine()
    {
        var error = Assert.Throws<DefenseCoopDataException>(() => Panel.WithValuesFromCsv("x", File("country,year,value\nTR,20x0,1\nFI,2000,1,5\nSE,2000,one\n,2001,2\n")));
        Assert.Equal([2, 3, 4, 5], error.Issues.Select(i => i.Line ?? 0));
        Assert.All(error.Issues, i => Assert.EndsWith("values.csv", i.File));
        var missing = Assert.Throws<DefenseCoopDataException>(() => Panel.WithValuesFromCsv("x", File("country,year\nTR,2000\n")));
        Assert.Contains("'value'", missing.Issues.Single().Message);
        Assert.Throws<DefenseCoopDataException>(() => Panel.WithValuesFromCsv("x", File("")));
    }

    [Fact]
    public void CowsMilitaryExpenditure_KeyedByCowCode_GivesTheFilesFigures()
    {
        string path = RawData.Require("cow-nmc/NMC-60-abridged.csv");
        var panel = DefenseCoopCatalog.Default.Panels.StateYears(2010, 2012).Of("TR", "DE")
            .WithValuesFromCsv("milex", path, NameScheme.Cow, countryColumn: "ccode", valueColumn: "milex", unit: "thousands of US$ (COW's -9: missing)");
        var milex = panel.Column<decimal>("milex");
        var file = System.IO.File.ReadLines(path).Skip(1).Select(l => l.Split(','))
            .ToDictionary(f => (int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture)), f => decimal.Parse(f[3], CultureInfo.InvariantCulture));
        Assert.Equal(6, panel.Count());
        Assert.All(panel, r => Assert.Equal(file[(r.State.CowCode, r.Year)], r.Get(milex)));
        // The file's other states and years have no row here, and the description says so.
        Assert.Contains("appear in no row", panel.Describe().Columns.Single(c => c.Name == "milex").Note);
    }
}
