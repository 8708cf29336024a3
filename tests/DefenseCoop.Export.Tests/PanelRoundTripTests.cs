using System.Globalization;
using System.Text.Json;
using DefenseCoop.Export.Parquet;
using DefenseCoop.Importers;
using DefenseCoop.Panels;
using DefenseCoop.Querying;

namespace DefenseCoop.Export.Tests;

/// <summary>
/// A panel written by the export (Parquet, CSV, JSON Lines) with its description beside it: DuckDB reads the files and
/// finds the library's rows, values and nulls; columns whose sources restrict redistribution leave only on the caller's word.
/// </summary>
public sealed class PanelRoundTripTests
{
    private static readonly ExportFormat[] Formats = [ParquetFormat.Default, ExportFormat.Csv, ExportFormat.JsonLines];

    private static readonly Lazy<(DyadYearPanel Panel, TempDirectory Directory, Dictionary<string, PanelExportResult> Results)> Exported = new(() =>
    {
        var panel = DefenseCoopCatalog.Default.Panels.AsOf(2025).DyadYears(2005, 2025).Directed().Involving("TR")
            .WithAgreementsSigned().WithAgreementsInForce().WithEvents().WithMembership("nato")
            .WithSpending(SpendingMeasure.ShareOfGdp, ReconciliationPolicy.Prefer("nato-defence-expenditure-2024"), name: "milex_gdp")
            .Named("tr_dyads");
        var directory = new TempDirectory();
        var results = Formats.ToDictionary(f => f.Name, f => panel.ExportAsync(Path.Combine(directory.Path, f.Name), f).GetAwaiter().GetResult());
        return (panel, directory, results);
    });

    private static string T(string format) => DuckDb.Table(Path.Combine(Exported.Value.Directory.Path, format), "tr_dyads", format);

    [Fact]
    public void ParquetPanel_ReadByDuckDb_HoldsTheLibrarysRowsValuesAndNulls()
    {
        var (panel, _, results) = Exported.Value;
        using var db = new DuckDb();
        var names = panel.Columns.Select(c => c.Name).ToList();
        var fromSql = db.Query($"SELECT ccode_1, ccode_2, year, stateabb_1, country_2, {string.Join(", ", names)} FROM {T("parquet")} ORDER BY ccode_1, ccode_2, year");
        var fromLibrary = panel.ToList();
        Assert.Equal(fromLibrary.Count, fromSql.Count);
        Assert.Equal(results["parquet"].Rows, fromSql.Count);
        for (int i = 0; i < fromLibrary.Count; i++)
        {
            var (row, sql) = (fromLibrary[i], fromSql[i]);
            Assert.Equal((row.State1.CowCode, row.State2.CowCode, row.Year, row.State1.CowAbbreviation, row.State2.Country.Value),
                (Convert.ToInt32(sql[0], CultureInfo.InvariantCulture), Convert.ToInt32(sql[1], CultureInfo.InvariantCulture), Convert.ToInt32(sql[2], CultureInfo.InvariantCulture), (string)sql[3]!, (string)sql[4]!));
            for (int c = 0; c < names.Count; c++)
                Assert.Equal(Expected(row.GetValue(panel.Columns[c])), Normal(sql[5 + c]));
        }
        // The three states are all there: nulls outside the coverage, zeros and counts inside.
        Assert.Contains(fromSql, r => r[5] is null);
        Assert.Contains(fromSql, r => r[5] is not null && Convert.ToInt32(r[5], CultureInfo.InvariantCulture) == 0);
        Assert.Contains(fromSql, r => r[5] is not null && Convert.ToInt32(r[5], CultureInfo.InvariantCulture) > 0);
    }

    // Parquet's decimals have nine places; counts and flags compare as they are.
    private static object? Expected(object? value) => value switch
    {
        decimal d => Math.Round(d, ParquetFormat.DecimalScale),
        _ => Normal(value),
    };

    private static object? Normal(object? value) => value switch
    {
        null => null,
        bool b => b,
        decimal d => d / 1.000000000000000000000000000000m,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    [Fact]
    public void SqlOverThePanel_AnswersAsTheLibraryDoes()
    {
        var (panel, _, _) = Exported.Value;
        var signed = panel.Column<int>("agreements_signed");
        var library = panel.Where(r => r.State1.Country == CountryCode.Parse("TR") && r.Get(signed) > 0)
            .GroupBy(r => r.State2.Country.Value).Select(g => (Partner: g.Key, Agreements: (long)g.Sum(r => r.Get(signed)!.Value)))
            .OrderByDescending(p => p.Agreements).ThenBy(p => p.Partner, StringComparer.Ordinal).ToList();
        Assert.True(library.Count > 20);
        foreach (var format in Formats.Select(f => f.Name))
        {
            using var db = new DuckDb();
            var sql = db.Query($"""
                SELECT country_2, CAST(sum(CAST(agreements_signed AS INTEGER)) AS BIGINT) FROM {T(format)}
                WHERE country_1 = 'TR' AND CAST(agreements_signed AS INTEGER) > 0 GROUP BY country_2 ORDER BY 2 DESC, 1
                """).Select(r => (Partner: (string)r[0]!, Agreements: Convert.ToInt64(r[1], CultureInfo.InvariantCulture))).ToList();
            Assert.Equal(library, sql);
            // Unknown is null in every format, never 0 or an empty text read as 0.
            Assert.Equal(panel.LongCount(r => r.Get(signed) is null), db.Scalar<long>($"SELECT count(*) FROM {T(format)} WHERE agreements_signed IS NULL"));
        }
    }

    [Fact]
    public void TheDescription_IsWrittenBesideEveryExport()
    {
        var (panel, directory, results) = Exported.Value;
        foreach (var format in Formats)
        {
            var result = results[format.Name];
            Assert.Equal(Path.Combine(directory.Path, format.Name, "tr_dyads" + format.FileExtension), result.TablePath);
            Assert.Equal(Path.Combine(directory.Path, format.Name, "tr_dyads.description.json"), result.DescriptionPath);
            using var json = JsonDocument.Parse(File.ReadAllBytes(result.DescriptionPath));
            var root = json.RootElement;
            Assert.Equal(result.Rows, root.GetProperty("rows").GetInt64());
            Assert.Equal(2025, root.GetProperty("asOfYear").GetInt32());
            Assert.Equal("directed dyad-year", root.GetProperty("rowKind").GetString());
            Assert.Contains("v2016", root.GetProperty("frame").GetProperty("system").GetString());
            Assert.Equal(DefenseCoopCatalog.Default.DataVersion.ToString(), root.GetProperty("dataVersion").GetString());
            var columns = root.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
            using var db = new DuckDb();
            Assert.Equal(columns, db.Query($"SELECT column_name FROM (DESCRIBE SELECT * FROM {T("parquet")})").Select(r => (string?)r[0]));
            var signed = root.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "agreements_signed");
            Assert.Equal(2015, signed.GetProperty("coverage").GetProperty("fromYear").GetInt32());
            Assert.All(signed.GetProperty("sources").EnumerateArray(), s => Assert.Contains(root.GetProperty("sources").EnumerateArray(), t => t.GetProperty("id").GetString() == s.GetString()));
        }
        Assert.Equal(panel.Count(), results["csv"].Rows);
    }

    /// <summary>A catalog with one deal cited to a dataset whose terms restrict redistribution, as SIPRI's are.</summary>
    private static DefenseCoopCatalog WithRestrictedDeal() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords
    {
        Sources = [new Source { Id = "sipri-arms-transfers-test", Kind = SourceKind.Dataset, Publisher = "SIPRI", Title = "Arms Transfers Database (test extract)", Language = "en", Licence = "Free for non-commercial use" }],
        Trade = [new TradeFlow
        {
            Id = "tr-az-test-deal", Kind = TradeKind.ArmsTransfer, Exporter = CountryCode.Parse("TR"), Importer = CountryCode.Parse("AZ"), Commodity = "UCAV", Sources = ["sipri-arms-transfers-test"],
            Deal = new ArmsTransferDeal { Designation = "Bayraktar TB2", OrderYear = 2020, DeliveryYears = [2020, 2021], TivDelivered = new TrendIndicatorValue(36m) },
        }],
    }, "restricted test").Build();

    [Fact]
    public async Task RestrictedColumns_RefuseTheExport_OrAreLeftOut_OrLeaveOnTheCallersWord()
    {
        var panel = WithRestrictedDeal().Panels.AsOf(2022).DyadYears(2019, 2022).Involving("AZ").WithAgreementsSigned().WithTiv().Named("az");
        using var directory = new TempDirectory();
        var refused = await Assert.ThrowsAsync<RestrictedSourcesException>(() => panel.ExportAsync(directory.File("refused"), ParquetFormat.Default, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(["sipri-arms-transfers-test"], refused.Sources.Select(s => s.Source.Id.Value));
        Assert.False(File.Exists(Path.Combine(directory.File("refused"), "az.parquet")));

        var omitted = await panel.ExportAsync(directory.File("omit"), ParquetFormat.Default, new ExportOptions { RestrictedSources = RestrictedSourceHandling.Omit }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(["tiv", "tiv_estimate"], omitted.OmittedColumns);
        Assert.DoesNotContain(omitted.Description.Columns, c => c.Name.StartsWith("tiv", StringComparison.Ordinal));
        Assert.DoesNotContain(omitted.Description.Sources, s => s.Redistribution == Redistribution.Restricted);
        using (var db = new DuckDb())
            Assert.DoesNotContain("tiv", db.Query($"SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('{omitted.TablePath}'))").Select(r => (string)r[0]!));

        var included = await panel.ExportAsync(directory.File("include"), ParquetFormat.Default, new ExportOptions { RestrictedSources = RestrictedSourceHandling.IncludeAndAcknowledgeTerms }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Empty(included.OmittedColumns);
        Assert.Contains(included.Description.Sources, s => s.Redistribution == Redistribution.Restricted && s.Source.Id == "sipri-arms-transfers-test");
        using var read = new DuckDb();
        var tiv = read.Query($"SELECT year, CAST(tiv AS DECIMAL(38, 2)), tiv_estimate FROM read_parquet('{included.TablePath}') WHERE country_1 = 'AZ' AND country_2 = 'TR' ORDER BY year");
        // 36 m TIV over two delivery years: 18 in each; the register's years (2020-2021) bound what is known.
        Assert.Equal([(2019, (decimal?)null, (bool?)null), (2020, 18m, true), (2021, 18m, true), (2022, null, null)],
            tiv.Select(r => (Convert.ToInt32(r[0], CultureInfo.InvariantCulture), (decimal?)r[1], (bool?)r[2])));
    }

    [Fact]
    public async Task SipriRegister_TurkiyesNonDirectedTiv_IsTheSumOfBothDirectionsOfTivByYear()
    {
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriArmsTransfers(RawData.Require("sipri-arms-transfers/trade-register.csv")).Build();
        var panel = catalog.Panels.DyadYears(2010, 2016).Involving("TR").WithTiv().WithDealsOrdered().Named("tr_tiv");
        using var directory = new TempDirectory();
        await Assert.ThrowsAsync<RestrictedSourcesException>(() => panel.ExportAsync(directory.Path, ParquetFormat.Default, cancellationToken: TestContext.Current.CancellationToken));
        var result = await panel.ExportAsync(directory.Path, ParquetFormat.Default, new ExportOptions { RestrictedSources = RestrictedSourceHandling.IncludeAndAcknowledgeTerms }, cancellationToken: TestContext.Current.CancellationToken);
        using var db = new DuckDb();
        var rows = db.Query($"""
            SELECT country_1, country_2, year, CAST(tiv AS DECIMAL(38, 2)), deals_ordered FROM read_parquet('{result.TablePath}')
            WHERE CAST(tiv AS DECIMAL(38, 2)) > 0 OR deals_ordered > 0 ORDER BY 1, 2, 3
            """);
        Assert.True(rows.Count > 30, $"Türkiye had arms transfers with many states in 2010-2016; {rows.Count} rows found.");
        foreach (var row in rows)
        {
            var (a, b, year) = ((string)row[0]!, (string)row[1]!, Convert.ToInt32(row[2], CultureInfo.InvariantCulture));
            decimal expected = catalog.Trade.From(a).To(b).TivByYear(year, year)[0].Tiv.Millions + catalog.Trade.From(b).To(a).TivByYear(year, year)[0].Tiv.Millions;
            Assert.Equal(expected, (decimal)row[3]!);
            Assert.Equal(catalog.Trade.From(a).To(b).OrderedWithin(year, year).Count(f => f.Deal is not null) + catalog.Trade.From(b).To(a).OrderedWithin(year, year).Count(f => f.Deal is not null),
                Convert.ToInt32(row[4], CultureInfo.InvariantCulture));
        }
    }
}
