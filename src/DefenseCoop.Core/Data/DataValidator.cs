using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace DefenseCoop.Data;

/// <summary>
/// Turns parsed files and records made in code into validated records, collecting every problem instead
/// of stopping at the first, then throws them all at once. Nothing is returned unless everything is valid.
/// </summary>
/// <remarks>
/// A file's record is parsed (<c>Parse{Kind}</c> in its format file: text made typed values) and then
/// checked by the kind's model rules (<c>Check{Kind}</c>, beside it); a record made in code or read by an
/// importer goes straight to the same model rules. What concerns several kinds lives here: ids unique
/// per kind, references resolved at the end, overlays' replacements, and the catalog-wide totals.
/// </remarks>
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
        int records = files.Sum(f => f.Trusted is { } t ? Count(t) : f.Records is { } r ? Count(r) : Count(f.Dto));
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
            if (file.Records is { } given)
            {
                // Records made in code are model records already: only the model rules run.
                Check(given.Sources, "$.sources", CheckSource, sources); Check(given.Countries, "$.countries", CheckCountry, countries);
                Check(given.Organizations, "$.organizations", CheckOrganization, organizations); Check(given.People, "$.people", CheckPerson, people);
                Check(given.Systems, "$.systems", CheckSystem, systems); Check(given.Agreements, "$.agreements", CheckAgreement, agreements);
                Check(given.Spending, "$.spending", CheckSpending, spending); Check(given.Trade, "$.trade", CheckTrade, trade);
                Check(given.Events, "$.events", CheckEvent, events);
                continue;
            }
            // A file's records are parsed into model records, then the same model rules run.
            var dto = file.Dto;
            Unknown(dto, "$");
            Each(dto.Sources, "$.sources", ParseSource, CheckSource, sources);
            Each(dto.Countries, "$.countries", ParseCountry, CheckCountry, countries);
            Each(dto.Organizations, "$.organizations", ParseOrganization, CheckOrganization, organizations);
            Each(dto.People, "$.people", ParsePerson, CheckPerson, people);
            Each(dto.Systems, "$.systems", ParseSystem, CheckSystem, systems);
            Each(dto.Agreements, "$.agreements", ParseAgreement, CheckAgreement, agreements);
            Each(dto.Spending, "$.spending", ParseSpending, CheckSpending, spending);
            Each(dto.Trade, "$.trade", ParseTrade, CheckTrade, trade);
            Each(dto.Events, "$.events", ParseEvent, CheckEvent, events);
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

    /// <summary>
    /// Claims a record's id (a rule across kinds: ids are unique within their kind). An overlay's record may
    /// take the id of an earlier file's record when it says it replaces it; any other repeat is a problem.
    /// </summary>
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

    private static int Count(CatalogContent c) =>
        c.Sources.Length + c.Countries.Length + c.Organizations.Length + c.People.Length + c.Systems.Length
        + c.Agreements.Length + c.Spending.Length + c.Trade.Length + c.Events.Length;

    /// <summary>
    /// Declares and keeps records validated before: their ids are claimed (so that duplicates and overlays
    /// are judged as for any file) and their amounts counted in the totals, but their fields are not read again.
    /// </summary>
    private void Trust<T>(ImmutableArray<T> records, Loc path, List<T> into) where T : class
    {
        var trusted = _file;
        for (int i = 0; i < records.Length; i++)
        {
            var record = records[i];
            var key = KeyOf(record)!.Value;
            // A record keeps the file it came from (content validated before may hold several files).
            _file = trusted.Trusted!.Origins.TryGetValue(key, out var origin) && origin.File != trusted.File ? Named(trusted, origin.File) : trusted;
            bool declared = Declare(key.Item1, key.Item2, path[i] + (key.Item1 == Target.Country ? ".code" : ".id"));
            _file = trusted;
            if (!declared) continue;
            if (record is TradeFlow flow)
            {
                if (flow.Value is { } value) AddToTotal(ref _tradeValues, value.Amount, path[i] + ".value.amount", "trade values");
                if (flow.Tiv is { } tiv) AddToTotal(ref _tivDelivered, tiv.Millions, path[i] + ".tiv", "delivered TIVs");
                if (flow.Deal?.TivDelivered is { } delivered) AddToTotal(ref _tivDelivered, delivered.Millions, path[i] + ".deal.tivDelivered", "delivered TIVs");
            }
            _records[key] = (record, origin.File ?? _file.File);
            into.Add(record);
        }
    }

    // One fragment per file that trusted records came from, so that a duplicate id names that file.
    private readonly Dictionary<string, DataFragment> _origins = new(StringComparer.Ordinal);

    private DataFragment Named(DataFragment trusted, string file)
    {
        if (!_origins.TryGetValue(file, out var fragment)) _origins[file] = fragment = trusted with { File = file };
        return fragment;
    }

    private static int Count(CatalogRecords r) =>
        Length(r.Sources) + Length(r.Countries) + Length(r.Organizations) + Length(r.People) + Length(r.Systems)
        + Length(r.Agreements) + Length(r.Spending) + Length(r.Trade) + Length(r.Events);

    private static int Length<T>(ImmutableArray<T> items) => items.IsDefault ? 0 : items.Length;

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
        _problems++;
        if (_issues.Count < _limits.MaxIssues) return true;
        CollectionsMarshal.GetValueRefOrAddDefault(_omitted, rule, out _)++;
        return false;
    }
}
