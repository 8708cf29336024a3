using DefenseCoop.Querying;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DefenseCoop.Samples.Web;

/// <summary>
/// Tells the OpenAPI document what the JSON contract's converters write: the schema generator sees a
/// converter, not a shape, so it would describe an id or a partial date as anything.
/// </summary>
internal static class ContractSchemas
{
    private static readonly Dictionary<Type, string> Strings = new()
    {
        [typeof(CountryCode)] = "Two-letter country code, e.g. TR.",
        [typeof(CurrencyCode)] = "ISO 4217 currency code, e.g. EUR.",
        [typeof(AgreementId)] = "Agreement id (a slug).",
        [typeof(OrganizationId)] = "Organization id (a slug).",
        [typeof(SystemId)] = "Defence system id (a slug).",
        [typeof(SourceId)] = "Source id (a slug).",
        [typeof(PersonId)] = "Person id (a slug).",
        [typeof(EventId)] = "Event id (a slug).",
        [typeof(TradeFlowId)] = "Trade flow id (a slug).",
        [typeof(SeriesId)] = "Spending series id (a slug).",
        [typeof(PartialDate)] = "A date at the precision its source gives: 2025-06-02, 2023-03, 2023, early 2023, approximately 2022.",
        [typeof(NodaTime.LocalDate)] = "ISO date, YYYY-MM-DD.",
        [typeof(DataVersion)] = "Data release, YYYY.N.",
        [typeof(PriceBasis)] = "'current' or 'constant YYYY'.",
        [typeof(ReconciliationPolicy)] = "'minimum', 'maximum', 'median' or 'prefer SOURCE, then SOURCE'.",
    };

    public static Task Transform(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (Strings.TryGetValue(type, out var description))
        {
            schema.Type = JsonSchemaType.String;
            schema.Description = description;
            schema.Properties?.Clear();
        }
        else if (type == typeof(SpendingObservation) || type == typeof(SpendingSeries) || type == typeof(TimelineEntry))
        {
            schema.Type = JsonSchemaType.Object;
            schema.Description = $"See docs/json-contract.md: {type.Name}.";
        }
        return Task.CompletedTask;
    }
}
