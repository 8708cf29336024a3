using System.Collections.Immutable;
using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.Cow;

/// <summary>Reads COW's National Material Capabilities CSV (v6.0 layout: <c>stateabb,ccode,year,milex,milper,...,version</c>).</summary>
internal static class NmcReader
{
    /// <summary>COW's code for a missing value.</summary>
    private const decimal Missing = -9m;

    /// <summary>The <c>version</c> column's value in NMC v6.0, whose edition the importer's source names.</summary>
    public const string Version = "2021";

    private sealed record Columns(CsvColumn StateAbb, CsvColumn CCode, CsvColumn Year, CsvColumn Milex, CsvColumn Milper, CsvColumn? Version, int Count);

    /// <summary>Reads and checks the whole file.</summary>
    /// <exception cref="DefenseCoopDataException">The file is not an NMC file, or a row is malformed; lists every problem.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static NmcData Read(string path, ImportLimits limits) => CsvFile.Parse(path, TextEncodings.StrictUtf8, limits, Parse);

    /// <summary>Reads and checks the whole file, as <see cref="Read"/> does, reading it asynchronously.</summary>
    /// <exception cref="DefenseCoopDataException">The file is not an NMC file, or a row is malformed; lists every problem.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<NmcData> ReadAsync(string path, ImportLimits limits, CancellationToken cancellationToken) =>
        CsvFile.ParseAsync(path, TextEncodings.StrictUtf8, limits, Parse, cancellationToken);

    /// <summary>Checks the file's records, read at once or asynchronously, recording problems in <paramref name="issues"/>.</summary>
    private static NmcData Parse(IEnumerable<CsvRecord> all, CsvIssues issues)
    {
        using var records = all.GetEnumerator();
        if (!records.MoveNext()) throw issues.Fatal(1, "header", DataRule.MissingValue, "The file is empty: expected the NMC header 'stateabb,ccode,year,milex,milper,...'.");
        var columns = ReadHeader(new CsvHeader(records.Current), records.Current.Count, issues);

        var states = new Dictionary<int, (string Abbreviation, List<NmcYear> Years)>();
        int rows = 0;
        bool versionChecked = false;
        while (records.MoveNext())
        {
            rows++;
            var record = records.Current;
            if (record.Count != columns.Count)
            {
                issues.Add(record.Line, "row", DataRule.InvalidValue, $"The row has {record.Count} fields; the header has {columns.Count}.");
                continue;
            }
            var row = new CsvRow(record, issues);
            if (!versionChecked && columns.Version is { } versionColumn && row.Text(versionColumn) is { } version && version != Version)
            {
                row.Issue(versionColumn, DataRule.InvalidValue, $"The file is NMC version '{version}'; this importer reads v6.0 (version {Version}), whose edition its source names.");
                versionChecked = true;
            }
            string? abbreviation = row.RequiredText(columns.StateAbb);
            int? code = row.Integer(columns.CCode, required: true);
            int? year = row.Year(columns.Year, required: true);
            decimal? militaryExpenditure = Figure(row, columns.Milex), personnel = Figure(row, columns.Milper);
            if (abbreviation is null || code is null || year is null) continue;
            if (!states.TryGetValue(code.Value, out var state)) states[code.Value] = state = (abbreviation, []);
            else if (!state.Abbreviation.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
                row.Issue(columns.StateAbb, DataRule.InvalidValue, $"COW state {code} is '{state.Abbreviation}' on earlier rows but '{abbreviation}' here.");
            state.Years.Add(new NmcYear(row.Line, year.Value, militaryExpenditure, personnel));
        }
        var result = states.OrderBy(s => s.Key).Select(s => State(s.Key, s.Value.Abbreviation, s.Value.Years, issues)).ToImmutableArray();
        issues.ThrowIfAny();
        return new NmcData(result, rows);
    }

    private static Columns ReadHeader(CsvHeader header, int count, CsvIssues issues)
    {
        var columns = new Columns(header.Require("stateabb", issues), header.Require("ccode", issues), header.Require("year", issues),
            header.Require("milex", issues), header.Require("milper", issues), header.Find("version"), count);
        issues.ThrowIfAny();
        return columns;
    }

    /// <summary>The largest figure, in thousands, that can be scaled to units.</summary>
    private const decimal MaxThousands = decimal.MaxValue / 1000;

    /// <summary>A figure, or <see langword="null"/> where COW marks it missing (<c>-9</c>) or leaves it empty: missing is absent, never 0.</summary>
    private static decimal? Figure(CsvRow row, CsvColumn column)
    {
        decimal? value = row.Decimal(column);
        if (value is null || value == Missing) return null;
        if (value > MaxThousands)
        {
            row.Issue(column, DataRule.InvalidValue, $"'{column.Name}' is {value}: in thousands, it is beyond the range of a decimal number once scaled to units.");
            return null;
        }
        if (value >= 0) return value;
        row.Issue(column, DataRule.InvalidValue, $"'{column.Name}' is {value}: COW's figures are not negative, and -9 marks a missing one.");
        return null;
    }

    private static NmcState State(int code, string abbreviation, List<NmcYear> years, CsvIssues issues)
    {
        years.Sort((a, b) => a.Year != b.Year ? a.Year.CompareTo(b.Year) : a.Line.CompareTo(b.Line));
        for (int i = 1; i < years.Count; i++)
            if (years[i].Year == years[i - 1].Year)
                issues.Add(years[i].Line, "year", DataRule.DuplicateId, $"COW state {code} ({abbreviation}) has the year {years[i].Year} twice (also on line {years[i - 1].Line}).");
        return new NmcState(code, abbreviation, years.Min(y => y.Line), [.. years]);
    }
}
