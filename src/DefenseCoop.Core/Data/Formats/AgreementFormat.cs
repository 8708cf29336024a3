using System.Collections.Immutable;
using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of an agreement, in one place: the data file's transfer objects, the direct
// reader's properties, the parsing of its text into the model record and the kind's model rules (which
// records made in code go through too), the writer back to the file format, and the snapshot's writer
// and reader. Adding a field to the kind changes the model, this file, the JSON Schema and the docs
// (docs/data-format.md, "Where a kind's format lives").

internal sealed class PartyDto : Dto
{
    public string? Country { get; set; }
    public string? Organization { get; set; }
    public string? Role { get; set; }
}
internal sealed class SignatoryDto : Dto
{
    public string? Person { get; set; }
    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? Country { get; set; }
}
internal sealed class StatusDto : Dto
{
    public string? Status { get; set; }
    public string? Date { get; set; }
    public List<CitationDto?>? Sources { get; set; }
}
internal sealed class AgreementDto : RecordDto
{
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public List<PartyDto?>? Parties { get; set; }
    public List<SignatoryDto?>? Signatories { get; set; }
    public string? Signed { get; set; }
    public string? Place { get; set; }
    public List<StatusDto?>? Status { get; set; }
    public List<string?>? Areas { get; set; }
    public List<string?>? Systems { get; set; }
    public string? PartOf { get; set; }
    public MoneyDto? Value { get; set; }
    public List<ReportedValueDto?>? ReportedValues { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<CitationDto?>? Sources { get; set; }
}

internal ref partial struct DataFileReader
{
    private static bool PartyMembers(ref DataFileReader r, PartyDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("country"u8)) d.Country = r.String();
        else if (name.SequenceEqual("organization"u8)) d.Organization = r.String();
        else if (name.SequenceEqual("role"u8)) d.Role = r.String();
        else return false;
        return true;
    }

    private static bool SignatoryMembers(ref DataFileReader r, SignatoryDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("person"u8)) d.Person = r.String();
        else if (name.SequenceEqual("title"u8)) d.Title = r.String();
        else if (name.SequenceEqual("organization"u8)) d.Organization = r.String();
        else if (name.SequenceEqual("country"u8)) d.Country = r.String();
        else return false;
        return true;
    }

    private static bool StatusMembers(ref DataFileReader r, StatusDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("status"u8)) d.Status = r.String();
        else if (name.SequenceEqual("date"u8)) d.Date = r.String();
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Citations();
        else return false;
        return true;
    }

    private static bool AgreementMembers(ref DataFileReader r, AgreementDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("id"u8)) d.Id = r.Id();
        else if (name.SequenceEqual("title"u8)) d.Title = r.String();
        else if (name.SequenceEqual("kind"u8)) d.Kind = r.String();
        else if (name.SequenceEqual("parties"u8)) d.Parties = r.Objects<PartyDto>(PartyMembers);
        else if (name.SequenceEqual("signatories"u8)) d.Signatories = r.Objects<SignatoryDto>(SignatoryMembers);
        else if (name.SequenceEqual("signed"u8)) d.Signed = r.String();
        else if (name.SequenceEqual("place"u8)) d.Place = r.String();
        else if (name.SequenceEqual("status"u8)) d.Status = r.Objects<StatusDto>(StatusMembers);
        else if (name.SequenceEqual("areas"u8)) d.Areas = r.Strings();
        else if (name.SequenceEqual("systems"u8)) d.Systems = r.Strings();
        else if (name.SequenceEqual("partOf"u8)) d.PartOf = r.String();
        else if (name.SequenceEqual("value"u8)) d.Value = r.Object<MoneyDto>(MoneyMembers);
        else if (name.SequenceEqual("reportedValues"u8)) d.ReportedValues = r.Objects<ReportedValueDto>(ReportedValueMembers);
        else if (name.SequenceEqual("notes"u8)) d.Notes = r.Objects<NoteDto>(NoteMembers);
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Citations();
        else return r.Replaces(d);
        return true;
    }
}

internal sealed partial class DataValidator
{
    private Agreement ParseAgreement(AgreementDto d, Loc p)
    {
        var (sources, caveats) = ParseCitations(d.Sources, p + ".sources");
        var (value, reported) = ParseValues(d.Value, d.ReportedValues, p);
        return new Agreement
        {
            Id = ParseId(d.Id, p + ".id", s => new AgreementId(s)), Title = d.Title!, Kind = Enum<AgreementKind>(d.Kind, p + ".kind"),
            Parties = Parsed(d.Parties, p + ".parties", "A party", (x, pp) => new AgreementParty(ParseCode(x.Country, pp + ".country"),
                ParseOptionalId(x.Organization, pp + ".organization", s => new OrganizationId(s)), Enum<PartyRole>(x.Role, pp + ".role"))),
            Signatories = Parsed(d.Signatories, p + ".signatories", "A signatory", (s, sp) => new Signatory(ParseId(s.Person, sp + ".person", x => new PersonId(x)), s.Title!,
                ParseOptionalId(s.Organization, sp + ".organization", x => new OrganizationId(x)), ParseCode(s.Country, sp + ".country"))),
            SignedOn = ParseDate(d.Signed, p + ".signed"), Place = d.Place,
            StatusHistory = Parsed(d.Status, p + ".status", "A status change", (s, sp) =>
            {
                var (changeSources, changeCaveats) = ParseCitations(s.Sources, sp + ".sources");
                return new StatusChange(Enum<AgreementStatus>(s.Status, sp + ".status"), ParseDate(s.Date, sp + ".date"), changeSources) { Caveats = changeCaveats };
            }),
            Areas = ParseEnums<CooperationArea>(d.Areas, p + ".areas"), Systems = ParseIds(d.Systems, p + ".systems", s => new SystemId(s)),
            PartOf = ParseOptionalId(d.PartOf, p + ".partOf", s => new AgreementId(s)), Value = value, ReportedValues = reported,
            Notes = ParseNotes(d.Notes, p + ".notes"), Sources = sources, Caveats = caveats,
        };
    }

    // The kind's model rules, for a file's records once parsed and for records made in code alike.
    private Agreement? CheckAgreement(Agreement a, Loc p, bool? replaces)
    {
        Declared(a.Id.Value, p + ".id", Target.Agreement, replaces);
        Text(a.Title, p + ".title");
        Defined(a.Kind, p + ".kind");
        if (a.Parties.IsDefaultOrEmpty) Issue(p + ".parties", DataRule.MissingValue, "An agreement has at least one party.");
        Items(a.Parties, p + ".parties", "A party", (party, pp) =>
        {
            if ((party.Country is null) == (party.Organization is null))
            {
                Issue(pp, DataRule.InvalidValue, "A party names exactly one of 'country' and 'organization'.");
                return;
            }
            CountryRef(party.Country, pp + ".country");
            Reference(party.Organization?.Value, pp + ".organization", Target.Organization);
            Defined(party.Role, pp + ".role");
        });
        Items(a.Signatories, p + ".signatories", "A signatory", (s, sp) =>
        {
            Reference(s.Person.Value, sp + ".person", Target.Person);
            Text(s.Title, sp + ".title");
            Reference(s.Organization?.Value, sp + ".organization", Target.Organization);
            CountryRef(s.Country, sp + ".country");
        });
        var history = Or(a.StatusHistory);
        ImmutableArray<StatusChange>.Builder? changed = null;
        for (int i = 0; i < history.Length; i++)
        {
            var sp = (p + ".status")[i];
            var change = history[i];
            if (change is null) { if (!_parsed) Issue(sp, DataRule.MissingValue, "A status change is null."); }
            else
            {
                Defined(change.Status, sp + ".status");
                Date(change.Date, sp + ".date");
                var changeCaveats = Citations(change.Sources, change.Caveats, sp + ".sources");
                if (changeCaveats != change.Caveats) change = change with { Caveats = changeCaveats };
            }
            Changed(ref changed, history, i, change!);
        }
        for (int i = 0; i < (a.Areas.IsDefault ? 0 : a.Areas.Length); i++) Defined(a.Areas[i], (p + ".areas")[i]);
        Reference(a.PartOf?.Value, p + ".partOf", Target.Agreement);
        Date(a.SignedOn, p + ".signed");
        Text(a.Place, p + ".place", false);
        References(a.Systems, p + ".systems", Target.System, s => s.Value);
        var notes = Notes(a.Notes, p + ".notes");
        var caveats = Citations(a.Sources, a.Caveats, p + ".sources");
        var (value, reported) = Values(a.Value, a.ReportedValues, a.Sources, p);
        // Stable sort: undated changes keep their place after the dated ones.
        var statusHistory = InDateOrder(changed?.MoveToImmutable() ?? history);
        return statusHistory == a.StatusHistory && notes == a.Notes && caveats == a.Caveats && Same(value, a.Value) && reported == a.ReportedValues
            && !a.Signatories.IsDefault && !a.Areas.IsDefault && !a.Systems.IsDefault
            ? a
            : a with
            {
                StatusHistory = statusHistory, Notes = notes, Caveats = caveats, Value = value, ReportedValues = reported,
                Signatories = Or(a.Signatories), Areas = Or(a.Areas), Systems = Or(a.Systems),
            };
    }

    // A stable sort by date, undated changes last. Most histories are short and already in order, so a
    // check comes first; any other order is sorted in O(n log n) (LINQ's OrderBy is stable).
    private static ImmutableArray<StatusChange> InDateOrder(ImmutableArray<StatusChange> history)
    {
        for (int i = 1; i < history.Length; i++)
            if (history[i - 1] is { } x && history[i] is { } y && DateOrder(x, y) > 0)
                return [.. history.OrderBy(s => s, Comparer<StatusChange>.Create(DateOrder))];
        return history;
    }

    private static int DateOrder(StatusChange x, StatusChange y) => (x?.Date, y?.Date) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } a, { } b) => a.CompareTo(b),
    };
}

internal static partial class ModelWriter
{
    private static AgreementDto Agreement(Agreement a) => new()
    {
        Id = a.Id.Value, Title = a.Title, Kind = a.Kind.ToString(),
        Parties = List(a.Parties, p => new PartyDto { Country = p.Country?.Value, Organization = p.Organization?.Value, Role = p.Role.ToString() }),
        Signatories = List(a.Signatories, s => new SignatoryDto { Person = s.Person.Value, Title = s.Title, Organization = s.Organization?.Value, Country = s.Country?.Value }),
        Signed = Text(a.SignedOn), Place = a.Place,
        Status = List(a.StatusHistory, s => new StatusDto { Status = s.Status.ToString(), Date = Text(s.Date), Sources = Citations(s.Sources, s.Caveats) }),
        Areas = Strings(a.Areas), Systems = Strings(a.Systems), PartOf = a.PartOf?.Value,
        Value = Values(a.Value, a.ReportedValues).Value, ReportedValues = Values(a.Value, a.ReportedValues).Reported,
        Notes = Notes(a.Notes), Sources = Citations(a.Sources, a.Caveats),
    };
}

internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void Agreement(Agreement a)
        {
            w.Write(a.Id.Value); w.Write(a.Title); w.Write((int)a.Kind);
            Array(a.Parties, p => { Country(p.Country); Org(p.Organization); w.Write((int)p.Role); });
            Array(a.Signatories, s => { w.Write(s.Person.Value); w.Write(s.Title); Org(s.Organization); Country(s.Country); });
            Partial(a.SignedOn); Opt(a.Place);
            Array(a.StatusHistory, c => { w.Write((int)c.Status); Partial(c.Date); Sources(c.Sources); Caveats(c.Caveats); });
            Array(a.Areas, x => w.Write((int)x));
            Array(a.Systems, x => w.Write(x.Value));
            Opt(a.PartOf?.Value); Money(a.Value); Reported(a.ReportedValues); Notes(a.Notes); Sources(a.Sources); Caveats(a.Caveats);
        }
    }

    private sealed partial class Reader
    {
        private Agreement Agreement()
        {
            var id = new AgreementId(Str());
            string title = Str();
            var kind = (AgreementKind)r.ReadInt32();
            var parties = new AgreementParty[Count()];
            for (int i = 0; i < parties.Length; i++) parties[i] = new AgreementParty(OptCountry(), OptOrg(), (PartyRole)r.ReadInt32());
            var signatories = new Signatory[Count()];
            for (int i = 0; i < signatories.Length; i++) signatories[i] = new Signatory(new PersonId(Str()), Str(), OptOrg(), OptCountry());
            var signed = Partial();
            string? place = OptStr();
            var history = new StatusChange[Count()];
            for (int i = 0; i < history.Length; i++) history[i] = new StatusChange((AgreementStatus)r.ReadInt32(), Partial(), Sources()) { Caveats = Caveats() };
            var areas = new CooperationArea[Count()];
            for (int i = 0; i < areas.Length; i++) areas[i] = (CooperationArea)r.ReadInt32();
            var systems = Systems();
            var partOf = OptStr() is { } whole ? new AgreementId(whole) : (AgreementId?)null;
            return new Agreement
            {
                Id = id, Title = title, Kind = kind, Parties = Wrap(parties), Signatories = Wrap(signatories), SignedOn = signed, Place = place,
                StatusHistory = Wrap(history), Areas = Wrap(areas), Systems = systems, PartOf = partOf, Value = Money(), ReportedValues = Reported(),
                Notes = Notes(), Sources = Sources(), Caveats = Caveats(),
            };
        }
    }
}

// The kind's columns in the export tables (docs/export.md); ExportTables names and describes the tables.
internal static partial class ExportColumns
{
    public static Columns<Agreement> Agreements() => new Columns<Agreement>()
            .Text("agreement_id", "The stable id.", a => a.Id.Value, nullable: false)
            .Text("kind", "MemorandumOfUnderstanding, DefenseCooperationAgreement, ..., Ratification, ArmsEmbargo.", a => a.Kind.ToString(), nullable: false)
            .Text("title", "The title, in this library's words.", a => a.Title, nullable: false)
            .PartialDate("signed", "When it was signed (an embargo imposed, a ratification voted)", a => a.SignedOn)
            .Text("place", "Where it was signed.", a => a.Place)
            .Text("countries", "The distinct countries among the parties, separated by ';' (see agreement_parties for roles).", a => Columns<Agreement>.List(a.Countries))
            .Text("status", "The latest status in its history, if any.", a => a.StatusHistory.IsDefaultOrEmpty ? null : a.StatusHistory[^1].Status.ToString())
            .Text("areas", "The areas of cooperation, separated by ';'.", a => Columns<Agreement>.List(a.Areas))
            .Text("systems", "The systems it concerns (system ids), separated by ';'.", a => Columns<Agreement>.List(a.Systems))
            .Text("part_of", "The agreement this one implements or belongs to.", a => a.PartOf?.Value)
            .Money("value", "Its value (the first reported figure where pages disagree; see reported_values)", a => a.Value)
            .Sources(a => a.Sources)
            .Caveats(a => a.Caveats);

    public static Columns<(Agreement Agreement, int Position)> AgreementParties() => new Columns<(Agreement Agreement, int Position)>()
            .Text("agreement_id", "The agreement.", r => r.Agreement.Id.Value, nullable: false)
            .Int32("position", "The party's position in the agreement's list, from 0.", r => r.Position, nullable: false)
            .Text("country_code", "The country, when the party is a state.", r => r.Agreement.Parties[r.Position].Country?.Value)
            .Text("organization_id", "The organization, when the party is a body.", r => r.Agreement.Parties[r.Position].Organization?.Value)
            .Text("role", "Party, Imposer, Target, Supplier, Recipient, Ratifier or Subject.", r => r.Agreement.Parties[r.Position].Role.ToString(), nullable: false)
            .Sources(r => r.Agreement.Sources);

    public static Columns<(Agreement Agreement, int Position)> AgreementStatusChanges() => new Columns<(Agreement Agreement, int Position)>()
            .Text("agreement_id", "The agreement.", r => r.Agreement.Id.Value, nullable: false)
            .Int32("position", "The change's position in the history, from 0.", r => r.Position, nullable: false)
            .Text("status", "Proposed, Negotiating, Signed, Ratified, InForce, Suspended, Lifted, Expired or Terminated.", r => r.Agreement.StatusHistory[r.Position].Status.ToString(), nullable: false)
            .PartialDate("date", "When it changed", r => r.Agreement.StatusHistory[r.Position].Date)
            .Sources(r => r.Agreement.StatusHistory[r.Position].Sources)
            .Caveats(r => r.Agreement.StatusHistory[r.Position].Caveats);

    public static Columns<(Agreement Agreement, int Position)> AgreementSignatories() => new Columns<(Agreement Agreement, int Position)>()
            .Text("agreement_id", "The agreement.", r => r.Agreement.Id.Value, nullable: false)
            .Int32("position", "The signatory's position in the agreement's list, from 0.", r => r.Position, nullable: false)
            .Text("person_id", "The person (see people).", r => r.Agreement.Signatories[r.Position].Person.Value, nullable: false)
            .Text("title", "The title held when signing.", r => r.Agreement.Signatories[r.Position].Title, nullable: false)
            .Text("organization_id", "The body signed for, if recorded.", r => r.Agreement.Signatories[r.Position].Organization?.Value)
            .Text("country_code", "The country signed for, if recorded.", r => r.Agreement.Signatories[r.Position].Country?.Value)
            .Sources(r => r.Agreement.Sources);
}
