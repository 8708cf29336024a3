using System.Collections.Immutable;
using DefenseCoop.Data;

namespace DefenseCoop.Export;

/// <summary>
/// The tables of the export, in the order an export writes them: a stable, documented shape of the
/// catalog (<c>docs/export.md</c>). Column names and types change only with the package's major version;
/// new columns may be appended.
/// </summary>
public static class ExportTables
{
    /// <summary>Gets the <c>sources</c> table: one row per source the exported rows cite, with its licence and citation.</summary>
    public static ExportTable Sources { get; } = new("sources", "One row per source the exported rows cite.", new TableRows<Source>(
        s => s.CitedSources, _ => default, ExportColumns.Sources()));

    /// <summary>Gets the <c>countries</c> table: one row per country, with its codes in every scheme.</summary>
    public static ExportTable Countries { get; } = new("countries", "One row per state, current or historical, with its codes in every scheme.", new TableRows<Country>(
        s => s.Countries, c => c.Sources, ExportColumns.Countries()));

    /// <summary>Gets the <c>country_aliases</c> table: one row per name another dataset uses for a country.</summary>
    public static ExportTable CountryAliases { get; } = new("country_aliases", "One row per name another dataset or usage gives a country.", new TableRows<(Country Country, CountryAlias Alias)>(
        s => s.Countries?.SelectMany(c => c.Aliases.Select(a => (c, a))), r => r.Country.Sources, ExportColumns.CountryAliases()));

    /// <summary>Gets the <c>country_memberships</c> table: one row per membership of an organization, with its dates.</summary>
    public static ExportTable CountryMemberships { get; } = new("country_memberships", "One row per membership (or candidacy) of a country in an organization.", new TableRows<(Country Country, Membership Membership)>(
        s => s.Countries?.SelectMany(c => c.Memberships.Select(m => (c, m))), r => r.Membership.Sources, ExportColumns.CountryMemberships()));

    /// <summary>Gets the <c>organizations</c> table.</summary>
    public static ExportTable Organizations { get; } = new("organizations", "One row per company, agency, ministry, armed force, alliance or other body.", new TableRows<Organization>(
        s => s.Organizations, o => o.Sources, ExportColumns.Organizations()));

    /// <summary>Gets the <c>systems</c> table.</summary>
    public static ExportTable Systems { get; } = new("systems", "One row per weapon system, platform or munition.", new TableRows<DefenseSystem>(
        s => s.Systems, d => d.Sources, ExportColumns.Systems()));

    /// <summary>Gets the <c>agreements</c> table.</summary>
    public static ExportTable Agreements { get; } = new("agreements", "One row per agreement, protocol, contract, ratification or embargo.", new TableRows<Agreement>(
        s => s.Agreements, a => a.Sources, ExportColumns.Agreements()));

    /// <summary>Gets the <c>agreement_parties</c> table: one row per party of an agreement, in its role.</summary>
    public static ExportTable AgreementParties { get; } = new("agreement_parties", "One row per party to an agreement, in its role.", new TableRows<(Agreement Agreement, int Position)>(
        s => s.Agreements?.SelectMany(a => Enumerable.Range(0, a.Parties.Length).Select(i => (a, i))), r => r.Agreement.Sources, ExportColumns.AgreementParties()));

    /// <summary>Gets the <c>agreement_status_changes</c> table: one row per dated change in an agreement's status.</summary>
    public static ExportTable AgreementStatusChanges { get; } = new("agreement_status_changes", "One row per change in an agreement's status, in the order of its history.", new TableRows<(Agreement Agreement, int Position)>(
        s => s.Agreements?.SelectMany(a => Enumerable.Range(0, a.StatusHistory.Length).Select(i => (a, i))),
        r => new RowSources(r.Agreement.Sources, r.Agreement.StatusHistory[r.Position].Sources), ExportColumns.AgreementStatusChanges()));

    /// <summary>Gets the <c>trade_flows</c> table, with an arms-transfer register's deal fields and both its clocks (order year and delivery years).</summary>
    public static ExportTable TradeFlows { get; } = new("trade_flows", "One row per trade flow: an arms transfer, exports, licences, a delivery, a contract value or a bilateral total.", new TableRows<TradeFlow>(
        s => s.Trade, f => f.Sources, ExportColumns.TradeFlows()));

    /// <summary>Gets the <c>trade_flow_delivery_years</c> table: one row per year in which a deal delivered.</summary>
    public static ExportTable TradeFlowDeliveryYears { get; } = new("trade_flow_delivery_years", "One row per delivery year of a deal (the second clock of a transfer).", new TableRows<(TradeFlow Flow, int Year)>(
        s => s.Trade?.Where(f => f.Deal is { DeliveryYears.IsDefaultOrEmpty: false }).SelectMany(f => f.Deal!.DeliveryYears.Select(y => (f, y))), r => r.Flow.Sources,
        ExportColumns.TradeFlowDeliveryYears()));

    /// <summary>Gets the <c>spending</c> table: one row per figure, with its measure, currency, price basis and flags.</summary>
    public static ExportTable Spending { get; } = new("spending", "One row per spending figure: a country's (or organization's) value of a measure in a year, from one source.", new TableRows<SpendingObservation>(
        s => s.Spending, o => new RowSources(o.Source), ExportColumns.Spending()));

    /// <summary>Gets the <c>events</c> table.</summary>
    public static ExportTable Events { get; } = new("events", "One row per event: a meeting, exhibition, statement, request or other act that is neither an agreement nor a flow.", new TableRows<Event>(
        s => s.Events, e => e.Sources, ExportColumns.Events()));

    /// <summary>Gets the <c>reported_values</c> table: every figure pages report for one agreement or trade flow, where they disagree.</summary>
    public static ExportTable ReportedValues { get; } = new("reported_values", "One row per figure that pages report for an agreement or a trade flow whose pages disagree; the record's value is its first figure.",
        new TableRows<(string Kind, string Id, int Position, ReportedValue Value)>(
            s => (s.Agreements?.SelectMany(a => a.ReportedValues.Select((v, i) => ("agreement", a.Id.Value, i, v))) ?? [])
                .Concat(s.Trade?.SelectMany(f => f.ReportedValues.Select((v, i) => ("trade_flow", f.Id.Value, i, v))) ?? []),
            r => r.Value.Sources, new Columns<(string Kind, string Id, int Position, ReportedValue Value)>()
            .Text("record_kind", "agreement or trade_flow.", r => r.Kind, nullable: false)
            .Text("record_id", "The agreement's or flow's id.", r => r.Id, nullable: false)
            .Int32("position", "The figure's position, from 0; the figure at 0 is the record's value.", r => r.Position, nullable: false)
            .Money("value", "The figure", r => r.Value.Value)
            .Sources(r => r.Value.Sources)
            .Caveats(r => r.Value.Caveats)));

    /// <summary>Gets the <c>people</c> table: one row per person who acts in the records.</summary>
    public static ExportTable People { get; } = new("people", "One row per person who signs, takes part or holds a role in the records.", new TableRows<Person>(
        s => s.People, p => p.Sources, ExportColumns.People()));

    /// <summary>Gets the <c>person_roles</c> table: one row per role a person held.</summary>
    public static ExportTable PersonRoles { get; } = new("person_roles", "One row per role a person held, as the sources describe it at the time of the acts recorded.",
        new TableRows<(Person Person, int Position)>(
            s => s.People?.SelectMany(p => p.Roles.Select((_, i) => (p, i))), r => r.Person.Roles[r.Position].Sources, ExportColumns.PersonRoles()));

    /// <summary>Gets the <c>agreement_signatories</c> table: one row per person who signed an agreement, in the role held.</summary>
    public static ExportTable AgreementSignatories { get; } = new("agreement_signatories", "One row per signatory of an agreement, in the role held when signing.",
        new TableRows<(Agreement Agreement, int Position)>(
            s => s.Agreements?.SelectMany(a => a.Signatories.Select((_, i) => (a, i))), r => r.Agreement.Sources, ExportColumns.AgreementSignatories()));

    /// <summary>Gets the <c>event_participants</c> table: one row per person taking part in an event.</summary>
    public static ExportTable EventParticipants { get; } = new("event_participants", "One row per person taking part in an event, in the role recorded.",
        new TableRows<(Event Event, int Position)>(
            s => s.Events?.SelectMany(e => e.People.Select((_, i) => (e, i))), r => r.Event.Sources, ExportColumns.EventParticipants()));

    /// <summary>Gets the <c>notes</c> table: one row per attributed note of an exported record.</summary>
    public static ExportTable Notes { get; } = new("notes", "One row per attributed note: a claim a source makes about a record, in this library's words.",
        new TableRows<(string Kind, string Id, int Position, AttributedNote Note)>(
            s => NotesOf(s), r => r.Note.Sources, new Columns<(string Kind, string Id, int Position, AttributedNote Note)>()
            .Text("record_kind", "organization, person, system, agreement, spending_series, trade_flow or event.", r => r.Kind, nullable: false)
            .Text("record_id", "The record's id.", r => r.Id, nullable: false)
            .Int32("position", "The note's position in the record's list, from 0.", r => r.Position, nullable: false)
            .Text("text", "The claim, in this library's words.", r => r.Note.Text, nullable: false)
            .Sources(r => r.Note.Sources)
            .Caveats(r => r.Note.Caveats)));

    private static IEnumerable<(string, string, int, AttributedNote)> NotesOf(ExportSelection s)
    {
        static IEnumerable<(string, string, int, AttributedNote)> Of<T>(IEnumerable<T>? records, string kind, Func<T, string> id, Func<T, ImmutableArray<AttributedNote>> notes) =>
            records?.SelectMany(r => notes(r).Select((n, i) => (kind, id(r), i, n))) ?? [];
        return Of(s.Organizations, "organization", o => o.Id.Value, o => o.Notes)
            .Concat(Of(s.People, "person", p => p.Id.Value, p => p.Notes))
            .Concat(Of(s.Systems, "system", d => d.Id.Value, d => d.Notes))
            .Concat(Of(s.Agreements, "agreement", a => a.Id.Value, a => a.Notes))
            .Concat(Of(s.Spending?.Select(o => o.Series).Distinct(ReferenceEqualityComparer.Instance).Cast<SpendingSeries>(), "spending_series", x => x.Id.Value, x => x.Notes))
            .Concat(Of(s.Trade, "trade_flow", f => f.Id.Value, f => f.Notes))
            .Concat(Of(s.Events, "event", e => e.Id.Value, e => e.Notes));
    }

    /// <summary>Gets every table, in the order an export writes them.</summary>
    public static ImmutableArray<ExportTable> All { get; } =
    [
        Countries, CountryAliases, CountryMemberships, Organizations, Systems, Agreements, AgreementParties, AgreementStatusChanges,
        TradeFlows, TradeFlowDeliveryYears, ReportedValues, Spending, Events, People, PersonRoles, AgreementSignatories, EventParticipants, Notes, Sources,
    ];

    /// <summary>Finds a table by name.</summary>
    /// <exception cref="ArgumentException">No table has that name.</exception>
    public static ExportTable Get(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"There is no table '{name}'; the tables are: {string.Join(", ", All.Select(t => t.Name))}.", nameof(name));

    // Names by language in a stable order, so that the same catalog exports the same text.
    internal static string? NamesText(IReadOnlyDictionary<string, string> names) =>
        Columns<Country>.List(names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key}={n.Value}"));

    internal static string? AliasIn(Country country, NameScheme scheme) =>
        country.Aliases.FirstOrDefault(a => a.Scheme == scheme && a.Name != country.Name)?.Name;
}
