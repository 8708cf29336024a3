using System.Globalization;
using DefenseCoop.Export.Parquet;
using DefenseCoop.Importers;

namespace DefenseCoop.Export.Tests;

/// <summary>
/// A catalog with SIPRI's arms-transfer register and military expenditure imported, exported whole (with the
/// acknowledgement its terms need) to Parquet and CSV, answers in DuckDB as the library does. Runs where the
/// raw files are present.
/// </summary>
public sealed class SipriRoundTripTests
{
    private static readonly Lazy<(DefenseCoopCatalog Catalog, TempDirectory Directory)> Exported = new(() =>
    {
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled()
            .AddSipriArmsTransfers(RawData.Require("sipri-arms-transfers/trade-register.csv"))
            .AddSipriMilex(RawData.Require("sipri-milex/SIPRI-Milex-data-1949-2024_2.xlsx"))
            .Build();
        var directory = new TempDirectory();
        var options = new ExportOptions { RestrictedSources = RestrictedSourceHandling.IncludeAndAcknowledgeTerms };
        foreach (var format in new ExportFormat[] { ParquetFormat.Default, ExportFormat.Csv })
            catalog.ExportAsync(Path.Combine(directory.Path, format.Name), format, options).GetAwaiter().GetResult();
        return (catalog, directory);
    });

    public static TheoryData<string> Formats => ["parquet", "csv"];

    private static string T(string table, string format) => DuckDb.Table(Path.Combine(Exported.Value.Directory.Path, format), table, format);

    [Theory, MemberData(nameof(Formats))]
    public void DealsPerSupplier_2015To2023_AreTheLibrarys(string format)
    {
        var catalog = Exported.Value.Catalog;
        using var db = new DuckDb();
        var rows = db.Query($"""
            SELECT exporter, count(*), sum(CAST(tiv_delivered AS DECIMAL(38, 6)))
            FROM {T("trade_flows", format)}
            WHERE kind = 'ArmsTransfer' AND CAST(order_year AS INTEGER) BETWEEN 2015 AND 2023 AND exporter IS NOT NULL
            GROUP BY exporter ORDER BY 2 DESC, 1
            """);
        // State suppliers: a supplier that is not a state (an unknown supplier, an armed group) has no exporter code.
        var deals = catalog.Trade.OfKind(TradeKind.ArmsTransfer).Where(f => f.Deal?.OrderYear is >= 2015 and <= 2023 && f.Exporter is not null).ToList();
        var fromLibrary = deals.GroupBy(f => f.Exporter!.Value.Value)
            .Select(g => (Supplier: g.Key, Deals: g.Count(), Tiv: g.Sum(f => f.Deal!.TivDelivered?.Millions ?? 0)))
            .OrderByDescending(g => g.Deals).ThenBy(g => g.Supplier, StringComparer.Ordinal).ToList();
        Assert.True(fromLibrary.Sum(g => g.Deals) > 3000, "The register holds thousands of deals ordered 2015-2023.");
        var fromSql = rows.Select(r => (Supplier: (string)r[0]!, Deals: Convert.ToInt32(r[1], CultureInfo.InvariantCulture), Tiv: Convert.ToDecimal(r[2] ?? 0m, CultureInfo.InvariantCulture))).ToList();
        Assert.Equal(fromLibrary, fromSql);
        // The same through the query API: a register's period is its order year.
        foreach (var (supplier, count, _) in fromSql.Take(10))
            Assert.Equal(catalog.Trade.From(supplier).OfKind(TradeKind.ArmsTransfer).Within(2015, 2023).Count(f => f.Deal is not null), count);
    }

    [Theory, MemberData(nameof(Formats))]
    public void DeliveryYears_AreTheSecondClock(string format)
    {
        var catalog = Exported.Value.Catalog;
        using var db = new DuckDb();
        var fromSql = db.Query($"""
            SELECT CAST(y.delivery_year AS INTEGER), count(*) FROM {T("trade_flow_delivery_years", format)} y
            JOIN {T("trade_flows", format)} f USING (flow_id) WHERE f.exporter = 'TR' GROUP BY 1 ORDER BY 1
            """).Select(r => (Convert.ToInt32(r[0], CultureInfo.InvariantCulture), Convert.ToInt32(r[1], CultureInfo.InvariantCulture))).ToList();
        var fromLibrary = catalog.Trade.From("TR").Where(f => f.Deal is not null).SelectMany(f => f.Deal!.DeliveryYears)
            .GroupBy(y => y).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key).ToList();
        Assert.NotEmpty(fromLibrary);
        Assert.Equal(fromLibrary, fromSql);
    }

    [Theory, MemberData(nameof(Formats))]
    public void TopSpenders_2024_AreTheLibrarys(string format)
    {
        var catalog = Exported.Value.Catalog;
        using var db = new DuckDb();
        var fromSql = db.Query($"""
            SELECT s.country_code, CAST(s.value AS DECIMAL(38, 6)) FROM {T("spending", format)} s JOIN {T("sources", format)} src USING (source_id)
            WHERE src.publisher = 'SIPRI' AND s.measure = 'CurrentUsd' AND CAST(s.year AS INTEGER) = 2024 AND s.country_code IS NOT NULL
            ORDER BY 2 DESC, 1 LIMIT 10
            """).Select(r => ((string)r[0]!, Convert.ToDecimal(r[1], CultureInfo.InvariantCulture))).ToList();
        var fromLibrary = catalog.Spending.FromPublisher("SIPRI").Measure(SpendingMeasure.CurrentUsd).Within(2024).Top(10)
            .Select(o => (o.Country!.Value.Value, Math.Round(o.Value, 6))).ToList();
        Assert.Equal(fromLibrary, fromSql);
        Assert.Equal("US", fromSql[0].Item1);
    }

    [Theory, MemberData(nameof(Formats))]
    public void LargestLocalCurrencyFigure_KeepsEveryDigit(string format)
    {
        var catalog = Exported.Value.Catalog;
        using var db = new DuckDb();
        var largest = catalog.Spending.FromPublisher("SIPRI").Measure(SpendingMeasure.LocalCurrencyCurrent).MaxBy(o => o.Value);
        Assert.True(largest.Value > 1e20m, "Some local-currency figures pass 10^20, beyond System.Decimal scaled to 18 places.");
        var row = db.Query($"""
            SELECT CAST(value AS DECIMAL(38, 9)) FROM {T("spending", format)}
            WHERE series_id = '{largest.Series.Id}' AND CAST(year AS INTEGER) = {largest.Year}
            """).Single();
        Assert.Equal(largest.Value, Convert.ToDecimal(row[0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Attribution_StatesSipriTerms()
    {
        string text = File.ReadAllText(Path.Combine(Exported.Value.Directory.Path, "parquet", CatalogExporter.AttributionFileName));
        Assert.Contains("## Terms that restrict redistribution", text, StringComparison.Ordinal);
        Assert.Contains("sipri-milex-2025", text, StringComparison.Ordinal);
        Assert.Contains("sipri-arms-transfers-register-", text, StringComparison.Ordinal);
        Assert.Contains("reproducing no more than 10%", text, StringComparison.Ordinal);
    }
}
