using DefenseCoop.Benchmarks.Fixtures;
using DefenseCoop.Benchmarks.Synthetic;
using DuckDB.NET.Data;

namespace DefenseCoop.Benchmarks.Baselines;

/// <summary>
/// The benchmark's panel computed by DuckDB (in process, in memory) from the exported Parquet tables and the state
/// system's extract: what a researcher would otherwise write. Every rule is the library's: day-level coexistence,
/// spells running at the list's end continued through 2024, agreements counted for their state parties and their
/// organizations' home countries, the in-force walk of <c>AgreementInForce.StateOn</c> on 31 December, each deal's
/// TIV spread evenly over its delivery years and rounded per direction, and nulls outside the coverage.
/// </summary>
public static class DuckDbPanel
{
    /// <summary>The query over the files of <paramref name="fixture"/>.</summary>
    public static string Sql(PanelFixture fixture, int toYear = PanelFixture.ToYear)
    {
        string T(string table) => $"read_parquet('{Path.Combine(fixture.Folder, table + ".parquet")}')";
        var (from, to) = (PanelFixture.FromYear, toYear);
        const string columns = "{'ccode': 'INTEGER', 'stateabb': 'VARCHAR', 'start': 'DATE', 'end': 'DATE'}";
        return $"""
            WITH
            system AS (
                SELECT ccode, "start" AS st, CASE WHEN "end" = DATE '2016-12-31' THEN DATE '{PanelFixture.ToYear}-12-31' ELSE "end" END AS en
                FROM read_csv('{fixture.StateSystemFile}', header = true, columns = {columns})),
            country AS (SELECT CAST(cow_code AS INTEGER) AS ccode, country_code FROM {T("countries")} WHERE cow_code IS NOT NULL),
            spell AS (
                SELECT s.ccode, c.country_code AS country, greatest(s.st, DATE '{from}-01-01') AS st, least(s.en, DATE '{to}-12-31') AS en
                FROM system s JOIN country c USING (ccode) WHERE s.en >= DATE '{from}-01-01' AND s.st <= DATE '{to}-12-31'),
            dyad AS (
                SELECT DISTINCT a.ccode AS ccode_1, b.ccode AS ccode_2, a.country AS country_1, b.country AS country_2, CAST(y.year AS INTEGER) AS year
                FROM spell a JOIN spell b ON a.ccode < b.ccode AND greatest(a.st, b.st) <= least(a.en, b.en)
                JOIN range({from}, {to + 1}) y(year) ON y.year BETWEEN year(greatest(a.st, b.st)) AND year(least(a.en, b.en))),
            party AS (
                SELECT DISTINCT p.agreement_id, coalesce(p.country_code, o.country_code) AS country
                FROM {T("agreement_parties")} p LEFT JOIN {T("organizations")} o ON o.organization_id = p.organization_id
                WHERE coalesce(p.country_code, o.country_code) IS NOT NULL),
            pair AS (SELECT a.agreement_id, a.country AS x, b.country AS y FROM party a JOIN party b ON a.agreement_id = b.agreement_id AND a.country < b.country),
            signed AS (
                SELECT p.x, p.y, year(g.signed_earliest) AS year, count(*) AS n FROM pair p JOIN {T("agreements")} g USING (agreement_id)
                WHERE year(g.signed_earliest) = year(g.signed_latest) GROUP BY ALL),
            change AS (
                SELECT agreement_id, position, date_earliest AS e, date_latest AS l, status IN ('Signed', 'Ratified', 'InForce') AS starts
                FROM {T("agreement_status_changes")}
                WHERE date_earliest IS NOT NULL AND status IN ('Signed', 'Ratified', 'InForce', 'Suspended', 'Lifted', 'Expired', 'Terminated')),
            effect AS (
                SELECT * FROM change
                UNION ALL
                SELECT g.agreement_id, -1, g.signed_earliest, g.signed_latest, true FROM {T("agreements")} g
                WHERE g.signed_earliest IS NOT NULL AND g.agreement_id NOT IN (SELECT agreement_id FROM change)),
            seen AS (
                SELECT f.*, CAST(y.year AS INTEGER) AS year, make_date(CAST(y.year AS INTEGER), 12, 31) AS d
                FROM effect f JOIN (SELECT agreement_id, min(e) AS first FROM effect GROUP BY ALL) m USING (agreement_id)
                JOIN range({from}, {to + 1}) y(year) ON make_date(CAST(y.year AS INTEGER), 12, 31) >= m.first),
            walk AS (
                SELECT *,
                    min(CASE WHEN e > d THEN position END) OVER (PARTITION BY agreement_id, year) AS break_at,
                    last_value(CASE WHEN l <= d THEN starts END IGNORE NULLS)
                        OVER (PARTITION BY agreement_id, year ORDER BY position ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
                FROM seen),
            state AS (
                SELECT agreement_id, year, bool_or(e <= d AND l > d AND starts <> coalesce(before, false)) AS uncertain,
                    arg_max(starts, position) FILTER (WHERE l <= d) AS certain
                FROM walk WHERE break_at IS NULL OR position < break_at GROUP BY ALL),
            in_force AS (
                SELECT p.x, p.y, s.year, count(*) AS n FROM state s JOIN pair p USING (agreement_id)
                WHERE NOT s.uncertain AND coalesce(s.certain, false) GROUP BY ALL),
            deal AS (SELECT flow_id, exporter, importer, tiv_delivered FROM {T("trade_flows")} WHERE designation IS NOT NULL),
            delivery AS (SELECT DISTINCT flow_id, delivery_year AS year FROM {T("trade_flow_delivery_years")}),
            share AS (
                SELECT f.exporter, f.importer, d.year, CAST(f.tiv_delivered AS DOUBLE) / count(*) OVER (PARTITION BY f.flow_id) AS share
                FROM deal f JOIN delivery d USING (flow_id) WHERE f.tiv_delivered IS NOT NULL),
            tiv AS (SELECT exporter, importer, year, round_even(sum(share), 2) AS tiv FROM share WHERE exporter IS NOT NULL AND importer IS NOT NULL GROUP BY ALL),
            register AS (SELECT min(d.year) AS first, max(d.year) AS last FROM delivery d JOIN deal USING (flow_id)),
            spending AS (
                SELECT country_code AS country, year, value FROM {T("spending")}
                WHERE measure = 'CurrentUsd' AND source_id = '{PanelFixture.SpendingSource}' AND component IS NULL AND country_code IS NOT NULL)
            SELECT d.ccode_1, d.ccode_2, d.year,
                CAST(CASE WHEN d.year BETWEEN {SyntheticCatalog.FirstYear} AND {SyntheticCatalog.LastYear} THEN coalesce(s.n, 0) END AS INTEGER) AS agreements_signed,
                CAST(CASE WHEN d.year BETWEEN {SyntheticCatalog.FirstYear} AND {SyntheticCatalog.LastYear} THEN coalesce(i.n, 0) END AS INTEGER) AS agreements_in_force,
                CAST(CASE WHEN d.year BETWEEN r.first AND r.last THEN coalesce(t1.tiv, 0) + coalesce(t2.tiv, 0) END AS DECIMAL(18, 2)) AS tiv,
                CAST(m1.value AS DECIMAL(38, 9)) AS spending_1, CAST(m2.value AS DECIMAL(38, 9)) AS spending_2
            FROM dyad d CROSS JOIN register r
            LEFT JOIN signed s ON s.x = least(d.country_1, d.country_2) AND s.y = greatest(d.country_1, d.country_2) AND s.year = d.year
            LEFT JOIN in_force i ON i.x = least(d.country_1, d.country_2) AND i.y = greatest(d.country_1, d.country_2) AND i.year = d.year
            LEFT JOIN tiv t1 ON t1.exporter = d.country_1 AND t1.importer = d.country_2 AND t1.year = d.year
            LEFT JOIN tiv t2 ON t2.exporter = d.country_2 AND t2.importer = d.country_1 AND t2.year = d.year
            LEFT JOIN spending m1 ON m1.country = d.country_1 AND m1.year = d.year
            LEFT JOIN spending m2 ON m2.country = d.country_2 AND m2.year = d.year
            ORDER BY d.ccode_1, d.ccode_2, d.year
            """;
    }

    /// <summary>Runs the query in a fresh in-memory database and reads every row, as the library's panel is read.</summary>
    public static PanelChecksum Stream(string sql, Action<PanelRow>? everyRow = null)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var sum = new PanelChecksum();
        while (reader.Read())
        {
            var row = new PanelRow(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetDecimal(5),
                reader.IsDBNull(6) ? null : reader.GetDecimal(6), reader.IsDBNull(7) ? null : reader.GetDecimal(7));
            sum = sum.Add(row.Ccode1, row.Ccode2, row.Year, row.Signed, row.InForce, row.Tiv, row.Spending1, row.Spending2);
            everyRow?.Invoke(row);
        }
        return sum;
    }

    /// <summary>One row of the panel as DuckDB gives it.</summary>
    public readonly record struct PanelRow(int Ccode1, int Ccode2, int Year, int? Signed, int? InForce, decimal? Tiv, decimal? Spending1, decimal? Spending2);
}
