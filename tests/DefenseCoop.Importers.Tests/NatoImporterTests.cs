namespace DefenseCoop.Importers.Tests;

public sealed class NatoImporterTests
{
    private const string RealWorkbook = "nato-defence-expenditure/240617-def-exp-2024-TABLES-en.xlsx";
    private static readonly SourceId Source = new("nato-defence-expenditure-2024");
    private static readonly OrganizationId Nato = new("nato");

    // Imported once for all the tests that only read the result.
    private static readonly Lazy<DefenseCoopCatalog> Mini = new(() => Import(RawData.Fixture("nato-mini.xlsx")));
    private static readonly Lazy<DefenseCoopCatalog> Real = new(() => Import(RawData.Require(RealWorkbook)));

    // The bundled release already carries this edition's figures; import onto a copy without them,
    // as onto a release that predates the edition.
    internal static readonly Lazy<string> ReleaseWithoutNato = new(() =>
    {
        using var bundled = new MemoryStream();
        DefenseCoopCatalog.Default.Save(bundled);
        var data = System.Text.Json.Nodes.JsonNode.Parse(bundled.ToArray())!.AsObject();
        data["spending"] = new System.Text.Json.Nodes.JsonArray([.. data["spending"]!.AsArray().Where(s => (string?)s!["source"] != Source.Value).Select(s => s!.DeepClone())]);
        data["sources"] = new System.Text.Json.Nodes.JsonArray([.. data["sources"]!.AsArray().Where(s => (string?)s!["id"] != Source.Value).Select(s => s!.DeepClone())]);
        string file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"defensecoop-without-nato-{Environment.ProcessId}.json");
        File.WriteAllText(file, data.ToJsonString());
        return file;
    });

    private static DefenseCoopCatalog Import(string path) =>
        DefenseCoopCatalog.CreateBuilder().AddFile(ReleaseWithoutNato.Value).AddNatoDefenceExpenditure(path).Build();

    [Fact]
    public void ImportingTheBundledEditionAgain_IsRefusedInOneIssueThatSaysItIsBundled()
    {
        string path = RawData.Fixture("nato-mini.xlsx");
        var e = Assert.Throws<DefenseCoopDataException>(() =>
            DefenseCoopCatalog.CreateBuilder().AddBundled().AddNatoDefenceExpenditure(path).Build());
        var issue = Assert.Single(e.Issues);
        Assert.Equal(DataRule.DuplicateId, issue.Rule);
        Assert.Equal(path, issue.File);
        Assert.Contains("already holds this edition", issue.Message, StringComparison.Ordinal);
        Assert.Contains("bundled", issue.Message, StringComparison.Ordinal);
        Assert.Contains($"'{Source}'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportingTheBundledEditionAgain_IsRefusedInOneIssue_WhenBuiltAsynchronously()
    {
        var e = await Assert.ThrowsAsync<DefenseCoopDataException>(() =>
            DefenseCoopCatalog.CreateBuilder().AddBundled().AddNatoDefenceExpenditure(RawData.Fixture("nato-mini.xlsx")).BuildAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DataRule.DuplicateId, Assert.Single(e.Issues).Rule);
    }

    [Fact]
    public void AMissingWorkbook_IsAFileNotFoundExceptionNamingThePath()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "no-such-folder-for-defensecoop", "240617-def-exp-2024-TABLES-en.xlsx");
        var e = Assert.Throws<FileNotFoundException>(() =>
            DefenseCoopCatalog.CreateBuilder().AddBundled().AddNatoDefenceExpenditure(path).Build());
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    private static DefenseCoopDataException Refuse(string path) =>
        Assert.Throws<DefenseCoopDataException>(() => Import(path));

    private static List<SpendingSeries> AllSeries(DefenseCoopCatalog catalog) =>
        [.. catalog.Spending.FromSource(Source).Select(o => o.Series).Distinct()];

    private static SpendingSeries Series(DefenseCoopCatalog catalog, string id) =>
        Assert.Single(AllSeries(catalog), s => s.Id.Value == id);

    private static SpendingObservation At(SpendingSeries series, int year) =>
        Assert.Single(series.Observations, o => o.Year == year);

    // ---- the mini workbook: invented figures in NATO's layout ----

    [Fact]
    public void Import_Mini_ReadsEverySpendingTable()
    {
        var series = AllSeries(Mini.Value);

        // Four Allies × 12 measures, and NATO's two aggregates in Tables 2 (×2), 3 (×2), 6 and 7.
        Assert.Equal(60, series.Count);
        Assert.Equal(239, series.Sum(s => s.Observations.Length)); // Norway's 2021 personnel cell is empty
        Assert.Equal(
            ["constant-usd", "current-usd", "equipment-share", "infrastructure-share", "local-currency", "local-currency-constant",
             "military-personnel", "other-share", "per-capita-usd", "personnel-share", "real-change", "share-of-gdp"],
            series.Where(s => s.Country == CountryCode.Parse("TR")).Select(s => s.Id.Value["nato-2024-tr-".Length..]).Order());
    }

    [Fact]
    public void Import_EstimatedYears_AreFlagged()
    {
        var finland = Series(Mini.Value, "nato-2024-fi-share-of-gdp");
        Assert.Equal([false, false, true, true], finland.Observations.Select(o => o.Estimate)); // 2021, 2022, 2023e, 2024e
        Assert.All(finland.Observations, o => Assert.False(o.Uncertain));
        Assert.Equal(2.4123456789012345m, At(finland, 2024).Value);
    }

    [Fact]
    public void Import_Units_AreScaled()
    {
        var catalog = Mini.Value;
        Assert.Equal(4_700_123_000m, At(Series(catalog, "nato-2024-fi-current-usd"), 2021).Value);      // million US$
        Assert.Equal(900_000_123_000m, At(Series(catalog, "nato-2024-tr-local-currency"), 2024).Value); // million liras
        Assert.Equal(481_017m, At(Series(catalog, "nato-2024-tr-military-personnel"), 2024).Value);     // thousands
        Assert.Equal(310.5m, At(Series(catalog, "nato-2024-tr-per-capita-usd"), 2024).Value);           // dollars
        Assert.Equal(-5.5m, At(Series(catalog, "nato-2024-tr-real-change"), 2021).Value);               // percent
        Assert.Equal(34.2m, At(Series(catalog, "nato-2024-tr-equipment-share"), 2024).Value);
        Assert.DoesNotContain(Series(catalog, "nato-2024-no-military-personnel").Observations, o => o.Year == 2021); // empty: absent
    }

    [Fact]
    public void Import_Currencies_ComeFromTheLabels()
    {
        var catalog = Mini.Value;
        Assert.Equal(CurrencyCode.Eur, Series(catalog, "nato-2024-fi-local-currency").Currency);
        Assert.Equal(CurrencyCode.Parse("NOK"), Series(catalog, "nato-2024-no-local-currency").Currency); // "Norway*   (Kroner)"
        Assert.Equal(CurrencyCode.Parse("TRY"), Series(catalog, "nato-2024-tr-local-currency").Currency);
        Assert.Equal(CurrencyCode.Usd, Series(catalog, "nato-2024-us-local-currency").Currency);

        var constant = Series(catalog, "nato-2024-tr-local-currency-constant");
        Assert.Equal((SpendingMeasure.LocalCurrencyConstant, PriceBasis.Constant(2015)), (constant.Measure, constant.Basis));
        var perCapita = Series(catalog, "nato-2024-tr-per-capita-usd");
        Assert.Equal((CurrencyCode.Usd, PriceBasis.Constant(2015)), (perCapita.Currency, perCapita.Basis));
        Assert.Equal(PriceBasis.Constant(2015), Series(catalog, "nato-2024-tr-constant-usd").Basis);
        Assert.Equal(PriceBasis.Current, Series(catalog, "nato-2024-tr-current-usd").Basis);
        Assert.Null(Series(catalog, "nato-2024-tr-share-of-gdp").Currency);
    }

    [Fact]
    public void Import_ShareOfGdp_SaysItIsOfRealGdp()
    {
        var note = Assert.Single(Series(Mini.Value, "nato-2024-fi-share-of-gdp").Notes);
        Assert.Contains("real GDP", note.Text);
        Assert.Contains("2015 prices", note.Text);
        Assert.Equal([Source], note.Sources);
    }

    [Fact]
    public void Import_Aggregates_AreSeriesOfNato()
    {
        var aggregates = AllSeries(Mini.Value).Where(s => s.Organization is not null).ToList();
        Assert.Equal(12, aggregates.Count);
        Assert.All(aggregates, s => Assert.Equal((Nato, (CountryCode?)null), (s.Organization!.Value, s.Country)));

        var total = Series(Mini.Value, "nato-2024-nato-current-usd");
        Assert.Null(total.Component);
        Assert.Equal(1_380_000_000_000m, At(total, 2024).Value);
        var europe = Series(Mini.Value, "nato-2024-nato-europe-canada-share-of-gdp");
        Assert.Equal("NATO Europe and Canada", europe.Component);
        Assert.Equal(2.0154m, At(europe, 2024).Value);
        // Only where a table has the aggregate rows: none in Tables 1 and 8.
        Assert.Equal(
            [SpendingMeasure.CurrentUsd, SpendingMeasure.ConstantUsd, SpendingMeasure.ShareOfGdp, SpendingMeasure.PerCapitaUsd, SpendingMeasure.RealChange, SpendingMeasure.MilitaryPersonnel],
            aggregates.Select(s => s.Measure).Distinct().Order());
    }

    [Fact]
    public void Import_GdpOnlyRows_AndOtherTables_AreNotImported()
    {
        var countries = AllSeries(Mini.Value).Where(s => s.Country is not null).Select(s => s.Country!.Value.Value).Distinct().Order();
        Assert.Equal(["FI", "NO", "TR", "US"], countries); // Iceland appears only in the GDP tables
    }

    [Fact]
    public void Import_Source_DescribesTheEdition()
    {
        var source = Mini.Value.Sources[Source];
        Assert.Equal(SourceKind.Dataset, source.Kind);
        Assert.Equal("NATO", source.Publisher);
        Assert.Equal("Defence Expenditure of NATO Countries (2021-2024)", source.Title);
        Assert.Equal(new PartialDate(2024, 6, 17), source.Published);
        Assert.Equal("2024-06-17 (2021-2024)", source.Edition);
        Assert.Equal("https://www.nato.int/cps/en/natohq/topics_49198.htm", source.Url);
        Assert.Equal("Official public statistics; attribution to NATO required", source.Licence);
    }

    [Fact]
    public void Import_Malformed_ListsEveryProblemWithSheetAndCell()
    {
        string path = RawData.Fixture("nato-malformed.xlsx");
        var issues = Refuse(path).Issues;

        Assert.All(issues, i => Assert.Equal(path, i.File));
        Assert.Equal(
            [
                ("'TABLE1' row 15", 15, DataRule.UnknownReference),
                ("'TABLE1'!C16", 16, DataRule.InvalidValue),
                ("'TABLE2'!E11", 11, DataRule.InvalidValue),
            ],
            issues.Select(i => (i.Path, i.Line, i.Rule)));
        Assert.Contains("'Atlantis'", issues[0].Message);
        Assert.Contains("'Thalers'", issues[1].Message);
        Assert.Contains("'n.a.'", issues[2].Message);
    }

    [Fact]
    public void Import_MissingSection_FailsNamingIt()
    {
        var issue = Assert.Single(Refuse(RawData.Fixture("nato-missing-section.xlsx")).Issues);
        Assert.Equal(("'TABLE3'", DataRule.MissingValue), (issue.Path, issue.Rule));
        Assert.Contains("Annual real change (%)", issue.Message);
    }

    [Fact]
    public void Import_SipriWorkbook_IsRefused()
    {
        var issue = Assert.Single(Refuse(RawData.Fixture("sipri-milex-mini.xlsx")).Issues);
        Assert.Equal(("'TABLE1'", DataRule.MissingValue), (issue.Path, issue.Rule));
    }

    [Fact]
    public void AddNatoDefenceExpenditure_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => NatoDefenceExpenditureBuilderExtensions.AddNatoDefenceExpenditure(null!, "x.xlsx"));
        Assert.Throws<ArgumentNullException>(() => DefenseCoopCatalog.CreateBuilder().AddNatoDefenceExpenditure(null!));
        Assert.Equal("x.xlsx", new NatoDefenceExpenditureImporter("x.xlsx").Name);
    }

    // ---- the real June 2024 edition ----

    [Fact]
    public void Real_ImportsEveryAllyAndYear()
    {
        var series = AllSeries(Real.Value);
        // 31 Allies with armed forces × 12 measures, and 12 aggregate series; 11 years each, none empty.
        Assert.Equal(384, series.Count);
        Assert.Equal(4224, series.Sum(s => s.Observations.Length));
        Assert.Equal(31, series.Where(s => s.Country is not null).Select(s => s.Country).Distinct().Count());
        Assert.DoesNotContain(series, s => s.Country == CountryCode.Parse("IS")); // Iceland has no armed forces: GDP tables only
        Assert.Equal("2024-06-17 (2014-2024)", Real.Value.Sources[Source].Edition);
    }

    [Fact]
    public void Real_ShareOfGdp_ExactCells()
    {
        var finland = Series(Real.Value, "nato-2024-fi-share-of-gdp");
        var y2024 = At(finland, 2024); // TABLE3!N19, header "2024e"
        Assert.Equal(2.4140772955536267m, y2024.Value);
        Assert.True(y2024.Estimate);
        var y2014 = At(finland, 2014); // TABLE3!D19
        Assert.Equal(1.4517097879621264m, y2014.Value);
        Assert.False(y2014.Estimate);
        Assert.Equal(2.0890202976150429m, At(Series(Real.Value, "nato-2024-tr-share-of-gdp"), 2024).Value); // N39
        Assert.Equal(44.086962511383845m, At(Series(Real.Value, "nato-2024-tr-real-change"), 2024).Value); // N73
        Assert.Equal(2.0154548520439497m, At(Series(Real.Value, "nato-2024-nato-europe-canada-share-of-gdp"), 2024).Value); // N42
        Assert.Equal(2.7127497283473159m, At(Series(Real.Value, "nato-2024-nato-share-of-gdp"), 2024).Value); // N43
    }

    [Fact]
    public void Real_Money_ExactCells()
    {
        var catalog = Real.Value;
        var constant = At(Series(catalog, "nato-2024-tr-constant-usd"), 2023); // TABLE2!M73 = 18705.593094853379, "2023e"
        Assert.Equal(18_705_593_094.853379m, constant.Value);
        Assert.True(constant.Estimate);
        Assert.Equal(22_776_382_187.304534m, At(Series(catalog, "nato-2024-tr-current-usd"), 2024).Value); // N39
        Assert.Equal(1_474_399_476_573.4388m, At(Series(catalog, "nato-2024-nato-current-usd"), 2024).Value); // N43

        var liras = Series(catalog, "nato-2024-tr-local-currency"); // TABLE1!N39, "Türkiye   (Liras)"
        Assert.Equal(CurrencyCode.Parse("TRY"), liras.Currency);
        Assert.Equal(847_856_037_999.99994m, At(liras, 2024).Value);
        Assert.Equal(73_331_114_364.932873m, At(Series(catalog, "nato-2024-tr-local-currency-constant"), 2024).Value); // N72
        var croatia = Series(catalog, "nato-2024-hr-local-currency"); // "Croatia   (Euros)", euros before 2023 too
        Assert.Equal(CurrencyCode.Eur, croatia.Currency);
        Assert.Equal(811_371_412.5887584m, At(croatia, 2014).Value);
    }

    [Fact]
    public void Real_PersonnelPerCapitaAndShares_ExactCells()
    {
        var catalog = Real.Value;
        Assert.Equal(481_017m, At(Series(catalog, "nato-2024-tr-military-personnel"), 2024).Value); // TABLE7!O51 = 481.017
        Assert.Equal(426_567.99999999998m, At(Series(catalog, "nato-2024-tr-military-personnel"), 2014).Value); // E51 = 426.56799999999998, kept as stored
        Assert.Equal(3_418_608.9830791511m, At(Series(catalog, "nato-2024-nato-military-personnel"), 2024).Value); // O55
        Assert.Equal(309.85603244662661m, At(Series(catalog, "nato-2024-tr-per-capita-usd"), 2024).Value); // TABLE6!N74
        Assert.Equal(34.17626295184796m, At(Series(catalog, "nato-2024-tr-equipment-share"), 2024).Value); // TABLE8a!N39
    }
}
