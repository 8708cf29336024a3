using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;

namespace DefenseCoop.Data;

// The readers of single values every kind's format uses: text, ids and references, codes, dates,
// enumeration names, amounts, lists, notes, names and money. Each reports what is wrong with its path.
internal sealed partial class DataValidator
{
    private void Each<TDto, T>(List<TDto?>? items, Loc path, Func<TDto, Loc, T?> map, List<T> into, Func<T, (Target, string)> keyOf) where TDto : Dto where T : class
    {
        if (items is null) return;
        for (int i = 0; i < items.Count; i++)
        {
            var p = path[i];
            if (items[i] is not { } dto) { Issue(p, DataRule.MissingValue, "A record is null."); continue; }
            if (dto is CountryDto { MergedInto: not null }) continue;
            Unknown(dto, p);
            if (map(dto, p) is not { } record) continue;
            var key = keyOf(record);
            if (_replaced.Contains(key) && _records.TryGetValue(key, out var replaced)) _superseded.Add(replaced.Record);
            _records[key] = (record, _file.File);
            into.Add(record);
        }
    }

    private void Unknown(Dto dto, Loc path)
    {
        if (!_strict || dto.Unknown is null) return;
        foreach (var name in dto.Unknown.Keys)
            Issue(JsonLocator.AppendProperty(new StringBuilder(path.ToString()), name).ToString(), DataRule.UnknownProperty, $"'{name}' is not a property of this record (check its spelling against the format).");
    }

    private bool Declare(Target target, string key, Loc path, bool? replaces = null)
    {
        if (_declared.TryGetValue((target, key), out var first))
        {
            if (replaces == true && _file.IsOverlay && first.File != _file)
            {
                _replaced.Add((target, key));
                _declared[(target, key)] = (_file, path);
                return true;
            }
            Issue(path, DataRule.DuplicateId, $"The {Describe(target)} id '{key}' is already used at {first.File.File}: {first.Path}." +
                (_file.IsOverlay && first.File != _file ? " An overlay record replaces it only when it says \"replaces\": true." : ""));
            return false;
        }
        if (replaces == true)
            Issue(path, DataRule.InvalidValue, $"The {Describe(target)} '{key}' says it replaces a record, but no earlier file has one with this id.");
        _declared[(target, key)] = (_file, path);
        return true;
    }

    /// <summary>
    /// Reads a text value. An absent one is a problem only where it is required; one that is present
    /// but blank (empty, white space, or only invisible characters such as U+200B or U+FEFF) is always a
    /// problem, so that nothing that was written is silently dropped.
    /// </summary>
    private string? Text(string? value, Loc path, bool required = true)
    {
        if (value is null)
        {
            if (required && Listing(DataRule.MissingValue)) Issue(path, DataRule.MissingValue, "A value is required here.");
            return null;
        }
        if (IsBlank(value))
        {
            if (Listing(DataRule.MissingValue))
                Issue(path, DataRule.MissingValue, required
                    ? "A value is required here, and this one is blank."
                    : "This value may be left out, but not given blank: remove the property or give it a value.");
            return null;
        }
        if (value.Length > _limits.MaxStringLength)
        {
            Issue(path, DataRule.LimitExceeded, $"The text is {value.Length:N0} characters; the limit is {_limits.MaxStringLength:N0}.");
            return null;
        }
        return value;
    }

    /// <summary>Whether text holds nothing a reader can see: white space, control and format characters (U+200B, U+FEFF, U+00AD...).</summary>
    internal static bool IsBlank(string value)
    {
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) continue;
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            return false;
        }
        return true;
    }

    /// <summary>Reads a record's own id and claims it, so that references to a faulty record do not cascade into more issues.</summary>
    private string? Declared(string? value, Loc path, Target target, bool? replaces) =>
        Slug(value, path) is { } id && Declare(target, id, path, replaces) ? id : null;

    private string? Slug(string? value, Loc path, bool required = true)
    {
        if (Text(value, path, required) is not { } text) return null;
        if (DefenseCoop.Slug.IsValid(text)) return text;
        Issue(path, DataRule.InvalidId, $"'{text}' is not a valid id: use lower-case letters and digits in hyphen-separated words.");
        return null;
    }

    private string? Reference(string? value, Loc path, Target target, bool required = true)
    {
        if (Slug(value, path, required) is not { } slug) return null;
        // A declared id stays declared, so only a reference to one not seen yet waits for the end.
        if (!_declared.ContainsKey((target, slug))) _references.Add((_file, path, target, slug));
        return slug;
    }

    private CountryCode? CountryRef(string? value, Loc path, bool required = false, bool mustExist = true)
    {
        if (Text(value, path, required) is not { } text) return null;
        if (text.Length != 2 || !char.IsAsciiLetterUpper(text[0]) || !char.IsAsciiLetterUpper(text[1]))
        {
            Issue(path, DataRule.InvalidCountryCode, $"'{text}' is not a country code: expected two upper-case letters (ISO 3166-1 alpha-2).");
            return null;
        }
        if (mustExist && !_declared.ContainsKey((Target.Country, text))) _references.Add((_file, path, Target.Country, text));
        return CountryCode.Parse(text);
    }

    private CurrencyCode? Currency(string? value, Loc path, bool required)
    {
        if (Text(value, path, required) is not { } text) return null;
        if (text.Length == 3 && text.All(char.IsAsciiLetterUpper)) return CurrencyCode.Parse(text);
        Issue(path, DataRule.InvalidCurrencyCode, $"'{text}' is not a currency code: expected three upper-case letters (ISO 4217).");
        return null;
    }

    private PartialDate? Date(string? value, Loc path, bool required = false)
    {
        if (Text(value, path, required) is not { } text) return null;
        if (PartialDate.TryParse(text, out var date))
        {
            if (ValueRanges.IsPlausibleYear(date.Year)) return date;
            Issue(path, DataRule.InvalidDate, $"'{text}' is outside the years {ValueRanges.MinYear}–{ValueRanges.MaxYear}.");
            return null;
        }
        Issue(path, DataRule.InvalidDate, $"'{text}' is not a partial date: expected YYYY, YYYY-MM or YYYY-MM-DD, optionally after early, mid, late or approximately.");
        return null;
    }

    /// <summary>Reads an enumeration value written as exactly one of its documented names: no numbers, no lists, no other case, no padding.</summary>
    private TEnum? Enum<TEnum>(string? value, Loc path, bool required = true) where TEnum : struct, Enum
    {
        if (Text(value, path, required) is not { } text) return null;
        if (EnumNames<TEnum>.Index.TryGetValue(text, out var at)) return EnumNames<TEnum>.Values[at];
        if (Listing(DataRule.InvalidEnumValue)) Issue(path, DataRule.InvalidEnumValue, $"'{text}' is not one of: {EnumNames<TEnum>.List}.");
        return null;
    }

    // A name's position among the values: a string-to-int dictionary is one instantiation shared by every
    // enumeration (and precompiled with the framework), where a dictionary per enumeration type would be
    // compiled afresh for each at start-up.
    private static class EnumNames<TEnum> where TEnum : struct, Enum
    {
        public static readonly TEnum[] Values = System.Enum.GetValues<TEnum>();

        public static readonly Dictionary<string, int> Index = Positions(System.Enum.GetNames<TEnum>());

        public static readonly string List = string.Join(", ", System.Enum.GetNames<TEnum>());
    }

    private static Dictionary<string, int> Positions(string[] names)
    {
        var index = new Dictionary<string, int>(names.Length, StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++) index[names[i]] = i;
        return index;
    }

    /// <summary>Checks that an amount lies within <see cref="ValueRanges.MaxAmount"/>, so that sums and averages of accepted data cannot overflow.</summary>
    private bool Amount(decimal amount, Loc path)
    {
        if (ValueRanges.IsPlausibleAmount(amount)) return true;
        Issue(path, DataRule.InvalidValue, $"{amount} is beyond the largest amount accepted, {ValueRanges.MaxAmount:N0}.");
        return false;
    }

    /// <summary>Adds an amount to a catalog-wide total, refusing the one that would take it past what a decimal holds.</summary>
    private void AddToTotal(ref decimal total, decimal amount, Loc path, string what)
    {
        if (Math.Abs(amount) <= decimal.MaxValue - total) total += Math.Abs(amount);
        else Issue(path, DataRule.InvalidValue, $"The {what} of the data add up past the largest decimal number, so that their totals could not be computed.");
    }

    private bool Year(int year, Loc path, string what)
    {
        if (ValueRanges.IsPlausibleYear(year)) return true;
        Issue(path, DataRule.InvalidValue, $"The {what} {year} is outside {ValueRanges.MinYear}–{ValueRanges.MaxYear}.");
        return false;
    }

    private ImmutableArray<SourceId> Sources(List<string?>? ids, Loc path)
    {
        if (ids is null || ids.Count == 0)
        {
            Issue(path, DataRule.MissingSource, "Every record cites at least one source.");
            return [];
        }
        return Refs(ids, path, Target.Source, s => new SourceId(s));
    }

    private ImmutableArray<T> Refs<T>(List<string?>? ids, Loc path, Target target, Func<string, T> make)
    {
        if (ids is null) return [];
        var result = ImmutableArray.CreateBuilder<T>(ids.Count);
        for (int i = 0; i < ids.Count; i++)
            if (Reference(ids[i], path[i], target) is { } slug) result.Add(make(slug));
        return result.DrainToImmutable();
    }

    private ImmutableArray<CountryCode> Countries(List<string?>? codes, Loc path)
    {
        if (codes is null) return [];
        var result = ImmutableArray.CreateBuilder<CountryCode>(codes.Count);
        for (int i = 0; i < codes.Count; i++)
            if (CountryRef(codes[i], path[i], required: true) is { } code) result.Add(code);
        return result.DrainToImmutable();
    }

    private ImmutableArray<string> Strings(List<string?>? values, Loc path)
    {
        if (values is null) return [];
        var result = ImmutableArray.CreateBuilder<string>(values.Count);
        for (int i = 0; i < values.Count; i++)
            if (Text(values[i], path[i]) is { } text) result.Add(text);
        return result.DrainToImmutable();
    }

    private ImmutableArray<AttributedNote> Notes(List<NoteDto?>? notes, Loc path)
    {
        if (notes is null) return [];
        var result = ImmutableArray.CreateBuilder<AttributedNote>(notes.Count);
        for (int i = 0; i < notes.Count; i++)
        {
            var p = path[i];
            if (notes[i] is not { } note) { Issue(p, DataRule.MissingValue, "A note is null."); continue; }
            Unknown(note, p);
            var text = Text(note.Text, p + ".text");
            var (sources, caveats) = Citations(note.Sources, p + ".sources");
            if (text is not null) result.Add(new AttributedNote(text, sources) { Caveats = caveats });
        }
        return result.DrainToImmutable();
    }

    private IReadOnlyDictionary<string, string> Names(SortedDictionary<string, string?>? names, Loc path)
    {
        if (names is null) return FrozenDictionary<string, string>.Empty;
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (language, name) in names)
        {
            Loc p = JsonLocator.AppendProperty(new StringBuilder(path.ToString()), language).ToString();
            if (Text(name, p) is { } text) result[language] = text;
        }
        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private Money? Money(MoneyDto? dto, Loc path)
    {
        if (dto is null) return null;
        Unknown(dto, path);
        if (dto.Amount is not decimal amount) { Issue(path + ".amount", DataRule.MissingValue, "An amount is required."); return null; }
        amount = Normal(amount);
        if (amount < 0) Issue(path + ".amount", DataRule.InvalidValue, "An amount of money cannot be negative.");
        else if (!Amount(amount, path + ".amount")) return null;
        var currency = Currency(dto.Currency, path + ".currency", required: true);
        var basis = Basis(dto.Basis, dto.BaseYear, path);
        var bound = dto.Bound is null ? ValueBound.Exact : Enum<ValueBound>(dto.Bound, path + ".bound");
        return currency is { } c && basis is { } b && bound is { } bd ? new Money(amount, c, b, bd) : null;
    }

    private PriceBasis? Basis(string? basis, int? baseYear, Loc path)
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
