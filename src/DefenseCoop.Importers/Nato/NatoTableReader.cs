using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using DefenseCoop.Importers.Xlsx;

namespace DefenseCoop.Importers.Nato;

/// <summary>One labelled row of a NATO table section, read.</summary>
/// <param name="Row">The 1-based row number.</param>
/// <param name="Label">The label cell, as written (e.g. <c>Czechia*   (Koruny)</c>).</param>
/// <param name="Points">The figures, in year order; an empty cell is absent.</param>
internal sealed record NatoRow(int Row, XlsxCell Label, ImmutableArray<SpendingPoint> Points);

/// <summary>The rows of one section of a NATO table.</summary>
/// <param name="Section">What the rows measure.</param>
/// <param name="BaseYear">The base year of the prices, from the section heading or the table's subtitle, if stated.</param>
/// <param name="Rows">The labelled rows.</param>
internal sealed record NatoSectionRows(NatoSection Section, int? BaseYear, ImmutableArray<NatoRow> Rows);

/// <summary>A NATO table, read: the years of its header and its sections.</summary>
/// <param name="Years">The header's years, increasing.</param>
/// <param name="Sections">The sections imported, in the table's order.</param>
internal sealed record NatoTableContent(ImmutableArray<int> Years, ImmutableArray<NatoSectionRows> Sections);

/// <summary>
/// Reads NATO's presentation tables: a year header (<c>2014 … 2023e 2024e</c>, "e" marking estimates),
/// then sections opened by a heading row, each a block of labelled rows. Rows without a label are
/// layout (spacers, some holding <c>#REF!</c> errors in NATO's own file) and are skipped.
/// </summary>
internal static partial class NatoTableReader
{
    private static readonly IReadOnlySet<string> NoMarkers = ImmutableHashSet<string>.Empty;

    /// <summary>Reads a table's sections. Layout problems stop the import; bad cells are recorded in <paramref name="issues"/>.</summary>
    /// <exception cref="DefenseCoopDataException">The sheet, its year header, its unit or a section is missing.</exception>
    public static NatoTableContent Read(XlsxWorkbook workbook, NatoTable table, WorkbookIssues issues)
    {
        string name = table.Sheet;
        var rows = (workbook.ReadSheet(name)
            ?? throw issues.Fatal(name, DataRule.MissingValue, $"The workbook has no sheet '{name}': it is not NATO's defence expenditure tables, or their layout changed.")).Rows;
        int header = rows.ToList().FindIndex(r => YearColumns(r).Count >= 2);
        if (header < 0) throw issues.Fatal(name, DataRule.MissingValue, "No year header row (cells such as '2014' … '2024e') was found.");
        var years = YearColumns(rows[header]);
        CheckHeader(rows[header], years[0].Column, name, issues);
        for (int i = 1; i < years.Count; i++)
            if (years[i].Year <= years[i - 1].Year)
                throw issues.Fatal(name, DataRule.InvalidValue, $"The year columns of row {rows[header].Number} are not in increasing order.");

        string preamble = string.Join("\n", rows.Take(header).SelectMany(r => r.Cells).Select(c => c.Text));
        if (!preamble.Contains(table.UnitText, StringComparison.OrdinalIgnoreCase))
            throw issues.Fatal(name, DataRule.InvalidValue, $"The text above the year header does not say '{table.UnitText}': the unit may have changed.");
        int? tableBaseYear = BaseYear(preamble);

        int firstYearColumn = years[0].Column;
        var sections = new List<NatoSectionRows>();
        NatoSection? current = table.Sections.FirstOrDefault(s => s.Heading is null);
        int? baseYear = tableBaseYear;
        var sectionRows = ImmutableArray.CreateBuilder<NatoRow>();
        void Close()
        {
            if (current is not null) sections.Add(new NatoSectionRows(current, baseYear, sectionRows.ToImmutable()));
            sectionRows.Clear();
        }

        foreach (var row in rows.Skip(header + 1))
        {
            var label = row.Cells.FirstOrDefault(c => c.Column < firstYearColumn && c.Kind == XlsxCellKind.Text && !c.IsBlank);
            if (label.Kind == XlsxCellKind.Empty) continue;
            var values = years.Select(y => (y.Year, y.Estimate, Cell: row[y.Column])).ToList();
            if (values.All(v => v.Cell.IsBlank))
            {
                // A heading opens a section, or ends the one before (a section not imported, or the notes).
                Close();
                current = table.Sections.FirstOrDefault(s => s.IsOpenedBy(label.Text.Trim()));
                baseYear = BaseYear(label.Text) ?? tableBaseYear;
                continue;
            }
            if (current is null) continue;
            var points = ImmutableArray.CreateBuilder<SpendingPoint>();
            foreach (var (year, estimate, cell) in values)
                if (TableValues.Read(cell, current.Scale, name, issues, NoMarkers, "") is decimal value)
                    points.Add(new SpendingPoint(year, value, Estimate: estimate));
            sectionRows.Add(new NatoRow(row.Number, label, points.ToImmutable()));
        }
        Close();

        foreach (var section in table.Sections)
        {
            var found = sections.FirstOrDefault(s => s.Section == section);
            if (found is null) throw issues.Fatal(name, DataRule.MissingValue, $"No section headed '{section.Heading}' was found.");
            if (section.Constant && found.BaseYear is null)
                throw issues.Fatal(name, DataRule.MissingValue, $"The section '{section.Heading}' does not state the base year of its constant prices.");
        }
        return new NatoTableContent([.. years.Select(y => y.Year)], [.. sections]);
    }

    private static List<(int Column, int Year, bool Estimate)> YearColumns(XlsxRow row)
    {
        var years = new List<(int, int, bool)>();
        foreach (var cell in row.Cells)
        {
            var match = YearPattern().Match(cell.Text.Trim());
            if (match.Success) years.Add((cell.Column, int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), match.Groups["e"].Success));
        }
        return years;
    }

    // A header cell among the years that is not one (a date, "2020.5", a typo) would silently lose its
    // column's figures; so would a number to their left, such as a first year entered as a date.
    private static void CheckHeader(XlsxRow header, int firstYearColumn, string sheet, WorkbookIssues issues)
    {
        foreach (var cell in header.Cells)
        {
            if (cell.IsBlank || YearPattern().IsMatch(cell.Text.Trim())) continue;
            if (cell.Column > firstYearColumn || cell.Kind == XlsxCellKind.Number)
                issues.AtCell(sheet, cell, DataRule.InvalidValue,
                    $"The year header holds '{cell.Text.Trim()}', which is not a year such as '2014' or '2024e' (a date formatted to show its year is a day number, not a year).");
        }
    }

    private static int? BaseYear(string text) =>
        BaseYearPattern().Match(text) is { Success: true } m ? int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture) : null;

    // "2023e": the "e" marks NATO's estimates.
    [GeneratedRegex(@"^(?<year>(19|20)\d{2})(\.0+)?(?<e>e)?$", RegexOptions.CultureInvariant)]
    private static partial Regex YearPattern();

    // "Constant 2015 prices", "Based on 2015 prices", "2015 prices and exchange rates".
    [GeneratedRegex(@"(?<year>(19|20)\d{2}) prices", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex BaseYearPattern();
}
