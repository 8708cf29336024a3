using System.Globalization;

namespace DefenseCoop.Importers.Xlsx;

/// <summary>What a cell holds.</summary>
internal enum XlsxCellKind
{
    /// <summary>Nothing (a cell that is absent or has no value).</summary>
    Empty = 0,
    /// <summary>A number, kept as the text the file stores so that no precision is lost.</summary>
    Number = 1,
    /// <summary>Text: a shared string, an inline string or a formula's string result.</summary>
    Text = 2,
    /// <summary>A boolean, as <c>TRUE</c> or <c>FALSE</c>.</summary>
    Boolean = 3,
    /// <summary>An error value such as <c>#REF!</c>.</summary>
    Error = 4,
}

/// <summary>One cell's value and the colours its style gives it.</summary>
/// <param name="Row">The 1-based row.</param>
/// <param name="Column">The 1-based column.</param>
/// <param name="Kind">What the cell holds.</param>
/// <param name="Text">The value as text: the string, the number as stored (e.g. <c>1.7467930732534516</c>), or the error; empty for an empty cell.</param>
/// <param name="Fill">The fill (background) colour, if the style sets one.</param>
/// <param name="Font">The font colour, if the style sets one other than automatic.</param>
internal readonly record struct XlsxCell(int Row, int Column, XlsxCellKind Kind, string Text, XlsxColor? Fill = null, XlsxColor? Font = null)
{
    /// <summary>An empty cell at a position.</summary>
    public static XlsxCell EmptyAt(int row, int column) => new(row, column, XlsxCellKind.Empty, "");

    /// <summary>Gets the A1-style reference, e.g. <c>D12</c>.</summary>
    public string Reference => XlsxReference.Format(Row, Column);

    /// <summary>Whether the cell holds nothing, or only white space.</summary>
    public bool IsBlank => Kind == XlsxCellKind.Empty || (Kind == XlsxCellKind.Text && string.IsNullOrWhiteSpace(Text));

    /// <summary>Reads a number exactly as the file stores it (decimal, so <c>0.1</c> stays 0.1).</summary>
    public bool TryGetNumber(out decimal value)
    {
        value = 0;
        return Kind == XlsxCellKind.Number
            && decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Reference}: {Text}";
}

/// <summary>A row of a sheet: its non-empty cells, in column order.</summary>
internal sealed class XlsxRow
{
    private readonly XlsxCell[] _cells;

    public XlsxRow(int number, XlsxCell[] cells)
    {
        Number = number;
        _cells = cells;
    }

    /// <summary>Gets the 1-based row number.</summary>
    public int Number { get; }

    /// <summary>Gets the cells that hold a value, in column order.</summary>
    public IReadOnlyList<XlsxCell> Cells => _cells;

    /// <summary>Gets the cell in a 1-based column, or an empty cell when there is none.</summary>
    public XlsxCell this[int column]
    {
        get
        {
            int lo = 0, hi = _cells.Length - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >>> 1;
                int c = _cells[mid].Column;
                if (c == column) return _cells[mid];
                if (c < column) lo = mid + 1;
                else hi = mid - 1;
            }
            return XlsxCell.EmptyAt(Number, column);
        }
    }

    /// <summary>Gets the trimmed text of a column, empty when the cell is empty.</summary>
    public string Text(int column) => this[column].Text.Trim();
}

/// <summary>A worksheet read into memory: its non-empty rows in order.</summary>
/// <param name="Name">The sheet's name as the workbook lists it.</param>
/// <param name="Rows">The rows that hold at least one value, in row order.</param>
internal sealed record XlsxSheet(string Name, IReadOnlyList<XlsxRow> Rows);

/// <summary>Converts between A1 references and 1-based row and column numbers.</summary>
internal static class XlsxReference
{
    /// <summary>Formats a reference, e.g. row 12, column 4 as <c>D12</c>.</summary>
    public static string Format(int row, int column) => ColumnName(column) + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The last column a sheet may have: <c>XFD</c>, as the format defines it.</summary>
    public const int MaxColumn = 16_384;

    /// <summary>The last row a sheet may have, as the format defines it.</summary>
    public const int MaxRow = 1_048_576;

    /// <summary>The letters of a 1-based column: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(column);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(column, MaxColumn);
        Span<char> letters = stackalloc char[3];
        int i = letters.Length;
        for (; column > 0; column = (column - 1) / 26) letters[--i] = (char)('A' + (column - 1) % 26);
        return new string(letters[i..]);
    }

    /// <summary>
    /// Parses <c>D12</c> into row 12, column 4. A reference beyond the format's last column
    /// (<see cref="MaxColumn"/>, <c>XFD</c>) or row (<see cref="MaxRow"/>) does not parse.
    /// </summary>
    public static bool TryParse(string? reference, out int row, out int column)
    {
        row = column = 0;
        if (string.IsNullOrEmpty(reference)) return false;
        int i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            if (i == 3) return false;
            column = column * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }
        return i > 0 && column <= MaxColumn
            && int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row is > 0 and <= MaxRow;
    }
}
