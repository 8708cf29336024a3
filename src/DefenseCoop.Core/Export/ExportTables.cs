using System.Collections.Immutable;
using System.Globalization;

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
        s => s.CitedSources, _ => default, new Columns<Source>()
            .Text("source_id", "The source's stable id.", s => s.Id.Value, nullable: false)
            .Text("kind", "NewsReport, OfficialStatement, Dataset, TreatyText or ReferenceWork.", s => s.Kind.ToString(), nullable: false)
            .Text("publisher", "The publisher.", s => s.Publisher, nullable: false)
            .Text("title", "The title as published, in its language.", s => s.Title, nullable: false)
            .PartialDate("published", "The publication date", s => s.Published)
            .Text("language", "The language, a BCP 47 tag.", s => s.Language, nullable: false)
            .Text("url", "The address.", s => s.Url)
            .Text("author", "The author.", s => s.Author)
            .Text("edition", "The edition of a dataset or publication.", s => s.Edition)
            .Text("licence", "The licence of a dataset, as its publisher states it.", s => s.Licence)
            .Text("redistribution", "Open, Attribution or Restricted: whether rows citing the source may be redistributed (the rule: SourceTerms.Of).", s => SourceTerms.Of(s).Redistribution.ToString(), nullable: false)
            .Text("citation", "The citation to give.", s => SourceTerms.CitationOf(s), nullable: false)
            .Boolean("publication_date_not_shown", "The page shows no publication date (so a null published is the page's, not an omission).", s => s.PublicationDateNotShown)
            .Text("based_on", "The outlet a report says it draws on.", s => s.BasedOn)));

    /// <summary>Gets the <c>countries</c> table: one row per country, with its codes in every scheme.</summary>
    public static ExportTable Countries { get; } = new("countries", "One row per state, current or historical, with its codes in every scheme.", new TableRows<Country>(
        s => s.Countries, c => c.Sources, new Columns<Country>()
            .Text("country_code", "ISO 3166-1 alpha-2 (or this library's code for a historical state, e.g. SU).", c => c.Code.Value, nullable: false)
            .Text("iso_alpha3", "ISO 3166-1 alpha-3.", c => c.Alpha3, nullable: false)
            .Int32("iso_numeric", "ISO 3166-1 numeric, where one exists.", c => c.Numeric)
            .Int32("cow_code", "Correlates of War numeric state code.", c => int.TryParse(c.CodeIn(NameScheme.Cow), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : null)
            .Text("cow_abbreviation", "Correlates of War three-letter abbreviation.", c => c.CodeIn(NameScheme.CowAbbreviation))
            .Text("world_bank_code", "World Bank code, where recorded.", c => c.CodeIn(NameScheme.WorldBank))
            .Text("sipri_name", "The name SIPRI's databases use, where it differs from the English name.", c => AliasIn(c, NameScheme.Sipri))
            .Text("nato_name", "The name NATO's tables use, where it differs from the English name.", c => AliasIn(c, NameScheme.Nato))
            .Text("cow_name", "The name the Correlates of War state list uses, where it differs from the English name.", c => AliasIn(c, NameScheme.Cow))
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
            .Text("names", "Every name by language tag, as 'tag=name' separated by ';' (en always).", c => NamesText(c.Names))
            .Text("local_languages", "The tags of the country's own languages among its names, separated by ';'.", c => Columns<Country>.List(c.LocalLanguages))));

    /// <summary>Gets the <c>country_aliases</c> table: one row per name another dataset uses for a country.</summary>
    public static ExportTable CountryAliases { get; } = new("country_aliases", "One row per name another dataset or usage gives a country.", new TableRows<(Country Country, CountryAlias Alias)>(
        s => s.Countries?.SelectMany(c => c.Aliases.Select(a => (c, a))), r => r.Country.Sources, new Columns<(Country Country, CountryAlias Alias)>()
            .Text("country_code", "The country.", r => r.Country.Code.Value, nullable: false)
            .Text("scheme", "Common, Iso, Sipri, Nato, Cow, CowAbbreviation or WorldBank.", r => r.Alias.Scheme.ToString(), nullable: false)
            .Text("name", "The name as that dataset spells it.", r => r.Alias.Name, nullable: false)
            .Sources(r => r.Country.Sources)));

    /// <summary>Gets the <c>country_memberships</c> table: one row per membership of an organization, with its dates.</summary>
    public static ExportTable CountryMemberships { get; } = new("country_memberships", "One row per membership (or candidacy) of a country in an organization.", new TableRows<(Country Country, Membership Membership)>(
        s => s.Countries?.SelectMany(c => c.Memberships.Select(m => (c, m))), r => r.Membership.Sources, new Columns<(Country Country, Membership Membership)>()
            .Text("country_code", "The country.", r => r.Country.Code.Value, nullable: false)
            .Text("organization_id", "The organization, e.g. nato.", r => r.Membership.Organization.Value, nullable: false)
            .Text("role", "Member or Candidate.", r => r.Membership.Role.ToString(), nullable: false)
            .PartialDate("from", "When it began", r => r.Membership.From)
            .PartialDate("until", "When it ended", r => r.Membership.Until)
            .Sources(r => r.Membership.Sources)));

    /// <summary>Gets the <c>organizations</c> table.</summary>
    public static ExportTable Organizations { get; } = new("organizations", "One row per company, agency, ministry, armed force, alliance or other body.", new TableRows<Organization>(
        s => s.Organizations, o => o.Sources, new Columns<Organization>()
            .Text("organization_id", "The stable id.", o => o.Id.Value, nullable: false)
            .Text("kind", "Company, GovernmentAgency, Ministry, ArmedForces, Alliance, InternationalOrganization, ...", o => o.Kind.ToString(), nullable: false)
            .Text("country_code", "The country it belongs to; null for an intergovernmental body.", o => o.Country?.Value)
            .Text("name", "The English name.", o => o.Name, nullable: false)
            .Text("aliases", "Acronyms and other spellings, separated by ';'.", o => Columns<Organization>.List(o.Aliases))
            .Text("parent_id", "The parent body.", o => o.Parent?.Value)
            .Sources(o => o.Sources)
            .Text("names", "Names in other languages, as 'tag=name' separated by ';'.", o => NamesText(o.Names))));

    /// <summary>Gets the <c>systems</c> table.</summary>
    public static ExportTable Systems { get; } = new("systems", "One row per weapon system, platform or munition.", new TableRows<DefenseSystem>(
        s => s.Systems, d => d.Sources, new Columns<DefenseSystem>()
            .Text("system_id", "The stable id.", d => d.Id.Value, nullable: false)
            .Text("name", "The name.", d => d.Name, nullable: false)
            .Text("category", "Ucav, Uav, ArmoredVehicle, Missile, ...", d => d.Category.ToString(), nullable: false)
            .Text("manufacturer_id", "The manufacturer (an organization id).", d => d.Manufacturer?.Value)
            .Text("country_code", "The country of origin.", d => d.Country?.Value)
            .Text("aliases", "Other names and designations, separated by ';'.", d => Columns<DefenseSystem>.List(d.Aliases))
            .Sources(d => d.Sources)));

    /// <summary>Gets the <c>agreements</c> table.</summary>
    public static ExportTable Agreements { get; } = new("agreements", "One row per agreement, protocol, contract, ratification or embargo.", new TableRows<Agreement>(
        s => s.Agreements, a => a.Sources, new Columns<Agreement>()
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
            .Caveats(a => a.Caveats)));

    /// <summary>Gets the <c>agreement_parties</c> table: one row per party of an agreement, in its role.</summary>
    public static ExportTable AgreementParties { get; } = new("agreement_parties", "One row per party to an agreement, in its role.", new TableRows<(Agreement Agreement, int Position)>(
        s => s.Agreements?.SelectMany(a => Enumerable.Range(0, a.Parties.Length).Select(i => (a, i))), r => r.Agreement.Sources, new Columns<(Agreement Agreement, int Position)>()
            .Text("agreement_id", "The agreement.", r => r.Agreement.Id.Value, nullable: false)
            .Int32("position", "The party's position in the agreement's list, from 0.", r => r.Position, nullable: false)
            .Text("country_code", "The country, when the party is a state.", r => r.Agreement.Parties[r.Position].Country?.Value)
            .Text("organization_id", "The organization, when the party is a body.", r => r.Agreement.Parties[r.Position].Organization?.Value)
            .Text("role", "Party, Imposer, Target, Supplier, Recipient, Ratifier or Subject.", r => r.Agreement.Parties[r.Position].Role.ToString(), nullable: false)
            .Sources(r => r.Agreement.Sources)));

    /// <summary>Gets the <c>agreement_status_changes</c> table: one row per dated change in an agreement's status.</summary>
    public static ExportTable AgreementStatusChanges { get; } = new("agreement_status_changes", "One row per change in an agreement's status, in the order of its history.", new TableRows<(Agreement Agreement, int Position)>(
        s => s.Agreements?.SelectMany(a => Enumerable.Range(0, a.StatusHistory.Length).Select(i => (a, i))),
        r => new RowSources(r.Agreement.Sources, r.Agreement.StatusHistory[r.Position].Sources), new Columns<(Agreement Agreement, int Position)>()
            .Text("agreement_id", "The agreement.", r => r.Agreement.Id.Value, nullable: false)
            .Int32("position", "The change's position in the history, from 0.", r => r.Position, nullable: false)
            .Text("status", "Proposed, Negotiating, Signed, Ratified, InForce, Suspended, Lifted, Expired or Terminated.", r => r.Agreement.StatusHistory[r.Position].Status.ToString(), nullable: false)
            .PartialDate("date", "When it changed", r => r.Agreement.StatusHistory[r.Position].Date)
            .Sources(r => r.Agreement.StatusHistory[r.Position].Sources)
            .Caveats(r => r.Agreement.StatusHistory[r.Position].Caveats)));

    /// <summary>Gets the <c>trade_flows</c> table, with an arms-transfer register's deal fields and both its clocks (order year and delivery years).</summary>
    public static ExportTable TradeFlows { get; } = new("trade_flows", "One row per trade flow: an arms transfer, exports, licences, a delivery, a contract value or a bilateral total.", new TableRows<TradeFlow>(
        s => s.Trade, f => f.Sources, new Columns<TradeFlow>()
            .Text("flow_id", "The stable id.", f => f.Id.Value, nullable: false)
            .Text("kind", "ArmsTransfer, DefenseExports, ExportLicencesGranted, ExportLicencesDenied, Delivery, ContractValue, BilateralTrade, ExportShareOfOutput or ArmsTransferVolume.", f => f.Kind.ToString(), nullable: false)
            .Text("exporter", "The exporting (supplying) country.", f => f.Exporter?.Value)
            .Text("importer", "The importing country; null with no importer_organization means all destinations.", f => f.Importer?.Value)
            .Text("exporter_organization", "The supplier when it is not a state (an armed group, an international organization, an unknown supplier).", f => f.ExporterOrganization?.Value)
            .Text("importer_organization", "The recipient when it is not a state.", f => f.ImporterOrganization?.Value)
            .Boolean("directed", "Whether exporter and importer are directions; false for a bilateral total.", f => f.IsDirected)
            .PartialDate("period", "The period", f => f.Period)
            .Money("value", "The value", f => f.Value)
            .Decimal("quantity", "The quantity, or the lower end of a range.", f => f.Quantity?.Amount)
            .Decimal("quantity_max", "The upper end of a quantity range.", f => f.Quantity?.MaxAmount)
            .Text("quantity_unit", "The unit of the quantity, e.g. t or units.", f => f.Quantity?.Unit)
            .Text("commodity", "What was traded, in words.", f => f.Commodity)
            .Text("organizations", "The organizations involved, separated by ';'.", f => Columns<TradeFlow>.List(f.Organizations))
            .Text("systems", "The systems involved, separated by ';'.", f => Columns<TradeFlow>.List(f.Systems))
            .Text("designation", "An arms-transfer register's weapon designation, e.g. Bayraktar TB2.", f => f.Deal?.Designation)
            .Text("description", "The register's weapon description, e.g. UAV.", f => f.Deal?.Description)
            .Int32("order_year", "The year of the order (the first clock of a deal).", f => f.Deal?.OrderYear)
            .Boolean("order_year_uncertain", "The register marks the order year as uncertain.", f => f.Deal?.OrderYearUncertain, nullable: true)
            .Int32("number_ordered", "The number ordered.", f => f.Deal?.NumberOrdered)
            .Boolean("number_ordered_uncertain", "The register marks the number ordered as uncertain.", f => f.Deal?.NumberOrderedUncertain, nullable: true)
            .Int32("number_delivered", "The number delivered.", f => f.Deal?.NumberDelivered)
            .Boolean("number_delivered_uncertain", "The register marks the number delivered as uncertain.", f => f.Deal?.NumberDeliveredUncertain, nullable: true)
            .Text("delivery_years", "The years of delivery (the second clock), separated by ';'; one row each in trade_flow_delivery_years.", f => f.Deal is { } d ? Columns<TradeFlow>.List(d.DeliveryYears) : null)
            .Int32("first_delivery_year", "The first year of delivery.", f => f.Deal is { DeliveryYears.IsDefaultOrEmpty: false } d ? d.DeliveryYears[0] : null)
            .Int32("last_delivery_year", "The last year of delivery.", f => f.Deal is { DeliveryYears.IsDefaultOrEmpty: false } d ? d.DeliveryYears[^1] : null)
            .Text("deal_status", "The register's status, e.g. New or Second hand.", f => f.Deal?.Status)
            .Text("deal_comments", "The register's comments.", f => f.Deal?.Comments)
            .Decimal("tiv_per_unit", "SIPRI trend-indicator value of one unit, in millions of TIV (a volume, not money).", f => f.Deal?.TivPerUnit?.Millions)
            .Decimal("tiv_of_order", "TIV of the whole order, in millions.", f => f.Deal?.TivOfOrder?.Millions)
            .Decimal("tiv_delivered", "TIV of what was delivered, in millions.", f => f.Deal?.TivDelivered?.Millions)
            .Decimal("tiv", "An ArmsTransferVolume's TIV for its period (a publisher's annual total), in millions.", f => f.Tiv?.Millions)
            .Sources(f => f.Sources)
            .Caveats(f => f.Caveats)));

    /// <summary>Gets the <c>trade_flow_delivery_years</c> table: one row per year in which a deal delivered.</summary>
    public static ExportTable TradeFlowDeliveryYears { get; } = new("trade_flow_delivery_years", "One row per delivery year of a deal (the second clock of a transfer).", new TableRows<(TradeFlow Flow, int Year)>(
        s => s.Trade?.Where(f => f.Deal is { DeliveryYears.IsDefaultOrEmpty: false }).SelectMany(f => f.Deal!.DeliveryYears.Select(y => (f, y))), r => r.Flow.Sources,
        new Columns<(TradeFlow Flow, int Year)>()
            .Text("flow_id", "The trade flow.", r => r.Flow.Id.Value, nullable: false)
            .Int32("delivery_year", "A year of delivery.", r => r.Year, nullable: false)
            .Sources(r => r.Flow.Sources)));

    /// <summary>Gets the <c>spending</c> table: one row per figure, with its measure, currency, price basis and flags.</summary>
    public static ExportTable Spending { get; } = new("spending", "One row per spending figure: a country's (or organization's) value of a measure in a year, from one source.", new TableRows<SpendingObservation>(
        s => s.Spending, o => new RowSources(o.Source), new Columns<SpendingObservation>()
            .Text("series_id", "The series the figure belongs to.", o => o.Series.Id.Value, nullable: false)
            .Text("country_code", "The country; null for an organization's total.", o => o.Country?.Value)
            .Text("organization_id", "The organization whose total this is (e.g. nato), if not a country's.", o => o.Series.Organization?.Value)
            .Text("measure", "CurrentUsd, ConstantUsd, LocalCurrencyCurrent, LocalCurrencyConstant, ShareOfGdp, PerCapitaUsd, ...", o => o.Measure.ToString(), nullable: false)
            .Text("currency", "The ISO 4217 currency of a money measure.", o => o.Currency?.Value)
            .Text("price_basis", "current or constant.", o => Columns<SpendingObservation>.PriceBasisText(o.Series.Basis), nullable: false)
            .Int32("base_year", "The base year of constant prices.", o => o.Series.Basis.BaseYear)
            .Text("component", "What a budget line is for.", o => o.Component)
            .Int32("year", "The year.", o => o.Year, nullable: false)
            .Decimal("value", "The value, in units (not thousands or millions), percent points for shares.", o => o.Value, nullable: false)
            .Boolean("estimate", "The source flags the figure as an estimate.", o => o.Estimate)
            .Boolean("uncertain", "The source flags the figure as uncertain.", o => o.Uncertain)
            .Text("source_id", "The source (one per series).", o => o.Source.Value, nullable: false)
            .Sources(o => new RowSources(o.Source))
            .Text("systems", "The systems a budget line concerns (system ids), separated by ';'.", o => Columns<SpendingObservation>.List(o.Series.Systems))));

    /// <summary>Gets the <c>events</c> table.</summary>
    public static ExportTable Events { get; } = new("events", "One row per event: a meeting, exhibition, statement, request or other act that is neither an agreement nor a flow.", new TableRows<Event>(
        s => s.Events, e => e.Sources, new Columns<Event>()
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
            .Caveats(e => e.Caveats)));

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
            .Sources(r => r.Value.Sources)));

    /// <summary>Gets the <c>people</c> table: one row per person who acts in the records.</summary>
    public static ExportTable People { get; } = new("people", "One row per person who signs, takes part or holds a role in the records.", new TableRows<Person>(
        s => s.People, p => p.Sources, new Columns<Person>()
            .Text("person_id", "The stable id.", p => p.Id.Value, nullable: false)
            .Text("name", "The name, correctly spelled.", p => p.Name, nullable: false)
            .Text("aliases", "Other spellings, separated by ';'.", p => Columns<Person>.List(p.Aliases))
            .Text("country_code", "The person's country, if recorded.", p => p.Country?.Value)
            .Sources(p => p.Sources)));

    /// <summary>Gets the <c>person_roles</c> table: one row per role a person held.</summary>
    public static ExportTable PersonRoles { get; } = new("person_roles", "One row per role a person held, as the sources describe it at the time of the acts recorded.",
        new TableRows<(Person Person, int Position)>(
            s => s.People?.SelectMany(p => p.Roles.Select((_, i) => (p, i))), r => r.Person.Roles[r.Position].Sources, new Columns<(Person Person, int Position)>()
            .Text("person_id", "The person.", r => r.Person.Id.Value, nullable: false)
            .Int32("position", "The role's position in the person's list, from 0.", r => r.Position, nullable: false)
            .Text("title", "The title, e.g. President of the Defence Industry Agency.", r => r.Person.Roles[r.Position].Title, nullable: false)
            .Text("organization_id", "The body, if recorded.", r => r.Person.Roles[r.Position].Organization?.Value)
            .PartialDate("from", "When the role began", r => r.Person.Roles[r.Position].From)
            .PartialDate("until", "When it ended", r => r.Person.Roles[r.Position].Until)
            .Sources(r => r.Person.Roles[r.Position].Sources)));

    /// <summary>Gets the <c>agreement_signatories</c> table: one row per person who signed an agreement, in the role held.</summary>
    public static ExportTable AgreementSignatories { get; } = new("agreement_signatories", "One row per signatory of an agreement, in the role held when signing.",
        new TableRows<(Agreement Agreement, int Position)>(
            s => s.Agreements?.SelectMany(a => a.Signatories.Select((_, i) => (a, i))), r => r.Agreement.Sources, new Columns<(Agreement Agreement, int Position)>()
            .Text("agreement_id", "The agreement.", r => r.Agreement.Id.Value, nullable: false)
            .Int32("position", "The signatory's position in the agreement's list, from 0.", r => r.Position, nullable: false)
            .Text("person_id", "The person (see people).", r => r.Agreement.Signatories[r.Position].Person.Value, nullable: false)
            .Text("title", "The title held when signing.", r => r.Agreement.Signatories[r.Position].Title, nullable: false)
            .Text("organization_id", "The body signed for, if recorded.", r => r.Agreement.Signatories[r.Position].Organization?.Value)
            .Text("country_code", "The country signed for, if recorded.", r => r.Agreement.Signatories[r.Position].Country?.Value)
            .Sources(r => r.Agreement.Sources)));

    /// <summary>Gets the <c>event_participants</c> table: one row per person taking part in an event.</summary>
    public static ExportTable EventParticipants { get; } = new("event_participants", "One row per person taking part in an event, in the role recorded.",
        new TableRows<(Event Event, int Position)>(
            s => s.Events?.SelectMany(e => e.People.Select((_, i) => (e, i))), r => r.Event.Sources, new Columns<(Event Event, int Position)>()
            .Text("event_id", "The event.", r => r.Event.Id.Value, nullable: false)
            .Int32("position", "The participant's position in the event's list, from 0.", r => r.Position, nullable: false)
            .Text("person_id", "The person (see people).", r => r.Event.People[r.Position].Person.Value, nullable: false)
            .Text("title", "The role held, if recorded.", r => r.Event.People[r.Position].Title)
            .Sources(r => r.Event.Sources)));

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
    private static string? NamesText(IReadOnlyDictionary<string, string> names) =>
        Columns<Country>.List(names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => $"{n.Key}={n.Value}"));

    private static string? AliasIn(Country country, NameScheme scheme) =>
        country.Aliases.FirstOrDefault(a => a.Scheme == scheme && a.Name != country.Name)?.Name;
}
