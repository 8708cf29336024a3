using System.Collections.Immutable;
using System.Globalization;
using DefenseCoop.Export;

namespace DefenseCoop.Tests.Export;

// The facts: agreements, spending series, trade flows and events, with their child tables.
internal sealed partial class ExportReader
{
    private ImmutableArray<Agreement> Agreements(ChildRows<(string, string), AttributedNote> notes, ChildRows<(string, string), ReportedValue> reported)
    {
        var parties = Children(ExportTables.AgreementParties, r => r.Required("agreement_id"), positioned: true, r => r);
        var signatories = Children(ExportTables.AgreementSignatories, r => r.Required("agreement_id"), positioned: true, r => r);
        var changes = Children(ExportTables.AgreementStatusChanges, r => r.Required("agreement_id"), positioned: true, r =>
        {
            var sources = r.Sources();
            return new StatusChange(r.Enum<AgreementStatus>("status"), r.PartialDate("date"), sources) { Caveats = r.Caveats(sources) };
        });
        return [.. Rows(ExportTables.Agreements).Select(row =>
        {
            var id = new AgreementId(row.Required("agreement_id"));
            var sources = row.Sources();
            var agreement = new Agreement
            {
                Id = id, Title = row.Required("title"), Kind = row.Enum<AgreementKind>("kind"),
                Parties = parties.Take(id.Value, r =>
                {
                    SourcesOfParent(r, sources);
                    return new AgreementParty(Country(r, "country_code"), Organization(r, "organization_id"), r.Enum<PartyRole>("role"));
                }),
                Signatories = signatories.Take(id.Value, r =>
                {
                    SourcesOfParent(r, sources);
                    return new Signatory(new PersonId(r.Required("person_id")), r.Required("title"), Organization(r, "organization_id"), Country(r, "country_code"));
                }),
                SignedOn = row.PartialDate("signed"), Place = row.Text("place"), StatusHistory = changes.Take(id.Value, c => c),
                Areas = row.List("areas", a => ExportConventions.ParseEnum<CooperationArea>(a, $"{row.Where}: areas")),
                Systems = row.List("systems", s => new SystemId(s)), PartOf = row.Text("part_of") is { } whole ? new AgreementId(whole) : (AgreementId?)null,
                Value = row.Money("value"), ReportedValues = reported.Take(("agreement", id.Value), v => v), Notes = notes.Take(("agreement", id.Value), n => n),
                Sources = sources, Caveats = row.Caveats(sources),
            };
            if (agreement.Parties.IsEmpty) throw new FormatException($"{row.Where}: agreement_parties has no row of {id}; an agreement has at least one party.");
            row.Agrees("countries", Join(agreement.Countries));
            row.Agrees("status", agreement.StatusHistory.IsEmpty ? null : agreement.StatusHistory[^1].Status.ToString());
            FirstFigureIsValue(row, agreement.Value, agreement.ReportedValues);
            return agreement;
        })];
    }

    private static void FirstFigureIsValue(ExportedRow row, Money? value, ImmutableArray<ReportedValue> reported)
    {
        if (!reported.IsEmpty && value != reported[0].Value)
            throw new FormatException($"{row.Where}: the value is '{value}', but the first reported figure is '{reported[0].Value}'.");
    }

    private static string? Join<T>(IEnumerable<T> items) => items.Any() ? string.Join(';', items) : null;

    // A series is the rows that share a series_id: each row repeats the series' fields, and gives one year's figure.
    private ImmutableArray<SpendingSeries> Spending(ChildRows<(string, string), AttributedNote> notes)
    {
        string[] seriesColumns = ["country_code", "organization_id", "measure", "currency", "price_basis", "base_year", "component", "source_id", "sources", "systems"];
        return [.. Rows(ExportTables.Spending).GroupBy(r => r.Required("series_id")).Select(rows =>
        {
            var first = rows.First();
            foreach (var row in rows.Skip(1))
                foreach (var column in seriesColumns) row.Agrees(column, first[column]);
            var source = new SourceId(first.Required("source_id"));
            first.Agrees("sources", source.Value);
            var points = rows.Select(r => new SpendingPoint(r.Int32("year")!.Value, r.Decimal("value")!.Value, r.Boolean("estimate")!.Value, r.Boolean("uncertain")!.Value)).ToArray();
            return new SpendingSeries(new SeriesId(rows.Key), Country(first, "country_code"), Organization(first, "organization_id"), first.Enum<SpendingMeasure>("measure"),
                first.Text("currency") is { } c ? CurrencyCode.Parse(c) : (CurrencyCode?)null, first.PriceBasis("price_basis", "base_year"), first.Text("component"), first.List("systems", s => new SystemId(s)),
                source, points, notes.Take(("spending_series", rows.Key), n => n));
        })];
    }

    private ImmutableArray<TradeFlow> Trade(ChildRows<(string, string), AttributedNote> notes, ChildRows<(string, string), ReportedValue> reported)
    {
        var deliveryYears = Children(ExportTables.TradeFlowDeliveryYears, r => r.Required("flow_id"), positioned: false, r => r);
        return [.. Rows(ExportTables.TradeFlows).Select(row =>
        {
            var id = new TradeFlowId(row.Required("flow_id"));
            var sources = row.Sources();
            var deal = Deal(row);
            var years = deliveryYears.Take(id.Value, r =>
            {
                SourcesOfParent(r, sources);
                return r.Int32("delivery_year")!.Value;
            });
            if (!years.SequenceEqual(deal?.DeliveryYears ?? []))
                throw new FormatException($"{row.Where}: trade_flow_delivery_years gives '{string.Join(';', years)}' for {id}, its delivery_years '{row.Text("delivery_years")}'.");
            var flow = new TradeFlow
            {
                Id = id, Kind = row.Enum<TradeKind>("kind"), Exporter = Country(row, "exporter"), Importer = Country(row, "importer"),
                ExporterOrganization = Organization(row, "exporter_organization"), ImporterOrganization = Organization(row, "importer_organization"),
                Period = row.PartialDate("period"), Value = row.Money("value"), ReportedValues = reported.Take(("trade_flow", id.Value), v => v),
                Quantity = Quantity(row), Commodity = row.Text("commodity"), Organizations = row.List("organizations", o => new OrganizationId(o)),
                Systems = row.List("systems", s => new SystemId(s)), Deal = deal, Tiv = Tiv(row, "tiv"), Notes = notes.Take(("trade_flow", id.Value), n => n),
                Sources = sources, Caveats = row.Caveats(sources),
            };
            row.Agrees("directed", flow.IsDirected);
            FirstFigureIsValue(row, flow.Value, flow.ReportedValues);
            return flow;
        })];
    }

    private static Quantity? Quantity(ExportedRow row) => (row.Decimal("quantity"), row.Text("quantity_unit"), row.Decimal("quantity_max")) switch
    {
        (null, null, null) => null,
        (decimal amount, string unit, var max) => new Quantity(amount, unit, max),
        _ => throw new FormatException($"{row.Where}: a quantity_unit or quantity_max without a quantity, or a quantity without its unit."),
    };

    private static TrendIndicatorValue? Tiv(ExportedRow row, string column) => row.Decimal(column) is { } millions ? new TrendIndicatorValue(millions) : null;

    // A register's deal is there exactly when its designation is; its other columns are null without one.
    private static ArmsTransferDeal? Deal(ExportedRow row)
    {
        if (row.Text("designation") is not { } designation)
        {
            string[] dealColumns = ["description", "order_year", "order_year_uncertain", "number_ordered", "number_ordered_uncertain", "number_delivered",
                "number_delivered_uncertain", "delivery_years", "first_delivery_year", "last_delivery_year", "deal_status", "deal_comments", "tiv_per_unit",
                "tiv_of_order", "tiv_delivered"];
            foreach (var column in dealColumns)
                if (row[column] is not null) throw new FormatException($"{row.Where}: {column} is given without a designation, the mark of a register's deal.");
            return null;
        }
        bool Flag(string column) => row.Boolean(column) ?? throw new FormatException($"{row.Where}: {column} is null for a register's deal.");
        var years = row.List("delivery_years", y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out int year) ? year
            : throw new FormatException($"{row.Where}: delivery_years has '{y}', which is not a year."));
        row.Agrees("first_delivery_year", years.IsEmpty ? null : years[0]);
        row.Agrees("last_delivery_year", years.IsEmpty ? null : years[^1]);
        return new ArmsTransferDeal
        {
            Designation = designation, Description = row.Text("description"), OrderYear = row.Int32("order_year"), OrderYearUncertain = Flag("order_year_uncertain"),
            NumberOrdered = row.Int32("number_ordered"), NumberOrderedUncertain = Flag("number_ordered_uncertain"), NumberDelivered = row.Int32("number_delivered"),
            NumberDeliveredUncertain = Flag("number_delivered_uncertain"), DeliveryYears = years, Status = row.Text("deal_status"), Comments = row.Text("deal_comments"),
            TivPerUnit = Tiv(row, "tiv_per_unit"), TivOfOrder = Tiv(row, "tiv_of_order"), TivDelivered = Tiv(row, "tiv_delivered"),
        };
    }

    private ImmutableArray<Event> Events(ChildRows<(string, string), AttributedNote> notes)
    {
        var participants = Children(ExportTables.EventParticipants, r => r.Required("event_id"), positioned: true, r => r);
        return [.. Rows(ExportTables.Events).Select(row =>
        {
            var id = new EventId(row.Required("event_id"));
            var sources = row.Sources();
            return new Event
            {
                Id = id, Kind = row.Enum<EventKind>("kind"), Title = row.Required("title"), Date = row.PartialDate("date"), Until = row.PartialDate("until"),
                Place = row.Text("place"), Countries = row.List("countries", CountryCode.Parse), Organizations = row.List("organizations", o => new OrganizationId(o)),
                People = participants.Take(id.Value, r =>
                {
                    SourcesOfParent(r, sources);
                    return new Participant(new PersonId(r.Required("person_id")), r.Text("title"));
                }),
                Systems = row.List("systems", s => new SystemId(s)), Agreements = row.List("agreements", a => new AgreementId(a)),
                Notes = notes.Take(("event", id.Value), n => n), Sources = sources, Caveats = row.Caveats(sources),
            };
        })];
    }
}
