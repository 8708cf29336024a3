using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DefenseCoop.Importers.Xlsx;

// A sheet's rows and cells, the sheet list and the shared strings, each read as a stream of small elements.
internal sealed partial class XlsxWorkbook
{
    private XlsxSheet ReadRows(string sheet, WorksheetPart part)
    {
        var rows = new List<XlsxRow>();
        var cells = new List<XlsxCell>();
        int rowNumber = 0, previousColumn = 0;
        bool inRow = false;
        void Finish()
        {
            if (inRow && cells.Count > 0) rows.Add(new XlsxRow(rowNumber, [.. cells]));
            inRow = false;
            cells.Clear();
        }

        int rowCount = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(Row))
            {
                _cancellationToken.ThrowIfCancellationRequested();
                Finish();
                if (!reader.IsStartElement) continue;
                if (++rowCount > _limits.MaxRows)
                    throw _issues.Fatal(sheet, DataRule.LimitExceeded, Invariant($"The sheet has more than {_limits.MaxRows:N0} rows, the limit (ImportLimits.MaxRows)."));
                // Row and cell references are optional in the format: when absent, they follow the previous one.
                string? r = reader.Attributes.FirstOrDefault(a => a.LocalName == "r" && string.IsNullOrEmpty(a.NamespaceUri)).Value;
                int number = rowNumber + 1;
                if (r is not null && !(int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number is > 0 and <= XlsxReference.MaxRow))
                {
                    _issues.AtRow(sheet, rowNumber + 1, DataRule.InvalidValue, $"The row after row {rowNumber} is numbered '{Shorten(r)}', not a row from 1 to 1,048,576.");
                    continue;
                }
                if (number <= rowNumber)
                {
                    _issues.AtRow(sheet, number, DataRule.InvalidValue, $"Row {number} comes after row {rowNumber}: a sheet lists its rows once each, in increasing order.");
                    continue;
                }
                rowNumber = number;
                previousColumn = 0;
                inRow = true;
            }
            else if (inRow && reader.IsStartElement && reader.ElementType == typeof(Cell))
            {
                var cell = (Cell)reader.LoadCurrentElement()!;
                string? reference = cell.CellReference?.Value;
                int column = previousColumn + 1;
                if (reference is not null)
                {
                    if (!XlsxReference.TryParse(reference, out int cellRow, out column))
                    {
                        _issues.AtReference(sheet, rowNumber, previousColumn + 1, Shorten(reference), DataRule.InvalidValue,
                            $"'{Shorten(reference)}' in row {rowNumber} is not a cell reference within A1:XFD1048576.");
                        continue;
                    }
                    if (cellRow != rowNumber)
                    {
                        _issues.AtReference(sheet, rowNumber, column, reference, DataRule.InvalidValue, $"The cell {reference} is written in row {rowNumber}.");
                        continue;
                    }
                }
                if (column > XlsxReference.MaxColumn)
                {
                    _issues.AtRow(sheet, rowNumber, DataRule.InvalidValue, "The row has a cell beyond the last column, XFD.");
                    continue;
                }
                if (column <= previousColumn)
                {
                    _issues.AtReference(sheet, rowNumber, column, XlsxReference.Format(rowNumber, column), DataRule.InvalidValue,
                        $"The cell comes after {XlsxReference.Format(rowNumber, previousColumn)}: a row lists its cells once each, in increasing column order.");
                    continue;
                }
                previousColumn = column;
                var value = ReadCell(sheet, cell, rowNumber, column);
                if (value.Kind != XlsxCellKind.Empty) cells.Add(value);
            }
        }
        Finish();
        return new XlsxSheet(sheet, rows);
    }

    private XlsxCell ReadCell(string sheet, Cell cell, int row, int column)
    {
        string type = cell.DataType?.InnerText ?? "n";
        string? raw = cell.CellValue?.Text;
        if (raw is null && cell.CellFormula is { } formula && type != "inlineStr")
        {
            _issues.AtReference(sheet, row, column, XlsxReference.Format(row, column), DataRule.MissingValue,
                $"The cell holds the formula '={Shorten(formula.Text)}' but not its result: the file was written by a program that does not calculate formulas. " +
                "Open and save it in a spreadsheet program, or replace the formula by its value.");
            return XlsxCell.EmptyAt(row, column);
        }
        raw ??= "";
        (XlsxCellKind kind, string text) = type switch
        {
            "s" => (XlsxCellKind.Text, SharedString(sheet, raw, row, column)),
            "inlineStr" => (XlsxCellKind.Text, StringItemText(cell.InlineString)),
            "str" or "d" => (XlsxCellKind.Text, raw),
            "b" => (XlsxCellKind.Boolean, raw == "1" ? "TRUE" : "FALSE"),
            "e" => (XlsxCellKind.Error, raw),
            "n" => (raw.Length == 0 ? XlsxCellKind.Empty : XlsxCellKind.Number, raw),
            _ => Unknown(),
        };
        (XlsxCellKind, string) Unknown()
        {
            _issues.AtReference(sheet, row, column, XlsxReference.Format(row, column), DataRule.InvalidValue,
                $"The cell's type is '{Shorten(type)}', none of those SpreadsheetML defines (s, inlineStr, str, b, e, d, n).");
            return (XlsxCellKind.Empty, "");
        }
        if (kind == XlsxCellKind.Empty || (kind == XlsxCellKind.Text && text.Length == 0))
            return XlsxCell.EmptyAt(row, column);
        if (text.Length > _limits.MaxCellLength)
        {
            _issues.AtReference(sheet, row, column, XlsxReference.Format(row, column), DataRule.LimitExceeded,
                Invariant($"The cell holds {text.Length:N0} characters; the limit (ImportLimits.MaxCellLength) is {_limits.MaxCellLength:N0}."));
            return XlsxCell.EmptyAt(row, column);
        }
        // The style carries meaning (SIPRI marks estimates and uncertain figures by colour): a style the
        // stylesheet does not have is reported, not read as the default.
        uint style = 0;
        if (cell.StyleIndex?.InnerText is { } s
            && !(uint.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out style) && (style < _styles.Count || style == 0)))
        {
            _issues.AtReference(sheet, row, column, XlsxReference.Format(row, column), DataRule.InvalidValue,
                Invariant($"The cell's style is '{Shorten(s)}', but the stylesheet has {_styles.Count:N0} cell formats (numbered from 0)."));
            style = 0;
        }
        var (fill, font) = _styles.Resolve(style);
        return new XlsxCell(row, column, kind, text, fill, font);
    }

    private string SharedString(string sheet, string index, int row, int column)
    {
        if (int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < _sharedStrings.Length) return _sharedStrings[i];
        _issues.AtReference(sheet, row, column, XlsxReference.Format(row, column), DataRule.InvalidValue,
            Invariant($"The cell refers to shared string '{Shorten(index)}', but the workbook's table has {_sharedStrings.Length:N0} strings (numbered from 0)."));
        return "";
    }

    // The workbook part lists its sheets (workbook/sheets/sheet, depth 2); read them alone, not the
    // whole part as a document tree.
    private static List<(string Name, string Id)> ReadSheetList(WorkbookPart part)
    {
        var sheets = new List<(string Name, string Id)>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (!reader.IsStartElement || reader.Depth != 2 || reader.ElementType != typeof(Sheet)) continue;
            var sheet = (Sheet)reader.LoadCurrentElement()!;
            if (sheet.Name?.Value is { } name && sheet.Id?.Value is { } id) sheets.Add((name, id));
        }
        return sheets;
    }

    // Read as a stream of items, so that the table costs its strings and not a document tree besides.
    private static string[] ReadSharedStrings(SharedStringTablePart part)
    {
        var strings = new List<string>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
            if (reader.IsStartElement && reader.ElementType == typeof(SharedStringItem))
                strings.Add(StringItemText(reader.LoadCurrentElement()));
        return [.. strings];
    }

    // A string item is either plain text or rich-text runs; phonetic guides (rPh) are not part of the value.
    private static string StringItemText(OpenXmlElement? item) =>
        item is null ? ""
        : item.GetFirstChild<Text>() is { } text ? text.Text
        : string.Concat(item.Elements<Run>().Select(r => r.Text?.Text));
}
