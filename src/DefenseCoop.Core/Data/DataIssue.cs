using System.Collections.Immutable;
using System.Text;

namespace DefenseCoop;

/// <summary>The rule a data file breaks.</summary>
public enum DataRule
{
    /// <summary>The file is not well-formed JSON, or a value has the wrong JSON type.</summary>
    MalformedJson = 1,
    /// <summary>The file's <c>schemaVersion</c> is missing, or newer than this library understands.</summary>
    UnsupportedSchemaVersion = 2,
    /// <summary>A required property is missing or empty.</summary>
    MissingValue = 3,
    /// <summary>An id is not a valid slug.</summary>
    InvalidId = 4,
    /// <summary>Two records of one kind share an id.</summary>
    DuplicateId = 5,
    /// <summary>A reference names a record that does not exist.</summary>
    UnknownReference = 6,
    /// <summary>A country code is not two letters.</summary>
    InvalidCountryCode = 7,
    /// <summary>A currency code is not three letters.</summary>
    InvalidCurrencyCode = 8,
    /// <summary>A date is not a valid partial date.</summary>
    InvalidDate = 9,
    /// <summary>A value is not one of the names its enumeration allows.</summary>
    InvalidEnumValue = 10,
    /// <summary>A record cites no source.</summary>
    MissingSource = 11,
    /// <summary>A value is out of range or inconsistent with another (e.g. years and values of different lengths).</summary>
    InvalidValue = 12,
    /// <summary>A property the format does not define (refused by the compiler; the loader ignores it).</summary>
    UnknownProperty = 13,
    /// <summary>The file exceeds a configured limit (size, depth, string length).</summary>
    LimitExceeded = 14,
}

/// <summary>One problem found in a data file.</summary>
/// <param name="File">The file (or stream name) it was found in.</param>
/// <param name="Path">The JSON path of the offending value, e.g. <c>$.agreements[3].parties[0].country</c>.</param>
/// <param name="Line">The 1-based line of that value (or of its nearest enclosing value), where known.</param>
/// <param name="Rule">The rule broken.</param>
/// <param name="Message">What is wrong, in words.</param>
public sealed record DataIssue(string File, string Path, int? Line, DataRule Rule, string Message)
{
    /// <summary>Formats as <c>file(line): path: Rule: message</c>.</summary>
    public override string ToString() => $"{File}{(Line is int l ? $"({l})" : "")}: {Path}: {Rule}: {Message}";
}

/// <summary>
/// Thrown when data cannot be loaded: it lists every problem found, and no catalog is created from
/// the data (a catalog is either fully valid or not created).
/// </summary>
public sealed class DefenseCoopDataException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public DefenseCoopDataException(IEnumerable<DataIssue> issues)
        : this(issues.ToImmutableArray()) { }

    private DefenseCoopDataException(ImmutableArray<DataIssue> issues)
        : base(Describe(issues)) => Issues = issues;

    /// <summary>Gets every problem found, in file and line order.</summary>
    public ImmutableArray<DataIssue> Issues { get; }

    private static string Describe(ImmutableArray<DataIssue> issues)
    {
        var text = new StringBuilder($"The data is invalid: {issues.Length} problem{(issues.Length == 1 ? "" : "s")} found.");
        foreach (var issue in issues.Take(50)) text.Append('\n').Append(issue);
        if (issues.Length > 50) text.Append($"\n... and {issues.Length - 50} more (see Issues).");
        return text.ToString();
    }
}
