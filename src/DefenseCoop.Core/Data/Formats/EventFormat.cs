using System.Collections.Immutable;
using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of an event, in one place: the data file's transfer objects, the direct
// reader's properties, the parsing of its text into the model record and the kind's model rules (which
// records made in code go through too), the writer back to the file format, and the snapshot's writer
// and reader. Adding a field to the kind changes the model, this file, the JSON Schema and the docs
// (docs/data-format.md, "Where a kind's format lives").

internal sealed class ParticipantDto : Dto
{
    public string? Person { get; set; }
    public string? Title { get; set; }
}
internal sealed class EventDto : RecordDto
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? Until { get; set; }
    public string? Place { get; set; }
    public List<string?>? Countries { get; set; }
    public List<string?>? Organizations { get; set; }
    public List<ParticipantDto?>? People { get; set; }
    public List<string?>? Systems { get; set; }
    public List<string?>? Agreements { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<CitationDto?>? Sources { get; set; }
}

internal ref partial struct DataFileReader
{
    private static bool ParticipantMembers(ref DataFileReader r, ParticipantDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("person"u8)) d.Person = r.String();
        else if (name.SequenceEqual("title"u8)) d.Title = r.String();
        else return false;
        return true;
    }

    private static bool EventMembers(ref DataFileReader r, EventDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("id"u8)) d.Id = r.Id();
        else if (name.SequenceEqual("kind"u8)) d.Kind = r.String();
        else if (name.SequenceEqual("title"u8)) d.Title = r.String();
        else if (name.SequenceEqual("date"u8)) d.Date = r.String();
        else if (name.SequenceEqual("until"u8)) d.Until = r.String();
        else if (name.SequenceEqual("place"u8)) d.Place = r.String();
        else if (name.SequenceEqual("countries"u8)) d.Countries = r.Strings();
        else if (name.SequenceEqual("organizations"u8)) d.Organizations = r.Strings();
        else if (name.SequenceEqual("people"u8)) d.People = r.Objects<ParticipantDto>(ParticipantMembers);
        else if (name.SequenceEqual("systems"u8)) d.Systems = r.Strings();
        else if (name.SequenceEqual("agreements"u8)) d.Agreements = r.Strings();
        else if (name.SequenceEqual("notes"u8)) d.Notes = r.Objects<NoteDto>(NoteMembers);
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Citations();
        else return r.Replaces(d);
        return true;
    }
}

internal sealed partial class DataValidator
{
    private Event ParseEvent(EventDto d, Loc p)
    {
        var (sources, caveats) = ParseCitations(d.Sources, p + ".sources");
        return new Event
        {
            Id = ParseId(d.Id, p + ".id", s => new EventId(s)), Kind = Enum<EventKind>(d.Kind, p + ".kind"), Title = d.Title!,
            Date = ParseDate(d.Date, p + ".date"), Until = ParseDate(d.Until, p + ".until"), Place = d.Place,
            Countries = ParseCountries(d.Countries, p + ".countries"), Organizations = ParseIds(d.Organizations, p + ".organizations", s => new OrganizationId(s)),
            People = Parsed(d.People, p + ".people", "A participant", (x, pp) => new Participant(ParseId(x.Person, pp + ".person", s => new PersonId(s)), x.Title)),
            Systems = ParseIds(d.Systems, p + ".systems", s => new SystemId(s)), Agreements = ParseIds(d.Agreements, p + ".agreements", s => new AgreementId(s)),
            Notes = ParseNotes(d.Notes, p + ".notes"), Sources = sources, Caveats = caveats,
        };
    }

    // The kind's model rules, for a file's records once parsed and for records made in code alike.
    private Event? CheckEvent(Event e, Loc p, bool? replaces)
    {
        Declared(e.Id.Value, p + ".id", Target.Event, replaces);
        Defined(e.Kind, p + ".kind");
        Text(e.Title, p + ".title");
        Items(e.People, p + ".people", "A participant", (x, pp) =>
        {
            Reference(x.Person.Value, pp + ".person", Target.Person);
            Text(x.Title, pp + ".title", false);
        });
        Date(e.Date, p + ".date");
        Date(e.Until, p + ".until");
        if (e.Date is { } from && e.Until is { } to && to < from) Issue(p + ".until", DataRule.InvalidValue, "An event cannot end before it begins.");
        var caveats = Citations(e.Sources, e.Caveats, p + ".sources");
        Text(e.Place, p + ".place", false);
        Countries(e.Countries, p + ".countries");
        References(e.Organizations, p + ".organizations", Target.Organization, o => o.Value);
        References(e.Systems, p + ".systems", Target.System, s => s.Value);
        References(e.Agreements, p + ".agreements", Target.Agreement, a => a.Value);
        var notes = Notes(e.Notes, p + ".notes");
        return caveats == e.Caveats && notes == e.Notes && !e.Countries.IsDefault && !e.Organizations.IsDefault && !e.People.IsDefault
            && !e.Systems.IsDefault && !e.Agreements.IsDefault
            ? e
            : e with
            {
                Caveats = caveats, Notes = notes, Countries = Or(e.Countries), Organizations = Or(e.Organizations), People = Or(e.People),
                Systems = Or(e.Systems), Agreements = Or(e.Agreements),
            };
    }
}

internal static partial class ModelWriter
{
    private static EventDto Event(Event e) => new()
    {
        Id = e.Id.Value, Kind = e.Kind.ToString(), Title = e.Title, Date = Text(e.Date), Until = Text(e.Until), Place = e.Place,
        Countries = Strings(e.Countries), Organizations = Strings(e.Organizations),
        People = List(e.People, p => new ParticipantDto { Person = p.Person.Value, Title = p.Title }),
        Systems = Strings(e.Systems), Agreements = Strings(e.Agreements), Notes = Notes(e.Notes), Sources = Citations(e.Sources, e.Caveats),
    };
}

internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void Event(Event e)
        {
            w.Write(e.Id.Value); w.Write((int)e.Kind); w.Write(e.Title); Partial(e.Date); Partial(e.Until); Opt(e.Place);
            Array(e.Countries, x => w.Write(x.Value));
            Array(e.Organizations, x => w.Write(x.Value));
            Array(e.People, p => { w.Write(p.Person.Value); Opt(p.Title); });
            Array(e.Systems, x => w.Write(x.Value));
            Array(e.Agreements, x => w.Write(x.Value));
            Notes(e.Notes); Sources(e.Sources); Caveats(e.Caveats);
        }
    }

    private sealed partial class Reader
    {
        private Event Event()
        {
            var id = new EventId(Str());
            var kind = (EventKind)r.ReadInt32();
            string title = Str();
            var date = Partial();
            var until = Partial();
            string? place = OptStr();
            var countries = Countries();
            var organizations = Organizations();
            var people = new Participant[Count()];
            for (int i = 0; i < people.Length; i++) people[i] = new Participant(new PersonId(Str()), OptStr());
            var systems = Systems();
            var agreements = new AgreementId[Count()];
            for (int i = 0; i < agreements.Length; i++) agreements[i] = new AgreementId(Str());
            return new Event
            {
                Id = id, Kind = kind, Title = title, Date = date, Until = until, Place = place, Countries = countries, Organizations = organizations,
                People = Wrap(people), Systems = systems, Agreements = Wrap(agreements), Notes = Notes(), Sources = Sources(), Caveats = Caveats(),
            };
        }
    }
}

// The kind's columns in the export tables (docs/export.md); ExportTables names and describes the tables.
internal static partial class ExportColumns
{
    public static Columns<Event> Events() => new Columns<Event>()
            .Text("event_id", "The stable id.", e => e.Id.Value, nullable: false)
            .Text("kind", "Meeting, Exhibition, Statement, Request, ProcurementInterest, ...", e => e.Kind.ToString(), nullable: false)
            .Text("title", "The title, in this library's words.", e => e.Title, nullable: false)
            .PartialDate("date", "When it happened (or began)", e => e.Date)
            .PartialDate("until", "When it ended", e => e.Until)
            .Text("place", "Where it happened.", e => e.Place)
            .Text("countries", "The countries involved, separated by ';'.", e => Columns<Event>.List(e.Countries))
            .Text("organizations", "The organizations involved, separated by ';'.", e => Columns<Event>.List(e.Organizations))
            .Text("systems", "The systems involved, separated by ';'.", e => Columns<Event>.List(e.Systems))
            .Text("agreements", "Related agreements, separated by ';'.", e => Columns<Event>.List(e.Agreements))
            .Sources(e => e.Sources)
            .Caveats(e => e.Caveats);

    public static Columns<(Event Event, int Position)> EventParticipants() => new Columns<(Event Event, int Position)>()
            .Text("event_id", "The event.", r => r.Event.Id.Value, nullable: false)
            .Int32("position", "The participant's position in the event's list, from 0.", r => r.Position, nullable: false)
            .Text("person_id", "The person (see people).", r => r.Event.People[r.Position].Person.Value, nullable: false)
            .Text("title", "The role held, if recorded.", r => r.Event.People[r.Position].Title)
            .Sources(r => r.Event.Sources);
}
