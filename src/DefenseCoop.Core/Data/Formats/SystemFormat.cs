using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of a defence system, in one place: the data file's transfer objects, the direct
// reader's properties, the parsing of its text into the model record and the kind's model rules (which
// records made in code go through too), the writer back to the file format, and the snapshot's writer
// and reader. Adding a field to the kind changes the model, this file, the JSON Schema and the docs
// (docs/data-format.md, "Where a kind's format lives").

internal sealed class SystemDto : RecordDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string?>? Aliases { get; set; }
    public string? Category { get; set; }
    public string? Manufacturer { get; set; }
    public string? Country { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<string?>? Sources { get; set; }
}

internal ref partial struct DataFileReader
{
    private static bool SystemMembers(ref DataFileReader r, SystemDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("id"u8)) d.Id = r.Id();
        else if (name.SequenceEqual("name"u8)) d.Name = r.String();
        else if (name.SequenceEqual("aliases"u8)) d.Aliases = r.Strings();
        else if (name.SequenceEqual("category"u8)) d.Category = r.String();
        else if (name.SequenceEqual("manufacturer"u8)) d.Manufacturer = r.String();
        else if (name.SequenceEqual("country"u8)) d.Country = r.String();
        else if (name.SequenceEqual("notes"u8)) d.Notes = r.Objects<NoteDto>(NoteMembers);
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Strings();
        else return r.Replaces(d);
        return true;
    }
}

internal sealed partial class DataValidator
{
    private DefenseSystem ParseSystem(SystemDto d, Loc p) => new()
    {
        Id = ParseId(d.Id, p + ".id", s => new SystemId(s)), Name = d.Name!, Category = Enum<SystemCategory>(d.Category, p + ".category"),
        Aliases = ParseStrings(d.Aliases), Manufacturer = ParseOptionalId(d.Manufacturer, p + ".manufacturer", s => new OrganizationId(s)),
        Country = ParseCode(d.Country, p + ".country"), Notes = ParseNotes(d.Notes, p + ".notes"), Sources = ParseIds(d.Sources, p + ".sources", s => new SourceId(s)),
    };

    // The kind's model rules, for a file's records once parsed and for records made in code alike.
    private DefenseSystem? CheckSystem(DefenseSystem s, Loc p, bool? replaces)
    {
        Declared(s.Id.Value, p + ".id", Target.System, replaces);
        Text(s.Name, p + ".name");
        Defined(s.Category, p + ".category");
        Reference(s.Manufacturer?.Value, p + ".manufacturer", Target.Organization);
        Strings(s.Aliases, p + ".aliases");
        CountryRef(s.Country, p + ".country");
        var notes = Notes(s.Notes, p + ".notes");
        Sources(s.Sources, p + ".sources");
        return notes != s.Notes || s.Aliases.IsDefault ? s with { Notes = notes, Aliases = Or(s.Aliases) } : s;
    }
}

internal static partial class ModelWriter
{
    private static SystemDto System(DefenseSystem s) => new()
    {
        Id = s.Id.Value, Name = s.Name, Aliases = Strings(s.Aliases), Category = s.Category.ToString(), Manufacturer = s.Manufacturer?.Value,
        Country = s.Country?.Value, Notes = Notes(s.Notes), Sources = Strings(s.Sources),
    };
}

internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void System(DefenseSystem s)
        {
            w.Write(s.Id.Value); w.Write(s.Name); Strings(s.Aliases); w.Write((int)s.Category); Org(s.Manufacturer); Country(s.Country);
            Notes(s.Notes); Sources(s.Sources);
        }
    }

    private sealed partial class Reader
    {
        private DefenseSystem System() => new()
        {
            Id = new SystemId(Str()), Name = Str(), Aliases = Strings(), Category = (SystemCategory)r.ReadInt32(), Manufacturer = OptOrg(),
            Country = OptCountry(), Notes = Notes(), Sources = Sources(),
        };
    }
}

// The kind's columns in the export tables (docs/export.md); ExportTables names and describes the tables.
internal static partial class ExportColumns
{
    public static Columns<DefenseSystem> Systems() => new Columns<DefenseSystem>()
            .Text("system_id", "The stable id.", d => d.Id.Value, nullable: false)
            .Text("name", "The name.", d => d.Name, nullable: false)
            .Text("category", "Ucav, Uav, ArmoredVehicle, Missile, ...", d => d.Category.ToString(), nullable: false)
            .Text("manufacturer_id", "The manufacturer (an organization id).", d => d.Manufacturer?.Value)
            .Text("country_code", "The country of origin.", d => d.Country?.Value)
            .Text("aliases", "Other names and designations, separated by ';'.", d => Columns<DefenseSystem>.List(d.Aliases))
            .Sources(d => d.Sources);
}
