using System.Globalization;
using DefenseCoop.Export.Parquet;

namespace DefenseCoop.Export.Tests;

/// <summary>The bundled release, exported once per format, answers in DuckDB's SQL exactly as the library does.</summary>
public sealed class BundledRoundTripTests : IClassFixture<BundledRoundTripTests.Exports>
{
    public sealed class Exports : IDisposable
    {
        public TempDirectory Directory { get; } = new();

        public Dictionary<string, ExportResult> Results { get; } = [];

        public Exports()
        {
            foreach (var format in new ExportFormat[] { ExportFormat.Csv, ExportFormat.JsonLines, ParquetFormat.Default })
            {
                string folder = Path.Combine(Directory.Path, format.Name);
                Results[format.Name] = DefenseCoopCatalog.Default.ExportAsync(folder, format).GetAwaiter().GetResult();
            }
        }

        public string Folder(string format) => Path.Combine(Directory.Path, format);

        public void Dispose() => Directory.Dispose();
    }

    private static readonly DefenseCoopCatalog Catalog = DefenseCoopCatalog.Default;
    private readonly Exports _exports;

    public BundledRoundTripTests(Exports exports) => _exports = exports;

    public static TheoryData<string> Formats => ["csv", "jsonl", "parquet"];

    private string T(string table, string format) => DuckDb.Table(_exports.Folder(format), table, format);

    [Theory, MemberData(nameof(Formats))]
    public void EveryTable_HasTheLibrarysRowCount(string format)
    {
        using var db = new DuckDb();
        var expected = new Dictionary<string, long>
        {
            ["countries"] = Catalog.Countries.Count,
            ["agreements"] = Catalog.Agreements.Count(),
            ["agreement_parties"] = Catalog.Agreements.Sum(a => a.Parties.Length),
            ["agreement_status_changes"] = Catalog.Agreements.Sum(a => a.StatusHistory.Length),
            ["trade_flows"] = Catalog.Trade.Count(),
            ["spending"] = Catalog.Spending.Count(),
            ["events"] = Catalog.Events.Count(),
            ["organizations"] = Catalog.Organizations.Count,
            ["systems"] = Catalog.Systems.Count,
            ["country_memberships"] = Catalog.Countries.Sum(c => c.Memberships.Length),
        };
        foreach (var (table, count) in expected)
            Assert.Equal(count, db.Scalar<long>($"SELECT count(*) FROM {T(table, format)}"));
        Assert.Equal(_exports.Results[format].Tables.Single(t => t.Table.Name == "spending").Rows, expected["spending"]);
    }

    [Theory, MemberData(nameof(Formats))]
    public void AgreementsPerDyad_AreTheLibrarysBetween(string format)
    {
        using var db = new DuckDb();
        var rows = db.Query($"""
            WITH p AS (SELECT DISTINCT agreement_id, country_code FROM {T("agreement_parties", format)} WHERE country_code IS NOT NULL)
            SELECT a.country_code, b.country_code, count(*) FROM p a JOIN p b ON a.agreement_id = b.agreement_id AND a.country_code < b.country_code
            GROUP BY ALL ORDER BY 1, 2
            """);
        Assert.NotEmpty(rows);
        var fromLibrary = Catalog.Agreements.SelectMany(a => a.Countries.SelectMany(x => a.Countries.Where(y => x.CompareTo(y) < 0).Select(y => (x, y))))
            .Distinct().Order().ToList();
        Assert.Equal(fromLibrary, rows.Select(r => (CountryCode.Parse((string)r[0]!), CountryCode.Parse((string)r[1]!))).ToList());
        foreach (var row in rows)
            // The SQL joins the state parties: the library's state-level answer.
            Assert.Equal(Catalog.Agreements.Between((string)row[0]!, (string)row[1]!).StatesOnly().Count(), Convert.ToInt32(row[2], CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => (string)r[0]! == "FI" && (string)r[1]! == "TR");
    }

    [Theory, MemberData(nameof(Formats))]
    public void TurkiyesPartners_AreTheLibrarysPartners(string format)
    {
        using var db = new DuckDb();
        var rows = db.Query($"""
            WITH ag AS (
                SELECT DISTINCT o.agreement_id, o.country_code AS partner
                FROM {T("agreement_parties", format)} o
                WHERE o.country_code IS NOT NULL AND o.country_code <> 'TR'
                  AND o.agreement_id IN (SELECT agreement_id FROM {T("agreement_parties", format)} WHERE country_code = 'TR')),
            tr AS (
                SELECT flow_id, CASE WHEN exporter = 'TR' THEN importer ELSE exporter END AS partner
                FROM {T("trade_flows", format)}
                WHERE (exporter = 'TR' OR importer = 'TR') AND coalesce(exporter, '') <> coalesce(importer, '')),
            ev AS (
                SELECT DISTINCT event_id, unnest(string_split(countries, ';')) AS partner
                FROM {T("events", format)} WHERE list_contains(string_split(countries, ';'), 'TR')),
            counts AS (
                SELECT partner, 'a' AS k FROM ag UNION ALL
                SELECT partner, 't' FROM tr WHERE partner IS NOT NULL UNION ALL
                SELECT partner, 'e' FROM ev WHERE partner <> 'TR')
            SELECT partner, count(*) FILTER (k = 'a'), count(*) FILTER (k = 't'), count(*) FILTER (k = 'e')
            FROM counts GROUP BY partner
            """);
        var fromSql = rows.Select(r => new PartnerSummary(CountryCode.Parse((string)r[0]!), Convert.ToInt32(r[1], CultureInfo.InvariantCulture),
            Convert.ToInt32(r[2], CultureInfo.InvariantCulture), Convert.ToInt32(r[3], CultureInfo.InvariantCulture))).OrderBy(p => p.Partner).ToList();
        // The SQL counts states that take part themselves: the library's state-level ranking.
        var fromLibrary = Catalog.Partners("TR", statesOnly: true).OrderBy(p => p.Partner).ToList();
        Assert.True(fromLibrary.Count >= 5, "Türkiye has partners in the bundled release.");
        Assert.Equal(fromLibrary, fromSql);
    }

    [Theory, MemberData(nameof(Formats))]
    public void FinlandsNatoSeries_IsTheLibrarysSeries(string format)
    {
        using var db = new DuckDb();
        var rows = db.Query($"""
            SELECT s.measure, s.currency, s.base_year, CAST(s.year AS INTEGER), CAST(s.value AS DECIMAL(38, 9)), CAST(s.estimate AS BOOLEAN)
            FROM {T("spending", format)} s JOIN {T("sources", format)} src ON s.source_id = src.source_id
            WHERE s.country_code = 'FI' AND src.publisher = 'NATO'
            ORDER BY 1, 2, 3, 4
            """);
        var fromLibrary = Catalog.Spending.Of("FI").FromPublisher("NATO")
            .Select(o => (Measure: o.Measure.ToString(), Currency: o.Currency?.Value, BaseYear: o.Series.Basis.BaseYear?.ToString(CultureInfo.InvariantCulture), o.Year, Value: Math.Round(o.Value, 9), o.Estimate))
            .OrderBy(o => o.Measure, StringComparer.Ordinal).ThenBy(o => o.Currency, StringComparer.Ordinal).ThenBy(o => o.BaseYear, StringComparer.Ordinal).ThenBy(o => o.Year).ToList();
        Assert.True(fromLibrary.Count > 100, "Finland's NATO figures are bundled.");
        var fromSql = rows.Select(r => (Measure: (string)r[0]!, Currency: (string?)r[1], BaseYear: r[2] is null ? null : Convert.ToString(r[2], CultureInfo.InvariantCulture),
            Year: Convert.ToInt32(r[3], CultureInfo.InvariantCulture), Value: Convert.ToDecimal(r[4], CultureInfo.InvariantCulture), Estimate: (bool)r[5]!)).ToList();
        if (format == "jsonl")
        {
            // JSON numbers are doubles to DuckDB (and to pandas): equal to 15 significant digits.
            Assert.Equal(fromLibrary.Select(o => o with { Value = 0 }), fromSql.Select(o => o with { Value = 0 }));
            foreach (var (expected, actual) in fromLibrary.Zip(fromSql))
                Assert.True(Math.Abs((double)(expected.Value - actual.Value)) <= Math.Abs((double)expected.Value) * 1e-14, $"{expected} against {actual}");
        }
        else
        {
            Assert.Equal(fromLibrary, fromSql);
        }
        // Years NATO does not give are absent, never 0.
        Assert.Equal(0L, db.Scalar<long>($"SELECT count(*) FROM {T("spending", format)} WHERE value IS NULL"));
    }

    [Theory, MemberData(nameof(Formats))]
    public void Unknowns_AreNull_NotZero(string format)
    {
        using var db = new DuckDb();
        // Bundled trade flows come from news reports, not a register: no order year, no TIV.
        Assert.Equal(Catalog.Trade.Count(), db.Scalar<long>($"SELECT count(*) FROM {T("trade_flows", format)} WHERE order_year IS NULL AND tiv_delivered IS NULL"));
        Assert.Equal(0L, db.Scalar<long>($"SELECT count(*) FROM {T("trade_flows", format)} WHERE CAST(order_year AS INTEGER) = 0"));
        int undated = Catalog.Agreements.Count(a => a.SignedOn is null);
        Assert.Equal(undated, db.Scalar<long>($"SELECT count(*) FROM {T("agreements", format)} WHERE signed IS NULL AND signed_year IS NULL"));
    }

    [Theory, MemberData(nameof(Formats))]
    public void PartialDates_KeepTheirPrecisionAndBounds(string format)
    {
        using var db = new DuckDb();
        var embargo = Catalog.Agreements.Between("FI", "TR").OfKind(AgreementKind.ArmsEmbargo).Single();
        var lifted = embargo.StatusHistory.Single(s => s.Status == AgreementStatus.Lifted);
        var row = db.Query($"SELECT date, CAST(date_earliest AS VARCHAR), CAST(date_latest AS VARCHAR) FROM {T("agreement_status_changes", format)} WHERE agreement_id = '{embargo.Id}' AND status = 'Lifted'").Single();
        Assert.Equal(lifted.Date!.Value.ToString(), row[0]);
        Assert.Equal(lifted.Date.Value.Earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row[1]);
        Assert.Equal(lifted.Date.Value.Latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), row[2]);
    }

    [Fact]
    public void Attribution_ListsEverySourceCited_WithLicenceAndCitation()
    {
        string text = File.ReadAllText(Path.Combine(_exports.Folder("csv"), CatalogExporter.AttributionFileName));
        var result = _exports.Results["csv"];
        var cited = Catalog.Sources.Select(s => s.Id).ToHashSet();
        Assert.Equal(cited.Order(), result.Sources.Select(s => s.Source.Id));
        foreach (var terms in result.Sources) Assert.Contains($"### {terms.Source.Id}", text, StringComparison.Ordinal);
        Assert.Contains("Official public statistics; attribution to NATO required", text, StringComparison.Ordinal);
        Assert.Contains("Redistribution: Open", text, StringComparison.Ordinal);
        Assert.DoesNotContain("restrict redistribution", text, StringComparison.Ordinal);
        Assert.Empty(result.RestrictedSources);
    }
}
