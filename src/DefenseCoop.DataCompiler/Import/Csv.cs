using DefenseCoop.Importers.Csv;

namespace DefenseCoop.DataCompiler.Import;

/// <summary>Reads a UTF-8 CSV file with a header into records keyed by column name.</summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> ReadRecords(string path)
    {
        using var reader = CsvReader.Open(path, TextEncodings.StrictUtf8);
        var rows = reader.ReadAll().ToList();
        var header = rows[0].Fields;
        return [.. rows.Skip(1).Select(r => header.Select((name, i) => (name, value: i < r.Count ? r[i] : "")).ToDictionary(p => p.name, p => p.value))];
    }
}
