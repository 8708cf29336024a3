using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Serialization;

/// <summary>
/// The JSON shape of every model type and query result on the wire: source-generated metadata, no
/// reflection, safe to trim and to compile ahead of time. Ids and codes are plain strings (<c>"TR"</c>,
/// <c>"tr-fi-2025-defence-industry-mou"</c>), enums their names (<c>"MemorandumOfUnderstanding"</c>),
/// partial dates their text form (<c>"2023-03"</c>, <c>"early 2023"</c>), NodaTime dates ISO dates,
/// <see cref="Money"/> <c>{ "amount", "currency", "basis", "bound" }</c>, a price basis <c>"current"</c> or
/// <c>"constant 2015"</c>, and a spending observation names its series by id instead of nesting it.
/// Property names are camelCase and absent values are left out, whatever the options the context
/// is used with. The contract, type by type, is in <c>docs/json-contract.md</c>.
/// </summary>
/// <remarks>
/// <para>Serialize with <see cref="GetTypeInfo{T}"/>, or put the context first in an application's
/// resolver chain; in ASP.NET Core:</para>
/// <code>
/// builder.Services.AddDefenseCoop();
/// builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, DefenseCoopJsonContext.Default));
/// app.MapGet("/partners/{code}", (string code, DefenseCoopCatalog catalog) => catalog.Partners(code));
/// </code>
/// <para>Every type reads back what it writes, except the query types (<see cref="AgreementQuery"/>,
/// <see cref="Page{T}"/>, <see cref="SpendingQuery"/>, <see cref="TradeQuery"/>, <see cref="Timeline"/>,
/// <see cref="ReconciledSpending"/>), which are written as arrays of their results and cannot be read:
/// read a list of the result type instead. A spending observation read back belongs to a new series
/// holding only it. Reading refuses malformed ids, codes, dates and enum names with a
/// <see cref="JsonException"/> that names the value. Derived properties (such as
/// <see cref="Country.Name"/> or <see cref="PartnerSummary.Total"/>) are written and ignored on reading.</para>
/// <para>Lists: the context knows <see cref="IReadOnlyList{T}"/>, <see cref="List{T}"/> and arrays of the
/// records and results. Return a declared type from an endpoint (call <c>ToList()</c> on a query).</para>
/// </remarks>
public sealed class DefenseCoopJsonContext : JsonSerializerContext, IJsonTypeInfoResolver
{
    private static readonly JsonNamingPolicy Naming = JsonNamingPolicy.CamelCase;

    /// <summary>Gets the context with its own options: the contract's settings, not indented.</summary>
    public static DefenseCoopJsonContext Default { get; } = new(null);

    /// <summary>Creates a context bound to <paramref name="options"/> (which it takes as its resolver), or to the contract's own settings when null.</summary>
    /// <param name="options">Options to bind, e.g. <c>new JsonSerializerOptions { WriteIndented = true }</c>; they must not be in use yet.</param>
    public DefenseCoopJsonContext(JsonSerializerOptions? options)
        : base(options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web) { NumberHandling = JsonNumberHandling.Strict })
    {
    }

    /// <inheritdoc/>
    protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

    /// <summary>The type information of <paramref name="type"/> under this context's options, or null for a type outside the contract.</summary>
    public override JsonTypeInfo? GetTypeInfo(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Options.TryGetTypeInfo(type, out var info) ? info : null;
    }

    /// <summary>The type information of <typeparamref name="T"/> under this context's options, for the serializer's AOT-safe overloads.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not part of the contract.</exception>
    public JsonTypeInfo<T> GetTypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    JsonTypeInfo? IJsonTypeInfoResolver.GetTypeInfo(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(options);
        var info = ValueInfo(type, options) ?? ((IJsonTypeInfoResolver)GeneratedJsonContext.Default).GetTypeInfo(type, options);
        if (info is { Kind: JsonTypeInfoKind.Object }) ApplyContract(info);
        return info;
    }

    // camelCase names from the members' own names, and absent values left out, under any options.
    private static void ApplyContract(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
        {
            string name = property.AttributeProvider is MemberInfo member ? member.Name : property.Name;
            property.Name = Naming.ConvertName(name);
            if (!property.PropertyType.IsValueType || Nullable.GetUnderlyingType(property.PropertyType) is not null)
                property.ShouldSerialize ??= static (_, value) => value is not null;
        }
    }

    // The types with a converter of their own: their information does not depend on the options' converters.
    private static JsonTypeInfo? ValueInfo(Type type, JsonSerializerOptions options) => type switch
    {
        _ when type == typeof(CountryCode) => Value(options, new CountryCodeConverter()),
        _ when type == typeof(CurrencyCode) => Value(options, new CurrencyCodeConverter()),
        _ when type == typeof(AgreementId) => Value(options, new AgreementIdConverter()),
        _ when type == typeof(OrganizationId) => Value(options, new OrganizationIdConverter()),
        _ when type == typeof(SystemId) => Value(options, new SystemIdConverter()),
        _ when type == typeof(SourceId) => Value(options, new SourceIdConverter()),
        _ when type == typeof(PersonId) => Value(options, new PersonIdConverter()),
        _ when type == typeof(EventId) => Value(options, new EventIdConverter()),
        _ when type == typeof(TradeFlowId) => Value(options, new TradeFlowIdConverter()),
        _ when type == typeof(SeriesId) => Value(options, new SeriesIdConverter()),
        _ when type == typeof(PartialDate) => Value(options, new PartialDateConverter()),
        _ when type == typeof(LocalDate) => Value(options, new LocalDateConverter()),
        _ when type == typeof(DataVersion) => Value(options, new DataVersionConverter()),
        _ when type == typeof(PriceBasis) => Value(options, new PriceBasisConverter()),
        _ when type == typeof(ReconciliationPolicy) => Value(options, new ReconciliationPolicyConverter()),
        _ when type == typeof(SpendingSeries) => Value(options, new SpendingSeriesConverter()),
        _ when type == typeof(SpendingObservation) => Value(options, new SpendingObservationConverter()),
        _ when type == typeof(TimelineEntry) => Value(options, new TimelineEntryConverter()),
        _ when type == typeof((SpendingKey, ImmutableArray<ReconciledObservation>)) => Value(options, new ReconciledSeriesConverter()),
        _ when type == typeof((Country, Membership)) => Value(options, new MemberConverter()),
        _ when type.IsEnum => EnumInfo(type, options),
        _ => null,
    };

    // The contract's enumerations, each read by name only and naming a refused value (listed, not made by
    // reflection, so that trimming and AOT keep them).
    private static JsonTypeInfo? EnumInfo(Type type, JsonSerializerOptions options) => type switch
    {
        _ when type == typeof(SourceKind) => Value(options, new EnumNameConverter<SourceKind>()),
        _ when type == typeof(NameScheme) => Value(options, new EnumNameConverter<NameScheme>()),
        _ when type == typeof(MembershipRole) => Value(options, new EnumNameConverter<MembershipRole>()),
        _ when type == typeof(OrganizationKind) => Value(options, new EnumNameConverter<OrganizationKind>()),
        _ when type == typeof(SystemCategory) => Value(options, new EnumNameConverter<SystemCategory>()),
        _ when type == typeof(AgreementKind) => Value(options, new EnumNameConverter<AgreementKind>()),
        _ when type == typeof(PartyRole) => Value(options, new EnumNameConverter<PartyRole>()),
        _ when type == typeof(AgreementStatus) => Value(options, new EnumNameConverter<AgreementStatus>()),
        _ when type == typeof(CooperationArea) => Value(options, new EnumNameConverter<CooperationArea>()),
        _ when type == typeof(SpendingMeasure) => Value(options, new EnumNameConverter<SpendingMeasure>()),
        _ when type == typeof(TradeKind) => Value(options, new EnumNameConverter<TradeKind>()),
        _ when type == typeof(EventKind) => Value(options, new EnumNameConverter<EventKind>()),
        _ when type == typeof(ValueBound) => Value(options, new EnumNameConverter<ValueBound>()),
        _ when type == typeof(DatePrecision) => Value(options, new EnumNameConverter<DatePrecision>()),
        _ when type == typeof(DateQualifier) => Value(options, new EnumNameConverter<DateQualifier>()),
        _ when type == typeof(InForceState) => Value(options, new EnumNameConverter<InForceState>()),
        _ when type == typeof(TimelineEntryKind) => Value(options, new EnumNameConverter<TimelineEntryKind>()),
        _ when type == typeof(DataRule) => Value(options, new EnumNameConverter<DataRule>()),
        _ when type == typeof(PartyLevel) => Value(options, new EnumNameConverter<PartyLevel>()),
        _ when type == typeof(Export.ExportColumnType) => Value(options, new EnumNameConverter<Export.ExportColumnType>()),
        _ when type == typeof(Export.Redistribution) => Value(options, new EnumNameConverter<Export.Redistribution>()),
        _ when type == typeof(Export.RestrictedSourceHandling) => Value(options, new EnumNameConverter<Export.RestrictedSourceHandling>()),
        _ when type == typeof(Diff.RecordKind) => Value(options, new EnumNameConverter<Diff.RecordKind>()),
        _ when type == typeof(Diff.ChangeKind) => Value(options, new EnumNameConverter<Diff.ChangeKind>()),
        _ => null,
    };

    private static JsonTypeInfo<T> Value<T>(JsonSerializerOptions options, JsonConverter<T> converter) =>
        JsonMetadataServices.CreateValueInfo<T>(options, converter);
}
