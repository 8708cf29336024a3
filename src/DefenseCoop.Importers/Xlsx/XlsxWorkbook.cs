using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DefenseCoop.Importers.Xlsx;

/// <summary>
/// Reads the values and colours of an .xlsx workbook's cells: sheets by name, shared and inline
/// strings, numbers as stored, and each cell's fill and font colour resolved through the stylesheet.
/// </summary>
/// <remarks>
/// <para>Formulas are not evaluated: a formula cell reads as the result the file cached, as Excel shows
/// it; a formula without a cached result is reported, never read as empty. Dates are not converted (the
/// importers here read none).</para>
/// <para>A hostile file is refused before it costs much: the zip directory is checked against
/// <see cref="ImportLimits"/> before any part is parsed; every part is read as a stream of small
/// elements (a sheet one cell at a time; the sheet list, shared strings and styles one item at a time),
/// never as a whole document tree; and whatever a part holds that is not well-formed SpreadsheetML (bad
/// XML, a DTD, a reference outside <c>A1:XFD1048576</c>, a shared-string index out of range, a missing
/// part) becomes an issue naming the part or the sheet and cell, never another exception.</para>
/// </remarks>
internal sealed class XlsxWorkbook : IDisposable
{
    /// <summary>Parts up to this size may have any compression ratio: small parts of repeated markup compress very well, and cost nothing.</summary>
    private const long RatioGraceBytes = 1024 * 1024;

    private readonly Stream _stream;
    private readonly SpreadsheetDocument _document;
    private readonly WorkbookPart _workbook;
    private readonly WorkbookIssues _issues;
    private readonly ImportLimits _limits;
    private readonly Dictionary<string, string> _sheetParts;
    private readonly string[] _sharedStrings;
    private readonly XlsxStyles _styles;
    private readonly CancellationToken _cancellationToken;

    private XlsxWorkbook(string path, Stream stream, SpreadsheetDocument document, WorkbookPart workbook, WorkbookIssues issues, ImportLimits limits,
        CancellationToken cancellationToken)
    {
        Path = path;
        _stream = stream;
        _document = document;
        _workbook = workbook;
        _issues = issues;
        _limits = limits;
        _cancellationToken = cancellationToken;
        // The workbook part's relationships are read on the first look-up of a part related to it.
        var (stringsPart, themePart, stylesPart) = InPart(RelationshipsOf(workbook.Uri),
            () => (workbook.SharedStringTablePart, workbook.ThemePart, workbook.WorkbookStylesPart));
        var sheets = InPart(workbook.Uri, () => ReadSheetList(workbook));
        SheetNames = [.. sheets.Select(s => s.Name)];
        _sheetParts = sheets.DistinctBy(s => s.Name).ToDictionary(s => s.Name, s => s.Id, StringComparer.Ordinal);
        _sharedStrings = stringsPart is null ? [] : InPart(stringsPart.Uri, () => ReadSharedStrings(stringsPart));
        var theme = themePart is null ? [] : InPart(themePart.Uri, () => XlsxStyles.ThemeColors(themePart));
        _styles = stylesPart is null ? new XlsxStyles(null, theme) : InPart(stylesPart.Uri, () => new XlsxStyles(stylesPart, theme));
        if (_styles.Problem is { } problem) issues.AtPart(stylesPart!.Uri.OriginalString, DataRule.InvalidValue, problem);
    }

    /// <summary>Gets the path the workbook was opened from.</summary>
    public string Path { get; }

    /// <summary>Gets the sheet names, in the workbook's order.</summary>
    public IReadOnlyList<string> SheetNames { get; }

    /// <summary>
    /// Opens a workbook for reading, after checking its zip directory against <paramref name="limits"/>.
    /// Problems with cells found later, while sheets are read, are recorded in <paramref name="issues"/>.
    /// </summary>
    /// <exception cref="DefenseCoopDataException">
    /// The path is a directory or may not be read, the file is not an .xlsx workbook, the file or a part
    /// would exceed the limits, or the workbook, shared-string, style or theme part is malformed.
    /// </exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static XlsxWorkbook Open(string path, WorkbookIssues issues, ImportLimits limits)
    {
        var stream = OpenFile(path, issues, limits, FileOptions.None);
        return FromStream(path, stream, issues, limits, CancellationToken.None);
    }

    /// <summary>
    /// Opens a workbook for reading, as <see cref="Open"/> does, reading the file asynchronously. The file
    /// (no larger than <see cref="ImportLimits.MaxUncompressedBytes"/>) is read into memory in blocks, each
    /// awaited, and the parts are then parsed from memory by the same code as <see cref="Open"/>'s;
    /// <paramref name="cancellationToken"/> is checked between the blocks, and between the rows of each sheet read.
    /// </summary>
    /// <remarks>
    /// The package and XML readers that parse the parts read synchronously, so the file's bytes are
    /// read first: a workbook compresses its parts, so the file costs less memory than the parts it holds.
    /// </remarks>
    /// <exception cref="DefenseCoopDataException">As for <see cref="Open"/>.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<XlsxWorkbook> OpenAsync(string path, WorkbookIssues issues, ImportLimits limits, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        byte[] bytes;
        int length = 0;
        var file = OpenFile(path, issues, limits, FileOptions.Asynchronous | FileOptions.SequentialScan);
        await using (file.ConfigureAwait(false))
        {
            if (file.Length > Array.MaxLength)
                throw issues.FatalInWorkbook(DataRule.LimitExceeded, Invariant($"The file has {file.Length:N0} bytes, more than can be read into memory at once."));
            bytes = new byte[file.Length];
            int read;
            while (length < bytes.Length
                && (read = await file.ReadAsync(bytes.AsMemory(length, Math.Min(ReadBlockBytes, bytes.Length - length)), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        return FromStream(path, new MemoryStream(bytes, 0, length, writable: false), issues, limits, cancellationToken);
    }

    /// <summary>How much of the file one read of <see cref="OpenAsync"/> takes: small enough that cancellation is noticed promptly.</summary>
    private const int ReadBlockBytes = 64 * 1024;

    /// <summary>Opens the file, refusing a directory, a file that may not be read, and a file larger than all the parts of a workbook may be.</summary>
    private static FileStream OpenFile(string path, WorkbookIssues issues, ImportLimits limits, FileOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(limits);
        if (Directory.Exists(path)) throw issues.FatalInWorkbook(DataRule.InvalidValue, "The path is a directory, not a workbook file.");
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, options);
        }
        catch (UnauthorizedAccessException e)
        {
            throw issues.FatalInWorkbook(DataRule.InvalidValue, $"The file may not be read: {e.Message}");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new FileNotFoundException($"The workbook '{System.IO.Path.GetFullPath(path)}' does not exist.", path, e);
        }
        // Compression makes a workbook's file smaller than its parts together, so this refuses no workbook
        // the parts' limit would accept, and bounds what reading the file into memory costs.
        long size = stream.Length;
        if (size > limits.MaxUncompressedBytes)
        {
            stream.Dispose();
            throw issues.FatalInWorkbook(DataRule.LimitExceeded, Invariant(
                $"The file has {size:N0} bytes; the limit (ImportLimits.MaxUncompressedBytes) is {limits.MaxUncompressedBytes:N0}."));
        }
        return stream;
    }

    /// <summary>Opens the workbook in <paramref name="stream"/>, which it then owns.</summary>
    private static XlsxWorkbook FromStream(string path, Stream stream, WorkbookIssues issues, ImportLimits limits, CancellationToken cancellationToken)
    {
        try
        {
            CheckPackage(stream, issues, limits);
            stream.Position = 0;
            SpreadsheetDocument document;
            try
            {
                document = SpreadsheetDocument.Open(stream, isEditable: false, new OpenSettings { MaxCharactersInPart = limits.MaxPartBytes });
            }
            catch (Exception e) when (IsMalformed(e))
            {
                throw NotAWorkbook(issues, Describe(e));
            }
            try
            {
                // The package's own relationships are read here, on first use.
                WorkbookPart? workbook;
                try
                {
                    workbook = document.WorkbookPart;
                }
                catch (Exception e) when (IsMalformed(e))
                {
                    throw NotAWorkbook(issues, Describe(e));
                }
                return new XlsxWorkbook(path, stream, document, workbook ?? throw NotAWorkbook(issues, "the package has no workbook part."), issues, limits, cancellationToken);
            }
            catch
            {
                document.Dispose();
                throw;
            }
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Reads the sheet called <paramref name="name"/> (case-sensitive), or returns <see langword="null"/>
    /// when there is none. Malformed cells are recorded as issues and left out of the rows.
    /// </summary>
    /// <exception cref="DefenseCoopDataException">The sheet's part is missing or malformed, or has more rows than the limit.</exception>
    /// <exception cref="OperationCanceledException">The token the workbook was opened with (<see cref="OpenAsync"/>) was cancelled.</exception>
    public XlsxSheet? ReadSheet(string name)
    {
        if (!_sheetParts.TryGetValue(name, out var id)) return null;
        if (!_workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
            throw _issues.Fatal(name, DataRule.MissingValue, $"The workbook lists the sheet with the relationship id '{Shorten(id)}', which names no worksheet part.");
        return InPart(worksheet.Uri, () => ReadRows(name, worksheet), name);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    // The sizes a zip directory declares are the sizes .NET's zip reader inflates each entry to, no
    // more: a part that claims less than it holds is cut short (and then fails to parse), so checking
    // the declared sizes bounds what reading can cost.
    private static void CheckPackage(Stream stream, WorkbookIssues issues, ImportLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                string part = "/" + entry.FullName;
                long size = entry.Length, compressed = entry.CompressedLength;
                if (size < 0 || compressed < 0) throw issues.FatalInPart(part, DataRule.InvalidValue, "The zip directory gives the part a negative size.");
                if (size > limits.MaxPartBytes)
                    throw issues.FatalInPart(part, DataRule.LimitExceeded, Invariant($"The part expands to {size:N0} bytes; the limit (ImportLimits.MaxPartBytes) is {limits.MaxPartBytes:N0}."));
                if (size > RatioGraceBytes && size / Math.Max(compressed, 1) >= limits.MaxCompressionRatio)
                    throw issues.FatalInPart(part, DataRule.LimitExceeded, Invariant(
                        $"The part expands from {compressed:N0} to {size:N0} bytes, {size / Math.Max(compressed, 1):N0} times; the limit (ImportLimits.MaxCompressionRatio) is {limits.MaxCompressionRatio:N0} times. This is how zip bombs are made."));
                total += size;
                if (total > limits.MaxUncompressedBytes)
                    throw issues.FatalInPart(part, DataRule.LimitExceeded, Invariant(
                        $"The parts up to this one expand to {total:N0} bytes together; the limit (ImportLimits.MaxUncompressedBytes) is {limits.MaxUncompressedBytes:N0}."));
            }
            CheckRelationships(zip, issues);
        }
        catch (InvalidDataException e)
        {
            throw NotAWorkbook(issues, e.Message);
        }
    }

    // A relationship to a part the package lacks makes the package reader fail without naming the
    // part; find it first, so that the issue can. Relationship parts are small (their sizes are checked
    // above) and are read with the same XML rules as every part: no DTD.
    private static void CheckRelationships(ZipArchive zip, WorkbookIssues issues)
    {
        var names = new HashSet<string>(zip.Entries.Select(e => "/" + e.FullName), StringComparer.OrdinalIgnoreCase);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var entry in zip.Entries)
        {
            string part = "/" + entry.FullName;
            if (!part.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)) continue;
            // "/xl/_rels/workbook.xml.rels" describes "/xl/workbook.xml": targets are relative to "/xl/".
            int rels = part.LastIndexOf("/_rels/", StringComparison.OrdinalIgnoreCase);
            if (rels < 0) continue;
            var baseUri = new Uri("pack://package" + part[..(rels + 1)]);
            try
            {
                using var stream = entry.Open();
                using var reader = XmlReader.Create(stream, settings);
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
                    if (string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)) continue;
                    string? target = reader.GetAttribute("Target");
                    if (string.IsNullOrEmpty(target) || !Uri.TryCreate(baseUri, target, out var resolved) || resolved.Scheme != "pack") continue;
                    string name = Uri.UnescapeDataString(resolved.AbsolutePath);
                    if (!names.Contains(name))
                        throw issues.FatalInPart(part, DataRule.MissingValue,
                            $"The relationship '{Shorten(reader.GetAttribute("Id") ?? "")}' names the part {Shorten(name)}, which the package does not have.");
                }
            }
            catch (XmlException e)
            {
                throw issues.FatalInPart(part, DataRule.InvalidValue, $"The part is malformed: {Describe(e)}");
            }
        }
    }

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

    /// <summary>The part that holds a part's relationships: <c>/xl/workbook.xml</c> → <c>/xl/_rels/workbook.xml.rels</c>.</summary>
    private static Uri RelationshipsOf(Uri part)
    {
        string name = part.OriginalString;
        int slash = name.LastIndexOf('/');
        return new Uri(name[..(slash + 1)] + "_rels/" + name[(slash + 1)..] + ".rels", UriKind.Relative);
    }

    /// <summary>Runs <paramref name="read"/> on a part, turning what a malformed part throws into an issue naming it.</summary>
    private T InPart<T>(Uri part, Func<T> read, string? sheet = null)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (IsMalformed(e))
        {
            string where = sheet is null ? "" : $" (the sheet '{sheet}')";
            throw _issues.FatalInPart(part.OriginalString, DataRule.InvalidValue, $"The part{where} is malformed: {Describe(e)}");
        }
    }

    // What the package and XML readers throw for content that is not a well-formed workbook. A DTD is
    // refused by the XML reader (a workbook never has one), so entity expansion never happens.
    private static bool IsMalformed(Exception e) =>
        e is XmlException or InvalidDataException or OpenXmlPackageException or FileFormatException or FormatException
            or InvalidOperationException or NotSupportedException or KeyNotFoundException or OverflowException;

    private static string Describe(Exception e) => e switch
    {
        XmlException x when x.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) =>
            $"it declares a DTD, which a workbook never does and which is refused so that entities cannot expand ({x.Message})",
        XmlException x => $"it is not well-formed XML ({x.Message})",
        _ => e.Message,
    };

    private static DefenseCoopDataException NotAWorkbook(WorkbookIssues issues, string reason) =>
        issues.FatalInWorkbook(DataRule.InvalidValue, $"The file is not an .xlsx workbook: {reason}");

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
