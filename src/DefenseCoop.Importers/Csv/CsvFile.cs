using System.Globalization;
using System.Text;

namespace DefenseCoop.Importers.Csv;

/// <summary>Reads a dataset's CSV file for an importer.</summary>
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
        if (Directory.Exists(path)) throw issues.Fatal(null, "file", DataRule.InvalidValue, "The path is a directory, not a CSV file.");
        CsvReader reader;
        try
        {
            // Records are kept until the file is read: the file's size bounds what they cost.
            long size = new FileInfo(path).Length;
            if (size > limits.MaxUncompressedBytes)
                throw issues.Fatal(null, "file", DataRule.LimitExceeded, string.Create(CultureInfo.InvariantCulture,
                    $"The file has {size:N0} bytes; the limit (ImportLimits.MaxUncompressedBytes) is {limits.MaxUncompressedBytes:N0}."));
            reader = CsvReader.Open(path, encoding, limits: limits);
        }
        catch (UnauthorizedAccessException e)
        {
            throw issues.Fatal(null, "file", DataRule.InvalidValue, $"The file may not be read: {e.Message}");
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
                catch (CsvFormatException e)
                {
                    throw issues.Fatal(e.Line, "file", e.Rule, e.Message);
                }
                catch (DecoderFallbackException e)
                {
                    // The reader reads ahead, so the bad bytes are on the record's line or one after it.
                    throw issues.Fatal(reader.Line, "file", DataRule.InvalidValue,
                        $"The file is not valid {reader.Encoding?.WebName ?? encoding.WebName} text at or after line {reader.Line} " +
                        $"(the encoding a byte-order mark names; without one, {encoding.WebName}, or UTF-8 where every byte is valid UTF-8): {e.Message}");
                }
                if (record is null) yield break;
                yield return record;
            }
        }
    }
}
