namespace DefenseCoop.Importers.Tests;

public sealed class SipriMilexImporterTests
{
    private const string RealWorkbook = "sipri-milex/SIPRI-Milex-data-1949-2024_2.xlsx";
    private static readonly SourceId Source = new("sipri-milex-2025");

    // Imported once for all the tests that only read the result.
    private static readonly Lazy<DefenseCoopCatalog> Mini = new(() => Import(RawData.Fixture("sipri-milex-mini.xlsx")));
    private static readonly Lazy<DefenseCoopCatalog> Real = new(() => Import(RawData.Require(RealWorkbook)));

    private static DefenseCoopCatalog Import(string path) =>
        DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriMilex(path).Build();

    private static DefenseCoopDataException Refuse(string path) =>
        Assert.Throws<DefenseCoopDataException>(() => Import(path));

    private static List<SpendingSeries> AllSeries(DefenseCoopCatalog catalog) =>
        [.. catalog.Spending.FromSource(Source).Select(o => o.Series).Distinct()];

    private static SpendingSeries Series(DefenseCoopCatalog catalog, string id) =>
        Assert.Single(AllSeries(catalog), s => s.Id.Value == id);

    private static SpendingObservation At(SpendingSeries series, int year) =>
        Assert.Single(series.Observations, o => o.Year == year);

    private static void Absent(SpendingSeries series, int year) =>
        Assert.DoesNotContain(series.Observations, o => o.Year == year);

    // ---- the mini workbook: invented figures in SIPRI's layout ----

    [Fact]
    public void Import_Mini_ReadsEveryCountrySheet()
    {
        var series = AllSeries(Mini.Value);

        // Finland, Sweden, Croatia and Türkiye on all seven sheets; the EU's row has figures on four.
        Assert.Equal(32, series.Count);
        Assert.Equal(115, series.Sum(s => s.Observations.Length));
        Assert.Equal(
            ["constant-usd", "current-usd", "local-currency", "local-currency-financial-year", "per-capita-usd", "share-of-gdp", "share-of-government-spending"],
            series.Where(s => s.Country == CountryCode.Parse("FI")).Select(s => s.Id.Value["sipri-milex-2025-fi-".Length..]).Order());
    }

    [Fact]
    public void Import_Markers_AreAbsentNeverZero()
    {
        var catalog = Mini.Value;
        var turkiye = Series(catalog, "sipri-milex-2025-tr-constant-usd");
        Absent(turkiye, 2021); // "..."
        Assert.Equal([2022, 2023, 2024], turkiye.Observations.Select(o => o.Year));
        Absent(Series(catalog, "sipri-milex-2025-tr-per-capita-usd"), 2022);
        Absent(Series(catalog, "sipri-milex-2025-se-share-of-government-spending"), 2024);
        // North Yemen has only "xxx" (did not exist), the EU only "..." on the share sheets: no series at all.
        Assert.DoesNotContain(AllSeries(catalog), s => s.Id.Value.Contains("share-of-gdp") && s.Organization is not null);
        Assert.Empty(catalog.Spending.FromSource(Source).Of(catalog.Countries.Resolve("Yemen, North")!.Code));
    }

    [Fact]
    public void Import_Shares_AreFractionsTimesHundred()
    {
        var catalog = Mini.Value;
        var finland = Series(catalog, "sipri-milex-2025-fi-share-of-gdp");
        Assert.Equal(1.25m, At(finland, 2021).Value);
        Assert.Equal(2.4213m, At(finland, 2024).Value);
        Assert.Equal(1.95m, At(Series(catalog, "sipri-milex-2025-tr-share-of-gdp"), 2024).Value); // stored as 1.95E-2
        Assert.Equal(4.05m, At(Series(catalog, "sipri-milex-2025-fi-share-of-government-spending"), 2024).Value);
        Assert.Null(finland.Currency);
    }

    [Fact]
    public void Import_Millions_AreScaledToUnits()
    {
        var catalog = Mini.Value;
        Assert.Equal(3_600_500_000m, At(Series(catalog, "sipri-milex-2025-fi-constant-usd"), 2021).Value);
        Assert.Equal(3_550_125_000m, At(Series(catalog, "sipri-milex-2025-fi-current-usd"), 2021).Value);
        // Per capita is in dollars and local currency in units already.
        Assert.Equal(640.5m, At(Series(catalog, "sipri-milex-2025-fi-per-capita-usd"), 2021).Value);
        Assert.Equal(3_000_000_000m, At(Series(catalog, "sipri-milex-2025-fi-local-currency"), 2021).Value);
    }

    [Fact]
    public void Import_FontColours_SetEstimateAndUncertain()
    {
        var catalog = Mini.Value;
        var constant = Series(catalog, "sipri-milex-2025-fi-constant-usd");
        Assert.True(At(constant, 2022).Estimate);   // blue (palette index 12)
        Assert.False(At(constant, 2022).Uncertain);
        Assert.False(At(constant, 2021).Estimate);
        Assert.True(At(Series(catalog, "sipri-milex-2025-fi-current-usd"), 2022).Estimate); // blue given as RGB 0070C0
        var turkiye = At(Series(catalog, "sipri-milex-2025-tr-constant-usd"), 2023);
        Assert.True(turkiye.Uncertain);             // red (palette index 10)
        Assert.False(turkiye.Estimate);
        Assert.Equal(7, catalog.Spending.FromSource(Source).Count(o => o.Estimate));
        Assert.Equal(5, catalog.Spending.FromSource(Source).Count(o => o.Uncertain));
    }

    [Fact]
    public void Import_MeasuresCurrenciesAndBases_FollowTheSheets()
    {
        var catalog = Mini.Value;
        var constant = Series(catalog, "sipri-milex-2025-se-constant-usd");
        Assert.Equal(SpendingMeasure.ConstantUsd, constant.Measure);
        Assert.Equal(PriceBasis.Constant(2022), constant.Basis); // the base year the header states
        Assert.Equal(CurrencyCode.Usd, constant.Currency);
        Assert.Equal(SpendingMeasure.PerCapitaUsd, Series(catalog, "sipri-milex-2025-se-per-capita-usd").Measure);
        Assert.Equal(SpendingMeasure.ShareOfGovernmentSpending, Series(catalog, "sipri-milex-2025-se-share-of-government-spending").Measure);

        Assert.Equal(CurrencyCode.Eur, Series(catalog, "sipri-milex-2025-fi-local-currency").Currency);
        Assert.Equal(CurrencyCode.Parse("SEK"), Series(catalog, "sipri-milex-2025-se-local-currency").Currency);   // "Kroner", in Sweden
        Assert.Equal(CurrencyCode.Parse("TRY"), Series(catalog, "sipri-milex-2025-tr-local-currency").Currency);
        Assert.Equal(CurrencyCode.Eur, Series(catalog, "sipri-milex-2025-hr-local-currency").Currency);           // "Kunas", but euros
        var financial = Series(catalog, "sipri-milex-2025-tr-local-currency-financial-year");
        Assert.Equal(SpendingMeasure.LocalCurrencyCurrent, financial.Measure);
        Assert.Contains("Apr-Mar", Assert.Single(financial.Notes).Text);
        Assert.Empty(Series(catalog, "sipri-milex-2025-tr-local-currency").Notes);
    }

    [Fact]
    public void Import_RegionHeadingsAndTotals_AreSkipped_EuropeanUnionIsAnOrganization()
    {
        var series = AllSeries(Mini.Value);
        Assert.Equal(["FI", "HR", "SE", "TR"], series.Where(s => s.Country is not null).Select(s => s.Country!.Value.Value).Distinct().Order());
        var eu = series.Where(s => s.Organization is not null).ToList();
        Assert.Equal(4, eu.Count);
        Assert.All(eu, s => Assert.Equal(new OrganizationId("eu"), s.Organization));
        Assert.All(eu, s => Assert.Null(s.Country));
        Assert.Equal(1_050_000_000m, At(Assert.Single(eu, s => s.Id.Value == "sipri-milex-2025-eu-local-currency"), 2024).Value);
    }

    [Fact]
    public void Import_Source_DescribesTheRelease()
    {
        var source = Mini.Value.Sources[Source];
        Assert.Equal(SourceKind.Dataset, source.Kind);
        Assert.Equal("SIPRI", source.Publisher);
        Assert.Equal("SIPRI Military Expenditure Database", source.Title);
        Assert.Equal("2025 release (data 2021–2024)", source.Edition);
        Assert.Equal("https://www.sipri.org/databases/milex", source.Url);
        Assert.Contains("non-commercial", source.Licence);
        Assert.Contains("10%", source.Licence);
    }

    [Fact]
    public void Import_Malformed_ListsEveryProblemWithSheetAndCell()
    {
        string path = RawData.Fixture("sipri-milex-malformed.xlsx");
        var issues = Refuse(path).Issues;

        Assert.All(issues, i => Assert.Equal(path, i.File));
        Assert.Equal(
            [
                ("'Local currency financial years'!B11", 11, DataRule.InvalidValue),
                ("'Local currency calendar years'!B11", 11, DataRule.InvalidValue),
                ("'Current US$' row 18", 18, DataRule.UnknownReference),
                ("'Share of GDP'!D10", 10, DataRule.InvalidValue),
            ],
            issues.Select(i => (i.Path, i.Line, i.Rule)));
        Assert.Contains("'Dubloons'", issues[0].Message);
        Assert.Contains("'Atlantis'", issues[2].Message);
        Assert.Contains("'n/a'", issues[3].Message);
    }

    [Fact]
    public void Import_MissingSheet_FailsNamingIt()
    {
        var issue = Assert.Single(Refuse(RawData.Fixture("sipri-milex-missing-sheet.xlsx")).Issues);
        Assert.Equal(("'Per capita'", DataRule.MissingValue), (issue.Path, issue.Rule));
    }

    [Fact]
    public void Import_FileThatIsNotAWorkbook_FailsWithDataException()
    {
        string path = Path.Combine(Path.GetTempPath(), $"not-a-workbook-{Guid.NewGuid():N}.xlsx");
        File.WriteAllText(path, "Country,2024\nTürkiye,1\n");
        try
        {
            var issue = Assert.Single(Refuse(path).Issues);
            Assert.Equal((path, DataRule.InvalidValue), (issue.File, issue.Rule));
            Assert.Contains("not an .xlsx workbook", issue.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddSipriMilex_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => SipriMilexBuilderExtensions.AddSipriMilex(null!, "x.xlsx"));
        Assert.Throws<ArgumentNullException>(() => DefenseCoopCatalog.CreateBuilder().AddSipriMilex(null!));
        Assert.Equal("x.xlsx", new SipriMilexImporter("x.xlsx").Name);
    }

    // ---- the real 2025 release ----

    [Fact]
    public void Real_ImportsEveryFigure()
    {
        var series = AllSeries(Real.Value);
        Assert.Equal(1185, series.Count);
        // Every numeric cell of the seven country sheets: 8,909 + 8,846 + 8,329 + 8,846 + 8,245 + 5,324 + 4,705.
        Assert.Equal(53_204, series.Sum(s => s.Observations.Length));
        Assert.Equal("2025 release (data 1949–2024)", Real.Value.Sources[Source].Edition);
    }

    [Fact]
    public void Real_ConstantUsd_ExactCells()
    {
        var turkiye = Series(Real.Value, "sipri-milex-2025-tr-constant-usd");
        Assert.Equal(PriceBasis.Constant(2023), turkiye.Basis);
        var y2023 = At(turkiye, 2023); // 'Constant (2023) US$'!BZ196 = 19577.831923543668
        Assert.Equal(19_577_831_923.543668m, y2023.Value);
        Assert.False(y2023.Estimate);
        Assert.False(y2023.Uncertain);
        Assert.Equal(21_884_408_730.506595m, At(turkiye, 2024).Value); // CA196
        Absent(turkiye, 1949); // D196 = "..."

        var iraq = At(Series(Real.Value, "sipri-milex-2025-iq-constant-usd"), 2024); // CA187, red
        Assert.Equal(5_759_122_918.4668382m, iraq.Value);
        Assert.True(iraq.Uncertain);
    }

    [Fact]
    public void Real_EstimatesSharesAndMarkers_ExactCells()
    {
        var catalog = Real.Value;
        var china = At(Series(catalog, "sipri-milex-2025-cn-current-usd"), 2024); // 'Current US$'!BZ106, blue
        Assert.Equal(313_658_330_217.17629m, china.Value);
        Assert.True(china.Estimate);
        Assert.Equal(2.2997917371259724m, At(Series(catalog, "sipri-milex-2025-fi-share-of-gdp"), 2024).Value); // BZ166 = 2.2997917371259724E-2
        Assert.Equal(1245.16180814475m, At(Series(catalog, "sipri-milex-2025-fi-per-capita-usd"), 2024).Value);
        var turkiyeShare = Series(catalog, "sipri-milex-2025-tr-share-of-gdp");
        Absent(turkiyeShare, 1949); // 'Share of GDP'!C196 = "..."
        Assert.Equal(1.9225523127637117m, At(turkiyeShare, 2024).Value);
        // Every Türkiye cell of 'Per capita' is "...": no series rather than an empty one.
        Assert.DoesNotContain(AllSeries(catalog), s => s.Id.Value == "sipri-milex-2025-tr-per-capita-usd");

        var northYemen = catalog.Countries.Resolve("Yemen, North")!.Code;
        Assert.DoesNotContain(catalog.Spending.FromSource(Source).Of(northYemen), o => o.Year > 1990); // "xxx" after unification
    }

    [Fact]
    public void Real_LocalCurrencies_AndOrganizationRows()
    {
        var catalog = Real.Value;
        var turkiye = Series(catalog, "sipri-milex-2025-tr-local-currency");
        Assert.Equal(CurrencyCode.Parse("TRY"), turkiye.Currency);
        Assert.Equal(821_245_871_159.59766m, At(turkiye, 2024).Value);
        Assert.Equal(CurrencyCode.Parse("SUR"), Series(catalog, "sipri-milex-2025-su-local-currency").Currency);
        var croatia = Series(catalog, "sipri-milex-2025-hr-local-currency");
        Assert.Equal(CurrencyCode.Eur, croatia.Currency);
        Assert.Equal(1_506_000_000m, At(croatia, 2024).Value);
        Assert.Equal(new OrganizationId("eu"), Series(catalog, "sipri-milex-2025-eu-constant-usd").Organization);
    }
}
