using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;

namespace DefenseCoop.Data;

// Parsing: a data file's text made typed values (enumeration names, dates, ids, codes), and properties
// the format does not define. This is all a file's record needs beyond what records made in code need;
// everything else a record must satisfy is a model rule (the Check methods), which both paths run.
//
// A value the file gives but that cannot be read, and a required one it lacks where the model cannot
// hold its absence, is reported here, once. The model holds it as an id's or code's default, a null part,
// or for an enumeration a value no member has; the model rules leave those to the parse (see _parsed).
internal sealed partial class DataValidator
{
    /// <summary>
    /// Whether the record being checked was parsed from a file: then an empty id or code, a null part and
    /// an enumeration value no member has are what the parse made of a value it reported, and the model
    /// rules say nothing more of them. In a record made in code they are the caller's, and reported.
    /// </summary>
    private bool _parsed;
    private long _problems;   // problems found so far, listed or not: a record that adds one is not kept

    /// <summary>Parses then checks a file's records of one kind, keeping those without problems.</summary>
    private void Each<TDto, T>(List<TDto?>? items, Loc path, Func<TDto, Loc, T?> parse, Func<T, Loc, bool?, T?> check, List<T> into)
        where TDto : RecordDto where T : class
    {
        if (items is null) return;
        for (int i = 0; i < items.Count; i++)
        {
            var p = path[i];
            if (items[i] is not { } dto) { Issue(p, DataRule.MissingValue, "A record is null."); continue; }
            if (dto is CountryDto { MergedInto: not null }) continue;
            long before = _problems;
            Unknown(dto, p);
            var parsed = parse(dto, p);
            if (parsed is null) continue;
            _parsed = true;
            Keep(check(parsed, p, dto.Replaces), before, into);
            _parsed = false;
        }
    }

    /// <summary>Checks records made in code (or read by an importer) of one kind, keeping those without problems.</summary>
    private void Check<T>(ImmutableArray<T> records, Loc path, Func<T, Loc, bool?, T?> check, List<T> into) where T : class
    {
        for (int i = 0; i < (records.IsDefault ? 0 : records.Length); i++)
        {
            var p = path[i];
            if (records[i] is not { } record) { Issue(p, DataRule.MissingValue, "A record is null."); continue; }
            long before = _problems;
            Keep(check(record, p, null), before, into);
        }
    }

    private void Keep<T>(T? record, long problemsBefore, List<T> into) where T : class
    {
        if (record is null || _problems != problemsBefore) return;
        var key = KeyOf(record)!.Value;
        if (_replaced.Contains(key) && _records.TryGetValue(key, out var replaced)) _superseded.Add(replaced.Record);
        _records[key] = (record, _file.File);
        into.Add(record);
    }

    private void Unknown(Dto dto, Loc path)
    {
        if (!_strict || dto.Unknown is null) return;
        foreach (var name in dto.Unknown.Keys)
            Issue(JsonLocator.AppendProperty(new StringBuilder(path.ToString()), name).ToString(), DataRule.UnknownProperty, $"'{name}' is not a property of this record (check its spelling against the format).");
    }

    /// <summary>An id, or (reported) the default id where none is given or the text is not a slug.</summary>
    private TId ParseId<TId>(string? value, Loc path, Func<string, TId> make) where TId : struct
    {
        if (value is null)
        {
            Issue(path, DataRule.MissingValue, "A value is required here.");
            return default;
        }
        if (DefenseCoop.Slug.IsValid(value) && value.Length <= _limits.MaxStringLength) return make(value);
        if (Text(value, path) is { } text) Issue(path, DataRule.InvalidId, $"'{text}' is not a valid id: use lower-case letters and digits in hyphen-separated words.");
        return default;
    }

    private TId? ParseOptionalId<TId>(string? value, Loc path, Func<string, TId> make) where TId : struct =>
        value is null ? null : ParseId(value, path, make);

    /// <summary>Ids, each at its position (the default id for one that is null or not a slug), so that paths stay those of the file.</summary>
    private ImmutableArray<TId> ParseIds<TId>(List<string?>? values, Loc path, Func<string, TId> make) where TId : struct
    {
        if (values is null || values.Count == 0) return [];
        var result = new TId[values.Count];
        for (int i = 0; i < result.Length; i++) result[i] = ParseId(values[i], path[i], make);
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>A country code as the format writes it (two upper-case letters); the default code where the text is not one.</summary>
    private CountryCode? ParseCode(string? value, Loc path, bool required = false)
    {
        if (value is null)
        {
            if (required) Issue(path, DataRule.MissingValue, "A value is required here.");
            return required ? default(CountryCode) : null;
        }
        if (value.Length == 2 && char.IsAsciiLetterUpper(value[0]) && char.IsAsciiLetterUpper(value[1])) return CountryCode.Parse(value);
        if (Text(value, path) is { } text)
            Issue(path, DataRule.InvalidCountryCode, $"'{text}' is not a country code: expected two upper-case letters (ISO 3166-1 alpha-2).");
        return default(CountryCode);
    }

    private ImmutableArray<CountryCode> ParseCountries(List<string?>? values, Loc path)
    {
        if (values is null || values.Count == 0) return [];
        var result = new CountryCode[values.Count];
        for (int i = 0; i < result.Length; i++) result[i] = ParseCode(values[i], path[i], required: true) ?? default;
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private CurrencyCode? ParseCurrency(string? value, Loc path)
    {
        if (value is null) return null;
        if (value.Length == 3 && value.All(char.IsAsciiLetterUpper)) return CurrencyCode.Parse(value);
        if (Text(value, path) is { } text)
            Issue(path, DataRule.InvalidCurrencyCode, $"'{text}' is not a currency code: expected three upper-case letters (ISO 4217).");
        return default(CurrencyCode);
    }

    private PartialDate? ParseDate(string? value, Loc path)
    {
        if (value is null) return null;
        if (PartialDate.TryParse(value, out var date)) return date;
        if (Text(value, path) is { } text)
            Issue(path, DataRule.InvalidDate, $"'{text}' is not a partial date: expected YYYY, YYYY-MM or YYYY-MM-DD, optionally after early, mid, late or approximately.");
        return null;
    }

    /// <summary>
    /// Reads an enumeration value written as exactly one of its documented names: no numbers, no lists, no
    /// other case, no padding. One that is missing (where required) or not a name is reported and read as
    /// a value no member has, which the model rules take as unknown.
    /// </summary>
    private TEnum Enum<TEnum>(string? value, Loc path, bool required = true) where TEnum : struct, Enum
    {
        if (value is not null && EnumNames<TEnum>.Index.TryGetValue(value, out var at)) return EnumNames<TEnum>.Values[at];
        if (Text(value, path, required) is { } text && Listing(DataRule.InvalidEnumValue))
            Issue(path, DataRule.InvalidEnumValue, $"'{text}' is not one of: {EnumNames<TEnum>.List}.");
        return EnumNames<TEnum>.Unknown;
    }

    /// <summary>Enumeration values, each at its position (one that cannot be read as a value no member has).</summary>
    private ImmutableArray<TEnum> ParseEnums<TEnum>(List<string?>? values, Loc path) where TEnum : struct, Enum
    {
        if (values is null || values.Count == 0) return [];
        var result = new TEnum[values.Count];
        for (int i = 0; i < result.Length; i++) result[i] = Enum<TEnum>(values[i], path[i]);
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    // A name's position among the values: a string-to-int dictionary is one instantiation shared by every
    // enumeration (and precompiled with the framework), where a dictionary per enumeration type would be
    // compiled afresh for each at start-up.
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly TEnum[] Values = System.Enum.GetValues<TEnum>();

        public static readonly Dictionary<string, int> Index = Positions(System.Enum.GetNames<TEnum>());

        public static readonly string List = string.Join(", ", System.Enum.GetNames<TEnum>());

        // The numbers of every enumeration start at 0 or 1, so -1 is no member's.
        public static readonly TEnum Unknown = (TEnum)System.Enum.ToObject(typeof(TEnum), -1);
    }

    private static Dictionary<string, int> Positions(string[] names)
    {
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) index[names[i]] = i;
        return index;
    }

    /// <summary>The parts of a record as a file writes them, each at its position; a null one (reported, <paramref name="what"/> naming it) stays null.</summary>
    private ImmutableArray<T> Parsed<TDto, T>(List<TDto?>? items, Loc path, string what, Func<TDto, Loc, T> parse) where TDto : Dto where T : class
    {
        if (items is null || items.Count == 0) return [];
        var result = new T[items.Count];
        for (int i = 0; i < result.Length; i++)
        {
            if (items[i] is not { } item) { Issue(path[i], DataRule.MissingValue, $"{what} is null."); continue; }
            Unknown(item, path[i]);
            result[i] = parse(item, path[i]);
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>Texts as written, nulls included (the model rules report them at their positions).</summary>
    private static ImmutableArray<string> ParseStrings(List<string?>? values) =>
        values is null || values.Count == 0 ? [] : [.. values.Select(v => v!)];

    private static IReadOnlyDictionary<string, string>? ParseNames(SortedDictionary<string, string?>? names) =>
        names?.ToFrozenDictionary(p => p.Key, p => p.Value!, StringComparer.Ordinal);

    private ImmutableArray<AttributedNote> ParseNotes(List<NoteDto?>? notes, Loc path)
    {
        if (notes is null || notes.Count == 0) return [];
        var result = new AttributedNote[notes.Count];
        for (int i = 0; i < result.Length; i++)
        {
            if (notes[i] is not { } note) { Issue(path[i], DataRule.MissingValue, "A note is null."); continue; }
            Unknown(note, path[i]);
            var (sources, caveats) = ParseCitations(note.Sources, path[i] + ".sources");
            result[i] = new AttributedNote(note.Text!, sources) { Caveats = caveats };
        }
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    /// <summary>Money as the format writes it; null (reported) where its amount, currency, basis or bound cannot be read.</summary>
    private Money? ParseMoney(MoneyDto? dto, Loc path)
    {
        if (dto is null) return null;
        Unknown(dto, path);
        bool readable = true;
        if (dto.Amount is null) { Issue(path + ".amount", DataRule.MissingValue, "An amount is required."); readable = false; }
        var currency = ParseCurrency(dto.Currency, path + ".currency");
        if (currency is null) { Issue(path + ".currency", DataRule.MissingValue, "A value is required here."); readable = false; }
        else if (currency.Value.Value.Length == 0) readable = false;
        var basis = ParseBasis(dto.Basis, dto.BaseYear, path);
        var bound = dto.Bound is null ? ValueBound.Exact : Enum<ValueBound>(dto.Bound, path + ".bound");
        return readable && basis is { } b ? new Money(dto.Amount!.Value, currency!.Value, b, bound) : null;
    }

    private PriceBasis? ParseBasis(string? basis, int? baseYear, Loc path)
    {
        switch (basis)
        {
            case null or "Current":
                if (baseYear is not null) Issue(path + ".baseYear", DataRule.InvalidValue, "A base year applies only to constant prices.");
                return PriceBasis.Current;
            case "Constant":
                if (baseYear is not int year || !ValueRanges.IsPlausibleYear(year))
                {
                    Issue(path + ".baseYear", DataRule.InvalidValue, $"Constant prices need a base year between {ValueRanges.MinYear} and {ValueRanges.MaxYear}.");
                    return null;
                }
                return PriceBasis.Constant(year);
            default:
                Issue(path + ".basis", DataRule.InvalidEnumValue, $"'{basis}' is not one of: Current, Constant.");
                return null;
        }
    }
}
