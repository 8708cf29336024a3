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
internal sealed partial class XlsxWorkbook : IDisposable
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
