using System.Collections.Immutable;
using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of a trade flow, in one place: the data file's transfer objects, the direct
// reader's properties, the parsing of its text into the model record and the kind's model rules (which
// records made in code go through too), the writer back to the file format, and the snapshot's writer
// and reader. Adding a field to the kind changes the model, this file, the JSON Schema and the docs
// (docs/data-format.md, "Where a kind's format lives").

internal sealed class TradeDto : RecordDto
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Exporter { get; set; }
    public string? Importer { get; set; }
    public string? ExporterOrganization { get; set; }
    public string? ImporterOrganization { get; set; }
    public string? Period { get; set; }
    public MoneyDto? Value { get; set; }
    public List<ReportedValueDto?>? ReportedValues { get; set; }
    public QuantityDto? Quantity { get; set; }
    public string? Commodity { get; set; }
    public List<string?>? Organizations { get; set; }
    public List<string?>? Systems { get; set; }
    public DealDto? Deal { get; set; }
    public decimal? Tiv { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<CitationDto?>? Sources { get; set; }
}
internal sealed class DealDto : Dto
{
    public string? Designation { get; set; }
    public string? Description { get; set; }
    public int? OrderYear { get; set; }
    public bool? OrderYearUncertain { get; set; }
    public int? NumberOrdered { get; set; }
    public bool? NumberOrderedUncertain { get; set; }
    public int? NumberDelivered { get; set; }
    public bool? NumberDeliveredUncertain { get; set; }
    public List<int>? DeliveryYears { get; set; }
    public string? Status { get; set; }
    public string? Comments { get; set; }
    public decimal? TivPerUnit { get; set; }
    public decimal? TivOfOrder { get; set; }
    public decimal? TivDelivered { get; set; }
}

internal ref partial struct DataFileReader
{
    private static bool TradeMembers(ref DataFileReader r, TradeDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("id"u8)) d.Id = r.Id();
        else if (name.SequenceEqual("kind"u8)) d.Kind = r.String();
        else if (name.SequenceEqual("exporter"u8)) d.Exporter = r.String();
        else if (name.SequenceEqual("importer"u8)) d.Importer = r.String();
        else if (name.SequenceEqual("exporterOrganization"u8)) d.ExporterOrganization = r.String();
        else if (name.SequenceEqual("importerOrganization"u8)) d.ImporterOrganization = r.String();
        else if (name.SequenceEqual("period"u8)) d.Period = r.String();
        else if (name.SequenceEqual("value"u8)) d.Value = r.Object<MoneyDto>(MoneyMembers);
        else if (name.SequenceEqual("reportedValues"u8)) d.ReportedValues = r.Objects<ReportedValueDto>(ReportedValueMembers);
        else if (name.SequenceEqual("quantity"u8)) d.Quantity = r.Object<QuantityDto>(QuantityMembers);
        else if (name.SequenceEqual("commodity"u8)) d.Commodity = r.String();
        else if (name.SequenceEqual("organizations"u8)) d.Organizations = r.Strings();
        else if (name.SequenceEqual("systems"u8)) d.Systems = r.Strings();
        else if (name.SequenceEqual("deal"u8)) d.Deal = r.Object<DealDto>(DealMembers);
        else if (name.SequenceEqual("tiv"u8)) d.Tiv = r.Decimal();
        else if (name.SequenceEqual("notes"u8)) d.Notes = r.Objects<NoteDto>(NoteMembers);
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Citations();
        else return r.Replaces(d);
        return true;
    }

    private static bool DealMembers(ref DataFileReader r, DealDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("designation"u8)) d.Designation = r.String();
        else if (name.SequenceEqual("description"u8)) d.Description = r.String();
        else if (name.SequenceEqual("orderYear"u8)) d.OrderYear = r.Int();
        else if (name.SequenceEqual("orderYearUncertain"u8)) d.OrderYearUncertain = r.Bool();
        else if (name.SequenceEqual("numberOrdered"u8)) d.NumberOrdered = r.Int();
        else if (name.SequenceEqual("numberOrderedUncertain"u8)) d.NumberOrderedUncertain = r.Bool();
        else if (name.SequenceEqual("numberDelivered"u8)) d.NumberDelivered = r.Int();
        else if (name.SequenceEqual("numberDeliveredUncertain"u8)) d.NumberDeliveredUncertain = r.Bool();
        else if (name.SequenceEqual("deliveryYears"u8)) d.DeliveryYears = r.Ints();
        else if (name.SequenceEqual("status"u8)) d.Status = r.String();
        else if (name.SequenceEqual("comments"u8)) d.Comments = r.String();
        else if (name.SequenceEqual("tivPerUnit"u8)) d.TivPerUnit = r.Decimal();
        else if (name.SequenceEqual("tivOfOrder"u8)) d.TivOfOrder = r.Decimal();
        else if (name.SequenceEqual("tivDelivered"u8)) d.TivDelivered = r.Decimal();
        else return false;
        return true;
    }
}

internal sealed partial class DataValidator
{
    private TradeFlow ParseTrade(TradeDto d, Loc p)
    {
        var (sources, caveats) = ParseCitations(d.Sources, p + ".sources");
        var (value, reported) = ParseValues(d.Value, d.ReportedValues, p);
        Quantity? quantity = null;
        if (d.Quantity is { } q)
        {
            Unknown(q, p + ".quantity");
            if (q.Amount is decimal amount) quantity = new Quantity(amount, q.Unit!, q.MaxAmount);
            else
            {
                Issue(p + ".quantity.amount", DataRule.MissingValue, "A quantity has an amount.");
            }
        }
        // What moved is judged on what the file gives: a value or quantity that cannot be read was given.
        if (d.Value is null && d.ReportedValues is null && d.Quantity is null && d.Commodity is null && (d.Systems?.Count ?? 0) == 0 && d.Tiv is null)
            Issue(p, DataRule.MissingValue, "A trade record says what moved: a value, a quantity, a commodity, a system or a TIV.");
        return new TradeFlow
        {
            Id = ParseId(d.Id, p + ".id", s => new TradeFlowId(s)), Kind = Enum<TradeKind>(d.Kind, p + ".kind"),
            Exporter = ParseCode(d.Exporter, p + ".exporter"), Importer = ParseCode(d.Importer, p + ".importer"), Period = ParseDate(d.Period, p + ".period"),
            ExporterOrganization = ParseOptionalId(d.ExporterOrganization, p + ".exporterOrganization", s => new OrganizationId(s)),
            ImporterOrganization = ParseOptionalId(d.ImporterOrganization, p + ".importerOrganization", s => new OrganizationId(s)),
            Value = value, ReportedValues = reported, Quantity = quantity, Commodity = d.Commodity,
            Organizations = ParseIds(d.Organizations, p + ".organizations", s => new OrganizationId(s)), Systems = ParseIds(d.Systems, p + ".systems", s => new SystemId(s)),
            Deal = d.Deal is { } deal ? ParseDeal(deal, p + ".deal") : null, Tiv = d.Tiv is decimal tiv ? new TrendIndicatorValue(tiv) : null,
            Notes = ParseNotes(d.Notes, p + ".notes"), Sources = sources, Caveats = caveats,
        };
    }

    private ArmsTransferDeal ParseDeal(DealDto d, Loc p)
    {
        Unknown(d, p);
        return new ArmsTransferDeal
        {
            Designation = d.Designation!, Description = d.Description,
            OrderYear = d.OrderYear, OrderYearUncertain = d.OrderYearUncertain ?? false,
            NumberOrdered = d.NumberOrdered, NumberOrderedUncertain = d.NumberOrderedUncertain ?? false,
            NumberDelivered = d.NumberDelivered, NumberDeliveredUncertain = d.NumberDeliveredUncertain ?? false,
            DeliveryYears = [.. d.DeliveryYears ?? []], Status = d.Status, Comments = d.Comments,
            TivPerUnit = Tiv(d.TivPerUnit), TivOfOrder = Tiv(d.TivOfOrder), TivDelivered = Tiv(d.TivDelivered),
        };

        static TrendIndicatorValue? Tiv(decimal? millions) => millions is decimal m ? new TrendIndicatorValue(m) : null;
    }

    // The kind's model rules, for a file's records once parsed and for records made in code alike.
    private TradeFlow? CheckTrade(TradeFlow f, Loc p, bool? replaces)
    {
        Declared(f.Id.Value, p + ".id", Target.Trade, replaces);
        Defined(f.Kind, p + ".kind");
        CountryRef(f.Exporter, p + ".exporter");
        CountryRef(f.Importer, p + ".importer");
        if (f.Kind == TradeKind.BilateralTrade && (f.Exporter is null || f.Importer is null))
            Issue(p, DataRule.MissingValue, "Bilateral trade names both countries (as exporter and importer).");
        Reference(f.ExporterOrganization?.Value, p + ".exporterOrganization", Target.Organization);
        Reference(f.ImporterOrganization?.Value, p + ".importerOrganization", Target.Organization);
        if (f.ExporterOrganization is not null && f.Exporter is not null)
            Issue(p + ".exporterOrganization", DataRule.InvalidValue, "A flow's exporter is a country or an organization, not both.");
        if (f.ImporterOrganization is not null && f.Importer is not null)
            Issue(p + ".importerOrganization", DataRule.InvalidValue, "A flow's importer is a country or an organization, not both.");
        var tiv = f.Tiv;
        if (tiv is { } t)
        {
            tiv = new TrendIndicatorValue(Normal(t.Millions));
            if (t.Millions < 0) Issue(p + ".tiv", DataRule.InvalidValue, "TIVs are not negative.");
            else if (Amount(t.Millions, p + ".tiv")) AddToTotal(ref _tivDelivered, t.Millions, p + ".tiv", "delivered TIVs");
        }
        if (f.Quantity is { } q)
        {
            var qp = p + ".quantity";
            Text(q.Unit, qp + ".unit");
            if (q.Amount < 0 || q.MaxAmount < q.Amount) Issue(qp, DataRule.InvalidValue, "A quantity is not negative, and a range's maximum is not below its minimum.");
            else if (Amount(q.Amount, qp + ".amount") && q.MaxAmount is decimal max) Amount(max, qp + ".maxAmount");
        }
        var caveats = Citations(f.Sources, f.Caveats, p + ".sources");
        var (value, reported) = Values(f.Value, f.ReportedValues, f.Sources, p);
        if (value is { } money) AddToTotal(ref _tradeValues, money.Amount, p + ".value.amount", "trade values");
        // A file's record is judged on what the file gives (parsing): a value that cannot be read was given.
        if (!_parsed && f.Value is null && f.ReportedValues.IsDefaultOrEmpty && f.Quantity is null && f.Commodity is null && f.Systems.IsDefaultOrEmpty && f.Tiv is null)
            Issue(p, DataRule.MissingValue, "A trade record says what moved: a value, a quantity, a commodity, a system or a TIV.");
        Text(f.Commodity, p + ".commodity", false);
        Date(f.Period, p + ".period");
        References(f.Organizations, p + ".organizations", Target.Organization, o => o.Value);
        References(f.Systems, p + ".systems", Target.System, s => s.Value);
        var deal = f.Deal is { } d ? CheckDeal(d, p + ".deal") : null;
        var notes = Notes(f.Notes, p + ".notes");
        // The non-state exporter and importer are among the flow's organizations, so that the index finds the flow by them.
        var organizations = Or(f.Organizations);
        foreach (var party in new[] { f.ExporterOrganization, f.ImporterOrganization })
            if (party is { } id && !organizations.Contains(id)) organizations = organizations.Add(id);
        return organizations == f.Organizations && caveats == f.Caveats && Same(value, f.Value) && reported == f.ReportedValues && tiv == f.Tiv && !(f.Tiv is { } given && IsNegativeZero(given.Millions))
            && ReferenceEquals(deal, f.Deal) && notes == f.Notes && !f.Systems.IsDefault
            ? f
            : f with
            {
                Organizations = organizations, Caveats = caveats, Value = value, ReportedValues = reported, Tiv = tiv, Deal = deal, Notes = notes,
                Systems = Or(f.Systems),
            };
    }

    private ArmsTransferDeal CheckDeal(ArmsTransferDeal d, Loc p)
    {
        Text(d.Designation, p + ".designation");
        if (d.NumberOrdered is < 0 or > ValueRanges.MaxCount || d.NumberDelivered is < 0 or > ValueRanges.MaxCount)
            Issue(p, DataRule.InvalidValue, $"Numbers ordered and delivered lie between 0 and {ValueRanges.MaxCount:N0}.");
        bool normal = true;
        foreach (var (tiv, name) in new[] { (d.TivPerUnit, "tivPerUnit"), (d.TivOfOrder, "tivOfOrder"), (d.TivDelivered, "tivDelivered") })
        {
            if (tiv is not { } t) continue;
            normal &= !IsNegativeZero(t.Millions);
            if (t.Millions < 0) Issue(p + ("." + name), DataRule.InvalidValue, "TIVs are not negative.");
            else Amount(t.Millions, p + ("." + name));
        }
        if (d.OrderYear is int orderYear) Year(orderYear, p + ".orderYear", "order year");
        var years = Or(d.DeliveryYears);
        for (int i = 0; i < years.Length; i++) Year(years[i], (p + ".deliveryYears")[i], "delivery year");
        Text(d.Description, p + ".description", false);
        Text(d.Status, p + ".status", false);
        Text(d.Comments, p + ".comments", false);
        if (d.TivDelivered is { Millions: >= 0 } delivered && ValueRanges.IsPlausibleAmount(delivered.Millions))
            AddToTotal(ref _tivDelivered, delivered.Millions, p + ".tivDelivered", "delivered TIVs");
        if (normal && !d.DeliveryYears.IsDefault) return d;
        return d with { TivPerUnit = Tiv(d.TivPerUnit), TivOfOrder = Tiv(d.TivOfOrder), TivDelivered = Tiv(d.TivDelivered), DeliveryYears = years };

        static TrendIndicatorValue? Tiv(TrendIndicatorValue? tiv) => tiv is { } t ? new TrendIndicatorValue(Normal(t.Millions)) : null;
    }
}

internal static partial class ModelWriter
{
    private static TradeDto Trade(TradeFlow f) => new()
    {
        Id = f.Id.Value, Kind = f.Kind.ToString(), Exporter = f.Exporter?.Value, Importer = f.Importer?.Value,
        ExporterOrganization = f.ExporterOrganization?.Value, ImporterOrganization = f.ImporterOrganization?.Value, Period = Text(f.Period),
        Value = Values(f.Value, f.ReportedValues).Value, ReportedValues = Values(f.Value, f.ReportedValues).Reported,
        Quantity = f.Quantity is { } q ? new QuantityDto { Amount = q.Amount, MaxAmount = q.MaxAmount, Unit = q.Unit } : null,
        Commodity = f.Commodity, Organizations = Strings(f.Organizations), Systems = Strings(f.Systems),
        Deal = f.Deal is { } d ? new DealDto
        {
            Designation = d.Designation, Description = d.Description, OrderYear = d.OrderYear, OrderYearUncertain = d.OrderYearUncertain ? true : null,
            NumberOrdered = d.NumberOrdered, NumberOrderedUncertain = d.NumberOrderedUncertain ? true : null,
            NumberDelivered = d.NumberDelivered, NumberDeliveredUncertain = d.NumberDeliveredUncertain ? true : null,
            DeliveryYears = d.DeliveryYears.IsDefaultOrEmpty ? null : [.. d.DeliveryYears], Status = d.Status, Comments = d.Comments,
            TivPerUnit = d.TivPerUnit?.Millions, TivOfOrder = d.TivOfOrder?.Millions, TivDelivered = d.TivDelivered?.Millions,
        } : null,
        Tiv = f.Tiv?.Millions, Notes = Notes(f.Notes), Sources = Citations(f.Sources, f.Caveats),
    };
}

internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void Trade(TradeFlow t)
        {
            w.Write(t.Id.Value); w.Write((int)t.Kind); Country(t.Exporter); Country(t.Importer); Org(t.ExporterOrganization); Org(t.ImporterOrganization);
            Partial(t.Period); Money(t.Value); Reported(t.ReportedValues); Tiv(t.Tiv);
            w.Write(t.Quantity.HasValue);
            if (t.Quantity is { } q) { w.Write(q.Amount); w.Write(q.Unit); Opt(q.MaxAmount); }
            Opt(t.Commodity);
            Array(t.Organizations, x => w.Write(x.Value));
            Array(t.Systems, x => w.Write(x.Value));
            w.Write(t.Deal is not null);
            if (t.Deal is { } d)
            {
                w.Write(d.Designation); Opt(d.Description); Opt(d.OrderYear); w.Write(d.OrderYearUncertain); Opt(d.NumberOrdered); w.Write(d.NumberOrderedUncertain);
                Opt(d.NumberDelivered); w.Write(d.NumberDeliveredUncertain); Array(d.DeliveryYears, w.Write); Opt(d.Status); Opt(d.Comments);
                Tiv(d.TivPerUnit); Tiv(d.TivOfOrder); Tiv(d.TivDelivered);
            }
            Notes(t.Notes); Sources(t.Sources); Caveats(t.Caveats);
        }
    }

    private sealed partial class Reader
    {
        private TradeFlow Trade()
        {
            var id = new TradeFlowId(Str());
            var kind = (TradeKind)r.ReadInt32();
            var exporter = OptCountry();
            var importer = OptCountry();
            var exporterOrganization = OptOrg();
            var importerOrganization = OptOrg();
            var period = Partial();
            var value = Money();
            var reported = Reported();
            var tiv = Tiv();
            Quantity? quantity = r.ReadBoolean() ? new Quantity(r.ReadDecimal(), Str(), OptDec()) : null;
            string? commodity = OptStr();
            var organizations = Organizations();
            var systems = Systems();
            ArmsTransferDeal? deal = null;
            if (r.ReadBoolean())
            {
                deal = new ArmsTransferDeal
                {
                    Designation = Str(), Description = OptStr(), OrderYear = OptInt(), OrderYearUncertain = r.ReadBoolean(), NumberOrdered = OptInt(),
                    NumberOrderedUncertain = r.ReadBoolean(), NumberDelivered = OptInt(), NumberDeliveredUncertain = r.ReadBoolean(), DeliveryYears = Years(),
                    Status = OptStr(), Comments = OptStr(), TivPerUnit = Tiv(), TivOfOrder = Tiv(), TivDelivered = Tiv(),
                };
            }
            return new TradeFlow
            {
                Id = id, Kind = kind, Exporter = exporter, Importer = importer, ExporterOrganization = exporterOrganization, ImporterOrganization = importerOrganization,
                Period = period, Value = value, ReportedValues = reported, Tiv = tiv, Quantity = quantity, Commodity = commodity,
                Organizations = organizations, Systems = systems, Deal = deal, Notes = Notes(), Sources = Sources(), Caveats = Caveats(),
            };
        }

        private ImmutableArray<int> Years()
        {
            var items = new int[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = r.ReadInt32();
            return Wrap(items);
        }
    }
}

// The kind's columns in the export tables (docs/export.md); ExportTables names and describes the tables.
internal static partial class ExportColumns
{
    public static Columns<TradeFlow> TradeFlows() => new Columns<TradeFlow>()
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
            .Caveats(f => f.Caveats);

    public static Columns<(TradeFlow Flow, int Year)> TradeFlowDeliveryYears() => new Columns<(TradeFlow Flow, int Year)>()
            .Text("flow_id", "The trade flow.", r => r.Flow.Id.Value, nullable: false)
            .Int32("delivery_year", "A year of delivery.", r => r.Year, nullable: false)
            .Sources(r => r.Flow.Sources);
}
