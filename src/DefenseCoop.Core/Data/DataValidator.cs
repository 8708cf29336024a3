using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace DefenseCoop.Data;

/// <summary>
/// Turns parsed files into validated records, collecting every problem instead of stopping at the
/// first, then throws them all at once. Nothing is returned unless everything is valid.
/// </summary>
internal sealed partial class DataValidator
{
    /// <summary>The kind of a record, which with its id makes the record's key.</summary>
    internal enum Target { Source, Country, Organization, Person, System, Agreement, Series, Trade, Event }

    /// <summary>The key of a catalog record (its kind and id), or null for an object that is not a record.</summary>
    public static (Target, string)? KeyOf(object record) => record switch
    {
        Source s => (Target.Source, s.Id.Value),
        Country c => (Target.Country, c.Code.Value),
        Organization o => (Target.Organization, o.Id.Value),
        Person p => (Target.Person, p.Id.Value),
        DefenseSystem s => (Target.System, s.Id.Value),
        Agreement a => (Target.Agreement, a.Id.Value),
        SpendingSeries s => (Target.Series, s.Id.Value),
        TradeFlow t => (Target.Trade, t.Id.Value),
        Event e => (Target.Event, e.Id.Value),
        _ => null,
    };

    private readonly record struct Pending(DataFragment File, string Path, DataRule Rule, string Message);

    /// <summary>
    /// The JSON path of a value, kept in parts and turned into text only when an issue or a duplicate id
    /// needs it, so that a valid file allocates no path per field: a base path, then up to three
    /// property names each followed by an optional index (<c>$.agreements [3] .status [0] .sources [1]</c>).
    /// </summary>
    private readonly struct Loc
    {
        private readonly string _base;
        private readonly string? _p1, _p2, _p3;
        private readonly int _i1, _i2, _i3;   // one more than the index; 0 for none
        private readonly int _next;           // the next free part: 0..5 (property, index, property, ...), 6 when full

        private Loc(string @base, string? p1, int i1, string? p2, int i2, string? p3, int i3, int next)
        {
            _base = @base;
            (_p1, _i1, _p2, _i2, _p3, _i3, _next) = (p1, i1, p2, i2, p3, i3, next);
        }

        public static implicit operator Loc(string path) => new(path, null, 0, null, 0, null, 0, 0);

        /// <summary>The path of a property of this value.</summary>
        public static Loc operator +(Loc loc, string property)
        {
            // The next property part at or after the next free part; past the last, the path is written out.
            int slot = loc._next + (loc._next & 1);
            return slot switch
            {
                0 => new(loc._base, property, 0, null, 0, null, 0, 1),
                2 => new(loc._base, loc._p1, loc._i1, property, 0, null, 0, 3),
                4 => new(loc._base, loc._p1, loc._i1, loc._p2, loc._i2, property, 0, 5),
                _ => (Loc)(loc.ToString() + property),
            };
        }

        /// <summary>The path of an element of this array.</summary>
        public Loc this[int index]
        {
            get
            {
                int slot = _next | 1;
                return slot switch
                {
                    1 => new(_base, _p1, index + 1, null, 0, null, 0, 2),
                    3 => new(_base, _p1, _i1, _p2, index + 1, null, 0, 4),
                    5 => new(_base, _p1, _i1, _p2, _i2, _p3, index + 1, 6),
                    _ => (Loc)$"{this}[{index}]",
                };
            }
        }

        public override string ToString()
        {
            if (_next == 0) return _base;
            var text = new StringBuilder(_base);
            Append(text, _p1, _i1);
            Append(text, _p2, _i2);
            Append(text, _p3, _i3);
            return text.ToString();

            static void Append(StringBuilder text, string? property, int index)
            {
                text.Append(property);
                if (index > 0) text.Append('[').Append(index - 1).Append(']');
            }
        }
    }

    private readonly List<Pending> _issues = [];
    private readonly Dictionary<DataRule, int> _omitted = [];
    private readonly List<(DataFragment File, Loc Path, Target Target, string Key)> _references = [];
    private readonly Dictionary<(Target, string), (DataFragment File, Loc Path)> _declared = [];
    private readonly HashSet<(Target, string)> _replaced = [];
    private readonly Dictionary<(Target, string), (object Record, string File)> _records = [];
    private readonly HashSet<object> _superseded = new(ReferenceEqualityComparer.Instance);
    private readonly bool _strict;
    private decimal _tradeValues, _tivDelivered;   // magnitudes summed, so that totals over accepted data cannot overflow
    private readonly DataLimits _limits;
    private DataFragment _file = null!;

    private DataValidator(bool strict, DataLimits limits)
    {
        _strict = strict;
        _limits = limits;
    }

    /// <summary>Validates one complete data file, header included.</summary>
    public static CatalogContent ValidateFile(DataFragment file, bool strict, DataLimits limits)
    {
        var validator = new DataValidator(strict, limits);
        var header = validator.ReadHeader(file);
        return validator.Validate([file], header);
    }

    /// <summary>Validates several complete data files as one body of data; the first file's header describes the whole.</summary>
    public static CatalogContent ValidateFiles(IReadOnlyList<DataFragment> files, DataLimits limits)
    {
        var validator = new DataValidator(strict: false, limits);
        var first = files.FirstOrDefault(f => !f.IsRecords) ?? throw new InvalidOperationException("Add a data file (the bundled release or your own) before records.");
        var header = validator.ReadHeader(first);
        foreach (var file in files.Where(f => !f.IsRecords && f != first)) validator.ReadHeader(file);
        validator.ThrowIfAny();
        return validator.Validate(files, header);
    }

    /// <summary>Validates several files as one body of data (the compiler's curated files), with a given header.</summary>
    public static CatalogContent ValidateFragments(IReadOnlyList<DataFragment> files, DataVersion version, LocalDate released, DataLimits limits)
    {
        var validator = new DataValidator(strict: true, limits);
        return validator.Validate(files, (DataFragment.CurrentSchemaVersion, version, released));
    }

    private (int, DataVersion, LocalDate) ReadHeader(DataFragment file)
    {
        _file = file;
        var dto = file.Dto;
        if (dto.SchemaVersion is not int schema)
        {
            Issue("$.schemaVersion", DataRule.UnsupportedSchemaVersion, "schemaVersion is missing: every data file states the format version it is written in.");
            ThrowIfAny();
        }
        else if (schema > DataFragment.CurrentSchemaVersion || schema < 1)
        {
            Issue("$.schemaVersion", DataRule.UnsupportedSchemaVersion,
                $"schemaVersion {schema} is not supported: this version of DefenseCoop.Core ({typeof(DataValidator).Assembly.GetName().Version?.ToString(3)}) reads schema versions 1 to {DataFragment.CurrentSchemaVersion}. " +
                (schema > DataFragment.CurrentSchemaVersion ? $"Upgrade the DefenseCoop.Core package to version {schema}.0.0 or later: each major version reads the schema version of its number and every earlier one." : ""));
            ThrowIfAny();
        }
        DataVersion version = default;
        if (dto.DataVersion is null) Issue("$.dataVersion", DataRule.MissingValue, "dataVersion is missing.");
        else if (!DataVersion.TryParse(dto.DataVersion, out version)) Issue("$.dataVersion", DataRule.InvalidValue, $"'{dto.DataVersion}' is not a data version (YYYY.N).");
        LocalDate released = default;
        if (dto.Released is null) Issue("$.released", DataRule.MissingValue, "released is missing.");
        else if (LocalDatePattern.Iso.Parse(dto.Released) is { Success: true } parsed && ValueRanges.IsPlausible(parsed.Value)) released = parsed.Value;
        else if (LocalDatePattern.Iso.Parse(dto.Released).Success)
            Issue("$.released", DataRule.InvalidDate, $"'{dto.Released}' is outside the years {ValueRanges.MinYear}–{ValueRanges.MaxYear}.");
        else Issue("$.released", DataRule.InvalidDate, $"'{dto.Released}' is not a date (YYYY-MM-DD).");
        return (dto.SchemaVersion!.Value, version, released);
    }

    private CatalogContent Validate(IReadOnlyList<DataFragment> files, (int Schema, DataVersion Version, LocalDate Released) header)
    {
        var sources = new List<Source>();
        var countries = new List<Country>();
        var organizations = new List<Organization>();
        var people = new List<Person>();
        var systems = new List<DefenseSystem>();
        var agreements = new List<Agreement>();
        var spending = new List<SpendingSeries>();
        var trade = new List<TradeFlow>();
        var events = new List<Event>();

        // Every record is declared, kept and traced to its file: size the tables once instead of growing them.
        int records = files.Sum(f => f.Trusted is { } t ? Count(t) : Count(f.Dto));
        _declared.EnsureCapacity(_declared.Count + records);
        _records.EnsureCapacity(records);

        foreach (var file in files)
        {
            _file = file;
            if (file.Trusted is { } trusted)
            {
                Trust(trusted.Sources, "$.sources", sources); Trust(trusted.Countries, "$.countries", countries);
                Trust(trusted.Organizations, "$.organizations", organizations); Trust(trusted.People, "$.people", people);
                Trust(trusted.Systems, "$.systems", systems); Trust(trusted.Agreements, "$.agreements", agreements);
                Trust(trusted.Spending, "$.spending", spending); Trust(trusted.Trade, "$.trade", trade); Trust(trusted.Events, "$.events", events);
                continue;
            }
            var dto = file.Dto;
            Unknown(dto, "$");
            Each(dto.Sources, "$.sources", MapSource, sources, s => (Target.Source, s.Id.Value));
            Each(dto.Countries, "$.countries", MapCountry, countries, c => (Target.Country, c.Code.Value));
            Each(dto.Organizations, "$.organizations", MapOrganization, organizations, o => (Target.Organization, o.Id.Value));
            Each(dto.People, "$.people", MapPerson, people, x => (Target.Person, x.Id.Value));
            Each(dto.Systems, "$.systems", MapSystem, systems, x => (Target.System, x.Id.Value));
            Each(dto.Agreements, "$.agreements", MapAgreement, agreements, a => (Target.Agreement, a.Id.Value));
            Each(dto.Spending, "$.spending", MapSpending, spending, x => (Target.Series, x.Id.Value));
            Each(dto.Trade, "$.trade", MapTrade, trade, t => (Target.Trade, t.Id.Value));
            Each(dto.Events, "$.events", MapEvent, events, e => (Target.Event, e.Id.Value));
        }
        if (_superseded.Count > 0)
        {
            // Replaced records leave their lists in one pass at the end, not one search each as they are replaced.
            sources.RemoveAll(_superseded.Contains); countries.RemoveAll(_superseded.Contains); organizations.RemoveAll(_superseded.Contains);
            people.RemoveAll(_superseded.Contains); systems.RemoveAll(_superseded.Contains); agreements.RemoveAll(_superseded.Contains);
            spending.RemoveAll(_superseded.Contains); trade.RemoveAll(_superseded.Contains); events.RemoveAll(_superseded.Contains);
        }

        foreach (var (file, path, target, key) in _references)
        {
            if (!_declared.ContainsKey((target, key)))
            {
                _file = file;
                Issue(path, DataRule.UnknownReference, $"No {Describe(target)} has the id '{key}'.");
            }
        }
        ThrowIfAny();

        return new CatalogContent(header.Schema, header.Version, header.Released,
            [.. sources.OrderBy(s => s.Id)],
            [.. countries.OrderBy(c => c.Code)],
            [.. organizations.OrderBy(o => o.Id)],
            [.. people.OrderBy(p => p.Id)],
            [.. systems.OrderBy(s => s.Id)],
            SortById(agreements, a => a.Id.Value),
            SortById(spending, s => s.Id.Value),
            SortById(trade, t => t.Id.Value),
            [.. events.OrderBy(e => e.Id)])
        {
            Origins = _records,
        };
    }

    private static int Count(CatalogContent c) =>
        c.Sources.Length + c.Countries.Length + c.Organizations.Length + c.People.Length + c.Systems.Length
        + c.Agreements.Length + c.Spending.Length + c.Trade.Length + c.Events.Length;

    /// <summary>
    /// Declares and keeps records validated before: their ids are claimed (so that duplicates and overlays
    /// are judged as for any file) and their amounts counted in the totals, but their fields are not read again.
    /// </summary>
    private void Trust<T>(ImmutableArray<T> records, Loc path, List<T> into) where T : class
    {
        for (int i = 0; i < records.Length; i++)
        {
            var record = records[i];
            var key = KeyOf(record)!.Value;
            if (!Declare(key.Item1, key.Item2, path[i] + (key.Item1 == Target.Country ? ".code" : ".id"))) continue;
            if (record is TradeFlow flow)
            {
                if (flow.Value is { } value) AddToTotal(ref _tradeValues, value.Amount, path[i] + ".value.amount", "trade values");
                if (flow.Tiv is { } tiv) AddToTotal(ref _tivDelivered, tiv.Millions, path[i] + ".tiv", "delivered TIVs");
                if (flow.Deal?.TivDelivered is { } delivered) AddToTotal(ref _tivDelivered, delivered.Millions, path[i] + ".deal.tivDelivered", "delivered TIVs");
            }
            _records[key] = (record, _file.File);
            into.Add(record);
        }
    }

    private static int Count(DataFileDto dto) =>
        (dto.Sources?.Count ?? 0) + (dto.Countries?.Count ?? 0) + (dto.Organizations?.Count ?? 0) + (dto.People?.Count ?? 0) + (dto.Systems?.Count ?? 0)
        + (dto.Agreements?.Count ?? 0) + (dto.Spending?.Count ?? 0) + (dto.Trade?.Count ?? 0) + (dto.Events?.Count ?? 0);

    /// <summary>
    /// The records in ordinal order of their ids (what <c>OrderBy(r => r.Id)</c> gives, ties in their
    /// original order), sorted on the id strings instead of through LINQ's key map: the large collections.
    /// </summary>
    private static ImmutableArray<T> SortById<T>(List<T> records, Func<T, string> id)
    {
        var keys = new IdKey[records.Count];
        for (int i = 0; i < keys.Length; i++) keys[i] = new IdKey(id(records[i]), i);
        var items = records.ToArray();
        Array.Sort(keys, items);
        return ImmutableCollectionsMarshal.AsImmutableArray(items);
    }

    private readonly record struct IdKey(string Id, int Position) : IComparable<IdKey>
    {
        public int CompareTo(IdKey other)
        {
            int c = string.CompareOrdinal(Id, other.Id);
            return c != 0 ? c : Position.CompareTo(other.Position);
        }
    }

    private static string Describe(Target target) => target switch
    {
        Target.Source => "source",
        Target.Country => "country",
        Target.Organization => "organization",
        Target.Person => "person",
        Target.System => "system",
        Target.Agreement => "agreement",
        Target.Series => "spending series",
        Target.Trade => "trade flow",
        _ => "event",
    };

    private void ThrowIfAny()
    {
        if (_issues.Count > 0) throw Exception(_issues.Select(i => (i.File, i.Path, i.Rule, i.Message)), _omitted);
    }

    /// <summary>The exception for problems found in files, with the line of each located, and the counts of those not listed.</summary>
    public static DefenseCoopDataException Exception(IEnumerable<(DataFragment File, string Path, DataRule Rule, string Message)> problems,
        IReadOnlyDictionary<DataRule, int>? omitted = null)
    {
        var issues = new List<DataIssue>();
        foreach (var group in problems.GroupBy(i => i.File))
        {
            var lines = JsonLocator.FindLines(group.Key.Utf8.Span, group.Select(i => i.Path).Distinct().ToList());
            issues.AddRange(group.Select(i => new DataIssue(group.Key.File, i.Path, lines[i.Path], i.Rule, i.Message)));
        }
        return new DefenseCoopDataException(issues.OrderBy(i => i.File, StringComparer.Ordinal).ThenBy(i => i.Line ?? int.MaxValue), omitted);
    }

    private void Issue(Loc path, DataRule rule, string message)
    {
        if (Listing(rule)) _issues.Add(new Pending(_file, path.ToString(), rule, message));
    }

    /// <summary>
    /// Whether a problem of <paramref name="rule"/> is still listed; past <see cref="DataLimits.MaxIssues"/>
    /// it is only counted, so that callers can skip even composing its message.
    /// </summary>
    private bool Listing(DataRule rule)
    {
        if (_issues.Count < _limits.MaxIssues) return true;
        CollectionsMarshal.GetValueRefOrAddDefault(_omitted, rule, out _)++;
        return false;
    }

    // ---- generic helpers -------------------------------------------------------------------------

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

    private bool PublicationDateNotShown(SourceDto d, Loc p)
    {
        if (d.PublicationDateNotShown == false)
            Issue(p + ".publicationDateNotShown", DataRule.InvalidValue, "publicationDateNotShown is written only when true; omit it otherwise.");
        if (d.PublicationDateNotShown == true && d.Published is not null)
            Issue(p + ".publicationDateNotShown", DataRule.InvalidValue, "A source with a publication date cannot say that its page shows none.");
        return d.PublicationDateNotShown == true;
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

    // ---- records ---------------------------------------------------------------------------------

    private Source? MapSource(SourceDto d, Loc p)
    {
        var id = Declared(d.Id, p + ".id", Target.Source, d.Replaces);
        var kind = Enum<SourceKind>(d.Kind, p + ".kind");
        var publisher = Text(d.Publisher, p + ".publisher");
        var title = Text(d.Title, p + ".title");
        var language = Text(d.Language, p + ".language");
        var published = Date(d.Published, p + ".published");
        if (id is null || kind is null || publisher is null || title is null || language is null) return null;
        return new Source
        {
            Id = new SourceId(id), Kind = kind.Value, Publisher = publisher, Title = title, Published = published, Language = language,
            Url = Text(d.Url, p + ".url", false), Author = Text(d.Author, p + ".author", false), Edition = Text(d.Edition, p + ".edition", false),
            Licence = Text(d.Licence, p + ".licence", false), BasedOn = Text(d.BasedOn, p + ".basedOn", false),
            PublicationDateNotShown = PublicationDateNotShown(d, p),
        };
    }

    private Country? MapCountry(CountryDto d, Loc p)
    {
        var code = CountryRef(d.Code, p + ".code", required: true, mustExist: false);
        if (code is not null && !Declare(Target.Country, code.Value.Value, p + ".code", d.Replaces)) code = null;
        var alpha3 = Text(d.Alpha3, p + ".alpha3");
        if (alpha3 is not null && (alpha3.Length != 3 || !alpha3.All(char.IsAsciiLetterUpper)))
        {
            Issue(p + ".alpha3", DataRule.InvalidCountryCode, $"'{alpha3}' is not an alpha-3 code: expected three upper-case letters.");
            alpha3 = null;
        }
        if (d.Numeric is < 0 or > 999) Issue(p + ".numeric", DataRule.InvalidValue, "An ISO 3166-1 numeric code is between 0 and 999.");
        var names = Names(d.Names, p + ".names");
        if (d.Names is not null && !names.ContainsKey("en")) Issue(p + ".names", DataRule.MissingValue, "Every country has an English ('en') name.");
        if (d.Names is null) Issue(p + ".names", DataRule.MissingValue, "Every country has names, at least in English ('en').");
        var aliases = ImmutableArray.CreateBuilder<CountryAlias>();
        for (int i = 0; i < (d.Aliases?.Count ?? 0); i++)
        {
            var ap = (p + ".aliases")[i];
            if (d.Aliases![i] is not { } a) { Issue(ap, DataRule.MissingValue, "An alias is null."); continue; }
            Unknown(a, ap);
            var name = Text(a.Name, ap + ".name");
            var scheme = Enum<NameScheme>(a.Scheme, ap + ".scheme");
            if (name is not null && scheme is not null) aliases.Add(new CountryAlias(name, scheme.Value));
        }
        var codes = ImmutableArray.CreateBuilder<DatasetCode>();
        for (int i = 0; i < (d.Codes?.Count ?? 0); i++)
        {
            var cp = (p + ".codes")[i];
            if (d.Codes![i] is not { } c) { Issue(cp, DataRule.MissingValue, "A code is null."); continue; }
            Unknown(c, cp);
            var scheme = Enum<NameScheme>(c.Scheme, cp + ".scheme");
            var value = Text(c.Code, cp + ".code");
            if (value is not null && scheme is not null) codes.Add(new DatasetCode(scheme.Value, value));
        }
        var memberships = ImmutableArray.CreateBuilder<Membership>();
        for (int i = 0; i < (d.Memberships?.Count ?? 0); i++)
        {
            var mp = (p + ".memberships")[i];
            if (d.Memberships![i] is not { } m) { Issue(mp, DataRule.MissingValue, "A membership is null."); continue; }
            Unknown(m, mp);
            var org = Reference(m.Organization, mp + ".organization", Target.Organization);
            var role = Enum<MembershipRole>(m.Role, mp + ".role");
            var from = Date(m.From, mp + ".from");
            var until = Date(m.Until, mp + ".until");
            var sources = Sources(m.Sources, mp + ".sources");
            if (org is not null && role is not null) memberships.Add(new Membership(new OrganizationId(org), role.Value, from, until, sources));
        }
        var local = Strings(d.LocalLanguages, p + ".localLanguages");
        foreach (var language in local)
            if (!names.ContainsKey(language)) Issue(p + ".localLanguages", DataRule.InvalidValue, $"The local language '{language}' has no entry in names.");
        var countrySources = Sources(d.Sources, p + ".sources");
        if (d.ExistedFrom < ValueRanges.MinExistenceYear || d.ExistedFrom > ValueRanges.MaxYear
            || d.ExistedUntil < ValueRanges.MinExistenceYear || d.ExistedUntil > ValueRanges.MaxYear || d.ExistedUntil < d.ExistedFrom)
            Issue(p + ".existedUntil", DataRule.InvalidValue,
                $"Existence years lie between {ValueRanges.MinExistenceYear} and {ValueRanges.MaxYear}, the end not before the start.");
        var successors = Countries(d.Successors, p + ".successors");
        if (successors.Length > 0 && d.ExistedUntil is null)
            Issue(p + ".successors", DataRule.InvalidValue, "Only a historical state (with existedUntil) has successors.");
        if (code is null || alpha3 is null || !names.ContainsKey("en")) return null;
        return new Country
        {
            Code = code.Value, Alpha3 = alpha3, Numeric = d.Numeric, Names = names, LocalLanguages = local,
            FormalName = Text(d.FormalName, p + ".formalName", false), Region = Area(d.Region, p + ".region"), SubRegion = Area(d.SubRegion, p + ".subRegion"),
            Currency = Currency(d.Currency, p + ".currency", required: false), ExistedFrom = d.ExistedFrom, ExistedUntil = d.ExistedUntil, Successors = successors,
            Aliases = aliases.ToImmutable(), Codes = codes.ToImmutable(), Memberships = memberships.ToImmutable(), Sources = countrySources,
        };
    }

    private M49Area? Area(AreaDto? dto, Loc path)
    {
        if (dto is null) return null;
        Unknown(dto, path);
        var name = Text(dto.Name, path + ".name");
        if (dto.Code is not int code || code is < 1 or > 999)
        {
            Issue(path + ".code", DataRule.InvalidValue, "An M49 area code is between 1 and 999.");
            return null;
        }
        return name is null ? null : new M49Area(code, name);
    }

    private Organization? MapOrganization(OrganizationDto d, Loc p)
    {
        var id = Declared(d.Id, p + ".id", Target.Organization, d.Replaces);
        var kind = Enum<OrganizationKind>(d.Kind, p + ".kind");
        var name = Text(d.Name, p + ".name");
        var country = CountryRef(d.Country, p + ".country");
        var parent = Reference(d.Parent, p + ".parent", Target.Organization, required: false);
        var organization = new Organization
        {
            Id = default, Kind = default, Name = "", Country = country, Names = Names(d.Names, p + ".names"), Aliases = Strings(d.Aliases, p + ".aliases"),
            Parent = parent is null ? default(OrganizationId?) : new OrganizationId(parent), Notes = Notes(d.Notes, p + ".notes"), Sources = Sources(d.Sources, p + ".sources"),
        };
        if (id is null || kind is null || name is null) return null;
        return organization with { Id = new OrganizationId(id), Kind = kind.Value, Name = name };
    }

    private Person? MapPerson(PersonDto d, Loc p)
    {
        var id = Declared(d.Id, p + ".id", Target.Person, d.Replaces);
        var name = Text(d.Name, p + ".name");
        var roles = ImmutableArray.CreateBuilder<PersonRole>();
        for (int i = 0; i < (d.Roles?.Count ?? 0); i++)
        {
            var rp = (p + ".roles")[i];
            if (d.Roles![i] is not { } r) { Issue(rp, DataRule.MissingValue, "A role is null."); continue; }
            Unknown(r, rp);
            var title = Text(r.Title, rp + ".title");
            var org = Reference(r.Organization, rp + ".organization", Target.Organization, required: false);
            var from = Date(r.From, rp + ".from");
            var until = Date(r.Until, rp + ".until");
            var sources = Sources(r.Sources, rp + ".sources");
            if (title is not null) roles.Add(new PersonRole(title, org is null ? default(OrganizationId?) : new OrganizationId(org), from, until, sources));
        }
        var person = new Person
        {
            Id = default, Name = "", Aliases = Strings(d.Aliases, p + ".aliases"), Country = CountryRef(d.Country, p + ".country"),
            Roles = roles.ToImmutable(), Notes = Notes(d.Notes, p + ".notes"), Sources = Sources(d.Sources, p + ".sources"),
        };
        if (id is null || name is null) return null;
        return person with { Id = new PersonId(id), Name = name };
    }

    private DefenseSystem? MapSystem(SystemDto d, Loc p)
    {
        var id = Declared(d.Id, p + ".id", Target.System, d.Replaces);
        var name = Text(d.Name, p + ".name");
        var category = Enum<SystemCategory>(d.Category, p + ".category");
        var manufacturer = Reference(d.Manufacturer, p + ".manufacturer", Target.Organization, required: false);
        var system = new DefenseSystem
        {
            Id = default, Name = "", Category = default, Aliases = Strings(d.Aliases, p + ".aliases"),
            Manufacturer = manufacturer is null ? default(OrganizationId?) : new OrganizationId(manufacturer), Country = CountryRef(d.Country, p + ".country"),
            Notes = Notes(d.Notes, p + ".notes"), Sources = Sources(d.Sources, p + ".sources"),
        };
        if (id is null || name is null || category is null) return null;
        return system with { Id = new SystemId(id), Name = name, Category = category.Value };
    }

    private Agreement? MapAgreement(AgreementDto d, Loc p)
    {
        var id = Declared(d.Id, p + ".id", Target.Agreement, d.Replaces);
        var title = Text(d.Title, p + ".title");
        var kind = Enum<AgreementKind>(d.Kind, p + ".kind");
        var parties = ImmutableArray.CreateBuilder<AgreementParty>(d.Parties?.Count ?? 0);
        if (d.Parties is null || d.Parties.Count == 0) Issue(p + ".parties", DataRule.MissingValue, "An agreement has at least one party.");
        for (int i = 0; i < (d.Parties?.Count ?? 0); i++)
        {
            var pp = (p + ".parties")[i];
            if (d.Parties![i] is not { } party) { Issue(pp, DataRule.MissingValue, "A party is null."); continue; }
            Unknown(party, pp);
            if ((party.Country is null) == (party.Organization is null))
            {
                Issue(pp, DataRule.InvalidValue, "A party names exactly one of 'country' and 'organization'.");
                continue;
            }
            var country = CountryRef(party.Country, pp + ".country");
            var org = Reference(party.Organization, pp + ".organization", Target.Organization, required: false);
            var role = Enum<PartyRole>(party.Role, pp + ".role");
            if (role is not null && (country is not null || org is not null))
                parties.Add(new AgreementParty(country, org is null ? default(OrganizationId?) : new OrganizationId(org), role.Value));
        }
        var signatories = ImmutableArray.CreateBuilder<Signatory>(d.Signatories?.Count ?? 0);
        for (int i = 0; i < (d.Signatories?.Count ?? 0); i++)
        {
            var sp = (p + ".signatories")[i];
            if (d.Signatories![i] is not { } s) { Issue(sp, DataRule.MissingValue, "A signatory is null."); continue; }
            Unknown(s, sp);
            var person = Reference(s.Person, sp + ".person", Target.Person);
            var roleTitle = Text(s.Title, sp + ".title");
            var org = Reference(s.Organization, sp + ".organization", Target.Organization, required: false);
            var country = CountryRef(s.Country, sp + ".country");
            if (person is not null && roleTitle is not null)
                signatories.Add(new Signatory(new PersonId(person), roleTitle, org is null ? default(OrganizationId?) : new OrganizationId(org), country));
        }
        var history = new List<StatusChange>(d.Status?.Count ?? 0);
        for (int i = 0; i < (d.Status?.Count ?? 0); i++)
        {
            var sp = (p + ".status")[i];
            if (d.Status![i] is not { } s) { Issue(sp, DataRule.MissingValue, "A status change is null."); continue; }
            Unknown(s, sp);
            var status = Enum<AgreementStatus>(s.Status, sp + ".status");
            var date = Date(s.Date, sp + ".date");
            var (sources, changeCaveats) = Citations(s.Sources, sp + ".sources");
            if (status is not null) history.Add(new StatusChange(status.Value, date, sources) { Caveats = changeCaveats });
        }
        var areas = ImmutableArray.CreateBuilder<CooperationArea>(d.Areas?.Count ?? 0);
        for (int i = 0; i < (d.Areas?.Count ?? 0); i++)
            if (Enum<CooperationArea>(d.Areas![i], (p + ".areas")[i]) is { } area) areas.Add(area);
        var partOf = Reference(d.PartOf, p + ".partOf", Target.Agreement, required: false);
        // Every field is read (and every issue raised) in the same order as before the record is made, once.
        var signed = Date(d.Signed, p + ".signed");
        var place = Text(d.Place, p + ".place", false);
        // Stable sort: undated changes keep their place after the dated ones.
        var statusHistory = InDateOrder(history);
        var systems = Refs(d.Systems, p + ".systems", Target.System, s => new SystemId(s));
        var notes = Notes(d.Notes, p + ".notes");
        var (agreementSources, caveats) = Citations(d.Sources, p + ".sources");
        var (value, reported) = Values(d.Value, d.ReportedValues, agreementSources, p);
        if (id is null || title is null || kind is null || parties.Count == 0) return null;
        return new Agreement
        {
            Id = new AgreementId(id), Title = title, Kind = kind.Value, Parties = parties.DrainToImmutable(), Signatories = signatories.DrainToImmutable(),
            SignedOn = signed, Place = place, StatusHistory = statusHistory, Areas = areas.DrainToImmutable(), Systems = systems,
            PartOf = partOf is null ? default(AgreementId?) : new AgreementId(partOf), Value = value, ReportedValues = reported, Notes = notes,
            Sources = agreementSources, Caveats = caveats,
        };
    }

    // A stable sort by date, undated changes last. Most histories are short and already in order, so a
    // check comes first; any other order is sorted in O(n log n) (LINQ's OrderBy is stable).
    private static ImmutableArray<StatusChange> InDateOrder(List<StatusChange> history)
    {
        for (int i = 1; i < history.Count; i++)
            if (DateOrder(history[i - 1], history[i]) > 0)
                return [.. history.OrderBy(s => s, Comparer<StatusChange>.Create(DateOrder))];
        return [.. history];
    }

    private static int DateOrder(StatusChange x, StatusChange y) => (x.Date, y.Date) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } a, { } b) => a.CompareTo(b),
    };

    private SpendingSeries? MapSpending(SpendingDto d, Loc p)
    {
        var id = Declared(d.Id, p + ".id", Target.Series, d.Replaces);
        if ((d.Country is null) == (d.Organization is null))
            Issue(p, DataRule.InvalidValue, "A spending series names exactly one of 'country' and 'organization'.");
        var country = CountryRef(d.Country, p + ".country");
        var org = Reference(d.Organization, p + ".organization", Target.Organization, required: false);
        var measure = Enum<SpendingMeasure>(d.Measure, p + ".measure");
        bool usd = measure is SpendingMeasure.CurrentUsd or SpendingMeasure.ConstantUsd or SpendingMeasure.PerCapitaUsd;
        bool needsCurrency = measure is SpendingMeasure.LocalCurrencyCurrent or SpendingMeasure.LocalCurrencyConstant or SpendingMeasure.BudgetAllocation;
        bool constant = measure is SpendingMeasure.ConstantUsd or SpendingMeasure.LocalCurrencyConstant;
        var currency = Currency(d.Currency, p + ".currency", needsCurrency);
        if (usd) currency ??= CurrencyCode.Usd;
        if (usd && currency != CurrencyCode.Usd) Issue(p + ".currency", DataRule.InvalidValue, $"The measure {measure} is in US dollars.");
        PriceBasis basis = PriceBasis.Current;
        if (constant)
        {
            if (d.BaseYear is int year && ValueRanges.IsPlausibleYear(year)) basis = PriceBasis.Constant(year);
            else Issue(p + ".baseYear", DataRule.InvalidValue, $"The measure {measure} needs a base year between {ValueRanges.MinYear} and {ValueRanges.MaxYear}.");
        }
        else if (d.BaseYear is not null && measure is not SpendingMeasure.PerCapitaUsd)
        {
            Issue(p + ".baseYear", DataRule.InvalidValue, $"A base year applies only to constant-price measures, not {measure}.");
        }
        else if (d.BaseYear is int perCapitaBase && ValueRanges.IsPlausibleYear(perCapitaBase))
        {
            basis = PriceBasis.Constant(perCapitaBase);
        }
        decimal scale = d.Unit switch { null or "Units" => 1m, "Thousands" => 1_000m, "Millions" => 1_000_000m, _ => 0m };
        if (scale == 0m) Issue(p + ".unit", DataRule.InvalidEnumValue, $"'{d.Unit}' is not one of: Units, Thousands, Millions.");
        var source = Reference(d.Source, p + ".source", Target.Source);
        if (d.Source is null) Issue(p + ".source", DataRule.MissingSource, "Every spending series cites its source.");

        var years = d.Years ?? [];
        var values = d.Values ?? [];
        if (d.Years is null || d.Years.Count == 0) Issue(p + ".years", DataRule.MissingValue, "A series has at least one year.");
        if (values.Count != years.Count) Issue(p + ".values", DataRule.InvalidValue, $"There are {years.Count} years but {values.Count} values.");
        bool yearsValid = true;
        for (int i = 0; i < years.Count; i++)
        {
            if (!Year(years[i], (p + ".years")[i], "year")) { }
            else if (i > 0 && years[i] <= years[i - 1]) Issue((p + ".years")[i], DataRule.InvalidValue, "Years are listed once each, in increasing order.");
            else continue;
            yearsValid = false;
        }
        var estimated = new HashSet<int>(d.Estimated ?? []);
        var uncertain = new HashSet<int>(d.Uncertain ?? []);
        var listed = new HashSet<int>(years);
        foreach (var (set, name) in new[] { (estimated, "estimated"), (uncertain, "uncertain") })
            foreach (var year in set)
                if (!listed.Contains(year)) Issue(p + ("." + name), DataRule.InvalidValue, $"The {name} year {year} is not among the series' years.");

        var component = Text(d.Component, p + ".component", measure is SpendingMeasure.BudgetAllocation);
        var systems = Refs(d.Systems, p + ".systems", Target.System, s => new SystemId(s));
        var notes = Notes(d.Notes, p + ".notes");
        // A bad country or organization is already reported; without one the series cannot be made.
        if (id is null || measure is null || source is null || scale == 0m || values.Count != years.Count || !yearsValid || (country is null) == (org is null))
            return null;
        var points = new SpendingPoint[years.Count];
        for (int i = 0; i < points.Length; i++)
        {
            if (Math.Abs(values[i]) > ValueRanges.MaxAmount / scale)
            {
                Issue((p + ".values")[i], DataRule.InvalidValue, $"{values[i]} {d.Unit ?? "Units"} is beyond the largest amount accepted, {ValueRanges.MaxAmount:N0}.");
                return null;
            }
            points[i] = new SpendingPoint(years[i], Normal(values[i] * scale), estimated.Contains(years[i]), uncertain.Contains(years[i]));
        }
        return new SpendingSeries(new SeriesId(id), country, org is null ? default(OrganizationId?) : new OrganizationId(org), measure.Value, currency, basis,
            component, systems, new SourceId(source), points, notes);
    }

    private TradeFlow? MapTrade(TradeDto d, Loc p)
    {
        var id = Declared(d.Id, p + ".id", Target.Trade, d.Replaces);
        var kind = Enum<TradeKind>(d.Kind, p + ".kind");
        var exporter = CountryRef(d.Exporter, p + ".exporter");
        var importer = CountryRef(d.Importer, p + ".importer");
        if (kind == TradeKind.BilateralTrade && (exporter is null || importer is null))
            Issue(p, DataRule.MissingValue, "Bilateral trade names both countries (as exporter and importer).");
        var exporterOrganization = Reference(d.ExporterOrganization, p + ".exporterOrganization", Target.Organization, required: false);
        var importerOrganization = Reference(d.ImporterOrganization, p + ".importerOrganization", Target.Organization, required: false);
        if (exporterOrganization is not null && d.Exporter is not null)
            Issue(p + ".exporterOrganization", DataRule.InvalidValue, "A flow's exporter is a country or an organization, not both.");
        if (importerOrganization is not null && d.Importer is not null)
            Issue(p + ".importerOrganization", DataRule.InvalidValue, "A flow's importer is a country or an organization, not both.");
        TrendIndicatorValue? tiv = null;
        if (d.Tiv is decimal rawMillions)
        {
            decimal millions = Normal(rawMillions);
            if (millions < 0) Issue(p + ".tiv", DataRule.InvalidValue, "TIVs are not negative.");
            else if (Amount(millions, p + ".tiv"))
            {
                AddToTotal(ref _tivDelivered, millions, p + ".tiv", "delivered TIVs");
                tiv = new TrendIndicatorValue(millions);
            }
        }
        Quantity? quantity = null;
        if (d.Quantity is { } q)
        {
            Unknown(q, p + ".quantity");
            var unit = Text(q.Unit, p + ".quantity.unit");
            decimal? amountRead = q.Amount is decimal a ? Normal(a) : null, maxRead = q.MaxAmount is decimal m ? Normal(m) : null;
            if (amountRead is not decimal amount) Issue(p + ".quantity.amount", DataRule.MissingValue, "A quantity has an amount.");
            else if (amount < 0 || maxRead < amount) Issue(p + ".quantity", DataRule.InvalidValue, "A quantity is not negative, and a range's maximum is not below its minimum.");
            else if (!Amount(amount, p + ".quantity.amount") || (maxRead is decimal max && !Amount(max, p + ".quantity.maxAmount"))) { }
            else if (unit is not null) quantity = new Quantity(amount, unit, maxRead);
        }
        var (flowSources, flowCaveats) = Citations(d.Sources, p + ".sources");
        var (value, reported) = Values(d.Value, d.ReportedValues, flowSources, p);
        if (value is { } money) AddToTotal(ref _tradeValues, money.Amount, p + ".value.amount", "trade values");
        if (d.Value is null && d.ReportedValues is null && d.Quantity is null && d.Commodity is null && (d.Systems?.Count ?? 0) == 0 && d.Tiv is null)
            Issue(p, DataRule.MissingValue, "A trade record says what moved: a value, a quantity, a commodity, a system or a TIV.");
        var organizations = Refs(d.Organizations, p + ".organizations", Target.Organization, s => new OrganizationId(s));
        // The non-state exporter and importer are among the flow's organizations, so that the index finds the flow by them.
        foreach (var party in new[] { exporterOrganization, importerOrganization })
            if (party is not null && !organizations.Contains(new OrganizationId(party))) organizations = organizations.Add(new OrganizationId(party));
        var flow = new TradeFlow
        {
            Id = default, Kind = default, Exporter = exporter, Importer = importer, Period = Date(d.Period, p + ".period"),
            Value = value, Quantity = quantity, Commodity = Text(d.Commodity, p + ".commodity", false),
            ExporterOrganization = exporterOrganization is null ? default(OrganizationId?) : new OrganizationId(exporterOrganization),
            ImporterOrganization = importerOrganization is null ? default(OrganizationId?) : new OrganizationId(importerOrganization),
            Organizations = organizations, Tiv = tiv,
            Systems = Refs(d.Systems, p + ".systems", Target.System, s => new SystemId(s)), Deal = Deal(d.Deal, p + ".deal"),
            Notes = Notes(d.Notes, p + ".notes"), Sources = flowSources, Caveats = flowCaveats, ReportedValues = reported,
        };
        if (id is null || kind is null) return null;
        return flow with { Id = new TradeFlowId(id), Kind = kind.Value };
    }

    private ArmsTransferDeal? Deal(DealDto? d, Loc p)
    {
        if (d is null) return null;
        Unknown(d, p);
        var designation = Text(d.Designation, p + ".designation");
        bool valid = true;
        if (d.NumberOrdered is < 0 or > ValueRanges.MaxCount || d.NumberDelivered is < 0 or > ValueRanges.MaxCount)
        {
            Issue(p, DataRule.InvalidValue, $"Numbers ordered and delivered lie between 0 and {ValueRanges.MaxCount:N0}.");
            valid = false;
        }
        foreach (var (tiv, name) in new[] { (d.TivPerUnit, "tivPerUnit"), (d.TivOfOrder, "tivOfOrder"), (d.TivDelivered, "tivDelivered") })
        {
            if (tiv < 0) { Issue(p + ("." + name), DataRule.InvalidValue, "TIVs are not negative."); valid = false; }
            else if (tiv is decimal t && !Amount(t, p + ("." + name))) valid = false;
        }
        if (d.OrderYear is int orderYear && !Year(orderYear, p + ".orderYear", "order year")) valid = false;
        for (int i = 0; i < (d.DeliveryYears?.Count ?? 0); i++)
            if (!Year(d.DeliveryYears![i], (p + ".deliveryYears")[i], "delivery year")) valid = false;
        if (designation is null || !valid) return null;
        if (d.TivDelivered is decimal delivered) AddToTotal(ref _tivDelivered, delivered, p + ".tivDelivered", "delivered TIVs");
        TrendIndicatorValue? Tiv(decimal? millions) => millions is decimal m ? new TrendIndicatorValue(Normal(m)) : null;
        return new ArmsTransferDeal
        {
            Designation = designation, Description = Text(d.Description, p + ".description", false),
            OrderYear = d.OrderYear, OrderYearUncertain = d.OrderYearUncertain ?? false,
            NumberOrdered = d.NumberOrdered, NumberOrderedUncertain = d.NumberOrderedUncertain ?? false,
            NumberDelivered = d.NumberDelivered, NumberDeliveredUncertain = d.NumberDeliveredUncertain ?? false,
            DeliveryYears = [.. d.DeliveryYears ?? []], Status = Text(d.Status, p + ".status", false), Comments = Text(d.Comments, p + ".comments", false),
            TivPerUnit = Tiv(d.TivPerUnit), TivOfOrder = Tiv(d.TivOfOrder), TivDelivered = Tiv(d.TivDelivered),
        };
    }

    private Event? MapEvent(EventDto d, Loc p)
    {
        var id = Declared(d.Id, p + ".id", Target.Event, d.Replaces);
        var kind = Enum<EventKind>(d.Kind, p + ".kind");
        var title = Text(d.Title, p + ".title");
        var people = ImmutableArray.CreateBuilder<Participant>();
        for (int i = 0; i < (d.People?.Count ?? 0); i++)
        {
            var pp = (p + ".people")[i];
            if (d.People![i] is not { } person) { Issue(pp, DataRule.MissingValue, "A participant is null."); continue; }
            Unknown(person, pp);
            if (Reference(person.Person, pp + ".person", Target.Person) is { } personId)
                people.Add(new Participant(new PersonId(personId), Text(person.Title, pp + ".title", false)));
        }
        var date = Date(d.Date, p + ".date");
        var until = Date(d.Until, p + ".until");
        if (date is { } from && until is { } to && to < from) Issue(p + ".until", DataRule.InvalidValue, "An event cannot end before it begins.");
        var (eventSources, eventCaveats) = Citations(d.Sources, p + ".sources");
        var ev = new Event
        {
            Id = default, Kind = default, Title = "", Date = date, Until = until, Place = Text(d.Place, p + ".place", false),
            Countries = Countries(d.Countries, p + ".countries"),
            Organizations = Refs(d.Organizations, p + ".organizations", Target.Organization, s => new OrganizationId(s)),
            People = people.ToImmutable(), Systems = Refs(d.Systems, p + ".systems", Target.System, s => new SystemId(s)),
            Agreements = Refs(d.Agreements, p + ".agreements", Target.Agreement, s => new AgreementId(s)),
            Notes = Notes(d.Notes, p + ".notes"), Sources = eventSources, Caveats = eventCaveats,
        };
        if (id is null || kind is null || title is null) return null;
        return ev with { Id = new EventId(id), Kind = kind.Value, Title = title };
    }
}
