namespace DefenseCoop.Importers.Csv;

/// <summary>A column of a CSV file: where it is, and the name used for it in error messages.</summary>
/// <param name="Index">The 0-based position of its field.</param>
/// <param name="Name">The name for messages, usually the header's.</param>
internal readonly record struct CsvColumn(int Index, string Name);
