using DefenseCoop.Export;
using System.Numerics;
using global::Parquet;
using global::Parquet.Data;
using global::Parquet.Schema;

namespace DefenseCoop.Export.Parquet;

/// <summary>
/// Apache Parquet for the export (<see cref="CatalogExporter"/>): one file per table, Snappy-compressed,
/// written one row group at a time so that memory stays flat however many rows a table has.
/// </summary>
/// <remarks>
/// Column types map as <c>docs/export.md</c> lists: text to <c>STRING</c>, Int32 to <c>INT32</c>, Decimal to
/// <c>DECIMAL(38, 9)</c> (29 digits before the point, as many as any figure has), Boolean to
/// <c>BOOLEAN</c>, Date to <c>DATE</c>. Every column is optional, so a null stays a null.
/// </remarks>
/// <example><code>
/// await CatalogExporter.ForCatalog(catalog).WriteToDirectoryAsync("out", ParquetFormat.Default);
/// </code></example>
public sealed class ParquetFormat : ExportFormat
{
    /// <summary>The precision of decimal columns: 38 digits, of which <see cref="DecimalScale"/> after the point.</summary>
    public const int DecimalPrecision = 38;

    /// <summary>The scale of decimal columns: 9 digits after the point, leaving 29 before it, as many as any <see cref="decimal"/> has.</summary>
    public const int DecimalScale = 9;

    /// <summary>Gets the format with row groups of <see cref="DefaultRowGroupSize"/> rows.</summary>
    public static ParquetFormat Default { get; } = new();

    /// <summary>The default number of rows per row group.</summary>
    public const int DefaultRowGroupSize = 65_536;

    /// <summary>Creates the format with a row-group size.</summary>
    /// <param name="rowGroupSize">Rows per row group: memory while writing is proportional to it, not to the table.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rowGroupSize"/> is less than 1.</exception>
    public ParquetFormat(int rowGroupSize = DefaultRowGroupSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rowGroupSize, 1);
        RowGroupSize = rowGroupSize;
    }

    /// <summary>Gets the number of rows per row group.</summary>
    public int RowGroupSize { get; }

    /// <inheritdoc/>
    public override string Name => "parquet";

    /// <inheritdoc/>
    public override string FileExtension => ".parquet";

    /// <summary>The Parquet schema of an exported table.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    public static ParquetSchema SchemaOf(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ParquetSchema(table.Columns.Select(FieldOf));
    }

    private static DataField FieldOf(ExportColumn column) => column.Type switch
    {
        ExportColumnType.Text => new DataField<string>(column.Name, nullable: true),
        ExportColumnType.Int32 => new DataField<int?>(column.Name, nullable: true),
        ExportColumnType.Decimal => new BigDecimalDataField(column.Name, DecimalPrecision, DecimalScale, isNullable: true),
        ExportColumnType.Boolean => new DataField<bool?>(column.Name, nullable: true),
        ExportColumnType.Date => new DataField<DateOnly?>(column.Name, nullable: true),
        _ => throw new NotSupportedException($"Column type {column.Type} has no Parquet form."),
    };

    /// <inheritdoc/>
    /// <remarks>Parquet writes its footer at the end; the stream must be writable (it need not be seekable).</remarks>
    public override async Task<long> WriteAsync(ExportRowReader rows, Stream stream, Action<long>? rowWritten = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(stream);
        var columns = rows.Table.Columns;
        var schema = SchemaOf(rows.Table);
        var fields = schema.GetDataFields();
        var buffers = columns.Select(c => ColumnBuffer.For(c.Type, RowGroupSize)).ToArray();
        var options = new ParquetOptions
        {
            // Bound the writer's pool of recycled streams, which by default keeps every buffer it ever made.
            MaximumSmallPoolFreeBytes = 16 << 20,
            MaximumLargePoolFreeBytes = 64 << 20,
            // System.Decimal scaled by 10^9 overflows above 79 billion billion (local currencies reach it); the big decimal holds all 38 digits.
            UseBigDecimal = true,
        };
        await using var writer = await ParquetWriter.CreateAsync(schema, stream, options, append: false, cancellationToken).ConfigureAwait(false);
        writer.CustomMetadata = new Dictionary<string, string> { ["defensecoop.table"] = rows.Table.Name };
        long count = 0;
        int filled = 0;
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (int i = 0; i < buffers.Length; i++) buffers[i].Add(rows, i, filled);
            filled++;
            count++;
            rowWritten?.Invoke(count);
            if (filled == RowGroupSize)
            {
                await WriteRowGroupAsync(writer, fields, buffers, filled, cancellationToken).ConfigureAwait(false);
                filled = 0;
            }
        }
        // A table without rows still gets one empty row group, so that every reader sees its schema.
        if (filled > 0 || count == 0) await WriteRowGroupAsync(writer, fields, buffers, filled, cancellationToken).ConfigureAwait(false);
        return count;
    }

    private static async Task WriteRowGroupAsync(ParquetWriter writer, DataField[] fields, ColumnBuffer[] buffers, int rows, CancellationToken cancellationToken)
    {
        using var group = writer.CreateRowGroup();
        for (int i = 0; i < fields.Length; i++)
            await buffers[i].WriteAsync(group, fields[i], rows, cancellationToken).ConfigureAwait(false);
        group.CompleteValidate();
    }

    /// <summary>One column's values of the row group being filled.</summary>
    private abstract class ColumnBuffer
    {
        public static ColumnBuffer For(ExportColumnType type, int size) => type switch
        {
            ExportColumnType.Text => new TextBuffer(size),
            ExportColumnType.Int32 => new ValueBuffer<int>(size, (r, i) => r.GetInt32(i)),
            ExportColumnType.Decimal => new DecimalBuffer(size),
            ExportColumnType.Boolean => new ValueBuffer<bool>(size, (r, i) => r.GetBoolean(i)),
            ExportColumnType.Date => new ValueBuffer<DateOnly>(size, (r, i) => r.GetDate(i)?.ToDateOnly()),
            _ => throw new NotSupportedException($"Column type {type} has no Parquet form."),
        };

        public abstract void Add(ExportRowReader rows, int ordinal, int index);

        public abstract Task WriteAsync(ParquetRowGroupWriter group, DataField field, int rows, CancellationToken cancellationToken);
    }

    private sealed class TextBuffer(int size) : ColumnBuffer
    {
        private readonly string?[] _values = new string?[size];

        public override void Add(ExportRowReader rows, int ordinal, int index) => _values[index] = rows.GetText(ordinal);

        public override async Task WriteAsync(ParquetRowGroupWriter group, DataField field, int rows, CancellationToken cancellationToken)
        {
            await group.WriteAsync(field, new ArraySegment<string>(_values!, 0, rows)).ConfigureAwait(false);
            // Let the strings of this group go before the next fills.
            Array.Clear(_values, 0, rows);
        }
    }

    private sealed class DecimalBuffer(int size) : ColumnBuffer
    {
        private static readonly BigInteger Limit = BigInteger.Pow(10, DecimalPrecision);
        private readonly BigDecimal?[] _values = new BigDecimal?[size];

        public override void Add(ExportRowReader rows, int ordinal, int index) => _values[index] = rows.GetDecimal(ordinal) is { } value ? ToBig(value, rows.Table.Columns[ordinal].Name) : null;

        /// <summary>The value as an unscaled integer of scale 9: exact for every decimal of up to 9 fractional digits, rounded (to even) beyond.</summary>
        internal static BigDecimal ToBig(decimal value, string column)
        {
            decimal rounded = decimal.Round(value, DecimalScale, MidpointRounding.ToEven);
            int scale = rounded.Scale;
            var mantissa = new BigInteger(rounded * Pow10(scale));
            var unscaled = mantissa * BigInteger.Pow(10, DecimalScale - scale);
            if (BigInteger.Abs(unscaled) >= Limit)
                throw new OverflowException($"Column {column}: {value} does not fit DECIMAL({DecimalPrecision}, {DecimalScale}).");
            return new BigDecimal(unscaled, DecimalPrecision, DecimalScale);
        }

        // The mantissa of a decimal is the value times 10^scale, which never overflows: it is the decimal's own integer.
        private static decimal Pow10(int scale)
        {
            decimal p = 1;
            for (int i = 0; i < scale; i++) p *= 10;
            return p;
        }

        public override async Task WriteAsync(ParquetRowGroupWriter group, DataField field, int rows, CancellationToken cancellationToken)
        {
            await group.WriteAsync<BigDecimal>(field, _values.AsMemory(0, rows)!, null, null, cancellationToken).ConfigureAwait(false);
            Array.Clear(_values, 0, rows);
        }
    }

    private sealed class ValueBuffer<T>(int size, Func<ExportRowReader, int, T?> get) : ColumnBuffer where T : struct
    {
        private readonly T?[] _values = new T?[size];

        public override void Add(ExportRowReader rows, int ordinal, int index) => _values[index] = get(rows, ordinal);

        public override Task WriteAsync(ParquetRowGroupWriter group, DataField field, int rows, CancellationToken cancellationToken) =>
            group.WriteAsync<T>(field, _values.AsMemory(0, rows), null, null, cancellationToken);
    }
}
