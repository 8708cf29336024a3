namespace DefenseCoop.Importers.Csv;

/// <summary>One record of a CSV file: its fields as read (unquoted, not trimmed) and the line it starts on.</summary>
internal sealed class CsvRecord(int line, string[] fields)
{
    /// <summary>Gets the 1-based line the record starts on.</summary>
    public int Line { get; } = line;

    /// <summary>Gets the fields.</summary>
    public IReadOnlyList<string> Fields => fields;

    /// <summary>Gets the number of fields.</summary>
    public int Count => fields.Length;

    /// <summary>Gets a field.</summary>
    public string this[int index] => fields[index];

    /// <summary>The record as one line of text, fields joined by commas without quoting (for preamble lines and messages).</summary>
    public override string ToString() => string.Join(',', fields);
}
