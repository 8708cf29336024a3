using System.Globalization;
using System.Text;
using Sylvan.Data.Csv;

namespace DefenseCoop.Importers.Csv;

/// <summary>
/// Reads comma-separated values as RFC 4180 defines them, with the line endings real files use:
/// a field may be quoted, a quote inside a quoted field is doubled, and a quoted field may span lines.
/// A record ends at CR LF, LF or a bare CR (classic Mac files, such as COW's country-code list).
/// </summary>
/// <remarks>
/// <para>Parsing is Sylvan.Data.Csv's, which is strict about quotes (text after a closing quote, and a
/// quote left open at the end, are errors; a quote inside an unquoted field is text) and holds at most
/// <see cref="ImportLimits.MaxLineLength"/> characters of a record, so that a line of hundreds of
/// megabytes is refused rather than buffered.</para>
/// <para>Line numbers are 1-based and count every line break, inside quoted fields too, so that an
/// error can point at the line an editor shows. Sylvan counts records, not lines; since it returns
/// every line break outside quotes as the end of a record (an empty line as a record of one empty
/// field), the line a record starts on is one more than the line breaks of the records before it,
/// their fields' included. Empty lines are skipped.</para>
/// </remarks>
internal sealed class CsvReader : IDisposable
{
    private readonly TextReader _text;
    private readonly CsvDataReaderOptions _options;
    private readonly ImportLimits _limits;
    private CsvDataReader? _reader;
    private int _line = 1;
    private int _records;

    /// <summary>Reads from <paramref name="reader"/>, which the reader disposes with itself.</summary>
    public CsvReader(TextReader reader, char delimiter = ',', ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (delimiter is '"' or '\r' or '\n') throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "A delimiter cannot be a quote or a line break.");
        _text = reader;
        _limits = limits ?? ImportLimits.Default;
        _options = new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = delimiter,
            Quote = '"',
            Escape = '"',
            // Sylvan skips lines that start with its comment character ('#' unless set) and tells only its
            // comment handler. No dataset here has comments: a line starting with NUL, which no text file
            // has either, is the one Sylvan would skip, and the handler makes it an error, never a silent loss.
            Comment = '\0',
            CommentHandler = new Action<string>(_ => throw new CsvFormatException(_line, DataRule.InvalidValue,
                $"Line {_line} starts with a NUL character: the file is not text.")),
            // Sylvan's buffer holds a record and its line break, and at least 128 characters; the limit
            // itself is checked on each record below.
            BufferSize = (int)Math.Clamp(_limits.MaxLineLength + 2L, 128, 0x10000),
            MaxBufferSize = (int)Math.Clamp(_limits.MaxLineLength + 2L, 128, Array.MaxLength),
            OwnsReader = true,
        };
    }

    /// <summary>
    /// Opens a file: in <paramref name="encoding"/>, unless it starts with a Unicode byte-order mark, which
    /// then decides; see <see cref="TextEncodings.OpenText"/> for how a file without a mark is read.
    /// </summary>
    /// <remarks>A file re-saved as UTF-8 by a spreadsheet usually carries a mark; honouring it keeps its accents intact.</remarks>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The path is a directory, or may not be read.</exception>
    public static CsvReader Open(string path, Encoding encoding, char delimiter = ',', ImportLimits? limits = null) =>
        new(TextEncodings.OpenText(path, encoding), delimiter, limits);

    /// <summary>Opens a file as <see cref="Open"/> does, for <see cref="ReadAsync"/>: the file is opened for asynchronous I/O.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The path is a directory, or may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<CsvReader> OpenAsync(string path, Encoding encoding, char delimiter = ',', ImportLimits? limits = null, CancellationToken cancellationToken = default) =>
        new(await TextEncodings.OpenTextAsync(path, encoding, cancellationToken).ConfigureAwait(false), delimiter, limits);

    /// <summary>Gets the encoding the text is read in, when the reader reads a file.</summary>
    public Encoding? Encoding => (_text as StreamReader)?.CurrentEncoding;

    /// <summary>Gets the line the next record starts on: after the last, one more than the file's line breaks.</summary>
    public int Line => _line;

    /// <summary>Reads every remaining record.</summary>
    /// <exception cref="CsvFormatException">A quoted field is malformed, or a limit is exceeded.</exception>
    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record) yield return record;
    }

    /// <summary>Reads the next record, or returns <see langword="null"/> at the end of the input.</summary>
    /// <exception cref="CsvFormatException">A quoted field is malformed, or a limit is exceeded.</exception>
    public CsvRecord? Read()
    {
        while (true)
        {
            int line = _line;
            try
            {
                // Creating the reader reads ahead, so it may fail like reading does.
                _reader ??= CsvDataReader.Create(_text, _options);
                if (!_reader.Read()) return null;
            }
            catch (CsvRecordTooLargeException)
            {
                throw TooLong(line);
            }
            catch (Sylvan.Data.Csv.CsvFormatException e)
            {
                throw Malformed(line, e);
            }
            if (Current(line) is { } record) return record;
        }
    }

    /// <summary>
    /// Reads the next record as <see cref="Read"/> does, awaiting the text; returns <see langword="null"/> at
    /// the end of the input. Cancellation is checked before each record.
    /// </summary>
    /// <exception cref="CsvFormatException">A quoted field is malformed, or a limit is exceeded.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<CsvRecord?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int line = _line;
            try
            {
                _reader ??= await CsvDataReader.CreateAsync(_text, _options, cancellationToken).ConfigureAwait(false);
                if (!await _reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            }
            catch (CsvRecordTooLargeException)
            {
                throw TooLong(line);
            }
            catch (Sylvan.Data.Csv.CsvFormatException e)
            {
                throw Malformed(line, e);
            }
            if (Current(line) is { } record) return record;
        }
    }

    /// <summary>
    /// The record Sylvan is on, which starts on <paramref name="line"/>, after checking it against the limits;
    /// <see langword="null"/> for an empty line. Moves <see cref="Line"/> past it.
    /// </summary>
    private CsvRecord? Current(int line)
    {
        var fields = new string[_reader!.RowFieldCount];
        int breaks = 0, length = fields.Length - 1;
        for (int i = 0; i < fields.Length; i++)
        {
            string field = _reader.GetString(i);
            if (field.Length > _limits.MaxCellLength)
                throw new CsvFormatException(line, DataRule.LimitExceeded,
                    Invariant($"Field {i + 1} of the record starting on line {line} holds {field.Length:N0} characters; the limit (ImportLimits.MaxCellLength) is {_limits.MaxCellLength:N0}."));
            fields[i] = field;
            length += field.Length;
            breaks += LineBreaks(field);
        }
        if (length > _limits.MaxLineLength) throw TooLong(line);
        _line += 1 + breaks;
        if (fields.Length == 1 && fields[0].Length == 0) return null; // an empty line
        if (++_records > _limits.MaxRows)
            throw new CsvFormatException(line, DataRule.LimitExceeded,
                Invariant($"The file has more than {_limits.MaxRows:N0} records, the limit (ImportLimits.MaxRows)."));
        return new CsvRecord(line, fields);
    }

    private CsvFormatException TooLong(int line) => new(line, DataRule.LimitExceeded,
        Invariant($"The record starting on line {line} is longer than {_limits.MaxLineLength:N0} characters, the limit (ImportLimits.MaxLineLength)."));

    private static CsvFormatException Malformed(int line, Sylvan.Data.Csv.CsvFormatException e) =>
        new(line, DataRule.InvalidValue, $"In the record starting on line {line}: {e.Message}");

    /// <summary>Counts CR LF, LF and a bare CR each as one line break.</summary>
    private static int LineBreaks(string field)
    {
        if (field.AsSpan().IndexOfAny('\r', '\n') < 0) return 0;
        int count = 0;
        for (int i = 0; i < field.Length; i++)
        {
            if (field[i] is not ('\r' or '\n')) continue;
            count++;
            if (field[i] == '\r' && i + 1 < field.Length && field[i + 1] == '\n') i++;
        }
        return count;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_reader is null) _text.Dispose();
        else _reader.Dispose();
    }
}
