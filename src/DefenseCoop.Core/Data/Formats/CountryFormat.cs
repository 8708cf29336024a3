using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of a country, in one place: the data file's transfer objects, the direct
// reader's properties, the validation of the kind's own rules (the mapping to the model), the writer
// back to the file format, and the snapshot's writer and reader. Adding a field to the kind changes the
// model, this file, the JSON Schema and the docs (docs/data-format.md, "Where a kind's format lives").

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
