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
/// Thrown when data cannot be loaded: it lists the problems found, and no catalog is created from
/// the data (a catalog is either fully valid or not created).
/// </summary>
/// <remarks>
/// At most <see cref="DataLimits.MaxIssues"/> problems are listed in <see cref="Issues"/>, so that a
/// hostile file with millions of faults cannot exhaust memory through its report; the problems found
/// beyond them are counted by rule in <see cref="OmittedIssues"/>.
/// </remarks>
public sealed class DefenseCoopDataException : Exception
{
    private static readonly IReadOnlyDictionary<DataRule, int> NoneOmitted = new Dictionary<DataRule, int>().AsReadOnly();

    /// <summary>Creates the exception with a general message and no listed problem.</summary>
    public DefenseCoopDataException()
        : this("The data is invalid.") { }

    /// <summary>Creates the exception with a message and no listed problem.</summary>
    public DefenseCoopDataException(string message)
        : this(message, innerException: null) { }

    /// <summary>Creates the exception with a message, no listed problem, and the exception that caused it.</summary>
    public DefenseCoopDataException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Issues = [];
        OmittedIssues = NoneOmitted;
    }

    /// <summary>Creates the exception from the problems found.</summary>
    public DefenseCoopDataException(IEnumerable<DataIssue> issues)
        : this(issues, omittedIssues: null) { }

    /// <summary>Creates the exception from the problems listed and the counts, by rule, of those found beyond them.</summary>
    public DefenseCoopDataException(IEnumerable<DataIssue> issues, IReadOnlyDictionary<DataRule, int>? omittedIssues)
        : this(issues.ToImmutableArray(), omittedIssues is null || omittedIssues.Count == 0 ? NoneOmitted : omittedIssues.ToDictionary().AsReadOnly()) { }

    private DefenseCoopDataException(ImmutableArray<DataIssue> issues, IReadOnlyDictionary<DataRule, int> omitted)
        : base(Describe(issues, omitted))
    {
        Issues = issues;
        OmittedIssues = omitted;
    }

    /// <summary>Gets the problems listed, in file and line order.</summary>
    public ImmutableArray<DataIssue> Issues { get; }

    /// <summary>Gets the number of problems found beyond those listed, by rule; empty when every problem is listed.</summary>
    public IReadOnlyDictionary<DataRule, int> OmittedIssues { get; }

    /// <summary>Gets the number of problems found: those listed and those omitted.</summary>
    public int IssueCount => Issues.Length + OmittedIssues.Values.Sum();

    private static string Describe(ImmutableArray<DataIssue> issues, IReadOnlyDictionary<DataRule, int> omitted)
    {
        int total = issues.Length + omitted.Values.Sum();
        var text = new StringBuilder($"The data is invalid: {total:N0} problem{(total == 1 ? "" : "s")} found.");
        foreach (var issue in issues.Take(50)) text.Append('\n').Append(issue);
        if (issues.Length > 50) text.Append($"\n... and {issues.Length - 50} more (see Issues).");
        foreach (var (rule, count) in omitted.OrderBy(o => o.Key))
            text.Append($"\n... and {count:N0} more of rule {rule}, not listed.");
        return text.ToString();
    }
}
