using System.Collections.Immutable;
using System.Globalization;
using DefenseCoop.Export;

namespace DefenseCoop.Tests.Export;

/// <summary>The records of every kind that an export's tables hold, in the order of their tables' rows.</summary>
internal sealed record ExportedRecords(
    ImmutableArray<Source> Sources, ImmutableArray<Country> Countries, ImmutableArray<Organization> Organizations, ImmutableArray<Person> People,
    ImmutableArray<DefenseSystem> Systems, ImmutableArray<Agreement> Agreements, ImmutableArray<SpendingSeries> Spending,
    ImmutableArray<TradeFlow> Trade, ImmutableArray<Event> Events);

/// <summary>
/// Reads the CSV tables an export wrote to a directory back into records of every kind: each record from its
/// row, with its child rows (parties, signatories, status changes, reported values, notes, roles, participants,
/// aliases, memberships, delivery years) joined by the parent's id and ordered by their position. Columns the
/// export derives from others (an agreement's countries, a flow's first delivery year, a source's citation)
/// must agree with what the reader rebuilt, and every child row must find its parent.
/// </summary>
/// <remarks>A table the export did not write (an export of agreements alone has no countries) gives no records.</remarks>
internal sealed partial class ExportReader
{
    private readonly Dictionary<ExportTable, CsvTable> _tables;
    private readonly List<IChildren> _children = [];

    private ExportReader(string directory) =>
        _tables = ExportTables.All.Where(t => File.Exists(Path.Combine(directory, t.Name + ".csv"))).ToDictionary(t => t, t => CsvTable.Read(directory, t));

    /// <summary>Reads the tables in <paramref name="directory"/>.</summary>
    /// <exception cref="FormatException">A table breaks the export's documented shape, or a child row has no parent.</exception>
    public static ExportedRecords Read(string directory)
    {
        var reader = new ExportReader(directory);
        var records = reader.ReadAll();
        foreach (var children in reader._children) children.RequireAllTaken();
        return records;
    }

    private ImmutableArray<ExportedRow> Rows(ExportTable table) => _tables.TryGetValue(table, out var t) ? t.Rows : [];

    private ExportedRecords ReadAll()
    {
        var notes = Children(ExportTables.Notes, r => (r.Required("record_kind"), r.Required("record_id")), positioned: true, Note);
        var reported = Children(ExportTables.ReportedValues, r => (r.Required("record_kind"), r.Required("record_id")), positioned: true, ReportedValue);
        return new ExportedRecords(
            [.. Rows(ExportTables.Sources).Select(Source)],
            Countries(),
            [.. Rows(ExportTables.Organizations).Select(r => Organization(r, notes))],
            People(notes),
            [.. Rows(ExportTables.Systems).Select(r => System(r, notes))],
            Agreements(notes, reported),
            Spending(notes),
            Trade(notes, reported),
            Events(notes));
    }

    private static AttributedNote Note(ExportedRow row)
    {
        var sources = row.Sources();
        return new AttributedNote(row.Required("text"), sources) { Caveats = row.Caveats(sources) };
    }

    private static ReportedValue ReportedValue(ExportedRow row)
    {
        var sources = row.Sources();
        var value = row.Money("value") ?? throw new FormatException($"{row.Where}: a reported value has no amount.");
        return new ReportedValue(value, sources) { Caveats = row.Caveats(sources) };
    }

    private static Source Source(ExportedRow row)
    {
        var source = new Source
        {
            Id = new(row.Required("source_id")), Kind = row.Enum<SourceKind>("kind"), Publisher = row.Required("publisher"), Title = row.Required("title"),
            Published = row.PartialDate("published"), Language = row.Required("language"), Url = row.Text("url"), Author = row.Text("author"),
            Edition = row.Text("edition"), Licence = row.Text("licence"), PublicationDateNotShown = row.Boolean("publication_date_not_shown")!.Value,
            BasedOn = row.Text("based_on"),
        };
        row.Agrees("redistribution", SourceTerms.Of(source).Redistribution.ToString());
        row.Agrees("citation", SourceTerms.CitationOf(source));
        return source;
    }

    private ImmutableArray<Country> Countries()
    {
        var aliases = Children(ExportTables.CountryAliases, r => r.Required("country_code"), positioned: false, r => r);
        var memberships = Children(ExportTables.CountryMemberships, r => r.Required("country_code"), positioned: false,
            r => new Membership(new OrganizationId(r.Required("organization_id")), r.Enum<MembershipRole>("role"), r.PartialDate("from"), r.PartialDate("until"), r.Sources()));
        return [.. Rows(ExportTables.Countries).Select(row =>
        {
            var code = CountryCode.Parse(row.Required("country_code"));
            var sources = row.Sources();
            var country = new Country
            {
                Code = code, Alpha3 = row.Required("iso_alpha3"), Numeric = row.Int32("iso_numeric"), Names = row.Pairs("names"), FormalName = row.Text("formal_name"),
                Region = Area(row, "region"), SubRegion = Area(row, "subregion"), Currency = row.Text("currency") is { } c ? CurrencyCode.Parse(c) : (CurrencyCode?)null,
                ExistedFrom = row.Int32("existed_from"), ExistedUntil = row.Int32("existed_until"), Successors = row.List("successors", CountryCode.Parse),
                LocalLanguages = row.List("local_languages"),
                Aliases = aliases.Take(code.Value, r =>
                {
                    SourcesOfParent(r, sources);
                    return new CountryAlias(r.Required("name"), r.Enum<NameScheme>("scheme"));
                }),
                Codes = [.. row.List("codes").Select(item => item.Split('=', 2) is [var scheme, { Length: > 0 } value]
                    ? new DatasetCode(ExportConventions.ParseEnum<NameScheme>(scheme, $"{row.Where}: codes"), value)
                    : throw new FormatException($"{row.Where}: codes has '{item}', which is not 'scheme=code'."))],
                Memberships = memberships.Take(code.Value, m => m), Sources = sources,
            };
            row.Agrees("name_en", country.Names.GetValueOrDefault("en"));
            row.Agrees("name_tr", country.Names.GetValueOrDefault("tr"));
            row.Agrees("cow_code", int.TryParse(country.CodeIn(NameScheme.Cow), NumberStyles.None, CultureInfo.InvariantCulture, out int cow) ? cow : null);
            row.Agrees("cow_abbreviation", country.CodeIn(NameScheme.CowAbbreviation));
            row.Agrees("world_bank_code", country.CodeIn(NameScheme.WorldBank));
            foreach (var (column, scheme) in new[] { ("sipri_name", NameScheme.Sipri), ("nato_name", NameScheme.Nato), ("cow_name", NameScheme.Cow) })
                row.Agrees(column, country.Aliases.FirstOrDefault(a => a.Scheme == scheme && a.Name != country.Name)?.Name);
            return country;
        })];
    }

    private static M49Area? Area(ExportedRow row, string prefix) => (row.Int32(prefix + "_code"), row.Text(prefix)) switch
    {
        (null, null) => null,
        (int code, string name) => new M49Area(code, name),
        _ => throw new FormatException($"{row.Where}: {prefix} and {prefix}_code are given together or not at all."),
    };

    private static Organization Organization(ExportedRow row, ChildRows<(string, string), AttributedNote> notes)
    {
        var id = new OrganizationId(row.Required("organization_id"));
        return new Organization
        {
            Id = id, Kind = row.Enum<OrganizationKind>("kind"), Country = Country(row, "country_code"), Name = row.Required("name"), Names = row.Pairs("names"),
            Aliases = row.List("aliases"), Parent = Organization(row, "parent_id"), Notes = notes.Take(("organization", id.Value), n => n), Sources = row.Sources(),
        };
    }

    private ImmutableArray<Person> People(ChildRows<(string, string), AttributedNote> notes)
    {
        var roles = Children(ExportTables.PersonRoles, r => r.Required("person_id"), positioned: true,
            r => new PersonRole(r.Required("title"), Organization(r, "organization_id"), r.PartialDate("from"), r.PartialDate("until"), r.Sources()));
        return [.. Rows(ExportTables.People).Select(row =>
        {
            var id = new PersonId(row.Required("person_id"));
            return new Person
            {
                Id = id, Name = row.Required("name"), Aliases = row.List("aliases"), Country = Country(row, "country_code"), Roles = roles.Take(id.Value, r => r),
                Notes = notes.Take(("person", id.Value), n => n), Sources = row.Sources(),
            };
        })];
    }

    private static DefenseSystem System(ExportedRow row, ChildRows<(string, string), AttributedNote> notes)
    {
        var id = new SystemId(row.Required("system_id"));
        return new DefenseSystem
        {
            Id = id, Name = row.Required("name"), Aliases = row.List("aliases"), Category = row.Enum<SystemCategory>("category"),
            Manufacturer = Organization(row, "manufacturer_id"), Country = Country(row, "country_code"), Notes = notes.Take(("system", id.Value), n => n), Sources = row.Sources(),
        };
    }

    private static CountryCode? Country(ExportedRow row, string column) => row.Text(column) is { } code ? CountryCode.Parse(code) : null;

    private static OrganizationId? Organization(ExportedRow row, string column) => row.Text(column) is { } id ? new OrganizationId(id) : (OrganizationId?)null;

    /// <summary>A child row that cites its parent's sources (a party, an alias, a delivery year) must cite exactly those.</summary>
    private static void SourcesOfParent(ExportedRow row, ImmutableArray<SourceId> parent) => row.Agrees("sources", string.Join(';', parent));

    private ChildRows<TKey, T> Children<TKey, T>(ExportTable table, Func<ExportedRow, TKey> key, bool positioned, Func<ExportedRow, T> map) where TKey : notnull
    {
        var children = new ChildRows<TKey, T>(table, Rows(table), key, positioned, map);
        _children.Add(children);
        return children;
    }

    private interface IChildren
    {
        void RequireAllTaken();
    }

    /// <summary>
    /// A child table's rows grouped by their parent's key, each group in the order of its <c>position</c> column
    /// (which must run 0, 1, 2, ...) or, for a table without one, in file order. Each parent takes its group once;
    /// a group no parent takes is an orphan, and fails the read.
    /// </summary>
    private sealed class ChildRows<TKey, T> : IChildren where TKey : notnull
    {
        private readonly ExportTable _table;
        private readonly Dictionary<TKey, List<ExportedRow>> _groups = [];
        private readonly Func<ExportedRow, T> _map;

        public ChildRows(ExportTable table, ImmutableArray<ExportedRow> rows, Func<ExportedRow, TKey> key, bool positioned, Func<ExportedRow, T> map)
        {
            (_table, _map) = (table, map);
            foreach (var row in rows)
            {
                var k = key(row);
                if (!_groups.TryGetValue(k, out var group)) _groups[k] = group = [];
                group.Add(row);
            }
            if (!positioned) return;
            foreach (var (k, group) in _groups)
            {
                group.Sort((a, b) => a.Int32("position")!.Value.CompareTo(b.Int32("position")!.Value));
                for (int i = 0; i < group.Count; i++)
                    if (group[i].Int32("position") != i) throw new FormatException($"{group[i].Where}: the positions of {k}'s rows in {table.Name} are not 0 to {group.Count - 1}.");
            }
        }

        public ImmutableArray<TItem> Take<TItem>(TKey key, Func<T, TItem> finish) =>
            _groups.Remove(key, out var group) ? [.. group.Select(r => finish(_map(r)))] : [];

        public void RequireAllTaken()
        {
            if (_groups.Count > 0)
                throw new FormatException($"{_table.Name}.csv has rows of {string.Join(", ", _groups.Keys.Take(5))}, which no exported record is ({_groups.Values.First()[0].Where}).");
        }
    }
}
