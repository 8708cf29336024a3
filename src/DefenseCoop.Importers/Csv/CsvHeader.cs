namespace DefenseCoop.Importers.Csv;

/// <summary>The header record of a CSV file, to find columns by name.</summary>
internal sealed class CsvHeader(CsvRecord record)
{
    /// <summary>Gets the line of the header.</summary>
    public int Line => record.Line;

    /// <summary>Whether the header's names are exactly <paramref name="names"/> (ignoring case and surrounding spaces).</summary>
    public bool Is(IReadOnlyList<string> names) =>
        record.Count == names.Count && names.Select((name, i) => NameAt(i).Equals(name, StringComparison.OrdinalIgnoreCase)).All(same => same);

    /// <summary>The column named <paramref name="name"/> (ignoring case and surrounding spaces), if any.</summary>
    public CsvColumn? Find(string name)
    {
        for (int i = 0; i < record.Count; i++)
            if (NameAt(i).Equals(name, StringComparison.OrdinalIgnoreCase)) return new CsvColumn(i, name);
        return null;
    }

    /// <summary>The column named <paramref name="name"/>; records a problem when there is none.</summary>
    public CsvColumn Require(string name, CsvIssues issues)
    {
        if (Find(name) is { } column) return column;
        issues.Add(Line, "header", DataRule.MissingValue, $"The header has no '{name}' column (it has: {record}).");
        return new CsvColumn(-1, name);
    }

    private string NameAt(int index) => record[index].Trim();
}
