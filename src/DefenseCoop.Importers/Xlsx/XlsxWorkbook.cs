using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DefenseCoop.Importers.Xlsx;

/// <summary>
/// Reads the values and colours of an .xlsx workbook's cells: sheets by name, shared and inline
/// strings, numbers as stored, and each cell's fill and font colour resolved through the stylesheet.
/// </summary>
/// <remarks>
/// Formulas are not evaluated: a formula cell reads as the result the file cached, as Excel shows it.
/// Dates are not converted (the importers here read none).
/// </remarks>
internal sealed class XlsxWorkbook : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly Dictionary<string, string> _sheetParts;
    private readonly Lazy<string[]> _sharedStrings;
    private readonly Lazy<XlsxStyles> _styles;

    private XlsxWorkbook(string path, SpreadsheetDocument document, WorkbookPart workbook)
    {
        Path = path;
        _document = document;
        _workbook = workbook;
        var sheets = workbook.Workbook.Sheets?.Elements<Sheet>().Where(s => s.Name?.Value is not null && s.Id?.Value is not null).ToList() ?? [];
        SheetNames = [.. sheets.Select(s => s.Name!.Value!)];
        _sheetParts = sheets.DistinctBy(s => s.Name!.Value!).ToDictionary(s => s.Name!.Value!, s => s.Id!.Value!, StringComparer.Ordinal);
        _sharedStrings = new(() => ReadSharedStrings(workbook));
        _styles = new(() => new XlsxStyles(workbook));
    }

    /// <summary>Gets the path the workbook was opened from.</summary>
    public string Path { get; }

    /// <summary>Gets the sheet names, in the workbook's order.</summary>
    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>Opens a workbook for reading.</summary>
    /// <exception cref="DefenseCoopDataException">The file is not an .xlsx workbook.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static XlsxWorkbook Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(path, isEditable: false);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException)
        {
            throw NotAWorkbook(path, e.Message);
        }
        if (document.WorkbookPart is not { } workbook)
        {
            document.Dispose();
            throw NotAWorkbook(path, "the package has no workbook part.");
        }
        return new XlsxWorkbook(path, document, workbook);
    }

    /// <summary>Reads the sheet called <paramref name="name"/> (case-sensitive), or returns <see langword="null"/> when there is none.</summary>
    public XlsxSheet? ReadSheet(string name)
    {
        if (!_sheetParts.TryGetValue(name, out var id) || _workbook.GetPartById(id) is not WorksheetPart part) return null;
        var rows = new List<XlsxRow>();
        var cells = new List<XlsxCell>();
        int previousRow = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement) continue;
            var row = (Row)reader.LoadCurrentElement()!;
            // Row and cell references are optional in the format: when absent, they follow the previous one.
            int number = row.RowIndex?.Value is uint index ? (int)index : previousRow + 1;
            previousRow = number;
            cells.Clear();
            int previousColumn = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                int column = XlsxReference.TryParse(cell.CellReference?.Value, out _, out int c) ? c : previousColumn + 1;
                previousColumn = column;
                var value = ReadCell(cell, number, column);
                if (value.Kind != XlsxCellKind.Empty) cells.Add(value);
            }
            if (cells.Count > 0) rows.Add(new XlsxRow(number, [.. cells.OrderBy(c => c.Column)]));
        }
        return new XlsxSheet(name, rows);
    }

    /// <inheritdoc/>
    public void Dispose() => _document.Dispose();

    private XlsxCell ReadCell(Cell cell, int row, int column)
    {
        var type = cell.DataType?.Value;
        string raw = cell.CellValue?.Text ?? "";
        (XlsxCellKind kind, string text) =
            type == CellValues.SharedString ? (XlsxCellKind.Text, SharedString(raw))
            : type == CellValues.InlineString ? (XlsxCellKind.Text, StringItemText(cell.InlineString))
            : type == CellValues.String ? (XlsxCellKind.Text, raw)
            : type == CellValues.Boolean ? (XlsxCellKind.Boolean, raw == "1" ? "TRUE" : "FALSE")
            : type == CellValues.Error ? (XlsxCellKind.Error, raw)
            : type == CellValues.Date ? (XlsxCellKind.Text, raw)
            : (raw.Length == 0 ? XlsxCellKind.Empty : XlsxCellKind.Number, raw);
        if (kind == XlsxCellKind.Empty || (kind == XlsxCellKind.Text && text.Length == 0))
            return XlsxCell.EmptyAt(row, column);
        var (fill, font) = _styles.Value.Resolve(cell.StyleIndex?.Value ?? 0);
        return new XlsxCell(row, column, kind, text, fill, font);
    }

    private string SharedString(string index)
    {
        var strings = _sharedStrings.Value;
        return int.TryParse(index, out int i) && i >= 0 && i < strings.Length ? strings[i] : "";
    }

    private static string[] ReadSharedStrings(WorkbookPart workbook) =>
        workbook.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(StringItemText).ToArray() ?? [];

    // A string item is either plain text or rich-text runs; phonetic guides (rPh) are not part of the value.
    private static string StringItemText(OpenXmlElement? item) =>
        item is null ? ""
        : item.GetFirstChild<Text>() is { } text ? text.Text
        : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));

    private static DefenseCoopDataException NotAWorkbook(string path, string reason) =>
        new([new DataIssue(path, "workbook", null, DataRule.InvalidValue, $"The file is not an .xlsx workbook: {reason}")]);
}
