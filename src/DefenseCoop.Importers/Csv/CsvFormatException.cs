namespace DefenseCoop.Importers.Csv;

/// <summary>Thrown by <see cref="CsvReader"/> when the text is not well-formed CSV.</summary>
internal sealed class CsvFormatException(int line, string message) : Exception(message)
{
    /// <summary>Gets the 1-based line of the problem.</summary>
    public int Line { get; } = line;
}
