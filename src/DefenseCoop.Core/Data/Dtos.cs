using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenseCoop.Data;

// The file format as plain transfer objects. Codes, dates and enum names stay text here so that the
// validator can report every bad value at once, with its path, instead of stopping at the first.

/// <summary>Holds properties the format does not define: refused by the compiler, ignored by the loader.</summary>
internal abstract class Dto
{
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>A top-level record, which an overlay may mark as replacing the record of the same id.</summary>
internal abstract class RecordDto : Dto
{
    public bool? Replaces { get; set; }
}

internal sealed class DataFileDto : Dto
{
    public int? SchemaVersion { get; set; }
    public string? DataVersion { get; set; }
    public string? Released { get; set; }
    public List<SourceDto?>? Sources { get; set; }
    public List<CountryDto?>? Countries { get; set; }
    public List<OrganizationDto?>? Organizations { get; set; }
    public List<PersonDto?>? People { get; set; }
    public List<SystemDto?>? Systems { get; set; }
    public List<AgreementDto?>? Agreements { get; set; }
    public List<SpendingDto?>? Spending { get; set; }
    public List<TradeDto?>? Trade { get; set; }
    public List<EventDto?>? Events { get; set; }
}

internal sealed class NoteDto : Dto
{
    public string? Text { get; set; }
    public List<CitationDto?>? Sources { get; set; }
}

internal class MoneyDto : Dto
{
    public decimal? Amount { get; set; }
    public string? Currency { get; set; }
    public string? Basis { get; set; }
    public int? BaseYear { get; set; }
    public string? Bound { get; set; }
}

// A figure one or more pages report: money with its own sources.
internal sealed class ReportedValueDto : MoneyDto
{
    public List<CitationDto?>? Sources { get; set; }
}

// One entry of a fact's sources: a source id, or an object that adds what the curator says of the page.
[JsonConverter(typeof(CitationDtoConverter))]
internal sealed class CitationDto : Dto
{
    public string? Source { get; set; }
    public bool? DateNotOnPage { get; set; }
    public string? Inferred { get; set; }

    // Whether the entry was written as an object (so that a bare id is written back as a string).
    [JsonIgnore]
    public bool HasCaveat => DateNotOnPage == true || Inferred is not null;
}

internal sealed class QuantityDto : Dto
{
    public decimal? Amount { get; set; }
    public decimal? MaxAmount { get; set; }
    public string? Unit { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = 32)]
[JsonSerializable(typeof(DataFileDto))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
