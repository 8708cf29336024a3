using NodaTime;

namespace DefenseCoop.Export;

/// <summary>The type of an exported column; each format maps it to one of its own (see <c>docs/export.md</c>).</summary>
public enum ExportColumnType
{
    /// <summary>UTF-8 text (CSV field, JSON string, Parquet <c>BYTE_ARRAY</c> of logical type <c>STRING</c>).</summary>
    Text = 1,
    /// <summary>A 32-bit signed integer (Parquet <c>INT32</c>).</summary>
    Int32 = 2,
    /// <summary>An exact decimal number (JSON number, Parquet <c>DECIMAL(38, 9)</c>).</summary>
    Decimal = 3,
    /// <summary><c>true</c> or <c>false</c> (Parquet <c>BOOLEAN</c>).</summary>
    Boolean = 4,
    /// <summary>A calendar date, written <c>YYYY-MM-DD</c> in text formats (Parquet <c>DATE</c>).</summary>
    Date = 5,
}

/// <summary>A column of an exported table: its stable name, its type and what it holds.</summary>
/// <param name="Name">The column name: lower-case snake case, stable across releases.</param>
/// <param name="Type">The type.</param>
/// <param name="Nullable">Whether the column may be null; a null is an unknown or absent value, never 0.</param>
/// <param name="Description">What the column holds.</param>
public sealed record ExportColumn(string Name, ExportColumnType Type, bool Nullable, string Description)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Type}{(Nullable ? "" : " not null")}";
}

/// <summary>
/// Reads the rows of one exported table one at a time, as a format writer consumes them: <see cref="Read"/>
/// moves to the next row, and the typed getters return the current row's values, <see langword="null"/>
/// for an unknown value.
/// </summary>
/// <remarks>Nothing is buffered: each row is computed from the catalog's record when it is read.</remarks>
public abstract class ExportRowReader : IDisposable
{
    /// <summary>Creates a reader of a table's rows.</summary>
    /// <param name="table">The table.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    protected ExportRowReader(ExportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
    }

    /// <summary>Gets the table whose rows this reads.</summary>
    public ExportTable Table { get; }

    /// <summary>Moves to the next row.</summary>
    /// <returns><see langword="false"/> after the last row.</returns>
    public abstract bool Read();

    /// <summary>Gets a <see cref="ExportColumnType.Text"/> value of the current row.</summary>
    /// <exception cref="InvalidCastException">The column is of another type.</exception>
    public abstract string? GetText(int ordinal);

    /// <summary>Gets an <see cref="ExportColumnType.Int32"/> value of the current row.</summary>
    /// <exception cref="InvalidCastException">The column is of another type.</exception>
    public abstract int? GetInt32(int ordinal);

    /// <summary>Gets a <see cref="ExportColumnType.Decimal"/> value of the current row.</summary>
    /// <exception cref="InvalidCastException">The column is of another type.</exception>
    public abstract decimal? GetDecimal(int ordinal);

    /// <summary>Gets a <see cref="ExportColumnType.Boolean"/> value of the current row.</summary>
    /// <exception cref="InvalidCastException">The column is of another type.</exception>
    public abstract bool? GetBoolean(int ordinal);

    /// <summary>Gets a <see cref="ExportColumnType.Date"/> value of the current row.</summary>
    /// <exception cref="InvalidCastException">The column is of another type.</exception>
    public abstract LocalDate? GetDate(int ordinal);

    /// <summary>Releases the enumeration of the underlying records.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the enumeration of the underlying records.</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing) { }
}
