namespace DefenseCoop.Importers.Xlsx;

/// <summary>Reads the figures of statistical tables, where a cell holds a number, nothing, or a marker that means "no figure".</summary>
internal static class TableValues
{
    /// <summary>
    /// Reads a figure scaled to units (e.g. ×1,000,000 for a table in millions). Returns
    /// <see langword="null"/> for an empty cell or one of <paramref name="absentMarkers"/>: the figure is
    /// absent, never 0. Any other text is reported and read as absent.
    /// </summary>
    public static decimal? Read(XlsxCell cell, decimal scale, string sheet, WorkbookIssues issues, IReadOnlySet<string> absentMarkers, string markerHelp)
    {
        if (cell.IsBlank) return null;
        if (cell.TryGetNumber(out decimal value))
        {
            try
            {
                return value * scale;
            }
            catch (OverflowException)
            {
                issues.AtCell(sheet, cell, DataRule.InvalidValue, $"'{cell.Text}' times {scale:0.#} (the sheet's unit) is beyond the range of a decimal number.");
                return null;
            }
        }
        string text = cell.Text.Trim();
        if (cell.Kind == XlsxCellKind.Text && absentMarkers.Contains(text)) return null;
        issues.AtCell(sheet, cell, DataRule.InvalidValue, $"'{text}' is not a number{markerHelp}.");
        return null;
    }
}
