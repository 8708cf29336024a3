using System.Collections.Immutable;
using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of a person, in one place: the data file's transfer objects, the direct
// reader's properties, the parsing of its text into the model record and the kind's model rules (which
// records made in code go through too), the writer back to the file format, and the snapshot's writer
// and reader. Adding a field to the kind changes the model, this file, the JSON Schema and the docs
// (docs/data-format.md, "Where a kind's format lives").

internal sealed class RoleDto : Dto
{
    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public List<string?>? Sources { get; set; }
}
internal sealed class PersonDto : RecordDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string?>? Aliases { get; set; }
    public string? Country { get; set; }
    public List<RoleDto?>? Roles { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<string?>? Sources { get; set; }
}

internal ref partial struct DataFileReader
{
    private static bool RoleMembers(ref DataFileReader r, RoleDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("title"u8)) d.Title = r.String();
        else if (name.SequenceEqual("organization"u8)) d.Organization = r.String();
        else if (name.SequenceEqual("from"u8)) d.From = r.String();
        else if (name.SequenceEqual("until"u8)) d.Until = r.String();
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Strings();
        else return false;
        return true;
    }

    private static bool PersonMembers(ref DataFileReader r, PersonDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("id"u8)) d.Id = r.Id();
        else if (name.SequenceEqual("name"u8)) d.Name = r.String();
        else if (name.SequenceEqual("aliases"u8)) d.Aliases = r.Strings();
        else if (name.SequenceEqual("country"u8)) d.Country = r.String();
        else if (name.SequenceEqual("roles"u8)) d.Roles = r.Objects<RoleDto>(RoleMembers);
        else if (name.SequenceEqual("notes"u8)) d.Notes = r.Objects<NoteDto>(NoteMembers);
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Strings();
        else return r.Replaces(d);
        return true;
    }
}

internal sealed partial class DataValidator
{
    private Person ParsePerson(PersonDto d, Loc p) => new()
    {
        Id = ParseId(d.Id, p + ".id", s => new PersonId(s)), Name = d.Name!, Aliases = ParseStrings(d.Aliases), Country = ParseCode(d.Country, p + ".country"),
        Roles = Parsed(d.Roles, p + ".roles", "A role", (r, rp) => new PersonRole(r.Title!, ParseOptionalId(r.Organization, rp + ".organization", s => new OrganizationId(s)),
            ParseDate(r.From, rp + ".from"), ParseDate(r.Until, rp + ".until"), ParseIds(r.Sources, rp + ".sources", s => new SourceId(s)))),
        Notes = ParseNotes(d.Notes, p + ".notes"), Sources = ParseIds(d.Sources, p + ".sources", s => new SourceId(s)),
    };

    // The kind's model rules, for a file's records once parsed and for records made in code alike.
    private Person? CheckPerson(Person x, Loc p, bool? replaces)
    {
        Declared(x.Id.Value, p + ".id", Target.Person, replaces);
        Text(x.Name, p + ".name");
        Items(x.Roles, p + ".roles", "A role", (r, rp) =>
        {
            Text(r.Title, rp + ".title");
            Reference(r.Organization?.Value, rp + ".organization", Target.Organization);
            Date(r.From, rp + ".from");
            Date(r.Until, rp + ".until");
            Sources(r.Sources, rp + ".sources");
        });
        Strings(x.Aliases, p + ".aliases");
        CountryRef(x.Country, p + ".country");
        var notes = Notes(x.Notes, p + ".notes");
        Sources(x.Sources, p + ".sources");
        return notes != x.Notes || x.Aliases.IsDefault || x.Roles.IsDefault ? x with { Notes = notes, Aliases = Or(x.Aliases), Roles = Or(x.Roles) } : x;
    }
}

internal static partial class ModelWriter
{
    private static PersonDto Person(Person p) => new()
    {
        Id = p.Id.Value, Name = p.Name, Aliases = Strings(p.Aliases), Country = p.Country?.Value,
        Roles = List(p.Roles, r => new RoleDto { Title = r.Title, Organization = r.Organization?.Value, From = Text(r.From), Until = Text(r.Until), Sources = Strings(r.Sources) }),
        Notes = Notes(p.Notes), Sources = Strings(p.Sources),
    };
}

internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void Person(Person p)
        {
            w.Write(p.Id.Value); w.Write(p.Name); Strings(p.Aliases); Country(p.Country);
            Array(p.Roles, r => { w.Write(r.Title); Org(r.Organization); Partial(r.From); Partial(r.Until); Sources(r.Sources); });
            Notes(p.Notes); Sources(p.Sources);
        }
    }

    private sealed partial class Reader
    {
        private Person Person()
        {
            var id = new PersonId(Str());
            string name = Str();
            var aliases = Strings();
            var country = OptCountry();
            var roles = new PersonRole[Count()];
            for (int i = 0; i < roles.Length; i++) roles[i] = new PersonRole(Str(), OptOrg(), Partial(), Partial(), Sources());
            return new Person { Id = id, Name = name, Aliases = aliases, Country = country, Roles = Wrap(roles), Notes = Notes(), Sources = Sources() };
        }
    }
}

// The kind's columns in the export tables (docs/export.md); ExportTables names and describes the tables.
internal static partial class ExportColumns
{
    public static Columns<Person> People() => new Columns<Person>()
            .Text("person_id", "The stable id.", p => p.Id.Value, nullable: false)
            .Text("name", "The name, correctly spelled.", p => p.Name, nullable: false)
            .Text("aliases", "Other spellings, separated by ';'.", p => Columns<Person>.List(p.Aliases))
            .Text("country_code", "The person's country, if recorded.", p => p.Country?.Value)
            .Sources(p => p.Sources);

    public static Columns<(Person Person, int Position)> PersonRoles() => new Columns<(Person Person, int Position)>()
            .Text("person_id", "The person.", r => r.Person.Id.Value, nullable: false)
            .Int32("position", "The role's position in the person's list, from 0.", r => r.Position, nullable: false)
            .Text("title", "The title, e.g. President of the Defence Industry Agency.", r => r.Person.Roles[r.Position].Title, nullable: false)
            .Text("organization_id", "The body, if recorded.", r => r.Person.Roles[r.Position].Organization?.Value)
            .PartialDate("from", "When the role began", r => r.Person.Roles[r.Position].From)
            .PartialDate("until", "When it ended", r => r.Person.Roles[r.Position].Until)
            .Sources(r => r.Person.Roles[r.Position].Sources);
}
