using System.Text;

namespace DefenseCoop.Importers.Csv;

/// <summary>
/// Reads comma-separated values as RFC 4180 defines them, with the line endings real files use:
/// a field may be quoted, a quote inside a quoted field is doubled, and a quoted field may span lines.
/// A record ends at CR LF, LF or a bare CR (classic Mac files, such as COW's country-code list).
/// </summary>
/// <remarks>
/// Line numbers are 1-based and count every line break, inside quoted fields too, so that an error
/// can point at the line an editor shows. Empty lines are skipped. A quote inside an unquoted field
/// is kept as text; text after a closing quote, and a quote left open at the end, are errors.
/// </remarks>
internal sealed class CsvReader : IDisposable
{
    private const int EndOfInput = -1;

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly char[] _buffer = new char[64 * 1024];
    private readonly StringBuilder _field = new();
    private readonly List<string> _fields = [];
    private int _position;
    private int _length;
    private int _line = 1;

    /// <summary>Reads from <paramref name="reader"/>, which the reader disposes with itself.</summary>
    public CsvReader(TextReader reader, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (delimiter is '"' or '\r' or '\n') throw new ArgumentOutOfRangeException(nameof(delimiter), delimiter, "A delimiter cannot be a quote or a line break.");
        _reader = reader;
        _delimiter = delimiter;
    }

    /// <summary>Opens a file in the given encoding, unless it starts with a Unicode byte-order mark, which then decides.</summary>
    /// <remarks>A file re-saved as UTF-8 by a spreadsheet usually carries a mark; honouring it keeps its accents intact.</remarks>
    public static CsvReader Open(string path, Encoding encoding, char delimiter = ',') =>
        new(new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true), delimiter);

    /// <summary>Reads every remaining record.</summary>
    /// <exception cref="CsvFormatException">A quoted field is malformed.</exception>
    public IEnumerable<CsvRecord> ReadAll()
    {
        while (Read() is { } record) yield return record;
    }

    /// <summary>Reads the next record, or returns <see langword="null"/> at the end of the input.</summary>
    /// <exception cref="CsvFormatException">A quoted field is malformed.</exception>
    public CsvRecord? Read()
    {
        while (Peek() is '\r' or '\n') ConsumeLineBreak();
        if (Peek() == EndOfInput) return null;

        int line = _line;
        _fields.Clear();
        while (true)
        {
            if (Peek() == '"') ReadQuoted();
            else ReadUnquoted();
            _fields.Add(_field.ToString());
            int next = Peek();
            if (next == _delimiter)
            {
                Next();
                continue;
            }
            if (next is '\r' or '\n') ConsumeLineBreak();
            return new CsvRecord(line, [.. _fields]);
        }
    }

    private void ReadUnquoted()
    {
        _field.Clear();
        for (int c = Peek(); c != EndOfInput && c != _delimiter && c is not ('\r' or '\n'); c = Peek())
            _field.Append((char)Next());
    }

    private void ReadQuoted()
    {
        int opened = _line;
        _field.Clear();
        Next();
        while (true)
        {
            int c = Peek();
            if (c == EndOfInput) throw new CsvFormatException(opened, "A quoted field is not closed before the end of the file.");
            if (c is '\r' or '\n')
            {
                _field.Append(ConsumeLineBreak());
                continue;
            }
            Next();
            if (c != '"')
            {
                _field.Append((char)c);
            }
            else if (Peek() == '"')
            {
                Next();
                _field.Append('"');
            }
            else
            {
                int after = Peek();
                if (after != EndOfInput && after != _delimiter && after is not ('\r' or '\n'))
                    throw new CsvFormatException(_line, $"Unexpected '{(char)after}' after a closing quote: a quote inside a quoted field is written twice (\"\").");
                return;
            }
        }
    }

    /// <summary>Consumes CR LF, LF or CR as one line break and returns it as read.</summary>
    private string ConsumeLineBreak()
    {
        _line++;
        if (Next() == '\r')
        {
            if (Peek() != '\n') return "\r";
            Next();
            return "\r\n";
        }
        return "\n";
    }

    private int Peek()
    {
        if (_position == _length)
        {
            _length = _reader.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length == 0) return EndOfInput;
        }
        return _buffer[_position];
    }

    private int Next()
    {
        int c = Peek();
        if (c != EndOfInput) _position++;
        return c;
    }

    /// <inheritdoc/>
    public void Dispose() => _reader.Dispose();
}
