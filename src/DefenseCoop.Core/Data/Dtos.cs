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

internal sealed class SourceDto : RecordDto
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Publisher { get; set; }
    public string? Title { get; set; }
    public string? Published { get; set; }
    public bool? PublicationDateNotShown { get; set; }
    public string? Language { get; set; }
    public string? Url { get; set; }
    public string? Author { get; set; }
    public string? Edition { get; set; }
    public string? Licence { get; set; }
    public string? BasedOn { get; set; }
}

internal sealed class AliasDto : Dto
{
    public string? Name { get; set; }
    public string? Scheme { get; set; }
}

internal sealed class CodeDto : Dto
{
    public string? Scheme { get; set; }
    public string? Code { get; set; }
}

internal sealed class MembershipDto : Dto
{
    public string? Organization { get; set; }
    public string? Role { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public List<string?>? Sources { get; set; }
}

internal sealed class AreaDto : Dto
{
    public int? Code { get; set; }
    public string? Name { get; set; }
}

internal sealed class CountryDto : RecordDto
{
    public string? Code { get; set; }
    public string? Alpha3 { get; set; }
    public int? Numeric { get; set; }
    public SortedDictionary<string, string?>? Names { get; set; }
    public string? FormalName { get; set; }
    public List<string?>? LocalLanguages { get; set; }
    public AreaDto? Region { get; set; }
    public AreaDto? SubRegion { get; set; }
    public string? Currency { get; set; }
    public int? ExistedFrom { get; set; }
    public int? ExistedUntil { get; set; }
    public List<string?>? Successors { get; set; }
    public List<AliasDto?>? Aliases { get; set; }
    public List<CodeDto?>? Codes { get; set; }
    public List<MembershipDto?>? Memberships { get; set; }
    public List<string?>? Sources { get; set; }

    /// <summary>Set by the compiler when this record's facts were merged into another record of the same country.</summary>
    [JsonIgnore]
    public CountryDto? MergedInto { get; set; }
}

internal sealed class OrganizationDto : RecordDto
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Country { get; set; }
    public string? Name { get; set; }
    public SortedDictionary<string, string?>? Names { get; set; }
    public List<string?>? Aliases { get; set; }
    public string? Parent { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<string?>? Sources { get; set; }
}

internal sealed class RoleDto : Dto
{
    public string? Title { get; set; }
    public string? Organization { get; set; }
    public string? From { get; set; }
    public string? Until { get; set; }
    public List<string?>? Sources { get; set; }
}

internal sealed class PersonDto : RecordDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string?>? Aliases { get; set; }
    public string? Country { get; set; }
    public List<RoleDto?>? Roles { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<string?>? Sources { get; set; }
}

internal sealed class SystemDto : RecordDto
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public List<string?>? Aliases { get; set; }
    public string? Category { get; set; }
    public string? Manufacturer { get; set; }
    public string? Country { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<string?>? Sources { get; set; }
}

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

internal sealed class ParticipantDto : Dto
{
    public string? Person { get; set; }
    public string? Title { get; set; }
}

internal sealed class EventDto : RecordDto
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? Title { get; set; }
    public string? Date { get; set; }
    public string? Until { get; set; }
    public string? Place { get; set; }
    public List<string?>? Countries { get; set; }
    public List<string?>? Organizations { get; set; }
    public List<ParticipantDto?>? People { get; set; }
    public List<string?>? Systems { get; set; }
    public List<string?>? Agreements { get; set; }
    public List<NoteDto?>? Notes { get; set; }
    public List<CitationDto?>? Sources { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    MaxDepth = 32)]
[JsonSerializable(typeof(DataFileDto))]
internal sealed partial class DataJsonContext : JsonSerializerContext;
