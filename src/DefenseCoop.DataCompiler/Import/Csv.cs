using System.Text;

namespace DefenseCoop.DataCompiler.Import;

/// <summary>Reads a small UTF-8 CSV file with a header into records keyed by column name.</summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> ReadRecords(string path)
    {
        var rows = Parse(File.ReadAllText(path, Encoding.UTF8));
        var header = rows[0];
        return [.. rows.Skip(1).Where(r => r.Count > 1).Select(r => header.Select((name, i) => (name, value: i < r.Count ? r[i] : "")).ToDictionary(p => p.name, p => p.value))];
    }

    // TEMPORARY: replaced by the importers' CSV reader.
    private static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                row.Add(field.ToString()); field.Clear(); rows.Add(row); row = [];
            }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
