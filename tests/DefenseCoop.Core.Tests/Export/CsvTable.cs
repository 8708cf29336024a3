using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using DefenseCoop.Export;
using NodaTime;
using NodaTime.Text;

namespace DefenseCoop.Tests.Export;

/// <summary>
/// One exported table read back from its CSV file, as <c>docs/export.md</c> describes the file: RFC 4180 in
/// UTF-8 without a byte-order mark, a header row, CRLF line ends, a field quoted (with <c>""</c> for a quote)
/// where it holds a comma, quote or line break, a null as an empty unquoted field and an empty text as
/// <c>""</c>. Each field is read as its column's declared type and checked against its nullability, so that
/// a file that breaks the documented shape fails here, naming the file, line and column.
/// </summary>
/// <remarks>The fields are read here rather than with a general CSV reader (the importers use Sylvan.Data.Csv), because
/// the export tells a null from an empty text only by the quotes, which such readers do not report, and because a reader
/// of the export must refuse what the exporter never writes (a bare LF, a missing final CRLF, a stray quote) instead of
/// accepting it.</remarks>
internal sealed class CsvTable
{
    private CsvTable(ExportTable table, ImmutableArray<ExportedRow> rows) => (Table, Rows) = (table, rows);

    /// <summary>Gets the table's documented shape.</summary>
    public ExportTable Table { get; }

    /// <summary>Gets the rows in file order.</summary>
    public ImmutableArray<ExportedRow> Rows { get; }

    /// <summary>Reads <c>DIRECTORY/TABLE.csv</c>.</summary>
    /// <exception cref="FormatException">The file is not the table's CSV.</exception>
    public static CsvTable Read(string directory, ExportTable table) =>
        Parse(table, File.ReadAllBytes(Path.Combine(directory, table.Name + ".csv")));

    /// <summary>Parses the bytes of a table's CSV file.</summary>
    /// <exception cref="FormatException">The bytes are not the table's CSV.</exception>
    public static CsvTable Parse(ExportTable table, byte[] bytes)
    {
        string file = table.Name + ".csv";
        if (bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble)) throw new FormatException($"{file} starts with a byte-order mark; the export writes UTF-8 without one.");
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException e) { throw new FormatException($"{file} is not valid UTF-8: {e.Message}", e); }

        var records = Records(file, text).ToList();
        if (records.Count == 0) throw new FormatException($"{file} has no header row.");
        var (headerLine, header) = records[0];
        var expected = table.Columns.Select(c => c.Name).ToArray();
        if (header.Length != expected.Length || header.Zip(expected).Any(p => p.First != p.Second))
            throw new FormatException($"{file} line {headerLine}: the header is '{string.Join(",", header)}', not the table's columns '{string.Join(",", expected)}'.");
        var columns = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary();
        var rows = ImmutableArray.CreateBuilder<ExportedRow>(records.Count - 1);
        foreach (var (line, fields) in records.Skip(1))
        {
            string where = $"{file} line {line}";
            if (fields.Length != expected.Length) throw new FormatException($"{where}: {fields.Length} fields, where the header has {expected.Length}.");
            var values = new object?[fields.Length];
            for (int i = 0; i < fields.Length; i++) values[i] = Typed(table.Columns[i], fields[i], where);
            rows.Add(new ExportedRow(where, columns, values));
        }
        return new CsvTable(table, rows.MoveToImmutable());
    }

    // The records of the file, each with the line it starts on: fields as text, null for an empty unquoted field.
    private static IEnumerable<(int Line, string?[] Fields)> Records(string file, string text)
    {
        int i = 0, line = 1;
        var fields = new List<string?>();
        var field = new StringBuilder();
        while (i < text.Length)
        {
            int start = line;
            fields.Clear();
            while (true)
            {
                if (i < text.Length && text[i] == '"')
                {
                    // A quoted field: everything up to a quote that is not doubled, line breaks included.
                    field.Clear();
                    i++;
                    while (true)
                    {
                        if (i >= text.Length) throw new FormatException($"{file} line {start}: a quoted field is not closed before the end of the file.");
                        char c = text[i++];
                        if (c == '"')
                        {
                            if (i < text.Length && text[i] == '"') { field.Append('"'); i++; }
                            else break;
                        }
                        else
                        {
                            if (c == '\n') line++;
                            field.Append(c);
                        }
                    }
                    fields.Add(field.ToString());
                }
                else
                {
                    int end = i;
                    while (end < text.Length && text[end] is not (',' or '\r' or '\n'))
                    {
                        if (text[end] == '"') throw new FormatException($"{file} line {line}: a quote inside an unquoted field.");
                        end++;
                    }
                    fields.Add(end == i ? null : text[i..end]);
                    i = end;
                }
                if (i < text.Length && text[i] == ',') { i++; continue; }
                if (i + 1 < text.Length && text[i] == '\r' && text[i + 1] == '\n') { i += 2; line++; break; }
                throw new FormatException(i >= text.Length
                    ? $"{file} line {line}: the last row does not end with CRLF."
                    : $"{file} line {line}: '{Escape(text[i])}' after a field, where a comma or CRLF belongs.");
            }
            yield return (start, fields.ToArray());
        }
    }

    private static string Escape(char c) => c switch { '\r' => "\\r", '\n' => "\\n", '"' => "\"", _ => c.ToString() };

    // A field as the value of its column's type; the exporter's forms only (no exponent, no thousands separator, no other spelling).
    private static object? Typed(ExportColumn column, string? field, string where)
    {
        if (field is null)
        {
            if (!column.Nullable) throw new FormatException($"{where}: {column.Name} is null, but the column is never null.");
            return null;
        }
        var invariant = CultureInfo.InvariantCulture;
        object? value = column.Type switch
        {
            ExportColumnType.Text => field,
            ExportColumnType.Int32 => int.TryParse(field, NumberStyles.AllowLeadingSign, invariant, out int n) ? n : null,
            ExportColumnType.Decimal => decimal.TryParse(field, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, invariant, out decimal d) ? d : null,
            ExportColumnType.Boolean => field switch { "true" => true, "false" => false, _ => null },
            ExportColumnType.Date => LocalDatePattern.Iso.Parse(field) is { Success: true } date ? date.Value : null,
            _ => throw new FormatException($"{where}: {column.Name} has the type {column.Type}, which this reader does not know."),
        };
        return value ?? throw new FormatException($"{where}: {column.Name} is '{field}', which is not a {column.Type}.");
    }
}

/// <summary>A row of an exported table: each column's value as its declared type (text, int, decimal, bool or date), null where the file has none.</summary>
internal sealed class ExportedRow(string where, IReadOnlyDictionary<string, int> columns, object?[] values)
{
    /// <summary>Gets where the row is, e.g. <c>agreements.csv line 12</c>, for messages.</summary>
    public string Where { get; } = where;

    private T? Get<T>(string column) where T : struct =>
        columns.TryGetValue(column, out int i)
            ? values[i] switch { null => null, T value => value, var other => throw new FormatException($"{Where}: {column} is a {other.GetType().Name}, not a {typeof(T).Name}.") }
            : throw new FormatException($"{Where}: the table has no column {column}.");

    public string? Text(string column) =>
        columns.TryGetValue(column, out int i)
            ? values[i] switch { null => null, string text => text, var other => throw new FormatException($"{Where}: {column} is a {other.GetType().Name}, not text.") }
            : throw new FormatException($"{Where}: the table has no column {column}.");

    public string Required(string column) => Text(column) ?? throw new FormatException($"{Where}: {column} is null.");

    public int? Int32(string column) => Get<int>(column);

    public decimal? Decimal(string column) => Get<decimal>(column);

    public bool? Boolean(string column) => Get<bool>(column);

    public LocalDate? Date(string column) => Get<LocalDate>(column);

    /// <summary>Gets a column's value, whatever its type; null where the file has none.</summary>
    public object? this[string column] => columns.TryGetValue(column, out int i) ? values[i] : throw new FormatException($"{Where}: the table has no column {column}.");

    /// <summary>Throws unless the row says <paramref name="expected"/> in <paramref name="column"/>: a column the export derives from others must agree with them.</summary>
    public void Agrees(string column, object? expected)
    {
        object? actual = this[column];
        if (!Equals(actual, expected)) throw new FormatException($"{Where}: {column} is '{actual}', but the row's other columns give '{expected}'.");
    }
}
