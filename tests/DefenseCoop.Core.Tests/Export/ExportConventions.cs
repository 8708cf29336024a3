using System.Collections.Immutable;

namespace DefenseCoop.Tests.Export;

/// <summary>
/// The export's conventions over several columns or inside one text (<c>docs/export.md</c>, "Formats and
/// types"), read back: lists separated by ';', 'tag=name' pairs, a partial date as four columns, money as
/// five, enums by name, a row's sources and its curator's caveats.
/// </summary>
internal static class ExportConventions
{
    /// <summary>A list column: its items, empty where the column is null (the export writes no empty list).</summary>
    public static ImmutableArray<string> List(this ExportedRow row, string column)
    {
        if (row.Text(column) is not { } text) return [];
        var items = text.Split(';');
        if (items.Any(i => i.Length == 0)) throw new FormatException($"{row.Where}: {column} '{text}' has an empty item.");
        return [.. items];
    }

    public static ImmutableArray<T> List<T>(this ExportedRow row, string column, Func<string, T> parse) => [.. row.List(column).Select(parse)];

    /// <summary>'tag=name' pairs separated by ';', as the <c>names</c> columns hold them.</summary>
    public static Dictionary<string, string> Pairs(this ExportedRow row, string column)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in row.List(column))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == item.Length - 1) throw new FormatException($"{row.Where}: {column} has '{item}', which is not 'key=value'.");
            if (!pairs.TryAdd(item[..eq], item[(eq + 1)..])) throw new FormatException($"{row.Where}: {column} gives '{item[..eq]}' twice.");
        }
        return pairs;
    }

    /// <summary>An enum by its name, never its number (the export writes names, which never change).</summary>
    public static T Enum<T>(this ExportedRow row, string column) where T : struct, Enum =>
        row.OptionalEnum<T>(column) ?? throw new FormatException($"{row.Where}: {column} is null.");

    public static T? OptionalEnum<T>(this ExportedRow row, string column) where T : struct, Enum =>
        row.Text(column) is not { } text ? null : ParseEnum<T>(text, $"{row.Where}: {column}");

    public static T ParseEnum<T>(string text, string where) where T : struct, Enum =>
        text.Length > 0 && char.IsLetter(text[0]) && System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value)
            ? value
            : throw new FormatException($"{where}: '{text}' is not a name of {typeof(T).Name}.");

    /// <summary>
    /// A partial date's four columns: <c>X</c> in text form, and <c>X_earliest</c>, <c>X_latest</c> and <c>X_year</c>,
    /// which must be what the text denotes (all null with it).
    /// </summary>
    public static PartialDate? PartialDate(this ExportedRow row, string prefix)
    {
        if (row.Text(prefix) is not { } text)
        {
            foreach (var part in new[] { "_earliest", "_latest" })
                if (row.Date(prefix + part) is not null) throw new FormatException($"{row.Where}: {prefix}{part} is given without {prefix}.");
            if (row.Int32(prefix + "_year") is not null) throw new FormatException($"{row.Where}: {prefix}_year is given without {prefix}.");
            return null;
        }
        if (!DefenseCoop.PartialDate.TryParse(text, out var date)) throw new FormatException($"{row.Where}: {prefix} '{text}' is not a partial date.");
        row.Agrees(prefix + "_earliest", date.Earliest);
        row.Agrees(prefix + "_latest", date.Latest);
        row.Agrees(prefix + "_year", date.Year);
        return date;
    }

    /// <summary>Money's five columns: <c>X_amount</c>, <c>X_currency</c>, <c>X_price_basis</c>, <c>X_base_year</c> and <c>X_bound</c>; all null, or amount, currency, basis and bound given.</summary>
    public static Money? Money(this ExportedRow row, string prefix)
    {
        decimal? amount = row.Decimal(prefix + "_amount");
        string? currency = row.Text(prefix + "_currency"), basis = row.Text(prefix + "_price_basis"), bound = row.Text(prefix + "_bound");
        int? baseYear = row.Int32(prefix + "_base_year");
        if (amount is null)
        {
            if (currency is not null || basis is not null || bound is not null || baseYear is not null)
                throw new FormatException($"{row.Where}: {prefix} has a currency, basis, base year or bound without an amount.");
            return null;
        }
        if (currency is null || basis is null || bound is null) throw new FormatException($"{row.Where}: {prefix} has an amount without its currency, price basis and bound.");
        return new Money(amount.Value, CurrencyCode.Parse(currency), row.PriceBasis(prefix + "_price_basis", prefix + "_base_year"),
            ParseEnum<ValueBound>(bound, $"{row.Where}: {prefix}_bound"));
    }

    /// <summary>A price basis as two columns: <c>current</c> without a base year, or <c>constant</c> with one.</summary>
    public static PriceBasis PriceBasis(this ExportedRow row, string basisColumn, string baseYearColumn) => (row.Required(basisColumn), row.Int32(baseYearColumn)) switch
    {
        ("current", null) => DefenseCoop.PriceBasis.Current,
        ("constant", int year) => DefenseCoop.PriceBasis.Constant(year),
        var (basis, year) => throw new FormatException($"{row.Where}: {basisColumn} '{basis}' with {baseYearColumn} '{year}': current has no base year, constant has one."),
    };

    /// <summary>The <c>sources</c> column: the ids the row cites, in order.</summary>
    public static ImmutableArray<SourceId> Sources(this ExportedRow row)
    {
        var sources = row.List("sources", id => new SourceId(id));
        if (sources.IsEmpty) throw new FormatException($"{row.Where}: sources is empty; every row cites a source.");
        return sources;
    }

    /// <summary>
    /// The curator's caveats on the row's sources, from <c>sources_without_date</c> (ids) and <c>inferred</c>
    /// ('source: what' separated by ' | '): one caveat per page that has one, in the order of <paramref name="sources"/>,
    /// as the record keeps them.
    /// </summary>
    public static ImmutableArray<SourceCaveat> Caveats(this ExportedRow row, ImmutableArray<SourceId> sources)
    {
        var undated = row.List("sources_without_date", id => new SourceId(id));
        var inferred = Inferred(row, sources);
        foreach (var id in undated.Concat(inferred.Keys))
            if (!sources.Contains(id)) throw new FormatException($"{row.Where}: a caveat names the page '{id}', which the row does not cite.");
        if (undated.Distinct().Count() != undated.Length) throw new FormatException($"{row.Where}: sources_without_date names a page twice.");
        return [.. sources.Where(id => undated.Contains(id) || inferred.ContainsKey(id))
            .Select(id => new SourceCaveat(id, undated.Contains(id), inferred.GetValueOrDefault(id)))];
    }

    // 'source: what | source: what'. A 'what' may itself hold ' | ', so a part begins only where ' | ' is followed by a cited id and ': '.
    private static Dictionary<SourceId, string> Inferred(ExportedRow row, ImmutableArray<SourceId> sources)
    {
        var result = new Dictionary<SourceId, string>();
        if (row.Text("inferred") is not { } text) return result;
        int? PartAt(int index) => sources.Select(s => s.Value + ": ").Where(p => string.CompareOrdinal(text, index, p, 0, p.Length) == 0)
            .Select(p => (int?)p.Length).Max();
        if (PartAt(0) is null) throw new FormatException($"{row.Where}: inferred '{text}' does not begin with a cited source and ': '.");
        int start = 0;
        while (start < text.Length)
        {
            int idLength = PartAt(start)!.Value - 2;
            var id = new SourceId(text.Substring(start, idLength));
            int next = start + idLength + 2;
            while ((next = text.IndexOf(" | ", next, StringComparison.Ordinal)) >= 0 && PartAt(next + 3) is null) next += 3;
            int end = next < 0 ? text.Length : next;
            string what = text[(start + idLength + 2)..end];
            if (what.Length == 0 || !result.TryAdd(id, what)) throw new FormatException($"{row.Where}: inferred gives '{id}' twice or with nothing inferred.");
            start = next < 0 ? text.Length : next + 3;
        }
        return result;
    }
}
