using System.Collections.Immutable;
using System.Globalization;
using DefenseCoop.Importers.Csv;
using static DefenseCoop.Importers.SipriArmsTransfers.TradeRegisterLayout;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>Reads the CSV export of SIPRI's trade register: preamble, header, then one deal per record.</summary>
internal static class TradeRegisterReader
{
    /// <summary>The most lines a deal split by line breaks in its comments is rejoined from.</summary>
    private const int MaxSplitLines = 8;

    private static readonly string[] GeneratedFormats = ["d MMM yyyy h:mm:ss tt", "d MMM yyyy H:mm:ss", "d MMM yyyy"];

    /// <summary>Reads and checks the whole file.</summary>
    /// <exception cref="DefenseCoopDataException">The file is not a trade register, or a record is malformed; lists every problem.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static TradeRegister Read(string path, ImportLimits limits) => CsvFile.Parse(path, TextEncodings.Windows1252, limits, Parse);

    /// <summary>Reads and checks the whole file, as <see cref="Read"/> does, reading it asynchronously.</summary>
    /// <exception cref="DefenseCoopDataException">The file is not a trade register, or a record is malformed; lists every problem.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<TradeRegister> ReadAsync(string path, ImportLimits limits, CancellationToken cancellationToken) =>
        CsvFile.ParseAsync(path, TextEncodings.Windows1252, limits, Parse, cancellationToken);

    /// <summary>Checks the file's records, read at once or asynchronously, recording problems in <paramref name="issues"/>.</summary>
    private static TradeRegister Parse(IEnumerable<CsvRecord> all, CsvIssues issues)
    {
        using var records = all.GetEnumerator();
        var (generated, generatedOn) = ReadPreamble(records, issues);

        var entries = new List<TradeRegisterEntry>();
        int rejoined = 0;
        CsvRecord? partial = null;
        int partialLines = 0;
        while (records.MoveNext())
        {
            var record = records.Current;
            int lines = 1;
            if (partial is not null)
            {
                // SIPRI writes Comments unquoted, so a line break in them splits a deal across lines. The
                // split shows in the field counts: the parts' counts add up to one record's (less the field cut in two).
                // A deal is rejoined from at most MaxSplitLines lines, so that lines of one field each cannot
                // make rejoining quadratic.
                if (partial.Count + record.Count - 1 <= ColumnCount && partialLines < MaxSplitLines)
                {
                    record = Rejoin(partial, record);
                    lines = partialLines + 1;
                    if (record.Count == ColumnCount) rejoined++;
                }
                else
                {
                    ReportFieldCount(partial, issues);
                }
                partial = null;
            }
            if (record.Count < ColumnCount)
            {
                partial = record;
                partialLines = lines;
            }
            else if (record.Count > ColumnCount) ReportFieldCount(record, issues);
            else if (ReadDeal(new CsvRow(record, issues)) is { } entry) entries.Add(entry);
        }
        if (partial is not null) ReportFieldCount(partial, issues);
        issues.ThrowIfAny();
        return new TradeRegister(generated, generatedOn, entries, rejoined);
    }

    private static (string Generated, DateOnly GeneratedOn) ReadPreamble(IEnumerator<CsvRecord> records, CsvIssues issues)
    {
        (string Text, int Line)? generated = null;
        while (records.MoveNext())
        {
            var record = records.Current;
            string text = record.ToString().Trim();
            if (record[0].Trim().Equals(Header[0], StringComparison.OrdinalIgnoreCase))
            {
                if (!new CsvHeader(record).Is(Header))
                    throw issues.Fatal(record.Line, "header", DataRule.InvalidValue,
                        $"The header is not that of SIPRI's trade register: expected '{string.Join(',', Header)}', found '{record}'.");
                if (generated is null)
                    throw issues.Fatal(record.Line, "preamble", DataRule.MissingValue,
                        $"The preamble has no '{GeneratedPrefix}' line, which dates the export (and names the source's edition).");
                var (value, line) = generated.Value;
                if (!DateTime.TryParseExact(value, GeneratedFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var date))
                    throw issues.Fatal(line, "preamble", DataRule.InvalidDate, $"'{value}' after '{GeneratedPrefix}' is not a date such as '5 Nov 2024 4:52:25 AM'.");
                return (value, DateOnly.FromDateTime(date));
            }
            if (text.StartsWith(GeneratedPrefix, StringComparison.OrdinalIgnoreCase))
                generated = (text[GeneratedPrefix.Length..].Trim(), record.Line);
            if (record.Line >= MaxPreambleLines) break;
        }
        throw issues.Fatal(1, "header", DataRule.MissingValue,
            $"No header ('{Header[0]},{Header[1]},{Header[2]},...') in the first {MaxPreambleLines} lines: this is not a CSV export of SIPRI's trade register.");
    }

    private static CsvRecord Rejoin(CsvRecord first, CsvRecord rest) =>
        new(first.Line, [.. first.Fields.Take(first.Count - 1), first[^1].TrimEnd() + " " + rest[0].TrimStart(), .. rest.Fields.Skip(1)]);

    private static void ReportFieldCount(CsvRecord record, CsvIssues issues) =>
        issues.Add(record.Line, "row", DataRule.InvalidValue,
            $"The record has {record.Count} fields; a deal of the trade register has {ColumnCount} (a comma or line break inside a field would cause this).");

    private static TradeRegisterEntry? ReadDeal(CsvRow row)
    {
        string? recipient = row.RequiredText(Recipient);
        string? supplier = row.RequiredText(Supplier);
        string? designation = row.RequiredText(Designation);
        int? orderYear = row.Year(OrderYear, required: true);
        var numberOrdered = row.Count(NumberOrdered);
        var tivOfOrder = Tiv(row, TivOfOrder);
        var deal = new ArmsTransferDeal
        {
            Designation = designation ?? "",
            Description = row.Text(Description),
            OrderYear = orderYear,
            OrderYearUncertain = Uncertain(row, OrderYearUncertain),
            NumberOrdered = numberOrdered,
            NumberOrderedUncertain = Uncertain(row, NumberOrderedUncertain),
            NumberDelivered = row.Count(NumberDelivered),
            NumberDeliveredUncertain = Uncertain(row, NumberDeliveredUncertain),
            DeliveryYears = DeliveryYearsOf(row),
            Status = row.Text(Status),
            Comments = row.Text(Comments),
            TivPerUnit = Tiv(row, TivPerUnit),
            // The order's TIV is the number ordered times the unit's TIV; where the number is not known SIPRI
            // writes 0, which here means "not available" (as its preamble says of an empty field), not zero.
            TivOfOrder = numberOrdered is null && tivOfOrder?.Millions == 0 ? null : tivOfOrder,
            TivDelivered = Tiv(row, TivDelivered),
        };
        if (recipient is null || supplier is null || designation is null || orderYear is null) return null;
        return new TradeRegisterEntry(row.Line, recipient, supplier, deal, row.Fields);
    }

    private static bool Uncertain(CsvRow row, CsvColumn column)
    {
        string? text = row.Text(column);
        if (text is null) return false;
        if (text == "?") return true;
        row.Issue(column, DataRule.InvalidValue, $"'{text}' is not an uncertainty mark: expected '?' or nothing.");
        return false;
    }

    private static TrendIndicatorValue? Tiv(CsvRow row, CsvColumn column)
    {
        decimal? millions = row.Decimal(column);
        if (millions is null) return null;
        if (millions >= 0) return new TrendIndicatorValue(millions.Value);
        row.Issue(column, DataRule.InvalidValue, $"'{column.Name}' is {millions}: a TIV is not negative.");
        return null;
    }

    private static ImmutableArray<int> DeliveryYearsOf(CsvRow row)
    {
        if (row.Text(DeliveryYears) is not { } text) return [];
        var years = ImmutableArray.CreateBuilder<int>();
        foreach (var part in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && CsvRow.IsYear(year)) years.Add(year);
            else row.Issue(DeliveryYears, DataRule.InvalidValue, $"'{part}' in '{text}' is not a year: expected years separated by '; '.");
        }
        return years.ToImmutable();
    }
}
