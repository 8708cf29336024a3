namespace DefenseCoop.Importers.Xlsx;

/// <summary>
/// Collects the problems an importer finds in one workbook, each naming the file, the sheet and the
/// cell or row, so that a single exception can list all of them, in sheet and row order.
/// </summary>
/// <param name="file">The workbook's path, as errors name it.</param>
internal sealed class WorkbookIssues(string file)
{
    private readonly List<(string Sheet, int Row, int Column, DataIssue Issue)> _issues = [];

    /// <summary>Gets or sets the workbook's sheet names, in the order the problems are listed.</summary>
    public IReadOnlyList<string> SheetOrder { get; set; } = [];

    /// <summary>Gets whether any problem was found.</summary>
    public bool Any => _issues.Count > 0;

    /// <summary>Records a problem with one cell, e.g. <c>'Share of GDP'!D12</c>.</summary>
    public void AtCell(string sheet, XlsxCell cell, DataRule rule, string message) =>
        _issues.Add((sheet, cell.Row, cell.Column, new DataIssue(file, $"'{sheet}'!{cell.Reference}", cell.Row, rule, message)));

    /// <summary>Records a problem with a whole row.</summary>
    public void AtRow(string sheet, int row, DataRule rule, string message) =>
        _issues.Add((sheet, row, 0, new DataIssue(file, $"'{sheet}' row {row}", row, rule, message)));

    /// <summary>An exception for a problem that stops the import at once (a missing sheet or header), with those found before it.</summary>
    public DefenseCoopDataException Fatal(string sheet, DataRule rule, string message)
    {
        _issues.Add((sheet, 0, 0, new DataIssue(file, $"'{sheet}'", null, rule, message)));
        return Exception();
    }

    /// <summary>Throws when any problem was recorded.</summary>
    /// <exception cref="DefenseCoopDataException">At least one problem was recorded; it lists all of them.</exception>
    public void ThrowIfAny()
    {
        if (Any) throw Exception();
    }

    private DefenseCoopDataException Exception()
    {
        int Rank(string sheet)
        {
            for (int i = 0; i < SheetOrder.Count; i++)
                if (SheetOrder[i] == sheet) return i;
            return int.MaxValue;
        }
        return new DefenseCoopDataException(_issues.OrderBy(i => Rank(i.Sheet)).ThenBy(i => i.Row).ThenBy(i => i.Column).Select(i => i.Issue));
    }
}
