using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of a spending series, in one place: the data file's transfer objects, the direct
// reader's properties, the validation of the kind's own rules (the mapping to the model), the writer
// back to the file format, and the snapshot's writer and reader. Adding a field to the kind changes the
// model, this file, the JSON Schema and the docs (docs/data-format.md, "Where a kind's format lives").

internal sealed class SpendingDto : RecordDto
{
    public string? Id { get; set; }
    public string? Country { get; set; }
    public string? Organization { get; set; }
    public string? Measure { get; set; }
    public string? Currency { get; set; }
    public int? BaseYear { get; set; }
    public string? Unit { get; set; }
    public string? Component { get; set; }
    public List<string?>? Systems { get; set; }
    public List<int>? Years { get; set; }
    public List<decimal>? Values { get; set; }
    public List<int>? Estimated { get; set; }
    public List<int>? Uncertain { get; set; }
    public string? Source { get; set; }
    public List<NoteDto?>? Notes { get; set; }
}

internal ref partial struct DataFileReader
{
    private static bool SpendingMembers(ref DataFileReader r, SpendingDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("id"u8)) d.Id = r.Id();
        else if (name.SequenceEqual("country"u8)) d.Country = r.String();
        else if (name.SequenceEqual("organization"u8)) d.Organization = r.String();
        else if (name.SequenceEqual("measure"u8)) d.Measure = r.String();
        else if (name.SequenceEqual("currency"u8)) d.Currency = r.String();
        else if (name.SequenceEqual("baseYear"u8)) d.BaseYear = r.Int();
        else if (name.SequenceEqual("unit"u8)) d.Unit = r.String();
        else if (name.SequenceEqual("component"u8)) d.Component = r.String();
        else if (name.SequenceEqual("systems"u8)) d.Systems = r.Strings();
        else if (name.SequenceEqual("years"u8)) d.Years = r.Ints();
        else if (name.SequenceEqual("values"u8)) d.Values = r.Decimals();
        else if (name.SequenceEqual("estimated"u8)) d.Estimated = r.Ints();
        else if (name.SequenceEqual("uncertain"u8)) d.Uncertain = r.Ints();
        else if (name.SequenceEqual("source"u8)) d.Source = r.String();
        else if (name.SequenceEqual("notes"u8)) d.Notes = r.Objects<NoteDto>(NoteMembers);
        else return r.Replaces(d);
        return true;
    }
}

internal sealed partial class DataValidator
{
    private SpendingSeries? MapSpending(SpendingDto d, Loc p)
    {
        var id = Declared(d.Id, p + ".id", Target.Series, d.Replaces);
        if ((d.Country is null) == (d.Organization is null))
            Issue(p, DataRule.InvalidValue, "A spending series names exactly one of 'country' and 'organization'.");
        var country = CountryRef(d.Country, p + ".country");
        var org = Reference(d.Organization, p + ".organization", Target.Organization, required: false);
        var measure = Enum<SpendingMeasure>(d.Measure, p + ".measure");
        bool usd = measure is SpendingMeasure.CurrentUsd or SpendingMeasure.ConstantUsd or SpendingMeasure.PerCapitaUsd;
        bool needsCurrency = measure is SpendingMeasure.LocalCurrencyCurrent or SpendingMeasure.LocalCurrencyConstant or SpendingMeasure.BudgetAllocation;
        bool constant = measure is SpendingMeasure.ConstantUsd or SpendingMeasure.LocalCurrencyConstant;
        var currency = Currency(d.Currency, p + ".currency", needsCurrency);
        if (usd) currency ??= CurrencyCode.Usd;
        if (usd && currency != CurrencyCode.Usd) Issue(p + ".currency", DataRule.InvalidValue, $"The measure {measure} is in US dollars.");
        PriceBasis basis = PriceBasis.Current;
        if (constant)
        {
            if (d.BaseYear is int year && ValueRanges.IsPlausibleYear(year)) basis = PriceBasis.Constant(year);
            else Issue(p + ".baseYear", DataRule.InvalidValue, $"The measure {measure} needs a base year between {ValueRanges.MinYear} and {ValueRanges.MaxYear}.");
        }
        else if (d.BaseYear is not null && measure is not SpendingMeasure.PerCapitaUsd)
        {
            Issue(p + ".baseYear", DataRule.InvalidValue, $"A base year applies only to constant-price measures, not {measure}.");
        }
        else if (d.BaseYear is int perCapitaBase && ValueRanges.IsPlausibleYear(perCapitaBase))
        {
            basis = PriceBasis.Constant(perCapitaBase);
        }
        decimal scale = d.Unit switch { null or "Units" => 1m, "Thousands" => 1_000m, "Millions" => 1_000_000m, _ => 0m };
        if (scale == 0m) Issue(p + ".unit", DataRule.InvalidEnumValue, $"'{d.Unit}' is not one of: Units, Thousands, Millions.");
        var source = Reference(d.Source, p + ".source", Target.Source);
        if (d.Source is null) Issue(p + ".source", DataRule.MissingSource, "Every spending series cites its source.");

        var years = d.Years ?? [];
        var values = d.Values ?? [];
        if (d.Years is null || d.Years.Count == 0) Issue(p + ".years", DataRule.MissingValue, "A series has at least one year.");
        if (values.Count != years.Count) Issue(p + ".values", DataRule.InvalidValue, $"There are {years.Count} years but {values.Count} values.");
        bool yearsValid = true;
        for (int i = 0; i < years.Count; i++)
        {
            if (!Year(years[i], (p + ".years")[i], "year")) { }
            else if (i > 0 && years[i] <= years[i - 1]) Issue((p + ".years")[i], DataRule.InvalidValue, "Years are listed once each, in increasing order.");
            else continue;
            yearsValid = false;
        }
        var estimated = new HashSet<int>(d.Estimated ?? []);
        var uncertain = new HashSet<int>(d.Uncertain ?? []);
        var listed = new HashSet<int>(years);
        foreach (var (set, name) in new[] { (estimated, "estimated"), (uncertain, "uncertain") })
            foreach (var year in set)
                if (!listed.Contains(year)) Issue(p + ("." + name), DataRule.InvalidValue, $"The {name} year {year} is not among the series' years.");

        var component = Text(d.Component, p + ".component", measure is SpendingMeasure.BudgetAllocation);
        var systems = Refs(d.Systems, p + ".systems", Target.System, s => new SystemId(s));
        var notes = Notes(d.Notes, p + ".notes");
        // A bad country or organization is already reported; without one the series cannot be made.
        if (id is null || measure is null || source is null || scale == 0m || values.Count != years.Count || !yearsValid || (country is null) == (org is null))
            return null;
        var points = new SpendingPoint[years.Count];
        for (int i = 0; i < points.Length; i++)
        {
            if (Math.Abs(values[i]) > ValueRanges.MaxAmount / scale)
            {
                Issue((p + ".values")[i], DataRule.InvalidValue, $"{values[i]} {d.Unit ?? "Units"} is beyond the largest amount accepted, {ValueRanges.MaxAmount:N0}.");
                return null;
            }
            points[i] = new SpendingPoint(years[i], Normal(values[i] * scale), estimated.Contains(years[i]), uncertain.Contains(years[i]));
        }
        return new SpendingSeries(new SeriesId(id), country, org is null ? default(OrganizationId?) : new OrganizationId(org), measure.Value, currency, basis,
            component, systems, new SourceId(source), points, notes);
    }
}

internal static partial class ModelWriter
{
    private static SpendingDto Spending(SpendingSeries s) => new()
    {
        Id = s.Id.Value, Country = s.Country?.Value, Organization = s.Organization?.Value, Measure = s.Measure.ToString(),
        // Dollar measures imply their currency; the loader supplies it again.
        Currency = s.Measure is SpendingMeasure.CurrentUsd or SpendingMeasure.ConstantUsd or SpendingMeasure.PerCapitaUsd ? null : s.Currency?.Value,
        BaseYear = s.Basis.BaseYear, Component = s.Component, Systems = Strings(s.Systems),
        Years = [.. s.Observations.Select(o => o.Year)], Values = [.. s.Observations.Select(o => o.Value)],
        Estimated = s.Observations.Any(o => o.Estimate) ? [.. s.Observations.Where(o => o.Estimate).Select(o => o.Year)] : null,
        Uncertain = s.Observations.Any(o => o.Uncertain) ? [.. s.Observations.Where(o => o.Uncertain).Select(o => o.Year)] : null,
        Source = s.Source.Value, Notes = Notes(s.Notes),
    };
}

internal static partial class Snapshot
{
    private sealed partial class Writer
    {
        private void Series(SpendingSeries s)
        {
            w.Write(s.Id.Value); Country(s.Country); Org(s.Organization); w.Write((int)s.Measure); Opt(s.Currency?.Value); Opt(s.Basis.BaseYear);
            Opt(s.Component); Array(s.Systems, x => w.Write(x.Value)); w.Write(s.Source.Value);
            Array(s.Observations, o => { w.Write(o.Year); w.Write(o.Value); w.Write(o.Estimate); w.Write(o.Uncertain); });
            Notes(s.Notes);
        }
    }

    private sealed partial class Reader
    {
        private SpendingSeries Series()
        {
            var id = new SeriesId(Str());
            var country = OptCountry();
            var organization = OptOrg();
            var measure = (SpendingMeasure)r.ReadInt32();
            var currency = OptCurrency();
            var basis = Basis();
            string? component = OptStr();
            var systems = Systems();
            var source = new SourceId(Str());
            var points = new SpendingPoint[Count()];
            for (int i = 0; i < points.Length; i++) points[i] = new SpendingPoint(r.ReadInt32(), r.ReadDecimal(), r.ReadBoolean(), r.ReadBoolean());
            return new SpendingSeries(id, country, organization, measure, currency, basis, component, systems, source, points, Notes());
        }
    }
}

// The kind's columns in the export tables (docs/export.md); ExportTables names and describes the tables.
internal static partial class ExportColumns
{
    public static Columns<SpendingObservation> Spending() => new Columns<SpendingObservation>()
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
            .Text("systems", "The systems a budget line concerns (system ids), separated by ';'.", o => Columns<SpendingObservation>.List(o.Series.Systems));
}
