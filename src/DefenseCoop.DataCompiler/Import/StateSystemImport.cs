using System.Globalization;
using System.Text;

namespace DefenseCoop.DataCompiler.Import;

/// <summary>
/// Reads the Correlates of War state system membership list (v2016) into the compact extract the
/// library embeds as the frame of its panels: one line per spell of membership, with the state's COW
/// code and abbreviation and the first and last day of the spell as ISO dates. Names are left out (the
/// country records carry them); spells come in code order, then start order.
/// </summary>
/// <remarks>
/// The extract is its own small file, outside the data file format: the panels read it lazily, on first use.
/// Every row is checked: a real day for each date, a spell that ends after it starts, one abbreviation per
/// code, spells of one state that do not overlap, and COW's version column equal to 2016.
/// </remarks>
internal static class StateSystemImport
{
    /// <summary>The raw list, relative to the raw folder.</summary>
    public const string RawFile = "cow-state-system/states2016.csv";

    /// <summary>The extract's name under <c>data/imports/</c>.</summary>
    public const string OutputFile = "cow-state-system-2016.csv";

    /// <summary>The extract's header line.</summary>
    public const string Header = "ccode,stateabb,start,end";

    /// <summary>Builds the extract from the raw folder.</summary>
    /// <exception cref="InvalidDataException">A row breaks one of the checks; the message names the row.</exception>
    public static byte[] Run(string rawDirectory)
    {
        string path = Path.Combine(rawDirectory, RawFile);
        var spells = new List<(int Code, string Abbreviation, DateOnly Start, DateOnly End)>();
        var abbreviations = new Dictionary<int, string>();
        int row = 1;
        foreach (var record in Csv.ReadRecords(path))
        {
            row++;
            string Where() => $"{RawFile}, data row {row - 1} ({record["stateabb"]} {record["ccode"]})";
            if (record["version"] != "2016") throw new InvalidDataException($"{Where()}: version is '{record["version"]}', not 2016.");
            int code = Number(record["ccode"], Where);
            string abbreviation = record["stateabb"];
            if (abbreviation.Length != 3 || !abbreviation.All(char.IsAsciiLetterUpper))
                throw new InvalidDataException($"{Where()}: '{abbreviation}' is not a three-letter abbreviation.");
            if (abbreviations.TryGetValue(code, out var known) && known != abbreviation)
                throw new InvalidDataException($"{Where()}: code {code} is {known} on an earlier row.");
            abbreviations[code] = abbreviation;
            var start = Day(record, "st", Where);
            var end = Day(record, "end", Where);
            if (end < start) throw new InvalidDataException($"{Where()}: the spell ends ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}).");
            spells.Add((code, abbreviation, start, end));
        }
        spells.Sort((a, b) => a.Code != b.Code ? a.Code.CompareTo(b.Code) : a.Start.CompareTo(b.Start));
        for (int i = 1; i < spells.Count; i++)
            if (spells[i].Code == spells[i - 1].Code && spells[i].Start <= spells[i - 1].End)
                throw new InvalidDataException($"{RawFile}: the spells of {spells[i].Abbreviation} ({spells[i].Code}) overlap at {spells[i].Start:yyyy-MM-dd}.");

        var text = new StringBuilder(Header).Append('\n');
        foreach (var (code, abbreviation, start, end) in spells)
            text.Append(CultureInfo.InvariantCulture, $"{code},{abbreviation},{start:yyyy-MM-dd},{end:yyyy-MM-dd}\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static int Number(string text, Func<string> where) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidDataException($"{where()}: '{text}' is not a whole number.");

    private static DateOnly Day(Dictionary<string, string> record, string prefix, Func<string> where)
    {
        int year = Number(record[prefix + "year"], where), month = Number(record[prefix + "month"], where), day = Number(record[prefix + "day"], where);
        return DateOnly.TryParseExact(FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidDataException($"{where()}: {prefix}year/{prefix}month/{prefix}day {year}-{month}-{day} is not a day of the calendar.");
    }
}
