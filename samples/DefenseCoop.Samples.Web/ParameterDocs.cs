using System.Globalization;
using System.Text.Json.Nodes;
using DefenseCoop.Querying;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace DefenseCoop.Samples.Web;

/// <summary>
/// Tells the OpenAPI document what each parameter accepts, with its bounds. The endpoints read every
/// value as text (so that a bad one is a 400 naming it, not a binding failure), which the generator
/// would describe as any string; this is what <see cref="Parameters"/> enforces.
/// </summary>
internal static class ParameterDocs
{
    private sealed record Doc(string Description, JsonSchemaType Type, string? Minimum = null, string? Maximum = null,
        string? Pattern = null, int? MaxLength = null, string? Format = null, JsonNode? Default = null);

    private const string DatePattern = @"^((early|mid|late|approximately) )?[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
    private static readonly string YearsText = $"{Parameters.MinYear} to {Parameters.MaxYear}";

    private const string SlugPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private static Doc Country(string what) => new($"{what}: any name, alias or code the catalog knows (Türkiye, Turkey, TUR, TR). An unknown name is a 400 whose `suggestions` list the closest countries.", JsonSchemaType.String, MaxLength: Parameters.MaxText);

    private static Doc Year(string what) => new($"{what} (a year, {Parameters.MinYear} to {Parameters.MaxYear}).", JsonSchemaType.Integer,
        Parameters.MinYear.ToString(CultureInfo.InvariantCulture), Parameters.MaxYear.ToString(CultureInfo.InvariantCulture));

    private static Doc Enums<TEnum>(string what) where TEnum : struct, Enum =>
        new($"{what}: one or more of {string.Join(", ", Enum.GetNames<TEnum>())}, separated by commas.", JsonSchemaType.String,
            Pattern: $"^({string.Join("|", Enum.GetNames<TEnum>())})(,({string.Join("|", Enum.GetNames<TEnum>())}))*$");

    private static Doc Text(string what) => new(what, JsonSchemaType.String, MaxLength: Parameters.MaxText);

    // By parameter name; where one name means different things on two paths, by path first.
    private static readonly Dictionary<string, Doc> ByName = new(StringComparer.Ordinal)
    {
        ["q"] = Text("Text to find in any country's name, alias or code, in any language, without diacritics; omit for every country."),
        ["country"] = Country("A country"),
        ["partner"] = Country("A second country, with country: records between the two"),
        ["a"] = Country("The first country"),
        ["b"] = Country("The second country, not the first"),
        ["exporter"] = Country("The exporting country"),
        ["importer"] = Country("The importing country"),
        ["organization"] = Text("An organization by id, name or alias (ssb, Savunma Sanayii Başkanlığı)."),
        ["system"] = Text("A defence system by id, name or alias (bayraktar-tb2, Bayraktar TB2)."),
        ["area"] = Enums<CooperationArea>("Cooperation areas"),
        ["status"] = Enums<AgreementStatus>("Statuses an agreement had at any date"),
        ["measure"] = Enums<SpendingMeasure>("Measures"),
        ["signedFrom"] = new("Signed on or after this date: YYYY, YYYY-MM or YYYY-MM-DD (the start of the period), in the years " + YearsText + ".", JsonSchemaType.String, Pattern: DatePattern, MaxLength: 30),
        ["signedTo"] = new("Signed on or before this date: YYYY, YYYY-MM or YYYY-MM-DD (the end of the period), not before signedFrom, in the years " + YearsText + ".", JsonSchemaType.String, Pattern: DatePattern, MaxLength: 30),
        ["inForceOn"] = new($"Certainly in force on this day, YYYY-MM-DD, in the years {YearsText}.", JsonSchemaType.String, Format: "date"),
        ["possiblyInForceOn"] = new($"In force on this day as far as the sources can tell, YYYY-MM-DD, in the years {YearsText}.", JsonSchemaType.String, Format: "date"),
        ["order"] = new("By signing date: asc (default) or desc.", JsonSchemaType.String, Pattern: "^(asc|desc)$", Default: "asc"),
        ["skip"] = new("Records to skip before the page.", JsonSchemaType.Integer, "0", int.MaxValue.ToString(CultureInfo.InvariantCulture), Default: 0),
        ["take"] = new("Records in the page.", JsonSchemaType.Integer, "0", "100", Default: 20),
        ["from"] = Year("The first year"),
        ["to"] = Year("The last year, not before from"),
        ["orderedFrom"] = Year("Ordered in or after this year"),
        ["orderedTo"] = Year("Ordered in or before this year, not before orderedFrom"),
        ["deliveredFrom"] = Year("With a delivery in or after this year"),
        ["deliveredTo"] = Year("With a delivery in or before this year, not before deliveredFrom"),
        ["publisher"] = Text("Only the figures of this publisher (NATO, SIPRI)."),
        ["source"] = new("Only the figures of this source, by id.", JsonSchemaType.String, Pattern: SlugPattern, MaxLength: Parameters.MaxText),
        ["policy"] = new("How to reconcile sources: none (every figure), minimum, maximum, median or prefer:SOURCE-ID[,SOURCE-ID...].", JsonSchemaType.String, Pattern: "^(none|minimum|maximum|median|prefer:[a-z0-9-]+(,[a-z0-9-]+)*)$"),
        ["id"] = new("A source id; an unknown one is a 404.", JsonSchemaType.String, Pattern: SlugPattern, MaxLength: Parameters.MaxText),
        ["kinds"] = new("The kinds of record that make ties, separated by commas: agreements, trade, events (at least one).", JsonSchemaType.String, Pattern: "^[a-zA-Z, ]+$", MaxLength: 100),
        ["centrality"] = Enums<DefenseCoop.Networks.Centrality>("The centrality that sizes the nodes (default PageRank)"),
        ["directed"] = new("Whether trade ties are directed, exporter to importer: true or false (default false).", JsonSchemaType.String, Pattern: "^(true|false|1|0|yes|no)$", MaxLength: 5),
    };

    private static readonly Dictionary<(string Path, string Name), Doc> ByPath = new()
    {
        [("api/agreements", "kind")] = Enums<AgreementKind>("Agreement kinds"),
        [("api/trade", "kind")] = Enums<TradeKind>("Trade kinds"),
        [("api/trade", "partner")] = Country("A second country, with country: flows between the two in either direction"),
    };

    /// <summary>Gives every parameter of an operation its description and schema, with bounds.</summary>
    public static Task Transform(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        string path = context.Description.RelativePath?.Split('?')[0].TrimEnd('/') ?? "";
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            string name = parameter.Name ?? "";
            if (!ByPath.TryGetValue((path, name), out var doc) && !ByName.TryGetValue(name, out doc))
                throw new InvalidOperationException($"The parameter '{name}' of /{path} has no description in ParameterDocs.");
            parameter.Description = doc.Description;
            parameter.Schema = new OpenApiSchema
            {
                Type = doc.Type, Minimum = doc.Minimum, Maximum = doc.Maximum, Pattern = doc.Pattern,
                MaxLength = doc.MaxLength, Format = doc.Format, Default = doc.Default?.DeepClone(),
            };
        }
        return Task.CompletedTask;
    }
}
