using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of a country, in one place: the data file's transfer objects, the direct
// reader's properties, the parsing of its text into the model record and the kind's model rules (which
// records made in code go through too), the writer back to the file format, and the snapshot's writer
// and reader. Adding a field to the kind changes the model, this file, the JSON Schema and the docs
// (docs/data-format.md, "Where a kind's format lives").

internal sealed class AliasDto : Dto
{
    public string? Name { get; set; }
    public string? Scheme { get; set; }
}
internal sealed class CodeDto : Dto
{
    public string? Scheme { get; set; }
    public string? Code { get; set; }
}
internal sealed class MembershipDto : Dto
{
    public string? Organization { get; set; }
    public string? Role { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public List<string?>? Sources { get; set; }
}
internal sealed class AreaDto : Dto
{
    public int? Code { get; set; }
    public string? Name { get; set; }
}
internal sealed class CountryDto : RecordDto
{
    public string? Code { get; set; }
    public string? Alpha3 { get; set; }
    public int? Numeric { get; set; }
    public SortedDictionary<string, string?>? Names { get; set; }
    public string? FormalName { get; set; }
    public List<string?>? LocalLanguages { get; set; }
    public AreaDto? Region { get; set; }
    public AreaDto? SubRegion { get; set; }
    public string? Currency { get; set; }
    public int? ExistedFrom { get; set; }
    public int? ExistedUntil { get; set; }
    public List<string?>? Successors { get; set; }
    public List<AliasDto?>? Aliases { get; set; }
    public List<CodeDto?>? Codes { get; set; }
    public List<MembershipDto?>? Memberships { get; set; }
    public List<string?>? Sources { get; set; }

    /// <summary>Set by the compiler when this record's facts were merged into another record of the same country.</summary>
    [JsonIgnore]
    public CountryDto? MergedInto { get; set; }
}

internal ref partial struct DataFileReader
{
    private static bool AliasMembers(ref DataFileReader r, AliasDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("name"u8)) d.Name = r.String();
        else if (name.SequenceEqual("scheme"u8)) d.Scheme = r.String();
        else return false;
        return true;
    }

    private static bool CodeMembers(ref DataFileReader r, CodeDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("scheme"u8)) d.Scheme = r.String();
        else if (name.SequenceEqual("code"u8)) d.Code = r.String();
        else return false;
        return true;
    }

    private static bool MembershipMembers(ref DataFileReader r, MembershipDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("organization"u8)) d.Organization = r.String();
        else if (name.SequenceEqual("role"u8)) d.Role = r.String();
        else if (name.SequenceEqual("from"u8)) d.From = r.String();
        else if (name.SequenceEqual("until"u8)) d.Until = r.String();
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Strings();
        else return false;
        return true;
    }

    private static bool AreaMembers(ref DataFileReader r, AreaDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("code"u8)) d.Code = r.Int();
        else if (name.SequenceEqual("name"u8)) d.Name = r.String();
        else return false;
        return true;
    }

    private static bool CountryMembers(ref DataFileReader r, CountryDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("code"u8)) d.Code = r.String();
        else if (name.SequenceEqual("alpha3"u8)) d.Alpha3 = r.String();
        else if (name.SequenceEqual("numeric"u8)) d.Numeric = r.Int();
        else if (name.SequenceEqual("names"u8)) d.Names = r.Names();
        else if (name.SequenceEqual("formalName"u8)) d.FormalName = r.String();
        else if (name.SequenceEqual("localLanguages"u8)) d.LocalLanguages = r.Strings();
        else if (name.SequenceEqual("region"u8)) d.Region = r.Object<AreaDto>(AreaMembers);
        else if (name.SequenceEqual("subRegion"u8)) d.SubRegion = r.Object<AreaDto>(AreaMembers);
        else if (name.SequenceEqual("currency"u8)) d.Currency = r.String();
        else if (name.SequenceEqual("existedFrom"u8)) d.ExistedFrom = r.Int();
        else if (name.SequenceEqual("existedUntil"u8)) d.ExistedUntil = r.Int();
        else if (name.SequenceEqual("successors"u8)) d.Successors = r.Strings();
        else if (name.SequenceEqual("aliases"u8)) d.Aliases = r.Objects<AliasDto>(AliasMembers);
        else if (name.SequenceEqual("codes"u8)) d.Codes = r.Objects<CodeDto>(CodeMembers);
        else if (name.SequenceEqual("memberships"u8)) d.Memberships = r.Objects<MembershipDto>(MembershipMembers);
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Strings();
        else return r.Replaces(d);
        return true;
    }
}

internal sealed partial class DataValidator
{
    private Country ParseCountry(CountryDto d, Loc p) => new()
    {
        Code = ParseCode(d.Code, p + ".code", required: true) ?? default, Alpha3 = d.Alpha3!, Numeric = d.Numeric, Names = ParseNames(d.Names)!,
        LocalLanguages = ParseStrings(d.LocalLanguages), FormalName = d.FormalName, Region = Area(d.Region, p + ".region"), SubRegion = Area(d.SubRegion, p + ".subRegion"),
        Currency = ParseCurrency(d.Currency, p + ".currency"), ExistedFrom = d.ExistedFrom, ExistedUntil = d.ExistedUntil,
        Successors = ParseCountries(d.Successors, p + ".successors"),
        Aliases = Parsed(d.Aliases, p + ".aliases", "An alias", (a, ap) => new CountryAlias(a.Name!, Enum<NameScheme>(a.Scheme, ap + ".scheme"))),
        Codes = Parsed(d.Codes, p + ".codes", "A code", (c, cp) => new DatasetCode(Enum<NameScheme>(c.Scheme, cp + ".scheme"), c.Code!)),
        Memberships = Parsed(d.Memberships, p + ".memberships", "A membership", (m, mp) => new Membership(
            ParseId(m.Organization, mp + ".organization", s => new OrganizationId(s)), Enum<MembershipRole>(m.Role, mp + ".role"),
            ParseDate(m.From, mp + ".from"), ParseDate(m.Until, mp + ".until"), ParseIds(m.Sources, mp + ".sources", s => new SourceId(s)))),
        Sources = ParseIds(d.Sources, p + ".sources", s => new SourceId(s)),
    };

    private M49Area? Area(AreaDto? dto, Loc path)
    {
        if (dto is null) return null;
        Unknown(dto, path);
        return new M49Area(dto.Code ?? 0, dto.Name!);
    }

    // The kind's model rules, for a file's records once parsed and for records made in code alike.
    private Country? CheckCountry(Country c, Loc p, bool? replaces)
    {
        if (IdText(c.Code.Value, p + ".code")) Declare(Target.Country, c.Code.Value, p + ".code", replaces);
        if (Text(c.Alpha3, p + ".alpha3") is { } alpha3 && (alpha3.Length != 3 || !alpha3.All(char.IsAsciiLetterUpper)))
            Issue(p + ".alpha3", DataRule.InvalidCountryCode, $"'{alpha3}' is not an alpha-3 code: expected three upper-case letters.");
        if (c.Numeric is < 0 or > 999) Issue(p + ".numeric", DataRule.InvalidValue, "An ISO 3166-1 numeric code is between 0 and 999.");
        if (c.Names is null) Issue(p + ".names", DataRule.MissingValue, "Every country has names, at least in English ('en').");
        else
        {
            Names(c.Names, p + ".names");
            if (!c.Names.ContainsKey("en")) Issue(p + ".names", DataRule.MissingValue, "Every country has an English ('en') name.");
        }
        Items(c.Aliases, p + ".aliases", "An alias", (a, ap) => { Text(a.Name, ap + ".name"); Defined(a.Scheme, ap + ".scheme"); });
        Items(c.Codes, p + ".codes", "A code", (k, kp) => { Defined(k.Scheme, kp + ".scheme"); Text(k.Code, kp + ".code"); });
        Items(c.Memberships, p + ".memberships", "A membership", (m, mp) =>
        {
            Reference(m.Organization.Value, mp + ".organization", Target.Organization);
            Defined(m.Role, mp + ".role");
            Date(m.From, mp + ".from");
            Date(m.Until, mp + ".until");
            Sources(m.Sources, mp + ".sources");
        });
        Strings(c.LocalLanguages, p + ".localLanguages");
        foreach (var language in Or(c.LocalLanguages))
            if (language is not null && c.Names is not null && !c.Names.ContainsKey(language))
                Issue(p + ".localLanguages", DataRule.InvalidValue, $"The local language '{language}' has no entry in names.");
        Sources(c.Sources, p + ".sources");
        if (c.ExistedFrom < ValueRanges.MinExistenceYear || c.ExistedFrom > ValueRanges.MaxYear
            || c.ExistedUntil < ValueRanges.MinExistenceYear || c.ExistedUntil > ValueRanges.MaxYear || c.ExistedUntil < c.ExistedFrom)
            Issue(p + ".existedUntil", DataRule.InvalidValue,
                $"Existence years lie between {ValueRanges.MinExistenceYear} and {ValueRanges.MaxYear}, the end not before the start.");
        Countries(c.Successors, p + ".successors");
        if (!c.Successors.IsDefaultOrEmpty && c.ExistedUntil is null)
            Issue(p + ".successors", DataRule.InvalidValue, "Only a historical state (with existedUntil) has successors.");
        Text(c.FormalName, p + ".formalName", false);
        CheckArea(c.Region, p + ".region");
        CheckArea(c.SubRegion, p + ".subRegion");
        Currency(c.Currency, p + ".currency", required: false);
        return c.Successors.IsDefault || c.LocalLanguages.IsDefault || c.Aliases.IsDefault || c.Codes.IsDefault || c.Memberships.IsDefault
            ? c with { Successors = Or(c.Successors), LocalLanguages = Or(c.LocalLanguages), Aliases = Or(c.Aliases), Codes = Or(c.Codes), Memberships = Or(c.Memberships) }
            : c;
    }

    private void CheckArea(M49Area? area, Loc path)
    {
        if (area is null) return;
        Text(area.Name, path + ".name");
        if (area.Code is < 1 or > 999) Issue(path + ".code", DataRule.InvalidValue, "An M49 area code is between 1 and 999.");
    }
}

internal static partial class ModelWriter
{
    private static CountryDto Country(Country c) => new()
    {
        Code = c.Code.Value, Alpha3 = c.Alpha3, Numeric = c.Numeric, Names = Names(c.Names), FormalName = c.FormalName,
        LocalLanguages = Strings(c.LocalLanguages),
        Region = c.Region is { } r ? new AreaDto { Code = r.Code, Name = r.Name } : null,
        SubRegion = c.SubRegion is { } sr ? new AreaDto { Code = sr.Code, Name = sr.Name } : null,
        Currency = c.Currency?.Value, ExistedFrom = c.ExistedFrom, ExistedUntil = c.ExistedUntil, Successors = Strings(c.Successors),
        Aliases = List(c.Aliases, a => new AliasDto { Name = a.Name, Scheme = a.Scheme.ToString() }),
        Codes = List(c.Codes, k => new CodeDto { Scheme = k.Scheme.ToString(), Code = k.Code }),
        Memberships = List(c.Memberships, m => new MembershipDto
        {
            Organization = m.Organization.Value, Role = m.Role.ToString(), From = Text(m.From), Until = Text(m.Until), Sources = Strings(m.Sources),
        }),
        Sources = Strings(c.Sources),
    };
}

internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void Area(M49Area? a)
        {
            w.Write(a is not null);
            if (a is null) return;
            w.Write(a.Code);
            w.Write(a.Name);
        }

        private void Country(Country c)
        {
            w.Write(c.Code.Value); w.Write(c.Alpha3); Opt(c.Numeric); Names(c.Names); Opt(c.FormalName); Area(c.Region); Area(c.SubRegion);
            Opt(c.Currency?.Value); Opt(c.ExistedFrom); Opt(c.ExistedUntil);
            Array(c.Successors, s => w.Write(s.Value));
            Strings(c.LocalLanguages);
            Array(c.Aliases, a => { w.Write(a.Name); w.Write((int)a.Scheme); });
            Array(c.Codes, d => { w.Write((int)d.Scheme); w.Write(d.Code); });
            Array(c.Memberships, m => { w.Write(m.Organization.Value); w.Write((int)m.Role); Partial(m.From); Partial(m.Until); Sources(m.Sources); });
            Sources(c.Sources);
        }
    }

    private sealed partial class Reader
    {
        private M49Area? Area() => r.ReadBoolean() ? new M49Area(r.ReadInt32(), Str()) : null;

        private Country Country()
        {
            var code = CountryCode.Parse(Str());
            string alpha3 = Str();
            int? numeric = OptInt();
            var names = Names();
            string? formal = OptStr();
            var region = Area();
            var subRegion = Area();
            var currency = OptCurrency();
            int? from = OptInt(), until = OptInt();
            var successors = Countries();
            var languages = Strings();
            var aliases = new CountryAlias[Count()];
            for (int i = 0; i < aliases.Length; i++) aliases[i] = new CountryAlias(Str(), (NameScheme)r.ReadInt32());
            var codes = new DatasetCode[Count()];
            for (int i = 0; i < codes.Length; i++) codes[i] = new DatasetCode((NameScheme)r.ReadInt32(), Str());
            var memberships = new Membership[Count()];
            for (int i = 0; i < memberships.Length; i++)
                memberships[i] = new Membership(new OrganizationId(Str()), (MembershipRole)r.ReadInt32(), Partial(), Partial(), Sources());
            return new Country
            {
                Code = code, Alpha3 = alpha3, Numeric = numeric, Names = names, FormalName = formal, Region = region, SubRegion = subRegion,
                Currency = currency, ExistedFrom = from, ExistedUntil = until, Successors = successors, LocalLanguages = languages,
                Aliases = Wrap(aliases), Codes = Wrap(codes), Memberships = Wrap(memberships), Sources = Sources(),
            };
        }
    }
}

// The kind's columns in the export tables (docs/export.md); ExportTables names and describes the tables.
internal static partial class ExportColumns
{
    public static Columns<Country> Countries() => new Columns<Country>()
            .Text("country_code", "ISO 3166-1 alpha-2 (or this library's code for a historical state, e.g. SU).", c => c.Code.Value, nullable: false)
            .Text("iso_alpha3", "ISO 3166-1 alpha-3.", c => c.Alpha3, nullable: false)
            .Int32("iso_numeric", "ISO 3166-1 numeric, where one exists.", c => c.Numeric)
            .Int32("cow_code", "Correlates of War numeric state code.", c => int.TryParse(c.CodeIn(NameScheme.Cow), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null)
            .Text("cow_abbreviation", "Correlates of War three-letter abbreviation.", c => c.CodeIn(NameScheme.CowAbbreviation))
            .Text("world_bank_code", "World Bank code, where recorded.", c => c.CodeIn(NameScheme.WorldBank))
            .Text("sipri_name", "The name SIPRI's databases use, where it differs from the English name.", c => ExportTables.AliasIn(c, NameScheme.Sipri))
            .Text("nato_name", "The name NATO's tables use, where it differs from the English name.", c => ExportTables.AliasIn(c, NameScheme.Nato))
            .Text("cow_name", "The name the Correlates of War state list uses, where it differs from the English name.", c => ExportTables.AliasIn(c, NameScheme.Cow))
            .Text("name_en", "The English short name.", c => c.Name, nullable: false)
            .Text("name_tr", "The Turkish name, where known.", c => c.Names.GetValueOrDefault("tr"))
            .Text("formal_name", "The English formal name.", c => c.FormalName)
            .Int32("region_code", "UN M49 region code.", c => c.Region?.Code)
            .Text("region", "UN M49 region.", c => c.Region?.Name)
            .Int32("subregion_code", "UN M49 sub-region code.", c => c.SubRegion?.Code)
            .Text("subregion", "UN M49 sub-region.", c => c.SubRegion?.Name)
            .Text("currency", "The main ISO 4217 currency.", c => c.Currency?.Value)
            .Int32("existed_from", "The first year of a historical state.", c => c.ExistedFrom)
            .Int32("existed_until", "The last year of a historical state; null for a state that exists today.", c => c.ExistedUntil)
            .Text("successors", "The successor states of a historical state, separated by ';'.", c => Columns<Country>.List(c.Successors))
            .Sources(c => c.Sources)
            .Text("names", "Every name by language tag, as 'tag=name' separated by ';' (en always).", c => ExportTables.NamesText(c.Names))
            .Text("local_languages", "The tags of the country's own languages among its names, separated by ';'.", c => Columns<Country>.List(c.LocalLanguages))
            .Text("codes", "Every code another dataset gives the country, as 'scheme=code' separated by ';', in the record's order (the cow_code, cow_abbreviation and world_bank_code columns repeat three of them).",
                c => Columns<Country>.List(c.Codes.Select(k => $"{k.Scheme}={k.Code}")));

    public static Columns<(Country Country, CountryAlias Alias)> CountryAliases() => new Columns<(Country Country, CountryAlias Alias)>()
            .Text("country_code", "The country.", r => r.Country.Code.Value, nullable: false)
            .Text("scheme", "Common, Iso, Sipri, Nato, Cow, CowAbbreviation or WorldBank.", r => r.Alias.Scheme.ToString(), nullable: false)
            .Text("name", "The name as that dataset spells it.", r => r.Alias.Name, nullable: false)
            .Sources(r => r.Country.Sources);

    public static Columns<(Country Country, Membership Membership)> CountryMemberships() => new Columns<(Country Country, Membership Membership)>()
            .Text("country_code", "The country.", r => r.Country.Code.Value, nullable: false)
            .Text("organization_id", "The organization, e.g. nato.", r => r.Membership.Organization.Value, nullable: false)
            .Text("role", "Member or Candidate.", r => r.Membership.Role.ToString(), nullable: false)
            .PartialDate("from", "When it began", r => r.Membership.From)
            .PartialDate("until", "When it ended", r => r.Membership.Until)
            .Sources(r => r.Membership.Sources);
}
