using System.Collections.Frozen;
using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of an organization, in one place: the data file's transfer objects, the direct
// reader's properties, the parsing of its text into the model record and the kind's model rules (which
// records made in code go through too), the writer back to the file format, and the snapshot's writer
// and reader. Adding a field to the kind changes the model, this file, the JSON Schema and the docs
// (docs/data-format.md, "Where a kind's format lives").

internal sealed class OrganizationDto : RecordDto
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Country { get; set; }
    public string? Name { get; set; }
    public SortedDictionary<string, string?>? Names { get; set; }
    public List<string?>? Aliases { get; set; }
    public string? Parent { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<string?>? Sources { get; set; }
}

internal ref partial struct DataFileReader
{
    private static bool OrganizationMembers(ref DataFileReader r, OrganizationDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("id"u8)) d.Id = r.Id();
        else if (name.SequenceEqual("kind"u8)) d.Kind = r.String();
        else if (name.SequenceEqual("country"u8)) d.Country = r.String();
        else if (name.SequenceEqual("name"u8)) d.Name = r.String();
        else if (name.SequenceEqual("names"u8)) d.Names = r.Names();
        else if (name.SequenceEqual("aliases"u8)) d.Aliases = r.Strings();
        else if (name.SequenceEqual("parent"u8)) d.Parent = r.String();
        else if (name.SequenceEqual("notes"u8)) d.Notes = r.Objects<NoteDto>(NoteMembers);
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Strings();
        else return r.Replaces(d);
        return true;
    }
}

internal sealed partial class DataValidator
{
    private Organization ParseOrganization(OrganizationDto d, Loc p) => new()
    {
        Id = ParseId(d.Id, p + ".id", s => new OrganizationId(s)), Kind = Enum<OrganizationKind>(d.Kind, p + ".kind"), Name = d.Name!,
        Country = ParseCode(d.Country, p + ".country"), Names = ParseNames(d.Names) ?? FrozenDictionary<string, string>.Empty,
        Aliases = ParseStrings(d.Aliases), Parent = ParseOptionalId(d.Parent, p + ".parent", s => new OrganizationId(s)),
        Notes = ParseNotes(d.Notes, p + ".notes"), Sources = ParseIds(d.Sources, p + ".sources", s => new SourceId(s)),
    };

    // The kind's model rules, for a file's records once parsed and for records made in code alike.
    private Organization? CheckOrganization(Organization o, Loc p, bool? replaces)
    {
        Declared(o.Id.Value, p + ".id", Target.Organization, replaces);
        Defined(o.Kind, p + ".kind");
        Text(o.Name, p + ".name");
        CountryRef(o.Country, p + ".country");
        Reference(o.Parent?.Value, p + ".parent", Target.Organization);
        if (o.Names is null) Issue(p + ".names", DataRule.MissingValue, "Names, where given, map languages to names; give an empty map rather than null.");
        else Names(o.Names, p + ".names");
        Strings(o.Aliases, p + ".aliases");
        var notes = Notes(o.Notes, p + ".notes");
        Sources(o.Sources, p + ".sources");
        return notes != o.Notes || o.Aliases.IsDefault ? o with { Notes = notes, Aliases = Or(o.Aliases) } : o;
    }
}

internal static partial class ModelWriter
{
    private static OrganizationDto Organization(Organization o) => new()
    {
        Id = o.Id.Value, Kind = o.Kind.ToString(), Country = o.Country?.Value, Name = o.Name, Names = Names(o.Names), Aliases = Strings(o.Aliases),
        Parent = o.Parent?.Value, Notes = Notes(o.Notes), Sources = Strings(o.Sources),
    };
}

internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void Organization(Organization o)
        {
            w.Write(o.Id.Value); w.Write((int)o.Kind); Country(o.Country); w.Write(o.Name); Names(o.Names); Strings(o.Aliases); Org(o.Parent);
            Notes(o.Notes); Sources(o.Sources);
        }
    }

    private sealed partial class Reader
    {
        private Organization Organization() => new()
        {
            Id = new OrganizationId(Str()), Kind = (OrganizationKind)r.ReadInt32(), Country = OptCountry(), Name = Str(), Names = Names(),
            Aliases = Strings(), Parent = OptOrg(), Notes = Notes(), Sources = Sources(),
        };
    }
}

// The kind's columns in the export tables (docs/export.md); ExportTables names and describes the tables.
internal static partial class ExportColumns
{
    public static Columns<Organization> Organizations() => new Columns<Organization>()
            .Text("organization_id", "The stable id.", o => o.Id.Value, nullable: false)
            .Text("kind", "Company, GovernmentAgency, Ministry, ArmedForces, Alliance, InternationalOrganization, ...", o => o.Kind.ToString(), nullable: false)
            .Text("country_code", "The country it belongs to; null for an intergovernmental body.", o => o.Country?.Value)
            .Text("name", "The English name.", o => o.Name, nullable: false)
            .Text("aliases", "Acronyms and other spellings, separated by ';'.", o => Columns<Organization>.List(o.Aliases))
            .Text("parent_id", "The parent body.", o => o.Parent?.Value)
            .Sources(o => o.Sources)
            .Text("names", "Names in other languages, as 'tag=name' separated by ';'.", o => ExportTables.NamesText(o.Names));
}
