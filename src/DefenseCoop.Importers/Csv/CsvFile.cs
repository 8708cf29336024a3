using System.Text;

namespace DefenseCoop.Importers.Csv;

/// <summary>Reads a dataset's CSV file for an importer.</summary>
internal static class CsvFile
{
    /// <summary>
    /// Reads the records of <paramref name="path"/> lazily. Malformed CSV, or bytes that are not text in
    /// <paramref name="encoding"/>, stop the reading with a <see cref="DefenseCoopDataException"/> that
    /// carries every problem <paramref name="issues"/> holds so far.
    /// </summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IEnumerable<CsvRecord> Records(string path, Encoding encoding, CsvIssues issues)
    {
        using var reader = CsvReader.Open(path, encoding);
        while (true)
        {
            CsvRecord? record;
            try
            {
                record = reader.Read();
            }
            catch (CsvFormatException e)
            {
                throw issues.Fatal(e.Line, "file", DataRule.InvalidValue, e.Message);
            }
            catch (DecoderFallbackException e)
            {
                throw issues.Fatal(null, "file", DataRule.InvalidValue, $"The file is not text in the {encoding.EncodingName} encoding: {e.Message}");
            }
            if (record is null) yield break;
            yield return record;
        }
    }
}
