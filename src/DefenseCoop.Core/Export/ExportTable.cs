using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Export;

/// <summary>
/// One table of the export's documented shape (<c>docs/export.md</c>): its stable name, its columns in
/// order, and what a row is. <see cref="ExportTables"/> lists them all.
/// </summary>
public sealed class ExportTable
{
    internal ExportTable(string name, string description, TableRows rows)
    {
        Name = name;
        Description = description;
        Rows = rows;
        Columns = rows.Columns;
    }

    /// <summary>Gets the table name, e.g. <c>agreements</c>: the file name without its extension.</summary>
    public string Name { get; }

    /// <summary>Gets what one row is.</summary>
    public string Description { get; }

    /// <summary>Gets the columns in order.</summary>
    public ImmutableArray<ExportColumn> Columns { get; }

    internal TableRows Rows { get; }

    /// <summary>The ordinal of a column.</summary>
    /// <exception cref="ArgumentException">The table has no such column.</exception>
    public int Ordinal(string column)
    {
        for (int i = 0; i < Columns.Length; i++)
            if (Columns[i].Name == column) return i;
        throw new ArgumentException($"The table {Name} has no column '{column}'.", nameof(column));
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>The rows of one table: which records of a selection it holds, and which sources each row cites.</summary>
internal abstract class TableRows
{
    public abstract ImmutableArray<ExportColumn> Columns { get; }

    /// <summary>Whether the selection includes this table.</summary>
    public abstract bool Selected(ExportSelection selection);

    /// <summary>The sources each row cites, in row order, for the export's check of licences before it writes.</summary>
    public abstract IEnumerable<RowSources> CitedSources(ExportSelection selection);

    /// <summary>Opens a reader of the rows whose sources <paramref name="include"/> accepts; every row when it is null.</summary>
    public abstract ExportRowReader Open(ExportTable table, ExportSelection selection, Func<RowSources, bool>? include);
}

/// <summary>The rows of a table whose rows are records (or parts of records) of type <typeparamref name="T"/>.</summary>
internal sealed class TableRows<T>(Func<ExportSelection, IEnumerable<T>?> records, Func<T, RowSources> sources, Columns<T> columns) : TableRows
{
    private readonly ImmutableArray<Column<T>> _columns = columns.All;

    public override ImmutableArray<ExportColumn> Columns => [.. _columns.Select(c => c.Info)];

    public override bool Selected(ExportSelection selection) => records(selection) is not null;

    public override IEnumerable<RowSources> CitedSources(ExportSelection selection) => (records(selection) ?? []).Select(sources);

    public override ExportRowReader Open(ExportTable table, ExportSelection selection, Func<RowSources, bool>? include)
    {
        var rows = records(selection) ?? [];
        return new Reader(table, _columns, (include is null ? rows : rows.Where(r => include(sources(r)))).GetEnumerator());
    }

    private sealed class Reader(ExportTable table, ImmutableArray<Column<T>> columns, IEnumerator<T> rows) : ExportRowReader(table)
    {
        private T? _current;
        private bool _positioned;

        public override bool Read()
        {
            _positioned = rows.MoveNext();
            _current = _positioned ? rows.Current : default;
            return _positioned;
        }

        private TColumn Column<TColumn>(int ordinal, ExportColumnType type) where TColumn : Column<T>
        {
            if (!_positioned) throw new InvalidOperationException("No current row: call Read first, and stop when it returns false.");
            return columns[ordinal] as TColumn
                ?? throw new InvalidCastException($"Column {columns[ordinal].Info.Name} of {Table.Name} is {columns[ordinal].Info.Type}, not {type}.");
        }

        public override string? GetText(int ordinal) => Column<TextColumn<T>>(ordinal, ExportColumnType.Text).Get(_current!);

        public override int? GetInt32(int ordinal) => Column<Int32Column<T>>(ordinal, ExportColumnType.Int32).Get(_current!);

        public override decimal? GetDecimal(int ordinal) => Column<DecimalColumn<T>>(ordinal, ExportColumnType.Decimal).Get(_current!);

        public override bool? GetBoolean(int ordinal) => Column<BooleanColumn<T>>(ordinal, ExportColumnType.Boolean).Get(_current!);

        public override LocalDate? GetDate(int ordinal) => Column<DateColumn<T>>(ordinal, ExportColumnType.Date).Get(_current!);

        protected override void Dispose(bool disposing)
        {
            if (disposing) rows.Dispose();
        }
    }
}

/// <summary>What an export holds: the records of each kind, or null for a table it leaves out.</summary>
internal sealed record ExportSelection(DefenseCoopCatalog Catalog)
{
    public IEnumerable<Country>? Countries { get; init; }
    public IEnumerable<Organization>? Organizations { get; init; }
    public IEnumerable<Person>? People { get; init; }
    public IEnumerable<DefenseSystem>? Systems { get; init; }
    public IEnumerable<Agreement>? Agreements { get; init; }
    public IEnumerable<TradeFlow>? Trade { get; init; }
    public IEnumerable<SpendingObservation>? Spending { get; init; }
    public IEnumerable<Event>? Events { get; init; }

    /// <summary>The sources the exported rows cite, in id order; set once the export has checked them.</summary>
    public IReadOnlyList<Source>? CitedSources { get; init; }
}
