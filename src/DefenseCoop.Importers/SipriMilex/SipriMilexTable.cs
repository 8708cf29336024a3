using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using DefenseCoop.Importers.Xlsx;

namespace DefenseCoop.Importers.SipriMilex;

/// <summary>One country row of a SIPRI sheet, read.</summary>
/// <param name="Row">The 1-based row number.</param>
/// <param name="Label">The country label, cleaned.</param>
/// <param name="Currency">The "Currency" cell, on the local-currency sheets.</param>
/// <param name="FiscalYear">The "Fiscal Year" text, on the financial-year sheet (empty for January–December).</param>
/// <param name="Points">The figures, in year order; a missing figure is absent.</param>
internal sealed record SipriMilexRow(int Row, string Label, XlsxCell? Currency, string? FiscalYear, ImmutableArray<SpendingPoint> Points);

/// <summary>A country sheet of SIPRI's workbook, read and checked against the layout the importer expects.</summary>
/// <param name="Sheet">What the sheet measures.</param>
/// <param name="SheetName">The sheet's actual name.</param>
/// <param name="BaseYear">The base year of constant prices, read from the header text.</param>
/// <param name="Years">The year columns' years, increasing.</param>
/// <param name="Rows">The rows that are not region headings.</param>
internal sealed partial record SipriMilexTable(SipriMilexSheet Sheet, string SheetName, int? BaseYear, ImmutableArray<int> Years, ImmutableArray<SipriMilexRow> Rows)
{
    /// <summary>Reads a sheet. Layout problems (missing sheet, header, legend or unit) stop the import; bad cells are recorded in <paramref name="issues"/>.</summary>
    /// <exception cref="DefenseCoopDataException">The sheet is missing or not in SIPRI's layout.</exception>
    public static SipriMilexTable Read(XlsxWorkbook workbook, SipriMilexSheet spec, WorkbookIssues issues)
    {
        string name = workbook.SheetNames.FirstOrDefault(spec.Matches)
            ?? throw issues.Fatal(spec.Name, DataRule.MissingValue, $"The workbook has no sheet '{spec.Name}': it is not SIPRI's military expenditure workbook, or its layout changed.");
        var rows = workbook.ReadSheet(name)!.Rows;
        int header = rows.ToList().FindIndex(r => r.Text(1) == "Country");
        if (header < 0) throw issues.Fatal(name, DataRule.MissingValue, "No header row (a row whose first cell is 'Country') was found.");

        // The text above the header states the unit and what the colours mean: check both, so that a
        // changed layout fails loudly instead of importing mis-scaled or unflagged figures.
        string preamble = string.Join("\n", rows.Take(header).SelectMany(r => r.Cells).Select(c => c.Text));
        if (!preamble.Contains(spec.UnitText, StringComparison.OrdinalIgnoreCase))
            throw issues.Fatal(name, DataRule.InvalidValue, $"The header text does not say the figures are in '{spec.UnitText}': the unit may have changed.");
        if (!preamble.Contains("in blue are SIPRI estimates", StringComparison.OrdinalIgnoreCase) || !preamble.Contains("in red indicate highly uncertain", StringComparison.OrdinalIgnoreCase))
            throw issues.Fatal(name, DataRule.MissingValue, "The legend 'Figures in blue are SIPRI estimates. Figures in red indicate highly uncertain data.' is missing, so the colours cannot be read.");
        int? baseYear = null;
        if (spec.Measure == SpendingMeasure.ConstantUsd)
        {
            var match = BaseYearPattern().Match(preamble);
            if (!match.Success) throw issues.Fatal(name, DataRule.MissingValue, "The header text does not state the base year of the constant prices, e.g. 'constant (2023) US$'.");
            baseYear = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        }

        var headerRow = rows[header];
        var years = YearColumns(headerRow, name, issues);
        int? currencyColumn = Column(headerRow, "Currency", spec.LocalCurrency, name, issues);
        int? fiscalColumn = Column(headerRow, "Fiscal Year", spec.FinancialYears, name, issues);

        var read = ImmutableArray.CreateBuilder<SipriMilexRow>();
        foreach (var row in rows.Skip(header + 1))
        {
            string label = SheetLabel.Clean(row.Text(1));
            if (label.Length == 0 || SipriMilexLabels.NonCountries.Contains(label)) continue;
            var points = ImmutableArray.CreateBuilder<SpendingPoint>();
            foreach (var (column, year) in years)
            {
                var cell = row[column];
                if (TableValues.Read(cell, spec.Scale, name, issues, SipriMilexLabels.AbsentMarkers, SipriMilexLabels.MarkerHelp) is decimal value)
                    points.Add(new SpendingPoint(year, value, Estimate: cell.Font?.IsBlue == true, Uncertain: cell.Font?.IsRed == true));
            }
            read.Add(new SipriMilexRow(row.Number, label, currencyColumn is int c ? row[c] : null, fiscalColumn is int f ? row.Text(f) : null, points.ToImmutable()));
        }
        return new SipriMilexTable(spec, name, baseYear, [.. years.Select(y => y.Year)], read.ToImmutable());
    }

    // The header's other columns: the label, the currency, the financial year, notes, and on the
    // government-spending sheet the year of the report.
    private static readonly string[] Titles = ["Country", "Currency", "Fiscal Year", "Notes", "Reporting year"];

    private static List<(int Column, int Year)> YearColumns(XlsxRow header, string sheet, WorkbookIssues issues)
    {
        var years = new List<(int Column, int Year)>();
        foreach (var cell in header.Cells)
        {
            string text = cell.Text.Trim();
            if (YearOf(cell) is not int year)
            {
                // A cell that is neither a year nor a known title would silently lose its column's figures.
                if (cell.IsBlank || (cell.Kind == XlsxCellKind.Text && Titles.Any(t => text.StartsWith(t, StringComparison.OrdinalIgnoreCase)))) continue;
                issues.AtCell(sheet, cell, DataRule.InvalidValue,
                    $"The header cell holds '{text}', which is neither a year from 1800 to 2200 nor a column this importer knows ({string.Join(", ", Titles)}): " +
                    "a year column is headed by its year as a number, e.g. 1960 (a date formatted to show its year is a day number, not a year).");
                continue;
            }
            if (years.Count > 0 && year <= years[^1].Year)
                throw issues.Fatal(sheet, DataRule.InvalidValue, $"The year columns are not in increasing order ({years[^1].Year} then {year} at {cell.Reference}).");
            years.Add((cell.Column, year));
        }
        return years.Count > 0 ? years : throw issues.Fatal(sheet, DataRule.MissingValue, $"The header row {header.Number} has no year columns.");
    }

    /// <summary>The year a header cell names: a whole number from 1800 to 2200, stored as a number or as text (<c>1960</c>, <c>1960.0</c>).</summary>
    private static int? YearOf(XlsxCell cell) =>
        cell.Kind is XlsxCellKind.Number or XlsxCellKind.Text
            && decimal.TryParse(cell.Text.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out decimal value)
            && value == decimal.Truncate(value) && value is >= 1800 and <= 2200
            ? (int)value
            : null;

    private static int? Column(XlsxRow header, string title, bool required, string sheet, WorkbookIssues issues)
    {
        if (!required) return null;
        foreach (var cell in header.Cells)
            if (cell.Text.Trim().StartsWith(title, StringComparison.OrdinalIgnoreCase)) return cell.Column;
        throw issues.Fatal(sheet, DataRule.MissingValue, $"The header row {header.Number} has no '{title}' column.");
    }

    [GeneratedRegex(@"constant \(?(?<year>\d{4})\)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BaseYearPattern();
}
