using DefenseCoop.Export;

namespace DefenseCoop.Data;

// The persisted shape of a spending series, in one place: the data file's transfer objects, the direct
// reader's properties, the parsing of its text into the model record and the kind's model rules (which
// records made in code go through too), the writer back to the file format, and the snapshot's writer
// and reader. Adding a field to the kind changes the model, this file, the JSON Schema and the docs
// (docs/data-format.md, "Where a kind's format lives").

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
    // Besides reading the text, parsing checks what the model's constructor requires (one country or one
    // organization, years in increasing order) and what only the file's columnar form can get wrong (as
    // many values as years, flags of listed years, a unit); a series that breaks them is not made.
    private SpendingSeries? ParseSpending(SpendingDto d, Loc p)
    {
        var id = ParseId(d.Id, p + ".id", s => new SeriesId(s));
        bool oneOwner = (d.Country is null) != (d.Organization is null);
        if (!oneOwner) Issue(p, DataRule.InvalidValue, "A spending series names exactly one of 'country' and 'organization'.");
        var country = ParseCode(d.Country, p + ".country");
        var org = ParseOptionalId(d.Organization, p + ".organization", s => new OrganizationId(s));
        var measure = Enum<SpendingMeasure>(d.Measure, p + ".measure");
        var currency = ParseCurrency(d.Currency, p + ".currency");
        if (IsInDollars(measure)) currency ??= CurrencyCode.Usd;
        var basis = PriceBasis.Current;
        if (d.BaseYear is int year && ValueRanges.IsPlausibleYear(year)) basis = PriceBasis.Constant(year);
        else if (d.BaseYear is not null && IsConstant(measure))
            Issue(p + ".baseYear", DataRule.InvalidValue, $"The measure {measure} needs a base year between {ValueRanges.MinYear} and {ValueRanges.MaxYear}.");
        else if (d.BaseYear is not null && measure is not SpendingMeasure.PerCapitaUsd)
            Issue(p + ".baseYear", DataRule.InvalidValue, $"A base year applies only to constant-price measures, not {measure}.");
        decimal scale = d.Unit switch { null or "Units" => 1m, "Thousands" => 1_000m, "Millions" => 1_000_000m, _ => 0m };
        if (scale == 0m) Issue(p + ".unit", DataRule.InvalidEnumValue, $"'{d.Unit}' is not one of: Units, Thousands, Millions.");
        var source = ParseId(d.Source, p + ".source", s => new SourceId(s));

        var years = d.Years ?? [];
        var values = d.Values ?? [];
        bool valid = oneOwner && scale != 0m;
        if (values.Count != years.Count) { Issue(p + ".values", DataRule.InvalidValue, $"There are {years.Count} years but {values.Count} values."); valid = false; }
        for (int i = 1; i < years.Count; i++)
        {
            if (years[i] > years[i - 1]) continue;
            Issue((p + ".years")[i], DataRule.InvalidValue, "Years are listed once each, in increasing order.");
            valid = false;
        }
        var estimated = new HashSet<int>(d.Estimated ?? []);
        var uncertain = new HashSet<int>(d.Uncertain ?? []);
        var listed = new HashSet<int>(years);
        foreach (var (set, name) in new[] { (estimated, "estimated"), (uncertain, "uncertain") })
            foreach (var flagged in set)
                if (!listed.Contains(flagged)) Issue(p + ("." + name), DataRule.InvalidValue, $"The {name} year {flagged} is not among the series' years.");
        var systems = ParseIds(d.Systems, p + ".systems", s => new SystemId(s));
        var notes = ParseNotes(d.Notes, p + ".notes");
        if (!valid) return null;
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
        return new SpendingSeries(id, country, org, measure, currency, basis, d.Component, systems, source, points, notes);
    }

    private static bool IsInDollars(SpendingMeasure measure) => measure is SpendingMeasure.CurrentUsd or SpendingMeasure.ConstantUsd or SpendingMeasure.PerCapitaUsd;

    private static bool IsConstant(SpendingMeasure measure) => measure is SpendingMeasure.ConstantUsd or SpendingMeasure.LocalCurrencyConstant;

    // The kind's model rules, for a file's records once parsed and for records made in code alike.
    private SpendingSeries? CheckSpending(SpendingSeries s, Loc p, bool? replaces)
    {
        Declared(s.Id.Value, p + ".id", Target.Series, replaces);
        CountryRef(s.Country, p + ".country");
        Reference(s.Organization?.Value, p + ".organization", Target.Organization);
        var measure = s.Measure;
        Defined(measure, p + ".measure");
        bool needsCurrency = measure is SpendingMeasure.LocalCurrencyCurrent or SpendingMeasure.LocalCurrencyConstant or SpendingMeasure.BudgetAllocation;
        var currency = IsInDollars(measure) ? s.Currency ?? CurrencyCode.Usd : s.Currency;
        Currency(currency, p + ".currency", needsCurrency);
        if (IsInDollars(measure) && currency != CurrencyCode.Usd) Issue(p + ".currency", DataRule.InvalidValue, $"The measure {measure} is in US dollars.");
        if (IsConstant(measure) && s.Basis.IsCurrent)
            Issue(p + ".baseYear", DataRule.InvalidValue, $"The measure {measure} needs a base year between {ValueRanges.MinYear} and {ValueRanges.MaxYear}.");
        else if (!IsConstant(measure) && !s.Basis.IsCurrent && measure is not SpendingMeasure.PerCapitaUsd)
            Issue(p + ".baseYear", DataRule.InvalidValue, $"A base year applies only to constant-price measures, not {measure}.");
        if (s.Source.Value.Length == 0) Issue(p + ".source", DataRule.MissingSource, "Every spending series cites its source.");
        else Reference(s.Source.Value, p + ".source", Target.Source);
        var observations = s.Observations;
        if (observations.IsEmpty) Issue(p + ".years", DataRule.MissingValue, "A series has at least one year.");
        bool negativeZero = false;
        for (int i = 0; i < observations.Length; i++)
        {
            Year(observations[i].Year, (p + ".years")[i], "year");
            Amount(observations[i].Value, (p + ".values")[i]);
            negativeZero |= IsNegativeZero(observations[i].Value);
        }
        Text(s.Component, p + ".component", measure is SpendingMeasure.BudgetAllocation);
        References(s.Systems, p + ".systems", Target.System, x => x.Value);
        var notes = Notes(s.Notes, p + ".notes");
        if (currency == s.Currency && notes == s.Notes && !negativeZero) return s;
        var points = observations.Select(o => new SpendingPoint(o.Year, Normal(o.Value), o.Estimate, o.Uncertain)).ToArray();
        return new SpendingSeries(s.Id, s.Country, s.Organization, measure, currency, s.Basis, s.Component, s.Systems, s.Source, points, notes);
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
