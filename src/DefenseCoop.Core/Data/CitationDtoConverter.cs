using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenseCoop.Data;

// A citation is written as its source id alone, or as an object where the curator adds a caveat. The
// serializer's path (taken for files the direct reader gives up on) reads both, keeping unknown
// properties for the validator to report, as it does for every other object of the format.
internal sealed class CitationDtoConverter : JsonConverter<CitationDto>
{
    public override CitationDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new CitationDto { Source = reader.GetString() };
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"A citation is a source id or an object, not {reader.TokenType}.");
        var dto = new CitationDto();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString()!;
            if (!seen.Add(name)) throw new JsonException($"The property '{name}' is repeated.");
            reader.Read();
            switch (name)
            {
                case "source": dto.Source = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                case "dateNotOnPage": dto.DateNotOnPage = reader.TokenType == JsonTokenType.Null ? null : reader.GetBoolean(); break;
                case "inferred": dto.Inferred = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                default:
                    (dto.Unknown ??= [])[name] = JsonElement.ParseValue(ref reader);
                    break;
            }
        }
        return dto;
    }

    public override void Write(Utf8JsonWriter writer, CitationDto value, JsonSerializerOptions options)
    {
        if (!value.HasCaveat)
        {
            writer.WriteStringValue(value.Source);
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("source", value.Source);
        if (value.DateNotOnPage == true) writer.WriteBoolean("dateNotOnPage", true);
        if (value.Inferred is not null) writer.WriteString("inferred", value.Inferred);
        writer.WriteEndObject();
    }
}
