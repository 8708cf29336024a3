namespace DefenseCoop.Importers.Csv;

/// <summary>
/// Collects the problems found in one CSV file so that an importer reports all of them at once, as the
/// loader does for data files, rather than one per run.
/// </summary>
/// <param name="file">The file, as named in every issue.</param>
internal sealed class CsvIssues(string file)
{
    /// <summary>The most problems listed before the reading stops, so that a hostile file cannot make the list itself exhaust memory.</summary>
    public const int MaxIssues = 1000;

    private readonly List<DataIssue> _issues = [];

    /// <summary>Gets the file the issues are in.</summary>
    public string File => file;

    /// <summary>Gets the number of issues so far.</summary>
    public int Count => _issues.Count;

    /// <summary>Records a problem.</summary>
    /// <param name="line">The 1-based line, where known.</param>
    /// <param name="path">Where on the line: a column name, or <c>header</c>, <c>row</c>, <c>file</c>.</param>
    /// <param name="rule">The rule broken.</param>
    /// <param name="message">What is wrong, in words.</param>
    /// <exception cref="DefenseCoopDataException">This is the problem after the first <see cref="MaxIssues"/>: the reading stops, with those listed.</exception>
    public void Add(int? line, string path, DataRule rule, string message)
    {
        if (_issues.Count == MaxIssues)
            throw Fatal(line, path, DataRule.LimitExceeded, $"More than 1,000 problems: the import stops here, and the first 1,000 are listed. This one: {message}");
        _issues.Add(new DataIssue(file, path, line, rule, message));
    }

    /// <summary>Throws the problems found so far, in line order, if there are any.</summary>
    /// <exception cref="DefenseCoopDataException">There is at least one problem.</exception>
    public void ThrowIfAny()
    {
        if (_issues.Count > 0) throw new DefenseCoopDataException(_issues.OrderBy(i => i.Line ?? 0));
    }

    /// <summary>Records a problem that stops the reading, and returns the exception to throw with every problem so far.</summary>
    public DefenseCoopDataException Fatal(int? line, string path, DataRule rule, string message)
    {
        _issues.Add(new DataIssue(file, path, line, rule, message));
        return new DefenseCoopDataException(_issues.OrderBy(i => i.Line ?? 0));
    }
}
