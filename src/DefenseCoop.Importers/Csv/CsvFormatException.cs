namespace DefenseCoop.Importers.Csv;

/// <summary>Thrown by <see cref="CsvReader"/> when the text is not well-formed CSV, or exceeds a limit.</summary>
internal sealed class CsvFormatException(int line, DataRule rule, string message) : Exception(message)
{
    /// <summary>Gets the 1-based line of the problem.</summary>
    public int Line { get; } = line;

    /// <summary>Gets the rule broken: <see cref="DataRule.InvalidValue"/> for malformed CSV, <see cref="DataRule.LimitExceeded"/> for a limit.</summary>
    public DataRule Rule { get; } = rule;
}
