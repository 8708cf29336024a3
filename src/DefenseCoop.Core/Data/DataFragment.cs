using System.Text.Json;

namespace DefenseCoop.Data;

/// <summary>One parsed data file: its name, its bytes (for locating lines in error reports) and its content.</summary>
internal sealed record DataFragment(string File, ReadOnlyMemory<byte> Utf8, DataFileDto Dto)
{
    /// <summary>Whether the fragment is records made in code, which carry no header and no text to locate lines in.</summary>
    public bool IsRecords { get; private init; }

    /// <summary>Whether the fragment is an overlay, whose records may replace earlier ones that say so.</summary>
    public bool IsOverlay { get; init; }

    /// <summary>A fragment of records made in code.</summary>
    public static DataFragment FromRecords(string name, DataFileDto dto) => new(name, ReadOnlyMemory<byte>.Empty, dto) { IsRecords = true };

    /// <summary>The newest file format this library reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Parses a file's bytes; a malformed file throws <see cref="DefenseCoopDataException"/>.</summary>
    public static DataFragment Parse(string file, ReadOnlyMemory<byte> utf8, DataLimits limits)
    {
        if (utf8.Length > limits.MaxFileBytes)
            throw Single(file, "$", null, DataRule.LimitExceeded, $"The file is {utf8.Length:N0} bytes; the limit is {limits.MaxFileBytes:N0}.");
        var options = new JsonSerializerOptions(DataJsonContext.Default.Options) { MaxDepth = limits.MaxDepth };
        var context = new DataJsonContext(options);
        DataFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8.Span, context.DataFileDto);
        }
        catch (JsonException e)
        {
            throw Single(file, e.Path ?? "$", e.LineNumber is long l ? (int)l + 1 : null, DataRule.MalformedJson, FirstSentence(e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw Single(file, "$", null, DataRule.MalformedJson, e.Message);
        }
        if (dto is null) throw Single(file, "$", 1, DataRule.MalformedJson, "The document is null; expected an object.");
        return new DataFragment(file, utf8, dto);
    }

    private static DefenseCoopDataException Single(string file, string path, int? line, DataRule rule, string message) =>
        new([new DataIssue(file, path, line, rule, message)]);

    // System.Text.Json appends the path and position, which the issue already carries.
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

