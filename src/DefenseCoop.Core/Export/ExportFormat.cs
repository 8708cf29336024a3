using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime.Text;

namespace DefenseCoop.Export;

/// <summary>
/// A file format for exported tables. <see cref="Csv"/> and <see cref="JsonLines"/> come with the
/// library; the <c>DefenseCoop.Export.Parquet</c> package adds Apache Parquet.
/// </summary>
public abstract class ExportFormat
{
    /// <summary>Gets RFC 4180 CSV in UTF-8 without a byte-order mark: a header row, CRLF line ends, fields
    /// quoted where they hold a comma, quote or line break, a null as an empty unquoted field and an empty text as <c>""</c>.</summary>
    public static ExportFormat Csv { get; } = new CsvFormat();

    /// <summary>Gets JSON Lines (UTF-8): one JSON object per row and line, every column present, nulls as <c>null</c>.</summary>
    public static ExportFormat JsonLines { get; } = new JsonLinesFormat();

    /// <summary>Gets the format's name, e.g. <c>csv</c>.</summary>
    public abstract string Name { get; }

    /// <summary>Gets the file extension with its dot, e.g. <c>.csv</c>.</summary>
    public abstract string FileExtension { get; }

    /// <summary>
    /// Writes every row of <paramref name="rows"/> to <paramref name="stream"/>, streaming: memory does not
    /// grow with the number of rows. Leaves the stream open.
    /// </summary>
    /// <param name="rows">The rows, positioned before the first.</param>
    /// <param name="stream">The destination.</param>
    /// <param name="rowWritten">Called after each row, with the number written so far, for progress and cancellation.</param>
    /// <param name="cancellationToken">Stops the export between rows.</param>
    /// <returns>The number of rows written.</returns>
    public abstract Task<long> WriteAsync(ExportRowReader rows, Stream stream, Action<long>? rowWritten = null, CancellationToken cancellationToken = default);

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>The same value with the fewest digits after the point: <c>1.50</c> becomes <c>1.5</c>, <c>7.00</c> becomes <c>7</c>.</summary>
    /// <remarks>A decimal keeps the scale it was computed with; dividing by one with 28 zeros after the point drops the trailing ones.</remarks>
    protected internal static decimal WithoutTrailingZeros(decimal value) => value / 1.0000000000000000000000000000m;
}

internal sealed class CsvFormat : ExportFormat
{
    private static readonly SearchValues<char> NeedsQuotes = SearchValues.Create(",\"\r\n");

    public override string Name => "csv";

    public override string FileExtension => ".csv";

    public override async Task<long> WriteAsync(ExportRowReader rows, Stream stream, Action<long>? rowWritten = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(stream);
        var columns = rows.Table.Columns;
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        for (int i = 0; i < columns.Length; i++)
        {
            if (i > 0) writer.Write(',');
            writer.Write(columns[i].Name);
        }
        writer.Write("\r\n");
        long count = 0;
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < columns.Length; i++)
            {
                if (i > 0) writer.Write(',');
                WriteField(writer, rows, i, columns[i].Type);
            }
            writer.Write("\r\n");
            count++;
            rowWritten?.Invoke(count);
            // The writer's buffer goes out as it fills; flush in step so that the stream sees the data as it goes.
            if ((count & 0x3FFF) == 0) await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static void WriteField(StreamWriter writer, ExportRowReader rows, int ordinal, ExportColumnType type)
    {
        switch (type)
        {
            case ExportColumnType.Text:
                if (rows.GetText(ordinal) is { } text) WriteText(writer, text);
                break;
            case ExportColumnType.Int32:
                if (rows.GetInt32(ordinal) is { } number) writer.Write(number.ToString(CultureInfo.InvariantCulture));
                break;
            case ExportColumnType.Decimal:
                if (rows.GetDecimal(ordinal) is { } value) writer.Write(ExportFormat.WithoutTrailingZeros(value).ToString(CultureInfo.InvariantCulture));
                break;
            case ExportColumnType.Boolean:
                if (rows.GetBoolean(ordinal) is { } flag) writer.Write(flag ? "true" : "false");
                break;
            case ExportColumnType.Date:
                if (rows.GetDate(ordinal) is { } date) writer.Write(LocalDatePattern.Iso.Format(date));
                break;
            default:
                throw new NotSupportedException($"Column type {type} has no CSV form.");
        }
    }

    private static void WriteText(StreamWriter writer, string text)
    {
        // An empty text is quoted so that it stays apart from a null, which is an empty unquoted field.
        if (text.Length > 0 && !text.AsSpan().ContainsAny(NeedsQuotes))
        {
            writer.Write(text);
            return;
        }
        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }
}

internal sealed class JsonLinesFormat : ExportFormat
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Names in Turkish, Finnish and Cyrillic stay readable; the output is data, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    private static readonly byte[] NewLine = [(byte)'\n'];

    public override string Name => "jsonl";

    public override string FileExtension => ".jsonl";

    public override async Task<long> WriteAsync(ExportRowReader rows, Stream stream, Action<long>? rowWritten = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(stream);
        var columns = rows.Table.Columns;
        var names = columns.Select(c => JsonEncodedText.Encode(c.Name, Options.Encoder)).ToArray();
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        await using var json = new Utf8JsonWriter(buffer, Options);
        long count = 0;
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            json.Reset(buffer);
            json.WriteStartObject();
            for (int i = 0; i < columns.Length; i++)
            {
                json.WritePropertyName(names[i]);
                WriteValue(json, rows, i, columns[i].Type);
            }
            json.WriteEndObject();
            json.Flush();
            buffer.Write(NewLine);
            count++;
            rowWritten?.Invoke(count);
            if (buffer.WrittenCount >= 1 << 16)
            {
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }
        if (buffer.WrittenCount > 0) await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static void WriteValue(Utf8JsonWriter json, ExportRowReader rows, int ordinal, ExportColumnType type)
    {
        switch (type)
        {
            case ExportColumnType.Text:
                if (rows.GetText(ordinal) is { } text) json.WriteStringValue(text); else json.WriteNullValue();
                break;
            case ExportColumnType.Int32:
                if (rows.GetInt32(ordinal) is { } number) json.WriteNumberValue(number); else json.WriteNullValue();
                break;
            case ExportColumnType.Decimal:
                if (rows.GetDecimal(ordinal) is { } value) json.WriteNumberValue(ExportFormat.WithoutTrailingZeros(value)); else json.WriteNullValue();
                break;
            case ExportColumnType.Boolean:
                if (rows.GetBoolean(ordinal) is { } flag) json.WriteBooleanValue(flag); else json.WriteNullValue();
                break;
            case ExportColumnType.Date:
                if (rows.GetDate(ordinal) is { } date) json.WriteStringValue(LocalDatePattern.Iso.Format(date)); else json.WriteNullValue();
                break;
            default:
                throw new NotSupportedException($"Column type {type} has no JSON form.");
        }
    }
}
