using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DefenseCoop.Querying;

namespace DefenseCoop.Serialization;

// The model types whose default shape would not do on the wire: a series built from a span, an
// observation that points back at its series, a timeline entry holding "any sourced record", and the
// tuples some queries return. Each is written as a flat object of the contract's plain values; nested
// model types go through the options' own type information, so they keep the context's shape.

/// <summary>
/// A spending series with its figures inline: <c>{ "id", "country" | "organization", "measure",
/// "currency", "basis", "component", "systems", "source", "observations": [{ "year", "value",
/// "estimate", "uncertain" }], "notes" }</c>. The observations do not repeat the series.
/// </summary>
internal sealed class SpendingSeriesConverter : JsonConverter<SpendingSeries>
{
    public override void Write(Utf8JsonWriter writer, SpendingSeries value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("id", value.Id.Value);
        SpendingObservationConverter.WriteSeriesFields(writer, value);
        Json.Write(writer, "systems", value.Systems, options);
        writer.WriteStartArray("observations");
        foreach (var o in value.Observations)
        {
            writer.WriteStartObject();
            writer.WriteNumber("year", o.Year);
            writer.WriteNumber("value", o.Value);
            writer.WriteBoolean("estimate", o.Estimate);
            writer.WriteBoolean("uncertain", o.Uncertain);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        Json.Write(writer, "notes", value.Notes, options);
        writer.WriteEndObject();
    }

    public override SpendingSeries Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        const string type = "spending series";
        Json.StartObject(ref reader, type);
        var fields = new SeriesFields();
        ImmutableArray<SystemId> systems = [];
        ImmutableArray<AttributedNote> notes = [];
        var points = new List<SpendingPoint>();
        while (Json.NextProperty(ref reader, out string name))
        {
            if (fields.TryRead(ref reader, name, options)) continue;
            switch (name)
            {
                case "systems": systems = Json.Read<ImmutableArray<SystemId>>(ref reader, options, name); break;
                case "notes": notes = Json.Read<ImmutableArray<AttributedNote>>(ref reader, options, name); break;
                case "observations":
                    if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("'observations' must be an array.");
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) points.Add(ReadPoint(ref reader));
                    break;
                default: reader.Skip(); break;
            }
        }
        return fields.Create(systems, [.. points], notes);
    }

    private static SpendingPoint ReadPoint(ref Utf8JsonReader reader)
    {
        Json.StartObject(ref reader, "spending observation");
        int? year = null;
        decimal? value = null;
        bool estimate = false, uncertain = false;
        while (Json.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "year": year = reader.GetInt32(); break;
                case "value": value = reader.GetDecimal(); break;
                case "estimate": estimate = reader.GetBoolean(); break;
                case "uncertain": uncertain = reader.GetBoolean(); break;
                default: reader.Skip(); break;
            }
        }
        return new SpendingPoint(Json.Require(year, "year", "spending observation"), Json.Require(value, "value", "spending observation"), estimate, uncertain);
    }
}

/// <summary>What a series says of each of its observations, read from either shape.</summary>
internal struct SeriesFields
{
    public SeriesId? Id;
    public CountryCode? Country;
    public OrganizationId? Organization;
    public SpendingMeasure? Measure;
    public CurrencyCode? Currency;
    public PriceBasis Basis;
    public string? Component;
    public SourceId? Source;

    /// <summary>Reads <paramref name="name"/> if it is one of the series' fields (<paramref name="idName"/> being the id's).</summary>
    public bool TryRead(ref Utf8JsonReader reader, string name, JsonSerializerOptions options, string idName = "id")
    {
        if (name == idName)
        {
            Id = Json.Read<SeriesId>(ref reader, options, name);
            return true;
        }
        switch (name)
        {
            case "country": Country = Json.Read<CountryCode?>(ref reader, options, name); return true;
            case "organization": Organization = Json.Read<OrganizationId?>(ref reader, options, name); return true;
            case "measure": Measure = Json.ParseEnum<SpendingMeasure>(Json.ReadString(ref reader, name), name); return true;
            case "currency": Currency = Json.Read<CurrencyCode?>(ref reader, options, name); return true;
            case "basis": Basis = Json.Read<PriceBasis>(ref reader, options, name); return true;
            case "component": Component = Json.ReadString(ref reader, name); return true;
            case "source": Source = Json.Read<SourceId>(ref reader, options, name); return true;
            default: return false;
        }
    }

    public readonly SpendingSeries Create(ImmutableArray<SystemId> systems, SpendingPoint[] points, ImmutableArray<AttributedNote> notes, string idName = "id")
    {
        const string type = "spending series";
        var id = Json.Require(Id, idName, type);
        var measure = Json.Require(Measure, "measure", type);
        var source = Json.Require(Source, "source", type);
        var (country, organization, currency, basis, component) = (Country, Organization, Currency, Basis, Component);
        return Json.Construct(() => new SpendingSeries(id, country, organization, measure, currency, basis, component, systems, source, points, notes), type);
    }
}

/// <summary>
/// One spending figure, flattened with what its series says of it: <c>{ "series", "country" |
/// "organization", "measure", "currency", "basis", "component", "source", "year", "value", "estimate",
/// "uncertain" }</c>. The series is named by its id, never nested, so nothing cycles. Read back, the
/// observation belongs to a new series holding only it (without the series' systems and notes).
/// </summary>
internal sealed class SpendingObservationConverter : JsonConverter<SpendingObservation>
{
    public override void Write(Utf8JsonWriter writer, SpendingObservation value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value.Series, nameof(SpendingObservation.Series));
        writer.WriteStartObject();
        writer.WriteString("series", value.Series.Id.Value);
        WriteSeriesFields(writer, value.Series);
        writer.WriteNumber("year", value.Year);
        writer.WriteNumber("value", value.Value);
        writer.WriteBoolean("estimate", value.Estimate);
        writer.WriteBoolean("uncertain", value.Uncertain);
        writer.WriteEndObject();
    }

    internal static void WriteSeriesFields(Utf8JsonWriter writer, SpendingSeries series)
    {
        if (series.Country is { } country) writer.WriteString("country", country.Value);
        if (series.Organization is { } organization) writer.WriteString("organization", organization.Value);
        writer.WriteString("measure", series.Measure.ToString());
        if (series.Currency is { } currency) writer.WriteString("currency", currency.Value);
        writer.WriteString("basis", series.Basis.ToString());
        if (series.Component is { } component) writer.WriteString("component", component);
        writer.WriteString("source", series.Source.Value);
    }

    public override SpendingObservation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        const string type = "spending observation";
        Json.StartObject(ref reader, type);
        var fields = new SeriesFields();
        int? year = null;
        decimal? value = null;
        bool estimate = false, uncertain = false;
        while (Json.NextProperty(ref reader, out string name))
        {
            if (fields.TryRead(ref reader, name, options, idName: "series")) continue;
            switch (name)
            {
                case "year": year = reader.GetInt32(); break;
                case "value": value = reader.GetDecimal(); break;
                case "estimate": estimate = reader.GetBoolean(); break;
                case "uncertain": uncertain = reader.GetBoolean(); break;
                default: reader.Skip(); break;
            }
        }
        var point = new SpendingPoint(Json.Require(year, "year", type), Json.Require(value, "value", type), estimate, uncertain);
        return fields.Create([], [point], [], idName: "series").Observations[0];
    }
}

/// <summary>
/// A timeline entry: <c>{ "date", "kind", "summary", "recordType", "record", "statusChange", "sources" }</c>,
/// where <c>recordType</c> (<c>agreement</c>, <c>tradeFlow</c>, <c>event</c>, ...) says what <c>record</c> holds.
/// </summary>
internal sealed class TimelineEntryConverter : JsonConverter<TimelineEntry>
{
    public override void Write(Utf8JsonWriter writer, TimelineEntry value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.Date is { } date) writer.WriteString("date", date.ToString());
        writer.WriteString("kind", value.Kind.ToString());
        writer.WriteString("summary", value.Summary);
        switch (value.Record)
        {
            case Agreement a: WriteRecord(writer, "agreement", a, options); break;
            case TradeFlow f: WriteRecord(writer, "tradeFlow", f, options); break;
            case Event e: WriteRecord(writer, "event", e, options); break;
            case Country c: WriteRecord(writer, "country", c, options); break;
            case Organization o: WriteRecord(writer, "organization", o, options); break;
            case Person p: WriteRecord(writer, "person", p, options); break;
            case DefenseSystem s: WriteRecord(writer, "system", s, options); break;
            case SpendingSeries s: WriteRecord(writer, "spendingSeries", s, options); break;
            default: throw new NotSupportedException($"A timeline entry whose record is a {value.Record?.GetType().Name ?? "null"} has no JSON shape.");
        }
        if (value.StatusChange is { } change) Json.Write(writer, "statusChange", change, options);
        Json.Write(writer, "sources", value.Sources, options);
        writer.WriteEndObject();
    }

    private static void WriteRecord<T>(Utf8JsonWriter writer, string type, T record, JsonSerializerOptions options)
    {
        writer.WriteString("recordType", type);
        Json.Write(writer, "record", record, options);
    }

    public override TimelineEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        const string type = "timeline entry";
        Json.StartObject(ref reader, type);
        PartialDate? date = null;
        TimelineEntryKind? kind = null;
        string? summary = null, recordType = null;
        ISourced? record = null;
        StatusChange? change = null;
        // The record's shape depends on recordType, which a client may put after it: keep a copy until both are known.
        Utf8JsonReader recordReader = default;
        bool hasRecord = false;
        while (Json.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "date": date = Json.Read<PartialDate?>(ref reader, options, name); break;
                case "kind": kind = Json.ParseEnum<TimelineEntryKind>(Json.ReadString(ref reader, name), name); break;
                case "summary": summary = Json.ReadString(ref reader, name); break;
                case "recordType": recordType = Json.ReadString(ref reader, name); break;
                case "record":
                    recordReader = reader;
                    hasRecord = true;
                    reader.Skip();
                    break;
                case "statusChange": change = Json.Read<StatusChange?>(ref reader, options, name); break;
                default: reader.Skip(); break;
            }
        }
        if (hasRecord)
        {
            record = recordType switch
            {
                "agreement" => Json.Read<Agreement>(ref recordReader, options, "record"),
                "tradeFlow" => Json.Read<TradeFlow>(ref recordReader, options, "record"),
                "event" => Json.Read<Event>(ref recordReader, options, "record"),
                "country" => Json.Read<Country>(ref recordReader, options, "record"),
                "organization" => Json.Read<Organization>(ref recordReader, options, "record"),
                "person" => Json.Read<Person>(ref recordReader, options, "record"),
                "system" => Json.Read<DefenseSystem>(ref recordReader, options, "record"),
                "spendingSeries" => Json.Read<SpendingSeries>(ref recordReader, options, "record"),
                _ => throw new JsonException($"'recordType': '{recordType}' is not one of agreement, tradeFlow, event, country, organization, person, system, spendingSeries."),
            };
        }
        return new TimelineEntry(date, Json.Require(kind, "kind", type), Json.Require(summary, "summary", type), Json.Require(record, "record", type), change);
    }
}

/// <summary>A reconciled series as <see cref="ReconciledSpending.Series"/> returns it: <c>{ "key", "values" }</c>.</summary>
internal sealed class ReconciledSeriesConverter : JsonConverter<(SpendingKey Key, ImmutableArray<ReconciledObservation> Values)>
{
    public override void Write(Utf8JsonWriter writer, (SpendingKey Key, ImmutableArray<ReconciledObservation> Values) value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Json.Write(writer, "key", value.Key, options);
        Json.Write(writer, "values", value.Values, options);
        writer.WriteEndObject();
    }

    public override (SpendingKey Key, ImmutableArray<ReconciledObservation> Values) Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Json.StartObject(ref reader, "reconciled series");
        SpendingKey? key = null;
        ImmutableArray<ReconciledObservation> values = [];
        while (Json.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "key": key = Json.Read<SpendingKey>(ref reader, options, name); break;
                case "values": values = Json.Read<ImmutableArray<ReconciledObservation>>(ref reader, options, name); break;
                default: reader.Skip(); break;
            }
        }
        return (Json.Require(key, "key", "reconciled series"), values);
    }
}

/// <summary>A member of an organization as <see cref="DefenseCoopCatalog.Members"/> returns it: <c>{ "country", "membership" }</c>.</summary>
internal sealed class MemberConverter : JsonConverter<(Country Country, Membership Membership)>
{
    public override void Write(Utf8JsonWriter writer, (Country Country, Membership Membership) value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        Json.Write(writer, "country", value.Country, options);
        Json.Write(writer, "membership", value.Membership, options);
        writer.WriteEndObject();
    }

    public override (Country Country, Membership Membership) Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Json.StartObject(ref reader, "member");
        Country? country = null;
        Membership? membership = null;
        while (Json.NextProperty(ref reader, out string name))
        {
            switch (name)
            {
                case "country": country = Json.Read<Country>(ref reader, options, name); break;
                case "membership": membership = Json.Read<Membership>(ref reader, options, name); break;
                default: reader.Skip(); break;
            }
        }
        return (Json.Require(country, "country", "member"), Json.Require(membership, "membership", "member"));
    }
}
