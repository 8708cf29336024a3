namespace DefenseCoop.Importers.Xlsx;

/// <summary>
/// Collects the problems an importer finds in one workbook, each naming the file, the sheet and the
/// cell or row, so that a single exception can list all of them, in sheet and row order.
/// </summary>
/// <remarks>
/// At most <see cref="MaxIssues"/> problems are collected: the next one stops the import, so that a
/// hostile file cannot make the list itself exhaust memory.
/// </remarks>
/// <param name="file">The workbook's path, as errors name it.</param>
internal sealed class WorkbookIssues(string file)
{
    /// <summary>The most problems listed before the import stops.</summary>
    public const int MaxIssues = 1000;

    private readonly List<(string Sheet, int Row, int Column, DataIssue Issue)> _issues = [];

    /// <summary>Gets the workbook's path, as errors name it.</summary>
    public string File => file;

    /// <summary>Gets or sets the workbook's sheet names, in the order the problems are listed.</summary>
    public IReadOnlyList<string> SheetOrder { get; set; } = [];

    /// <summary>Gets whether any problem was found.</summary>
    public bool Any => _issues.Count > 0;

    /// <summary>Records a problem with one cell, e.g. <c>'Share of GDP'!D12</c>.</summary>
    public void AtCell(string sheet, XlsxCell cell, DataRule rule, string message) =>
        AtReference(sheet, cell.Row, cell.Column, cell.Reference, rule, message);

    /// <summary>Records a problem with a cell named by its reference as the file writes it (which may be malformed).</summary>
    public void AtReference(string sheet, int row, int column, string reference, DataRule rule, string message) =>
        Add(sheet, row, column, new DataIssue(file, $"'{sheet}'!{reference}", row, rule, message));

    /// <summary>Records a problem with a part of the package (e.g. <c>/xl/styles.xml</c>) that does not stop the import.</summary>
    public void AtPart(string part, DataRule rule, string message) =>
        Add("", 0, 0, new DataIssue(file, $"part {part}", null, rule, message));

    /// <summary>Records a problem with a whole row.</summary>
    public void AtRow(string sheet, int row, DataRule rule, string message) =>
        Add(sheet, row, 0, new DataIssue(file, $"'{sheet}' row {row}", row, rule, message));

    /// <summary>An exception for a problem that stops the import at once (a missing sheet or header), with those found before it.</summary>
    public DefenseCoopDataException Fatal(string sheet, DataRule rule, string message)
    {
        _issues.Add((sheet, 0, 0, new DataIssue(file, $"'{sheet}'", null, rule, message)));
        return Exception();
    }

    /// <summary>An exception for a problem with a part of the package (e.g. <c>/xl/sharedStrings.xml</c>) that stops the import, with those found before it.</summary>
    public DefenseCoopDataException FatalInPart(string part, DataRule rule, string message)
    {
        _issues.Add(("", 0, 0, new DataIssue(file, $"part {part}", null, rule, message)));
        return Exception();
    }

    /// <summary>An exception for a problem with the file as a whole (not a workbook, not readable) that stops the import, with those found before it.</summary>
    public DefenseCoopDataException FatalInWorkbook(DataRule rule, string message)
    {
        _issues.Add(("", 0, 0, new DataIssue(file, "workbook", null, rule, message)));
        return Exception();
    }

    /// <summary>Throws when any problem was recorded.</summary>
    /// <exception cref="DefenseCoopDataException">At least one problem was recorded; it lists all of them.</exception>
    public void ThrowIfAny()
    {
        if (Any) throw Exception();
    }

    private void Add(string sheet, int row, int column, DataIssue issue)
    {
        if (_issues.Count == MaxIssues)
        {
            _issues.Add((sheet, int.MaxValue, int.MaxValue, new DataIssue(file, issue.Path, issue.Line, DataRule.LimitExceeded,
                $"More than 1,000 problems: the import stops here, and the first 1,000 are listed. This one: {issue.Message}")));
            throw Exception();
        }
        _issues.Add((sheet, row, column, issue));
    }

    private DefenseCoopDataException Exception()
    {
        int Rank(string sheet)
        {
            if (sheet.Length == 0) return -1;
            for (int i = 0; i < SheetOrder.Count; i++)
                if (SheetOrder[i] == sheet) return i;
            return int.MaxValue;
        }
        return new DefenseCoopDataException(_issues.OrderBy(i => Rank(i.Sheet)).ThenBy(i => i.Row).ThenBy(i => i.Column).Select(i => i.Issue));
    }
}
