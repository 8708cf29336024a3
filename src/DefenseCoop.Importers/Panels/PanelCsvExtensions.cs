using DefenseCoop.Importers.Csv;
using DefenseCoop.Panels;

namespace DefenseCoop.Importers;

/// <summary>Adds a column of your own values to a panel from a CSV file keyed by ISO or COW codes and years.</summary>
public static class PanelCsvExtensions
{
    /// <summary>
    /// Adds a column of your own values per state and year from a UTF-8 CSV file with a header: a country column (ISO 3166-1
    /// alpha-2 or alpha-3 codes, COW numbers or COW abbreviations, as <paramref name="key"/> says: <see cref="NameScheme.Iso"/>,
    /// <see cref="NameScheme.Cow"/> or <see cref="NameScheme.CowAbbreviation"/>), a year column and a value
    /// column (a number in the invariant culture; empty or <c>NA</c> for a value you know to be unknown). The file is
    /// read at once; as for <c>WithValues</c>, each state-year given has its value and every other is null.
    /// </summary>
    /// <param name="panel">The panel.</param>
    /// <param name="name">The column name.</param>
    /// <param name="path">The CSV file.</param>
    /// <param name="key">How the file names its states.</param>
    /// <param name="countryColumn">The header of the country column.</param>
    /// <param name="yearColumn">The header of the year column.</param>
    /// <param name="valueColumn">The header of the value column.</param>
    /// <param name="unit">The values' unit, for the panel's description.</param>
    /// <param name="source">Where the values come from, for the description; the file's name by default.</param>
    /// <param name="limits">Bounds on the file; <see cref="ImportLimits.Default"/> when null.</param>
    /// <returns>The panel with the column.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="panel"/>, <paramref name="name"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">The file is malformed, lacks a column, or a row's year or value is not one; lists every problem with its line.</exception>
    /// <exception cref="ArgumentException">A row names no state of the system or repeats a state-year; the message names the file and line.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TPanel WithValuesFromCsv<TPanel, TRow>(this Panel<TPanel, TRow> panel, string name, string path, NameScheme key = NameScheme.Iso,
        string countryColumn = "country", string yearColumn = "year", string valueColumn = "value", string? unit = null, string? source = null, ImportLimits? limits = null)
        where TPanel : Panel<TPanel, TRow>
        where TRow : struct
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(path);
        var values = CsvFile.Parse(path, TextEncodings.StrictUtf8, limits ?? ImportLimits.Default, (records, issues) => Read(records, issues, path, countryColumn, yearColumn, valueColumn));
        return panel.WithValues(name, values, key, unit, $"The values of {Path.GetFileName(path)}, column '{valueColumn}'.", source ?? Path.GetFileName(path));
    }

    private static List<PanelValue> Read(IEnumerable<CsvRecord> all, CsvIssues issues, string path, string countryColumn, string yearColumn, string valueColumn)
    {
        using var records = all.GetEnumerator();
        if (!records.MoveNext()) throw issues.Fatal(1, "header", DataRule.MissingValue, $"The file is empty: expected a header with '{countryColumn}', '{yearColumn}' and '{valueColumn}'.");
        var header = new CsvHeader(records.Current);
        int count = records.Current.Count;
        var (country, year, value) = (header.Require(countryColumn, issues), header.Require(yearColumn, issues), header.Require(valueColumn, issues));
        issues.ThrowIfAny();
        var values = new List<PanelValue>();
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.Count != count)
            {
                issues.Add(record.Line, "row", DataRule.InvalidValue, $"The row has {record.Count} fields; the header has {count}.");
                continue;
            }
            var row = new CsvRow(record, issues);
            string? code = row.RequiredText(country);
            int? when = row.Year(year, required: true);
            // An empty field or NA is a value the file says is unknown: kept as such, never 0.
            string? text = row.Text(value);
            bool unknown = text is null || text.Equals("NA", StringComparison.OrdinalIgnoreCase);
            decimal? figure = unknown ? null : row.Decimal(value);
            if (code is null || when is null || (!unknown && figure is null)) continue;
            values.Add(new PanelValue(code, when.Value, figure, $"{path}({row.Line})"));
        }
        issues.ThrowIfAny();
        return values;
    }
}
