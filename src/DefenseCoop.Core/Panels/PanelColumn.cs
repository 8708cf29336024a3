using System.Runtime.CompilerServices;
using DefenseCoop.Export;

namespace DefenseCoop.Panels;

/// <summary>
/// A column a panel computes from the catalog (or from the caller's values): its stable name, its type in
/// an export, its unit and meaning. <see cref="PanelColumn{T}"/> reads it, typed, from a row.
/// </summary>
/// <remarks>
/// Where the column comes from and what it covers are in the panel's description
/// (<see cref="Panel{TPanel, TRow}.Describe"/>), which is computed with the panel.
/// </remarks>
public abstract class PanelColumn
{
    private protected PanelColumn(string name, ExportColumnType type, string unit, string meaning, PanelSource source, int ordinal)
    {
        Name = name;
        Type = type;
        Unit = unit;
        Meaning = meaning;
        Source = source;
        Ordinal = ordinal;
    }

    /// <summary>Gets the name: lower-case snake case, as the exported table names the column.</summary>
    public string Name { get; }

    /// <summary>Gets the type the column has in an export: <see cref="ExportColumnType.Int32"/> for counts, <see cref="ExportColumnType.Decimal"/> for amounts, <see cref="ExportColumnType.Boolean"/> for flags.</summary>
    public ExportColumnType Type { get; }

    /// <summary>Gets the unit, e.g. "agreements", "millions of TIV", "US$ (current prices)", "true or false".</summary>
    public string Unit { get; }

    /// <summary>Gets what a value means, in one or two sentences.</summary>
    public string Meaning { get; }

    /// <summary>The computation the column reads (several columns may read one: a spending figure on each side of a dyad).</summary>
    internal PanelSource Source { get; }

    /// <summary>The column's position among its panel's columns; a panel only ever appends, so it never changes.</summary>
    internal int Ordinal { get; }

    internal abstract object? ReadBoxed(PanelData data, int a, int b, int year);

    internal abstract int? ReadInt32(PanelData data, int a, int b, int year);

    internal abstract decimal? ReadDecimal(PanelData data, int a, int b, int year);

    internal abstract bool? ReadBoolean(PanelData data, int a, int b, int year);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Type} ({Unit})";
}

/// <summary>A panel column whose values are of type <typeparamref name="T"/>: read with <c>row.Get(column)</c>, null for unknown.</summary>
/// <typeparam name="T"><see cref="int"/> for counts, <see cref="decimal"/> for amounts, <see cref="bool"/> for flags, <see cref="TrendIndicatorValue"/> for arms-transfer volumes.</typeparam>
public sealed class PanelColumn<T> : PanelColumn where T : struct
{
    private readonly Func<BuiltSource, PanelData, int, int, int, T?> _read;

    /// <param name="name">The name.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="meaning">The meaning.</param>
    /// <param name="source">The computation it reads.</param>
    /// <param name="ordinal">Its position among the panel's columns.</param>
    /// <param name="read">Reads the value of a row (states <c>a</c>, <c>b</c> by position, <c>b</c> -1 on a state-year) from the computed source.</param>
    internal PanelColumn(string name, string unit, string meaning, PanelSource source, int ordinal, Func<BuiltSource, PanelData, int, int, int, T?> read)
        : base(name, TypeOf(), unit, meaning, source, ordinal) => _read = read;

    private static ExportColumnType TypeOf() =>
        typeof(T) == typeof(int) ? ExportColumnType.Int32
        : typeof(T) == typeof(decimal) || typeof(T) == typeof(TrendIndicatorValue) ? ExportColumnType.Decimal
        : typeof(T) == typeof(bool) ? ExportColumnType.Boolean
        : throw new NotSupportedException($"A panel column holds int, decimal, bool or TrendIndicatorValue, not {typeof(T).Name}.");

    internal T? Read(PanelData data, int a, int b, int year)
    {
        if (Ordinal >= data.Columns.Length || !ReferenceEquals(data.Columns[Ordinal], this))
            throw new ArgumentException($"The column '{Name}' is not a column of this row's panel; take it from that panel's Columns or Column<T>(name).", "column");
        return _read(data.Sources[Source.Ordinal], data, a, b, year);
    }

    internal override object? ReadBoxed(PanelData data, int a, int b, int year) => Read(data, a, b, year) is { } value ? value : null;

    // Each reads T? as the type it is (checked first), reinterpreting in place: nothing is boxed per value.
    internal override int? ReadInt32(PanelData data, int a, int b, int year)
    {
        if (typeof(T) != typeof(int)) throw WrongType(ExportColumnType.Int32);
        var value = Read(data, a, b, year);
        return Unsafe.As<T?, int?>(ref value);
    }

    internal override decimal? ReadDecimal(PanelData data, int a, int b, int year)
    {
        var value = Read(data, a, b, year);
        if (typeof(T) == typeof(decimal)) return Unsafe.As<T?, decimal?>(ref value);
        if (typeof(T) == typeof(TrendIndicatorValue)) return Unsafe.As<T?, TrendIndicatorValue?>(ref value)?.Millions;
        throw WrongType(ExportColumnType.Decimal);
    }

    internal override bool? ReadBoolean(PanelData data, int a, int b, int year)
    {
        if (typeof(T) != typeof(bool)) throw WrongType(ExportColumnType.Boolean);
        var value = Read(data, a, b, year);
        return Unsafe.As<T?, bool?>(ref value);
    }

    private InvalidCastException WrongType(ExportColumnType asked) => new($"Column {Name} is {Type}, not {asked}.");
}
