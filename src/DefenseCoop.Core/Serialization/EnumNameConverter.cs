using System.Text.Json;
using System.Text.Json.Serialization;

namespace DefenseCoop.Serialization;

/// <summary>
/// An enumeration of the contract, written as its member's name and read only from exactly one of its
/// names: no numbers, no other case, no lists. A refused value is named in the exception, with the
/// names that would do, so that a caller sees what was sent and what is accepted.
/// </summary>
internal sealed class EnumNameConverter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
{
    private static readonly Dictionary<string, TEnum> ByName = Enum.GetValues<TEnum>().ToDictionary(v => v.ToString(), StringComparer.Ordinal);

    private static readonly string Names = string.Join(", ", Enum.GetNames<TEnum>());

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            string written = reader.TokenType == JsonTokenType.Number ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan) : reader.TokenType.ToString();
            throw new JsonException($"{Shorten(written)} is not a {typeof(TEnum).Name}: write one of its names as a string ({Names}).");
        }
        return Parse(reader.GetString()!);
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WriteStringValue(Name(value));

    public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString()!);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => writer.WritePropertyName(Name(value));

    private static TEnum Parse(string text) =>
        ByName.TryGetValue(text, out var value) ? value : throw new JsonException($"'{Shorten(text)}' is not a {typeof(TEnum).Name}: expected one of {Names}.");

    // A value outside the enumeration has no name to write, and would not read back.
    private static string Name(TEnum value) =>
        Enum.GetName(value) ?? throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}, so it has no name to write.");

    private static string Shorten(string text) => text.Length <= 100 ? text : string.Concat(text.AsSpan(0, 100), "…");
}
