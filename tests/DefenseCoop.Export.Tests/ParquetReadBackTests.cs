using System.Numerics;
using System.Text;
using DefenseCoop.Export.Parquet;
using NodaTime;
using global::Parquet;
using global::Parquet.Data;
using global::Parquet.Schema;

namespace DefenseCoop.Export.Tests;

/// <summary>
/// The Parquet export, read back with Parquet.Net, holds what the CSV export holds: every table of the bundled release,
/// its cells written again as CSV by the library's own CSV writer, is the CSV export character for character, but for
/// decimals, which Parquet keeps to nine places (<c>DECIMAL(38, 9)</c>, rounded to even beyond, as docs/export.md says).
/// The CSV export reads back into records that equal their originals (DefenseCoop.Core.Tests, <c>ExportRoundTripTests</c>),
/// so records read from Parquet equal them too wherever no figure has more than nine places; the spending figures that
/// have more (NATO's shares, with a double's digits) come back rounded.
/// </summary>
public sealed class ParquetReadBackTests
{
    public static TheoryData<string> Tables => [.. ExportTables.All.Select(t => t.Name)];

    [Theory, MemberData(nameof(Tables))]
    public async Task EveryTableOfTheBundledRelease_ReadBackFromParquet_IsTheCsvExport_WithDecimalsToNinePlaces(string name) =>
        Assert.Equal(await CsvOfTheExportAsync(ExportTables.Get(name)), await CsvOfParquetAsync(ExportTables.Get(name), ParquetFormat.Default));

    [Fact]
    public async Task RowGroups_AreReadInOrder()
    {
        // Rows span several row groups of a small size: the reader joins them in file order.
        var table = ExportTables.AgreementParties;
        Assert.Equal(await CsvOfTheExportAsync(table), await CsvOfParquetAsync(table, new ParquetFormat(rowGroupSize: 100), minimumRowGroups: 2));
    }

    [Fact]
    public async Task FiguresWithMoreThanNinePlaces_AreRoundedToEven_TheOnlyDifferenceFromCsv()
    {
        // NATO's shares carry a double's digits (16.649791053904554): Parquet's DECIMAL(38, 9) keeps nine places (docs/export.md),
        // so these spending figures, and the series they belong to, do not come back exactly from Parquet.
        var exact = await CsvAsync(ExportTables.Spending, ExportFormat.Csv, round: false);
        var fromParquet = await CsvOfParquetAsync(ExportTables.Spending, ParquetFormat.Default);
        Assert.NotEqual(exact, fromParquet);
        Assert.Equal(await CsvOfTheExportAsync(ExportTables.Spending), fromParquet);
        Assert.Contains(DefenseCoopCatalog.Default.Spending, o => o.Value != decimal.Round(o.Value, ParquetFormat.DecimalScale, MidpointRounding.ToEven));
    }

    // The CSV export of the bundled release's table, its decimals rounded as Parquet's DECIMAL(38, 9) keeps them.
    private static Task<string> CsvOfTheExportAsync(ExportTable table) => CsvAsync(table, ExportFormat.Csv, round: true);

    private static async Task<string> CsvAsync(ExportTable table, ExportFormat format, bool round)
    {
        using var rows = CatalogExporter.ForCatalog(DefenseCoopCatalog.Default).OpenRows(table);
        using var stream = new MemoryStream();
        await format.WriteAsync(round ? new RoundedRows(rows) : rows, stream, cancellationToken: TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // The table exported as Parquet, read back with Parquet.Net, and written as CSV by the library's CSV writer.
    private static async Task<string> CsvOfParquetAsync(ExportTable table, ParquetFormat format, int minimumRowGroups = 1)
    {
        using var parquet = new MemoryStream();
        await CatalogExporter.ForCatalog(DefenseCoopCatalog.Default).WriteTableAsync(table, parquet, format, cancellationToken: TestContext.Current.CancellationToken);
        parquet.Position = 0;
        using var rows = await ParquetRows.ReadAsync(table, parquet);
        Assert.True(rows.RowGroups >= minimumRowGroups, $"{table.Name} has {rows.RowGroups} row groups.");
        using var csv = new MemoryStream();
        Assert.Equal(rows.Count, await ExportFormat.Csv.WriteAsync(rows, csv, cancellationToken: TestContext.Current.CancellationToken));
        return Encoding.UTF8.GetString(csv.ToArray());
    }

    /// <summary>The export's rows with every decimal rounded to Parquet's nine places, to even, as <see cref="ParquetFormat"/> writes them.</summary>
    private sealed class RoundedRows(ExportRowReader rows) : ExportRowReader(rows.Table)
    {
        public override bool Read() => rows.Read();

        public override string? GetText(int ordinal) => rows.GetText(ordinal);

        public override int? GetInt32(int ordinal) => rows.GetInt32(ordinal);

        public override decimal? GetDecimal(int ordinal) =>
            rows.GetDecimal(ordinal) is { } value ? decimal.Round(value, ParquetFormat.DecimalScale, MidpointRounding.ToEven) : null;

        public override bool? GetBoolean(int ordinal) => rows.GetBoolean(ordinal);

        public override LocalDate? GetDate(int ordinal) => rows.GetDate(ordinal);
    }

    /// <summary>A Parquet file's rows, read with Parquet.Net, as the rows of the exported table its schema must be.</summary>
    private sealed class ParquetRows : ExportRowReader
    {
        private readonly object?[][] _columns;
        private int _row = -1;

        private ParquetRows(ExportTable table, object?[][] columns, int count, int rowGroups) : base(table) => (_columns, Count, RowGroups) = (columns, count, rowGroups);

        public int Count { get; }

        public int RowGroups { get; }

        public static async Task<ParquetRows> ReadAsync(ExportTable table, Stream stream)
        {
            await using var reader = await ParquetReader.CreateAsync(stream, new ParquetOptions { UseBigDecimal = true, UseDateOnlyTypeForDates = true });
            var fields = reader.Schema.GetDataFields();
            Assert.Equal(table.Columns.Select(c => c.Name), fields.Select(f => f.Name));
            var columns = table.Columns.Select(_ => new List<object?>()).ToArray();
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                int count = checked((int)group.RowCount);
                for (int i = 0; i < fields.Length; i++)
                    columns[i].AddRange(await ReadColumnAsync(group, fields[i], table.Columns[i].Type, count));
            }
            return new ParquetRows(table, [.. columns.Select(c => c.ToArray())], columns[0].Count, reader.RowGroupCount);
        }

        private static async Task<IEnumerable<object?>> ReadColumnAsync(ParquetRowGroupReader group, DataField field, ExportColumnType type, int count)
        {
            switch (type)
            {
                case ExportColumnType.Text:
                    var text = new string?[count];
                    await group.ReadAsync(field, text.AsMemory()!, null);
                    return text;
                case ExportColumnType.Int32:
                    return (await Values<int>(group, field, count)).Select(v => (object?)v);
                case ExportColumnType.Boolean:
                    return (await Values<bool>(group, field, count)).Select(v => (object?)v);
                case ExportColumnType.Date:
                    return (await Values<DateOnly>(group, field, count)).Select(v => (object?)(v is { } d ? LocalDate.FromDateOnly(d) : null));
                case ExportColumnType.Decimal:
                    return (await Values<BigDecimal>(group, field, count)).Select(v => (object?)(v is { } b ? ToDecimal(b) : null));
                default:
                    throw new NotSupportedException($"Column {field.Name} has the type {type}.");
            }
        }

        private static async Task<T?[]> Values<T>(ParquetRowGroupReader group, DataField field, int count) where T : struct
        {
            var values = new T?[count];
            await group.ReadAsync<T>(field, values.AsMemory(), null);
            return values;
        }

        // DECIMAL(38, 9) as System.Decimal: the whole part and the nine places apart, as the unscaled value may not fit a decimal whole.
        private static decimal ToDecimal(BigDecimal value)
        {
            var power = BigInteger.Pow(10, value.Scale);
            var whole = BigInteger.DivRem(value.UnscaledValue, power, out var fraction);
            return (decimal)whole + (decimal)fraction / (decimal)power;
        }

        public override bool Read() => ++_row < Count;

        private T? Get<T>(int ordinal, ExportColumnType type)
        {
            if (Table.Columns[ordinal].Type != type) throw new InvalidCastException($"Column {Table.Columns[ordinal].Name} is {Table.Columns[ordinal].Type}, not {type}.");
            return (T?)_columns[ordinal][_row];
        }

        public override string? GetText(int ordinal) => Get<string>(ordinal, ExportColumnType.Text);

        public override int? GetInt32(int ordinal) => Get<int?>(ordinal, ExportColumnType.Int32);

        public override decimal? GetDecimal(int ordinal) => Get<decimal?>(ordinal, ExportColumnType.Decimal);

        public override bool? GetBoolean(int ordinal) => Get<bool?>(ordinal, ExportColumnType.Boolean);

        public override LocalDate? GetDate(int ordinal) => Get<LocalDate?>(ordinal, ExportColumnType.Date);
    }
}
