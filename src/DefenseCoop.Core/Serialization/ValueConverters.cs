using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DefenseCoop.Querying;
using NodaTime;
using NodaTime.Text;

namespace DefenseCoop.Serialization;

// The converters of the web shape (docs/json-contract.md). Each writes a value as the plain string a
// person would type, and reads back exactly what it writes; anything else is a JsonException naming
// what was expected, so a bad request body fails with a message a client can act on.

/// <summary>A value written as one JSON string, which may also be a property name (a dictionary key).</summary>
internal abstract class TextValueConverter<T> : JsonConverter<T>
{
    protected abstract string Format(T value);

    protected abstract bool TryParse(string text, out T value);

    protected abstract string Expected { get; }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException($"Expected {Expected} as a JSON string, found {reader.TokenType}.");
        return Parse(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value));

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Format(value));

    private T Parse(string text) => TryParse(text, out var value) ? value : throw new JsonException($"'{text}' is not {Expected}.");
}

/// <summary>A string-backed id: its slug.</summary>
internal abstract class SlugConverter<T>(Func<string, T> create, string kind) : TextValueConverter<T>
{
    protected override string Expected => $"a {kind} id (a slug such as 'tr-fi-2025-defence-industry-mou')";

    protected override bool TryParse(string text, out T value)
    {
        bool valid = Slug.IsValid(text);
        value = valid ? create(text) : default!;
        return valid;
    }
}

internal sealed class AgreementIdConverter() : SlugConverter<AgreementId>(s => new(s), "agreement")
{
    protected override string Format(AgreementId value) => value.Value;
}

internal sealed class OrganizationIdConverter() : SlugConverter<OrganizationId>(s => new(s), "organization")
{
    protected override string Format(OrganizationId value) => value.Value;
}

internal sealed class SystemIdConverter() : SlugConverter<SystemId>(s => new(s), "defence system")
{
    protected override string Format(SystemId value) => value.Value;
}

internal sealed class SourceIdConverter() : SlugConverter<SourceId>(s => new(s), "source")
{
    protected override string Format(SourceId value) => value.Value;
}

internal sealed class PersonIdConverter() : SlugConverter<PersonId>(s => new(s), "person")
{
    protected override string Format(PersonId value) => value.Value;
}

internal sealed class EventIdConverter() : SlugConverter<EventId>(s => new(s), "event")
{
    protected override string Format(EventId value) => value.Value;
}

internal sealed class TradeFlowIdConverter() : SlugConverter<TradeFlowId>(s => new(s), "trade flow")
{
    protected override string Format(TradeFlowId value) => value.Value;
}

internal sealed class SeriesIdConverter() : SlugConverter<SeriesId>(s => new(s), "spending series")
{
    protected override string Format(SeriesId value) => value.Value;
}

/// <summary>A country code: two upper-case letters, <c>"TR"</c>; lower case is accepted on reading.</summary>
internal sealed class CountryCodeConverter : TextValueConverter<CountryCode>
{
    protected override string Expected => "a two-letter country code such as 'TR'";
    protected override string Format(CountryCode value) => value.Value;
    protected override bool TryParse(string text, out CountryCode value) => CountryCode.TryParse(text, out value);
}

/// <summary>A currency code: three upper-case letters, <c>"EUR"</c>.</summary>
internal sealed class CurrencyCodeConverter : TextValueConverter<CurrencyCode>
{
    protected override string Expected => "a three-letter currency code such as 'EUR'";
    protected override string Format(CurrencyCode value) => value.Value;
    protected override bool TryParse(string text, out CurrencyCode value) => CurrencyCode.TryParse(text, out value);
}

/// <summary>A partial date in its text form: <c>"2025-06-02"</c>, <c>"2023-03"</c>, <c>"early 2023"</c>.</summary>
internal sealed class PartialDateConverter : TextValueConverter<PartialDate>
{
    protected override string Expected => "a partial date (YYYY, YYYY-MM or YYYY-MM-DD, optionally after 'early', 'mid', 'late' or 'approximately')";
    protected override string Format(PartialDate value) => value.ToString();
    protected override bool TryParse(string text, out PartialDate value) => PartialDate.TryParse(text, out value);
}

/// <summary>A NodaTime date as an ISO 8601 calendar date, <c>"2026-11-23"</c>.</summary>
internal sealed class LocalDateConverter : TextValueConverter<LocalDate>
{
    protected override string Expected => "an ISO date (YYYY-MM-DD)";
    protected override string Format(LocalDate value) => LocalDatePattern.Iso.Format(value);

    protected override bool TryParse(string text, out LocalDate value)
    {
        var result = LocalDatePattern.Iso.Parse(text);
        value = result.Success ? result.Value : default;
        return result.Success;
    }
}

/// <summary>A data release as <c>"2026.1"</c>.</summary>
internal sealed class DataVersionConverter : TextValueConverter<DataVersion>
{
    protected override string Expected => "a data version (YYYY.N, e.g. '2026.1')";
    protected override string Format(DataVersion value) => value.ToString();
    protected override bool TryParse(string text, out DataVersion value) => DataVersion.TryParse(text, out value);
}

/// <summary>A price basis in its text form: <c>"current"</c> or <c>"constant 2015"</c>.</summary>
internal sealed class PriceBasisConverter : TextValueConverter<PriceBasis>
{
    protected override string Expected => "a price basis ('current' or 'constant YYYY')";
    protected override string Format(PriceBasis value) => value.ToString();

    protected override bool TryParse(string text, out PriceBasis value)
    {
        value = PriceBasis.Current;
        if (text.Equals("current", StringComparison.OrdinalIgnoreCase)) return true;
        const string constant = "constant ";
        if (text.Length == constant.Length + 4 && text.StartsWith(constant, StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text.AsSpan(constant.Length), NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 1800 and <= 2200)
        {
            value = PriceBasis.Constant(year);
            return true;
        }
        return false;
    }
}

/// <summary>
/// A reconciliation policy in its text form: <c>"minimum"</c>, <c>"maximum"</c>, <c>"median"</c>, or
/// <c>"prefer a, then b"</c> for <see cref="ReconciliationPolicy.Prefer"/>.
/// </summary>
internal sealed class ReconciliationPolicyConverter : TextValueConverter<ReconciliationPolicy>
{
    protected override string Expected => "a reconciliation policy ('minimum', 'maximum', 'median' or 'prefer SOURCE, then SOURCE')";
    protected override string Format(ReconciliationPolicy value) => value.ToString()!;
    protected override bool TryParse(string text, out ReconciliationPolicy value) => TryParsePolicy(text, out value);

    internal static bool TryParsePolicy(string text, out ReconciliationPolicy value)
    {
        value = ReconciliationPolicy.Median;
        switch (text)
        {
            case "minimum": value = ReconciliationPolicy.Minimum; return true;
            case "maximum": value = ReconciliationPolicy.Maximum; return true;
            case "median": value = ReconciliationPolicy.Median; return true;
        }
        const string prefer = "prefer ";
        if (!text.StartsWith(prefer, StringComparison.Ordinal)) return false;
        var ids = text[prefer.Length..].Split(", then ");
        if (ids.Length == 0 || !ids.All(Slug.IsValid)) return false;
        value = ReconciliationPolicy.Prefer([.. ids.Select(id => new SourceId(id))]);
        return true;
    }
}
