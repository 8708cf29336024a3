using System.Globalization;
using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>One of SIPRI's annual TIV tables, read but not yet linked to the catalog.</summary>
/// <param name="Kind">Supplier or recipient table.</param>
/// <param name="Generated">The export's "Data generated:" text, verbatim.</param>
/// <param name="GeneratedOn">The date of that text.</param>
/// <param name="FirstYear">The first year column.</param>
/// <param name="LastYear">The last year column.</param>
/// <param name="LabelColumn">The column of the supplier or recipient.</param>
/// <param name="Rows">The parties' rows, in file order.</param>
/// <param name="TotalRows">How many rows of totals were left out.</param>
internal sealed record TivTable(SipriTivTableKind Kind, string Generated, DateOnly GeneratedOn, int FirstYear, int LastYear,
    CsvColumn LabelColumn, IReadOnlyList<TivTableRow> Rows, int TotalRows);

/// <summary>A row of a TIV table: a party and its figures by year (in millions of TIV), years without a figure left out.</summary>
internal sealed record TivTableRow(int Line, string Label, IReadOnlyList<(int Year, decimal Millions)> Figures);

/// <summary>
/// Reads SIPRI's annual TIV tables by supplier (<c>supplier_1950-2023.csv</c>) and by recipient
/// (<c>recipient_1950-2023.csv</c>): a preamble with a "Data generated:" line, a header naming the
/// <c>Supplier</c> or <c>Recipient</c> column and one column per year, then one row per party. Columns
/// after the years (period totals, shares) are not read; an empty cell means no deliveries identified.
/// </summary>
internal static class TivTableReader
{
    /// <summary>How far to look for the header.</summary>
    private const int MaxPreambleLines = 50;

    private const string GeneratedPrefix = "Data generated:";

    private static readonly string[] GeneratedFormats = ["d MMM yyyy h:mm:ss tt", "d MMM yyyy H:mm:ss", "d MMM yyyy"];

    // Rows of totals, not parties.
    private static readonly HashSet<string> TotalLabels = new(StringComparer.OrdinalIgnoreCase) { "Others", "Total", "Total world import", "World total" };

    /// <summary>Reads and checks the whole file.</summary>
    /// <exception cref="DefenseCoopDataException">The file is not a supplier or recipient table, or a figure is malformed; lists every problem.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TivTable Read(string path, ImportLimits limits) => CsvFile.Parse(path, TextEncodings.Windows1252, limits, Parse);

    /// <summary>Reads and checks the whole file, as <see cref="Read"/> does, reading it asynchronously.</summary>
    /// <exception cref="DefenseCoopDataException">The file is not a supplier or recipient table, or a figure is malformed; lists every problem.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<TivTable> ReadAsync(string path, ImportLimits limits, CancellationToken cancellationToken) =>
        CsvFile.ParseAsync(path, TextEncodings.Windows1252, limits, Parse, cancellationToken);

    /// <summary>Checks the file's records, read at once or asynchronously, recording problems in <paramref name="issues"/>.</summary>
    private static TivTable Parse(IEnumerable<CsvRecord> all, CsvIssues issues)
    {
        using var records = all.GetEnumerator();
        (string Text, int Line)? generated = null;
        CsvRecord? header = null;
        SipriTivTableKind kind = default;
        CsvColumn label = default;
        while (header is null && records.MoveNext())
        {
            var record = records.Current;
            string first = record.Count > 0 ? record[0].Trim() : "";
            if (first.StartsWith(GeneratedPrefix, StringComparison.OrdinalIgnoreCase)) generated = (first[GeneratedPrefix.Length..].Trim(), record.Line);
            if (first.Equals("Imports by Regions", StringComparison.OrdinalIgnoreCase))
                throw issues.Fatal(record.Line, "header", DataRule.InvalidValue,
                    "This is SIPRI's table of imports by region: its regions are not countries of the catalog, so it is not imported. Give the table by supplier or by recipient.");
            var names = new CsvHeader(record);
            if (names.Find("Supplier") is { } supplier) (header, kind, label) = (record, SipriTivTableKind.Supplier, supplier);
            else if (names.Find("Recipient") is { } recipient) (header, kind, label) = (record, SipriTivTableKind.Recipient, recipient);
            else if (record.Line >= MaxPreambleLines) break;
        }
        if (header is null)
            throw issues.Fatal(1, "header", DataRule.MissingValue,
                $"No header with a 'Supplier' or 'Recipient' column in the first {MaxPreambleLines} lines: this is not one of SIPRI's TIV tables by supplier or by recipient.");
        var years = new List<(int Index, int Year)>();
        for (int i = label.Index + 1; i < header.Count; i++)
        {
            string name = header[i].Trim();
            if (name.Length == 4 && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && CsvRow.IsYear(year)) years.Add((i, year));
        }
        if (years.Count == 0 || years.Zip(years.Skip(1)).Any(p => p.Second.Year != p.First.Year + 1))
            throw issues.Fatal(header.Line, "header", DataRule.InvalidValue, $"The header has no run of consecutive year columns after '{label.Name}': found '{header}'.");
        if (generated is not { } g)
            throw issues.Fatal(header.Line, "preamble", DataRule.MissingValue, $"The preamble has no '{GeneratedPrefix}' line, which dates the export (and names the source's edition).");
        if (!DateTime.TryParseExact(g.Text, GeneratedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
            throw issues.Fatal(g.Line, "preamble", DataRule.InvalidDate, $"'{g.Text}' after '{GeneratedPrefix}' is not a date such as '2 Nov 2024 10:30:55 PM'.");

        var rows = new List<TivTableRow>();
        int totals = 0;
        while (records.MoveNext())
        {
            var record = records.Current;
            string party = record.Count > label.Index ? record[label.Index].Trim() : "";
            if (party.Length == 0) continue;   // blank lines and separators
            CsvRow.CheckText(issues, record.Line, label.Name, party);
            if (TotalLabels.Contains(party)) { totals++; continue; }
            var figures = new List<(int, decimal)>();
            foreach (var (index, year) in years)
            {
                string text = record.Count > index ? record[index].Trim() : "";
                if (text.Length == 0) continue;
                if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal millions) && millions <= ValueRanges.MaxAmount)
                    figures.Add((year, millions));
                else
                    issues.Add(record.Line, year.ToString(CultureInfo.InvariantCulture), DataRule.InvalidValue,
                        $"'{text}' for {party} in {year} is not a TIV: expected a number of millions, not negative, or an empty cell.");
            }
            rows.Add(new TivTableRow(record.Line, party, figures));
        }
        issues.ThrowIfAny();
        return new TivTable(kind, g.Text, DateOnly.FromDateTime(date), years[0].Year, years[^1].Year, label, rows, totals);
    }
}
