namespace DefenseCoop.Importers;

/// <summary>
/// Bounds on the files the importers read, so that a hostile or broken download (a zip bomb, a line of
/// hundreds of megabytes, millions of rows) is refused early instead of exhausting memory or time.
/// </summary>
/// <remarks>
/// <para>An .xlsx workbook is a zip archive of XML parts. Before any part is parsed, the archive's
/// directory is checked: no part may expand beyond <see cref="MaxPartBytes"/>, all of them together
/// beyond <see cref="MaxUncompressedBytes"/>, and no part larger than 1 MiB may expand more than
/// <see cref="MaxCompressionRatio"/> times its compressed size. The sizes the directory declares are
/// also what the zip reader enforces while inflating, so a part that lies about its size is cut short
/// and reported as malformed. The workbook's file itself may not be larger than <see cref="MaxUncompressedBytes"/>
/// (compression makes it smaller than its parts), since reading it asynchronously takes it into memory. Then sheets are read as a stream of rows, at most <see cref="MaxRows"/>
/// rows per sheet, each cell's text at most <see cref="MaxCellLength"/> characters.</para>
/// <para>A CSV file may not be larger than <see cref="MaxUncompressedBytes"/>, and is read record by
/// record: a record (one line, or several when a quoted field holds line breaks) may not exceed
/// <see cref="MaxLineLength"/> characters, nor a field <see cref="MaxCellLength"/>, nor the file
/// <see cref="MaxRows"/> records.</para>
/// <para>A file over a limit is refused with a <see cref="DefenseCoopDataException"/> whose issue has the
/// rule <see cref="DataRule.LimitExceeded"/> and names the file, the part or sheet, and the cell or line.
/// The defaults are far above the datasets the importers read (SIPRI's workbook expands to 3.7 MB, its
/// largest part to 0.6 MB, at a ratio of at most 6; NATO's ratio is at most 16; the trade register has
/// 28,000 records in 3.6 MB, none longer than 700 characters) and far below what would strain a process.</para>
/// </remarks>
public sealed record ImportLimits
{
    private readonly long _maxPartBytes = 64L * 1024 * 1024;
    private readonly long _maxUncompressedBytes = 256L * 1024 * 1024;
    private readonly int _maxCompressionRatio = 100;
    private readonly int _maxRows = 1_048_576;
    private readonly int _maxCellLength = 32_767;
    private readonly int _maxLineLength = 1024 * 1024;

    /// <summary>The default limits (see each property).</summary>
    public static ImportLimits Default { get; } = new();

    /// <summary>Gets the largest size one part of a workbook may expand to, in bytes. Default: 67,108,864 (64 MiB).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public long MaxPartBytes
    {
        get => _maxPartBytes;
        init => _maxPartBytes = Positive(value);
    }

    /// <summary>
    /// Gets the largest size all the parts of a workbook together may expand to, and the largest workbook
    /// or CSV file, in bytes. Default: 268,435,456 (256 MiB).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public long MaxUncompressedBytes
    {
        get => _maxUncompressedBytes;
        init => _maxUncompressedBytes = Positive(value);
    }

    /// <summary>
    /// Gets how many times its compressed size a workbook part larger than 1 MiB may expand to. Default:
    /// 100 (spreadsheet XML compresses 3 to 20 times; zip bombs, hundreds to millions of times).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int MaxCompressionRatio
    {
        get => _maxCompressionRatio;
        init => _maxCompressionRatio = Positive(value);
    }

    /// <summary>Gets the most rows a sheet, or records a CSV file, may have. Default: 1,048,576 (Excel's limit on a sheet).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int MaxRows
    {
        get => _maxRows;
        init => _maxRows = Positive(value);
    }

    /// <summary>Gets the longest text a cell of a sheet, or a field of a CSV file, may hold, in characters. Default: 32,767 (Excel's limit on a cell).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int MaxCellLength
    {
        get => _maxCellLength;
        init => _maxCellLength = Positive(value);
    }

    /// <summary>
    /// Gets the longest record of a CSV file, in characters: one line, or all the lines of a record whose
    /// quoted field holds line breaks. Default: 1,048,576 (1 Mi).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int MaxLineLength
    {
        get => _maxLineLength;
        init => _maxLineLength = Positive(value);
    }

    private static T Positive<T>(T value) where T : System.Numerics.INumber<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        return value;
    }
}
