using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace DefenseCoop.Export;

/// <summary>What an export does with rows that cite a source whose terms restrict redistribution (<see cref="Redistribution.Restricted"/>).</summary>
public enum RestrictedSourceHandling
{
    /// <summary>Refuse the export with a <see cref="RestrictedSourcesException"/> that lists the restricted sources; nothing is written. The default.</summary>
    Refuse = 0,
    /// <summary>Leave out every row that cites a restricted source (and the rows that belong to it); the rest is exported.</summary>
    Omit = 1,
    /// <summary>
    /// Export the rows: the caller acknowledges the terms of each restricted source (e.g. SIPRI's: non-commercial
    /// use, at most 10% reproduced) and takes on keeping them. The attribution file states the terms.
    /// </summary>
    IncludeAndAcknowledgeTerms = 2,
}

/// <summary>Options of an export.</summary>
public sealed record ExportOptions
{
    /// <summary>Gets the default options: restricted sources refuse the export.</summary>
    public static ExportOptions Default { get; } = new();

    /// <summary>Gets what to do with rows that cite a restricted source; <see cref="RestrictedSourceHandling.Refuse"/> by default.</summary>
    public RestrictedSourceHandling RestrictedSources { get; init; } = RestrictedSourceHandling.Refuse;

    /// <summary>Gets how many rows pass between two progress reports within a table; 10,000 by default.</summary>
    public int ProgressInterval { get; init; } = 10_000;
}

/// <summary>Progress of an export, reported at the start and end of each table and every <see cref="ExportOptions.ProgressInterval"/> rows.</summary>
/// <param name="Table">The table being written.</param>
/// <param name="RowsWritten">Rows of that table written so far.</param>
/// <param name="TableRows">Rows the table will have.</param>
/// <param name="TotalRowsWritten">Rows of every table written so far.</param>
/// <param name="TotalRows">Rows every table of the export will have.</param>
public readonly record struct ExportProgress(string Table, long RowsWritten, long TableRows, long TotalRowsWritten, long TotalRows)
{
    /// <summary>Gets the fraction of the whole export written, from 0 to 1.</summary>
    public double Fraction => TotalRows == 0 ? 1 : (double)TotalRowsWritten / TotalRows;
}

/// <summary>One file an export wrote.</summary>
/// <param name="Table">The table.</param>
/// <param name="Path">The file's path, or <see langword="null"/> for a table written to a caller's stream.</param>
/// <param name="Rows">The rows written.</param>
public sealed record ExportedTable(ExportTable Table, string? Path, long Rows);

/// <summary>What an export wrote, and the terms of the sources its rows cite.</summary>
/// <param name="Format">The format.</param>
/// <param name="Tables">The tables written, in order.</param>
/// <param name="Sources">The terms of every source the exported rows cite, in id order.</param>
/// <param name="AttributionPath">The attribution file, or <see langword="null"/> for a table written to a caller's stream.</param>
/// <param name="OmittedRows">Rows left out because they cite a restricted source (<see cref="RestrictedSourceHandling.Omit"/>).</param>
public sealed record ExportResult(ExportFormat Format, ImmutableArray<ExportedTable> Tables, ImmutableArray<SourceTerms> Sources, string? AttributionPath, long OmittedRows)
{
    /// <summary>Gets the restricted sources among <see cref="Sources"/>, whose terms the caller acknowledged.</summary>
    public IEnumerable<SourceTerms> RestrictedSources => Sources.Where(s => s.Redistribution == Redistribution.Restricted);

    /// <summary>What was written, in one line: the format, tables and rows, the sources cited and their terms, the attribution file.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Format}: {Tables.Length} {(Tables.Length == 1 ? "table" : "tables")}, {Tables.Sum(t => t.Rows):#,0} rows, citing {Sources.Length} {(Sources.Length == 1 ? "source" : "sources")}");
        int restricted = RestrictedSources.Count();
        if (restricted > 0) text.Append(CultureInfo.InvariantCulture, $" ({restricted} restricted, {(restricted == 1 ? "its" : "their")} terms acknowledged)");
        if (OmittedRows > 0) text.Append(CultureInfo.InvariantCulture, $"; {OmittedRows:#,0} rows citing restricted sources left out");
        if (AttributionPath is not null) text.Append(CultureInfo.InvariantCulture, $"; attribution in {AttributionPath}");
        return text.ToString();
    }
}

/// <summary>
/// An export was refused because rows cite sources whose terms restrict redistribution, and the caller did not
/// choose <see cref="RestrictedSourceHandling.IncludeAndAcknowledgeTerms"/> or <see cref="RestrictedSourceHandling.Omit"/>.
/// </summary>
public sealed class RestrictedSourcesException : InvalidOperationException
{
    /// <summary>Creates the exception for the restricted sources cited.</summary>
    /// <param name="sources">The restricted sources and their terms.</param>
    /// <param name="rows">How many rows cite them.</param>
    public RestrictedSourcesException(IReadOnlyList<SourceTerms> sources, long rows)
        : base(Describe(sources, rows))
    {
        Sources = [.. sources];
        Rows = rows;
    }

    /// <summary>Gets the restricted sources the rows cite, with their terms.</summary>
    public ImmutableArray<SourceTerms> Sources { get; }

    /// <summary>Gets the number of rows that cite them.</summary>
    public long Rows { get; }

    private static string Describe(IReadOnlyList<SourceTerms> sources, long rows) =>
        $"The export was refused: {rows:N0} rows cite {sources.Count} source(s) whose terms restrict redistribution:"
        + string.Concat(sources.Select(s => $"{Environment.NewLine}  {s.Source.Id} ({s.Source.Publisher}, {s.Source.Title}): {s.Source.Licence ?? s.Reason}"))
        + $"{Environment.NewLine}Set ExportOptions.RestrictedSources to {nameof(RestrictedSourceHandling.IncludeAndAcknowledgeTerms)} to export them, "
        + $"acknowledging these terms (the attribution file will state them), or to {nameof(RestrictedSourceHandling.Omit)} to leave those rows out.";
}
