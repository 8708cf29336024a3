using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DefenseCoop.Serialization;

// Reading and writing helpers the contract's hand-written converters share.
internal static class Json
{
    public static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    public static void Write<T>(Utf8JsonWriter writer, string name, T value, JsonSerializerOptions options)
    {
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, value, Info<T>(options));
    }

    public static T Read<T>(ref Utf8JsonReader reader, JsonSerializerOptions options, string name)
    {
        try
        {
            return JsonSerializer.Deserialize(ref reader, Info<T>(options))!;
        }
        catch (JsonException e) when (e.Path is null)
        {
            throw new JsonException($"'{name}': {e.Message}", e);
        }
    }

    public static string? ReadString(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"'{name}' must be a string, not {reader.TokenType}."),
    };

    public static void StartObject(ref Utf8JsonReader reader, string type)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Expected a {type} as a JSON object, found {reader.TokenType}.");
    }

    /// <summary>Moves to the next property name, or returns false at the end of the object.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            name = "";
            return false;
        }
        name = reader.GetString()!;
        reader.Read();
        return true;
    }

    public static T Require<T>(T? value, string property, string type) where T : struct =>
        value ?? throw new JsonException($"A {type} needs '{property}'.");

    public static T Require<T>(T? value, string property, string type) where T : class =>
        value ?? throw new JsonException($"A {type} needs '{property}'.");

    public static TEnum ParseEnum<TEnum>(string? text, string property) where TEnum : struct, Enum =>
        Enum.TryParse<TEnum>(text, ignoreCase: false, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text![0])
            ? value
            : throw new JsonException($"'{property}': '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");

    /// <summary>Runs a model constructor, turning its argument checks into the serializer's exception.</summary>
    public static T Construct<T>(Func<T> create, string type)
    {
        try
        {
            return create();
        }
        catch (ArgumentException e)
        {
            throw new JsonException($"Not a valid {type}: {e.Message}", e);
        }
    }
}
