using System.Globalization;
using System.Text;

namespace DefenseCoop.Importers.Csv;

/// <summary>
/// Reads a dataset's CSV file for an importer, at once (<see cref="Records"/>) or asynchronously
/// (<see cref="ReadAsync"/>); either way the importer's parser sees the same records, and the same
/// problems are reported at the same lines.
/// </summary>
internal static class CsvFile
{
    /// <summary>
    /// Reads the records of <paramref name="path"/> lazily, in the encoding <see cref="TextEncodings.OpenText"/>
    /// decides (<paramref name="encoding"/> for a file without a byte-order mark, unless it is valid UTF-8).
    /// Malformed CSV, a limit exceeded, bytes that are not text in the encoding, or a path that is a
    /// directory or may not be read stop the reading with a <see cref="DefenseCoopDataException"/> that
    /// carries every problem <paramref name="issues"/> holds so far.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<CsvRecord> Records(string path, Encoding encoding, CsvIssues issues, ImportLimits limits)
    {
        CheckFile(path, issues, limits);
        CsvReader reader;
        try
        {
            reader = CsvReader.Open(path, encoding, limits: limits);
        }
        catch (UnauthorizedAccessException e)
        {
            throw NotReadable(issues, e);
        }
        using (reader)
        {
            while (true)
            {
                CsvRecord? record;
                try
                {
                    record = reader.Read();
                }
                catch (Exception e) when (ReadFailure.Of(e, reader, encoding) is { } failure)
                {
                    throw failure.Report(issues);
                }
                if (record is null) yield break;
                yield return record;
            }
        }
    }

    /// <summary>
    /// Reads the records of <paramref name="path"/> as <see cref="Records"/> does, but asynchronously: the
    /// file is opened for asynchronous I/O, read record by record with each read awaited, and cancellation is
    /// checked before each record. The records come back in memory (the file's size is bounded by
    /// <see cref="ImportLimits.MaxUncompressedBytes"/>), to be parsed by the same code as <see cref="Records"/>'.
    /// </summary>
    /// <returns>
    /// The records. When the file turns out malformed part-way, the records before the problem come first
    /// and the problem is thrown after them, where <see cref="Records"/> would throw it: the parser then
    /// reports the problems of those records too, as it does reading at once.
    /// </returns>
    /// <exception cref="DefenseCoopDataException">The path is a directory, may not be read, or the file is larger than the limit.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<IEnumerable<CsvRecord>> ReadAsync(string path, Encoding encoding, CsvIssues issues, ImportLimits limits, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        CheckFile(path, issues, limits);
        CsvReader reader;
        try
        {
            reader = await CsvReader.OpenAsync(path, encoding, limits: limits, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (UnauthorizedAccessException e)
        {
            throw NotReadable(issues, e);
        }
        using (reader)
        {
            var records = new List<CsvRecord>();
            while (true)
            {
                try
                {
                    if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is not { } record) return records;
                    records.Add(record);
                }
                catch (Exception e) when (ReadFailure.Of(e, reader, encoding) is { } failure)
                {
                    return ThenFail(records, failure, issues);
                }
            }
        }
    }

    /// <summary>Parses a CSV file with <paramref name="parse"/>, reading it at once.</summary>
    /// <exception cref="DefenseCoopDataException">The file is malformed, exceeds a limit, or <paramref name="parse"/> finds problems; lists every problem.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static T Parse<T>(string path, Encoding encoding, ImportLimits limits, Func<IEnumerable<CsvRecord>, CsvIssues, T> parse)
    {
        var issues = new CsvIssues(path);
        return parse(Records(path, encoding, issues, limits), issues);
    }

    /// <summary>Parses a CSV file with <paramref name="parse"/>, reading it asynchronously (see <see cref="ReadAsync"/>).</summary>
    /// <exception cref="DefenseCoopDataException">The file is malformed, exceeds a limit, or <paramref name="parse"/> finds problems; lists every problem.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<T> ParseAsync<T>(string path, Encoding encoding, ImportLimits limits, Func<IEnumerable<CsvRecord>, CsvIssues, T> parse,
        CancellationToken cancellationToken)
    {
        var issues = new CsvIssues(path);
        var records = await ReadAsync(path, encoding, issues, limits, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return parse(records, issues);
    }

    // Records are kept until the file is read: the file's size bounds what they cost.
    private static void CheckFile(string path, CsvIssues issues, ImportLimits limits)
    {
        if (Directory.Exists(path)) throw issues.Fatal(null, "file", DataRule.InvalidValue, "The path is a directory, not a CSV file.");
        try
        {
            long size = new FileInfo(path).Length;
            if (size > limits.MaxUncompressedBytes)
                throw issues.Fatal(null, "file", DataRule.LimitExceeded, string.Create(CultureInfo.InvariantCulture,
                    $"The file has {size:N0} bytes; the limit (ImportLimits.MaxUncompressedBytes) is {limits.MaxUncompressedBytes:N0}."));
        }
        catch (UnauthorizedAccessException e)
        {
            throw NotReadable(issues, e);
        }
    }

    private static DefenseCoopDataException NotReadable(CsvIssues issues, UnauthorizedAccessException e) =>
        issues.Fatal(null, "file", DataRule.InvalidValue, $"The file may not be read: {e.Message}");

    private static IEnumerable<CsvRecord> ThenFail(List<CsvRecord> records, ReadFailure failure, CsvIssues issues)
    {
        foreach (var record in records) yield return record;
        throw failure.Report(issues);
    }

    /// <summary>A problem that stops the reading of a file: where it is, the rule broken, and what is wrong.</summary>
    private sealed record ReadFailure(int Line, DataRule Rule, string Message)
    {
        /// <summary>The problem <paramref name="e"/>, thrown by <paramref name="reader"/>, stands for; <see langword="null"/> for an exception that is no problem of the file's content.</summary>
        public static ReadFailure? Of(Exception e, CsvReader reader, Encoding encoding) => e switch
        {
            CsvFormatException format => new(format.Line, format.Rule, format.Message),
            // The reader reads ahead, so the bad bytes are on the record's line or one after it.
            DecoderFallbackException decoding => new(reader.Line, DataRule.InvalidValue,
                $"The file is not valid {reader.Encoding?.WebName ?? encoding.WebName} text at or after line {reader.Line} " +
                $"(the encoding a byte-order mark names; without one, {encoding.WebName}, or UTF-8 where every byte is valid UTF-8): {decoding.Message}"),
            _ => null,
        };

        /// <summary>Records the problem and returns the exception to throw with every problem so far.</summary>
        public DefenseCoopDataException Report(CsvIssues issues) => issues.Fatal(Line, "file", Rule, Message);
    }
}
