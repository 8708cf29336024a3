using DefenseCoop.Importers.Cow;

namespace DefenseCoop.Importers.Tests;

public sealed class CowNmcImporterTests
{
    private const string RealNmc = "cow-nmc/NMC-60-abridged.csv";
    private static readonly SourceId Nmc = new("cow-nmc-6");
    private static readonly CountryCode Turkiye = CountryCode.Parse("TR"), Germany = CountryCode.Parse("DE");

    private static readonly Lazy<(DefenseCoopCatalog Catalog, CowNmcSummary Summary)> Sample = new(() => Import(RawData.Fixture("cow-nmc-sample.csv")));
    private static readonly Lazy<(DefenseCoopCatalog Catalog, CowNmcSummary Summary)> Real = new(() => Import(RawData.Require(RealNmc)));

    private static (DefenseCoopCatalog Catalog, CowNmcSummary Summary) Import(string path, string? countries = null)
    {
        var importer = new CowNmcImporter(path);
        var builder = DefenseCoopCatalog.CreateBuilder();
        (countries is null ? builder.AddBundled() : builder.AddFile(countries)).AddImporter(importer);
        return (builder.Build(), importer.LastImport!);
    }

    private static DefenseCoopDataException Refuse(string path) =>
        Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddCowNmc(path).Build());

    private static SpendingObservation? Figure(DefenseCoopCatalog catalog, CountryCode country, SpendingMeasure measure, int year) =>
        catalog.Spending.FromSource(Nmc).Of(country).Measure(measure).Within(year).ToList() switch
        {
            [] => null,
            [var one] => one,
            var many => throw new InvalidOperationException($"{many.Count} figures for {country} {measure} {year}."),
        };

    // ---- the sample file: invented figures in COW's layout ----

    [Fact]
    public void Import_Sample_CountsRowsSeriesAndMissingFigures()
    {
        var summary = Sample.Value.Summary;
        Assert.Equal(7, summary.StateYears);
        Assert.Equal(4, summary.States);
        Assert.Equal(8, summary.Series);
        Assert.Equal((6, 1), (summary.MilitaryExpenditureFigures, summary.MissingMilitaryExpenditure));
        Assert.Equal((6, 1), (summary.PersonnelFigures, summary.MissingPersonnel));
    }

    [Fact]
    public void Import_MilitaryExpenditure_IsScaledFromThousandsToDollars()
    {
        var catalog = Sample.Value.Catalog;
        var figure = Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.CurrentUsd, 2015)!.Value;
        Assert.Equal(12_345_000m, figure.Value);
        Assert.Equal(CurrencyCode.Usd, figure.Currency);
        Assert.True(figure.Series.Basis.IsCurrent);
        Assert.Equal(new SeriesId("cow-nmc-6-tr-milex"), figure.Series.Id);
        Assert.Equal(23_456_000m, Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.CurrentUsd, 2016)!.Value.Value);
    }

    [Fact]
    public void Import_Personnel_IsScaledFromThousandsToPersons()
    {
        var figure = Figure(Sample.Value.Catalog, CountryCode.Parse("TR"), SpendingMeasure.MilitaryPersonnel, 2014)!.Value;
        Assert.Equal(400_000m, figure.Value);
        Assert.Null(figure.Currency);
        Assert.Equal(new SeriesId("cow-nmc-6-tr-milper"), figure.Series.Id);
    }

    [Fact]
    public void Import_MissingMarker_IsAbsentNotZero()
    {
        var catalog = Sample.Value.Catalog;
        Assert.Null(Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.CurrentUsd, 2014));
        Assert.Null(Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.MilitaryPersonnel, 2016));
        Assert.Equal([2015, 2016], catalog.Spending.FromSource(Nmc).Of(Turkiye).Measure(SpendingMeasure.CurrentUsd).Select(o => o.Year));
        Assert.DoesNotContain(catalog.Spending.FromSource(Nmc), o => o.Value == 0);
    }

    [Fact]
    public void Import_Source_DescribesTheDataSet()
    {
        var source = Sample.Value.Catalog.Sources[Nmc];
        Assert.Equal(SourceKind.Dataset, source.Kind);
        Assert.Equal("Correlates of War Project", source.Publisher);
        Assert.Equal("National Material Capabilities", source.Title);
        Assert.Equal("v6.0", source.Edition);
        Assert.Equal("free for academic use with citation; commercial use not granted", source.Licence);
        Assert.Equal("https://correlatesofwar.org/data-sets/national-material-capabilities/", source.Url);
    }

    [Fact]
    public void Import_StatesOfOneCountry_GetDistinctSeriesIds()
    {
        // The test catalog lists both COW Germanys (255, then 260) under DE.
        var (catalog, _) = Import(RawData.Fixture("cow-nmc-sample.csv"), RawData.Fixture("cow-test-countries.json"));
        Assert.Equal(
            ["cow-nmc-6-de-260-milex", "cow-nmc-6-de-260-milper", "cow-nmc-6-de-milex", "cow-nmc-6-de-milper"],
            catalog.Spending.Of(Germany).Select(o => o.Series.Id.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(2, catalog.Spending.Of(Germany).Measure(SpendingMeasure.CurrentUsd).Within(1990).Count());
    }

    // ---- files that are not right ----

    [Fact]
    public void Import_UnknownCcode_IsAnUnknownReferenceAtItsFirstRow()
    {
        string path = RawData.Fixture("cow-nmc-unknown-state.csv");
        var issue = Assert.Single(Refuse(path).Issues);
        Assert.Equal((path, 3, "ccode", DataRule.UnknownReference), (issue.File, issue.Line!.Value, issue.Path, issue.Rule));
        Assert.Contains("999 (XYZ, 2 rows)", issue.Message);
    }

    [Fact]
    public void Import_MalformedRows_ReportsEveryProblemWithLineAndColumn()
    {
        string path = RawData.Fixture("cow-nmc-malformed.csv");
        var e = Refuse(path);
        Assert.Equal(
            [(2, "milex", DataRule.InvalidValue), (3, "milper", DataRule.InvalidValue), (4, "year", DataRule.DuplicateId), (5, "row", DataRule.InvalidValue)],
            e.Issues.Select(i => (i.Line!.Value, i.Path, i.Rule)));
        Assert.All(e.Issues, i => Assert.Equal(path, i.File));
    }

    [Fact]
    public void Import_AbbreviationTheCatalogDoesNotKnow_IsReported()
    {
        using var file = new TempFile("stateabb,ccode,year,milex,milper\r\nTRK,640,2016,1,1\r\n");
        var issue = Assert.Single(Refuse(file.Path).Issues);
        Assert.Equal((2, "stateabb", DataRule.InvalidValue), (issue.Line!.Value, issue.Path, issue.Rule));
    }

    [Fact]
    public void Import_OtherVersion_IsRefusedOnce()
    {
        using var file = new TempFile("stateabb,ccode,year,milex,milper,version\r\nTUR,640,2016,1,1,2024\r\nTUR,640,2017,1,1,2024\r\n");
        var issue = Assert.Single(Refuse(file.Path).Issues);
        Assert.Equal((2, "version", DataRule.InvalidValue), (issue.Line!.Value, issue.Path, issue.Rule));
    }

    [Fact]
    public void Import_MissingColumns_AreNamed()
    {
        using var file = new TempFile("stateabb,ccode,year\r\nTUR,640,2016\r\n");
        var e = Refuse(file.Path);
        Assert.Equal(["milex", "milper"], e.Issues.Select(i => i.Message.Split('\'')[1]));
        Assert.All(e.Issues, i => Assert.Equal((1, "header", DataRule.MissingValue), (i.Line!.Value, i.Path, i.Rule)));
    }

    [Fact]
    public void Import_BytesThatAreNotUtf8_AreRefused()
    {
        using var file = new TempFile([.. "stateabb,ccode,year,milex,milper\r\nT"u8, 0xDC, .. "R,640,2016,1,1\r\n"u8]);
        var issue = Assert.Single(Refuse(file.Path).Issues);
        Assert.Equal(("file", DataRule.InvalidValue), (issue.Path, issue.Rule));
    }

    [Fact]
    public void AddCowNmc_ReturnsTheBuilder()
    {
        var builder = DefenseCoopCatalog.CreateBuilder();
        Assert.Same(builder, builder.AddCowNmc("NMC.csv"));
        Assert.Throws<ArgumentException>(() => new CowNmcImporter(""));
        Assert.Throws<ArgumentNullException>(() => CowNmcBuilderExtensions.AddCowNmc(null!, "NMC.csv"));
    }

    // ---- the real file (skipped where ../shared/data/raw is absent) ----

    [Fact]
    public void RealNmc_Read_HasEveryStateYear()
    {
        var data = NmcReader.Read(RawData.Require(RealNmc), ImportLimits.Default);
        Assert.Equal(15_951, data.Rows);
        Assert.Equal(217, data.States.Length);
        var turkey = Assert.Single(data.States, s => s.Code == 640);
        Assert.Equal(("TUR", 201), (turkey.Abbreviation, turkey.Years.Length));
        Assert.Equal(new NmcYear(turkey.Years[^1].Line, 2016, 8_764_000m, 511m), turkey.Years[^1]);
    }

    [Fact]
    public void RealNmc_Import_CountsFiguresAndSeries()
    {
        var (catalog, summary) = Real.Value;
        Assert.Equal(15_951, summary.StateYears);
        Assert.Equal(217, summary.States);
        Assert.Equal(434, summary.Series);
        Assert.Equal((13_734, 2_217), (summary.MilitaryExpenditureFigures, summary.MissingMilitaryExpenditure));
        Assert.Equal((15_525, 426), (summary.PersonnelFigures, summary.MissingPersonnel));
        Assert.Equal(13_734 + 15_525, catalog.Spending.FromSource(Nmc).Count());
    }

    [Fact]
    public void RealNmc_Import_Turkiye()
    {
        var catalog = Real.Value.Catalog;
        // TUR,640,2016,8764000,511,...   TUR,640,2000,9994000,610,...   TUR,640,1923,-9,129,...
        Assert.Equal(8_764_000_000m, Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.CurrentUsd, 2016)!.Value.Value);
        Assert.Equal(511_000m, Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.MilitaryPersonnel, 2016)!.Value.Value);
        Assert.Equal(9_994_000_000m, Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.CurrentUsd, 2000)!.Value.Value);
        Assert.Null(Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.CurrentUsd, 1923));
        Assert.Equal(129_000m, Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.MilitaryPersonnel, 1923)!.Value.Value);
        Assert.Equal(new SeriesId("cow-nmc-6-tr-milex"), Figure(catalog, CountryCode.Parse("TR"), SpendingMeasure.CurrentUsd, 2016)!.Value.Series.Id);
    }

    [Fact]
    public void RealNmc_Import_Finland()
    {
        var catalog = Real.Value.Catalog;
        // FIN,375,1917,-9,-9,...   FIN,375,1919,7642,38,...   FIN,375,2016,3283000,22,...
        Assert.Null(Figure(catalog, CountryCode.Parse("FI"), SpendingMeasure.CurrentUsd, 1917));
        Assert.Null(Figure(catalog, CountryCode.Parse("FI"), SpendingMeasure.MilitaryPersonnel, 1917));
        Assert.Equal(7_642_000m, Figure(catalog, CountryCode.Parse("FI"), SpendingMeasure.CurrentUsd, 1919)!.Value.Value);
        Assert.Equal(38_000m, Figure(catalog, CountryCode.Parse("FI"), SpendingMeasure.MilitaryPersonnel, 1919)!.Value.Value);
        Assert.Equal(3_283_000_000m, Figure(catalog, CountryCode.Parse("FI"), SpendingMeasure.CurrentUsd, 2016)!.Value.Value);
    }
}
