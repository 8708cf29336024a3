using System.Collections.Immutable;
using DefenseCoop.Export;
using NodaTime;

namespace DefenseCoop.Panels;

/// <summary>What a panel export wrote.</summary>
/// <param name="TablePath">The table's file.</param>
/// <param name="DescriptionPath">The description's file, beside it.</param>
/// <param name="Rows">The rows written.</param>
/// <param name="Description">The description written.</param>
public sealed record PanelExportResult(string TablePath, string DescriptionPath, long Rows, PanelDescription Description)
{
    /// <summary>Gets the value columns left out because their sources restrict redistribution (<see cref="RestrictedSourceHandling.Omit"/>).</summary>
    public ImmutableArray<string> OmittedColumns => Description.OmittedColumns;
}

/// <summary>
/// Writes a panel through the export's formats: the panel's rows as a table of the export (<see cref="ExportTable"/>,
/// read by any <see cref="ExportFormat"/>, Parquet included), then its description as JSON beside it. The
/// licence rule is the export's, applied per column: a column whose values come from a restricted source (SIPRI's
/// databases) leaves only on the caller's acknowledgement, or is left out.
/// </summary>
internal static class PanelExport
{
    /// <summary>The suffix of the description's file: <c>TABLE.description.json</c>.</summary>
    public const string DescriptionSuffix = ".description.json";

    public static async Task<PanelExportResult> WriteAsync(PanelData data, long rows, string directory, ExportFormat format, ExportOptions options,
        IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var full = PanelDescription.Of(data, rows, omitted: []);
        var restricted = full.Columns.Where(c => c.Redistribution == Redistribution.Restricted).Select(c => c.Name).ToHashSet();
        if (restricted.Count > 0 && options.RestrictedSources == RestrictedSourceHandling.Refuse)
        {
            var terms = full.Sources.Where(s => s.Redistribution == Redistribution.Restricted && full.Columns.Any(c => restricted.Contains(c.Name) && c.Sources.Contains(s.Source.Id)));
            throw new RestrictedSourcesException([.. terms], rows);
        }
        bool omit = options.RestrictedSources == RestrictedSourceHandling.Omit;
        var kept = data.Columns.Where(c => !omit || !restricted.Contains(c.Name)).ToImmutableArray();
        var description = full;
        if (omit && restricted.Count > 0)
        {
            var omitted = PanelDescription.Of(data, rows, [.. kept.Length == data.Columns.Length ? [] : data.Columns.Where(c => restricted.Contains(c.Name)).Select(c => c.Name)]);
            var columns = omitted.Columns.Where(c => !restricted.Contains(c.Name)).ToImmutableArray();
            description = omitted with { Columns = columns, Sources = [.. omitted.Sources.Where(s => columns.Any(c => c.Sources.Contains(s.Source.Id)))] };
        }

        var table = new ExportTable(data.Settings.TableName, $"One row per {description.RowKind}, {data.Settings.FromYear}–{data.Settings.ToYear}.", new PanelTableRows(data, kept));
        Directory.CreateDirectory(directory);
        string tablePath = Path.Combine(directory, table.Name + format.FileExtension);
        string descriptionPath = Path.Combine(directory, table.Name + DescriptionSuffix);
        long written;
        using (var reader = new PanelRowReader(table, data, kept))
        {
            try
            {
                await using var stream = new FileStream(tablePath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                int interval = Math.Max(1, options.ProgressInterval);
                progress?.Report(new ExportProgress(table.Name, 0, rows, 0, rows));
                written = await format.WriteAsync(reader, stream, count =>
                {
                    if (count % interval != 0) return;
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report(new ExportProgress(table.Name, count, rows, count, rows));
                }, cancellationToken).ConfigureAwait(false);
                progress?.Report(new ExportProgress(table.Name, written, rows, written, rows));
            }
            catch
            {
                // A half-written table must not pass for a whole one.
                File.Delete(tablePath);
                throw;
            }
        }
        description = description with { Rows = written };
        await using (var stream = new FileStream(descriptionPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 12, useAsync: true))
            description.WriteJson(stream);
        return new PanelExportResult(tablePath, descriptionPath, written, description);
    }

    /// <summary>A panel's table: the frame's columns, then the value columns kept. No catalog export selects it; a panel export reads it.</summary>
    private sealed class PanelTableRows(PanelData data, ImmutableArray<PanelColumn> kept) : TableRows
    {
        public override ImmutableArray<ExportColumn> Columns { get; } =
        [
            .. PanelRowReader.FrameColumns(data.Settings.Dyads),
            .. kept.Select(c => new ExportColumn(c.Name, c.Type, Nullable: true, $"{c.Meaning} Unit: {c.Unit}.")),
        ];

        public override bool Selected(ExportSelection selection) => false;

        public override IEnumerable<RowSources> CitedSources(ExportSelection selection) => [];

        public override ExportRowReader Open(ExportTable table, ExportSelection selection, Func<RowSources, bool>? include) => new PanelRowReader(table, data, kept);
    }

    /// <summary>Reads a panel's rows as the export's formats consume them: the frame's codes and year, then each value column.</summary>
    private sealed class PanelRowReader(ExportTable table, PanelData data, ImmutableArray<PanelColumn> kept) : ExportRowReader(table)
    {
        private readonly IEnumerator<(int A, int B, int Year)> _rows = data.Rows().GetEnumerator();
        private readonly int _frameColumns = data.Settings.Dyads ? ColumnFactory.DyadFrameNames.Length : ColumnFactory.StateFrameNames.Length;
        private (int A, int B, int Year) _row;
        private bool _positioned;

        public static IEnumerable<ExportColumn> FrameColumns(bool dyads) => dyads
            ?
            [
                new("ccode_1", ExportColumnType.Int32, false, "The Correlates of War code of state 1."),
                new("ccode_2", ExportColumnType.Int32, false, "The Correlates of War code of state 2."),
                new("year", ExportColumnType.Int32, false, "The year."),
                new("stateabb_1", ExportColumnType.Text, false, "The COW abbreviation of state 1."),
                new("stateabb_2", ExportColumnType.Text, false, "The COW abbreviation of state 2."),
                new("country_1", ExportColumnType.Text, false, "The country of state 1: ISO 3166-1 alpha-2, or this library's code for a historical state."),
                new("country_2", ExportColumnType.Text, false, "The country of state 2."),
            ]
            :
            [
                new("ccode", ExportColumnType.Int32, false, "The Correlates of War code of the state."),
                new("year", ExportColumnType.Int32, false, "The year."),
                new("stateabb", ExportColumnType.Text, false, "The COW abbreviation of the state."),
                new("country", ExportColumnType.Text, false, "The country of the state: ISO 3166-1 alpha-2, or this library's code for a historical state."),
            ];

        public override bool Read()
        {
            _positioned = _rows.MoveNext();
            if (_positioned) _row = _rows.Current;
            return _positioned;
        }

        private PanelColumn Value(int ordinal, ExportColumnType type)
        {
            if (!_positioned) throw new InvalidOperationException("No current row: call Read first, and stop when it returns false.");
            if (ordinal < _frameColumns) throw new InvalidCastException($"Column {Table.Columns[ordinal].Name} of {Table.Name} is {Table.Columns[ordinal].Type}, not {type}.");
            return kept[ordinal - _frameColumns];
        }

        private PanelState State(int side) => data.Frame.States[side == 1 ? _row.A : _row.B];

        public override string? GetText(int ordinal)
        {
            if (!_positioned) throw new InvalidOperationException("No current row: call Read first, and stop when it returns false.");
            return (data.Settings.Dyads, ordinal) switch
            {
                (true, 3) => State(1).CowAbbreviation,
                (true, 4) => State(2).CowAbbreviation,
                (true, 5) => State(1).Country.Value,
                (true, 6) => State(2).Country.Value,
                (false, 2) => State(1).CowAbbreviation,
                (false, 3) => State(1).Country.Value,
                _ => throw new InvalidCastException($"Column {Table.Columns[ordinal].Name} of {Table.Name} is {Table.Columns[ordinal].Type}, not Text."),
            };
        }

        public override int? GetInt32(int ordinal)
        {
            if (ordinal < _frameColumns)
            {
                if (!_positioned) throw new InvalidOperationException("No current row: call Read first, and stop when it returns false.");
                return (data.Settings.Dyads, ordinal) switch
                {
                    (true, 0) or (false, 0) => State(1).CowCode,
                    (true, 1) => State(2).CowCode,
                    (true, 2) or (false, 1) => _row.Year,
                    _ => throw new InvalidCastException($"Column {Table.Columns[ordinal].Name} of {Table.Name} is {Table.Columns[ordinal].Type}, not Int32."),
                };
            }
            return Value(ordinal, ExportColumnType.Int32).ReadInt32(data, _row.A, _row.B, _row.Year);
        }

        public override decimal? GetDecimal(int ordinal) => Value(ordinal, ExportColumnType.Decimal).ReadDecimal(data, _row.A, _row.B, _row.Year);

        public override bool? GetBoolean(int ordinal) => Value(ordinal, ExportColumnType.Boolean).ReadBoolean(data, _row.A, _row.B, _row.Year);

        public override LocalDate? GetDate(int ordinal) => throw new InvalidCastException($"Column {Table.Columns[ordinal].Name} of {Table.Name} is {Table.Columns[ordinal].Type}, not Date.");

        protected override void Dispose(bool disposing)
        {
            if (disposing) _rows.Dispose();
        }
    }
}
