using System.Globalization;

namespace DefenseCoop.Importers.Csv;

/// <summary>
/// A record being read into typed values. Each accessor returns <see langword="null"/> for an empty
/// field and records a problem (instead of throwing) for a malformed one, so that one run reports every problem.
/// </summary>
internal readonly struct CsvRow(CsvRecord record, CsvIssues issues)
{
    /// <summary>The years a source's figure may carry: the bounds the loader applies to data files.</summary>
    public const int MinYear = 1800, MaxYear = 2200;

    /// <summary>Gets the line the record starts on.</summary>
    public int Line => record.Line;

    /// <summary>Gets the record's fields as read.</summary>
    public IReadOnlyList<string> Fields => record.Fields;

    /// <summary>
    /// The field's text without surrounding spaces, or <see langword="null"/> when it is empty. Text that holds
    /// a control character or an undecodable byte is recorded as a problem (see <see cref="CheckText"/>).
    /// </summary>
    public string? Text(CsvColumn column)
    {
        string text = record[column.Index].Trim();
        if (text.Length == 0) return null;
        CheckText(issues, Line, column.Name, text);
        return text;
    }

    /// <summary>
    /// Records a problem if <paramref name="text"/> holds a character no dataset's text has: a control character
    /// other than a tab or a line break (a NUL byte; an unassigned Windows-1252 byte such as 0x81, which decodes
    /// to a C1 control), or U+FFFD, which stands for bytes the encoding could not decode. Such a character would
    /// otherwise enter the record, and the ids made from its names, unseen.
    /// </summary>
    public static void CheckText(CsvIssues issues, int line, string path, string text)
    {
        // Most text is printable ASCII: the scan starts at the first character that is not.
        int at = text.AsSpan().IndexOfAnyExceptInRange(' ', '~');
        if (at < 0) return;
        for (int i = at; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\t' or '\r' or '\n' || (!char.IsControl(c) && c != '\uFFFD')) continue;
            issues.Add(line, path, DataRule.InvalidValue, string.Create(CultureInfo.InvariantCulture,
                $"'{path}' holds the character U+{(int)c:X4} at position {i + 1}, which is not text: the file is damaged or not in its expected encoding (SIPRI's CSV files are Windows-1252). Remove the character and import again."));
            return;
        }
    }

    /// <summary>The field's text; records a problem when it is empty.</summary>
    public string? RequiredText(CsvColumn column)
    {
        string? text = Text(column);
        if (text is null) Issue(column, DataRule.MissingValue, $"'{column.Name}' is empty.");
        return text;
    }

    /// <summary>A whole number, optionally signed.</summary>
    public int? Integer(CsvColumn column, bool required = false) =>
        Parse(column, required, "a whole number", (string s, out int v) => int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out v));

    /// <summary>A number with an optional sign and decimal point (no thousands separators), in the invariant culture.</summary>
    public decimal? Decimal(CsvColumn column, bool required = false) =>
        Parse(column, required, "a number", (string s, out decimal v) =>
            decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out v));

    /// <summary>A count: a whole number, not negative.</summary>
    public int? Count(CsvColumn column)
    {
        int? value = Integer(column);
        if (value >= 0) return value;
        if (value is not null) Issue(column, DataRule.InvalidValue, $"'{column.Name}' is {value}: a count is not negative.");
        return null;
    }

    /// <summary>A year between <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    public int? Year(CsvColumn column, bool required = false)
    {
        int? year = Integer(column, required);
        if (year is null || IsYear(year.Value)) return year;
        Issue(column, DataRule.InvalidValue, $"'{column.Name}' is {year}, not a year between {MinYear} and {MaxYear}.");
        return null;
    }

    /// <summary>Whether <paramref name="year"/> lies between <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    public static bool IsYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>Records a problem with a field of this row.</summary>
    public void Issue(CsvColumn column, DataRule rule, string message) => issues.Add(Line, column.Name, rule, message);

    private delegate bool TryParser<T>(string text, out T value);

    private T? Parse<T>(CsvColumn column, bool required, string what, TryParser<T> tryParse) where T : struct
    {
        string? text = required ? RequiredText(column) : Text(column);
        if (text is null) return null;
        if (tryParse(text, out T value)) return value;
        Issue(column, DataRule.InvalidValue, $"'{column.Name}' is '{text}', not {what}.");
        return null;
    }
}
