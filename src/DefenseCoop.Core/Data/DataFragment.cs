using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace DefenseCoop.Data;

/// <summary>One parsed data file: its name, its bytes (for locating lines in error reports) and its content.</summary>
internal sealed record DataFragment(string File, ReadOnlyMemory<byte> Utf8, DataFileDto Dto)
{
    /// <summary>Whether the fragment is records made in code, which carry no header and no text to locate lines in.</summary>
    public bool IsRecords { get; private init; }

    /// <summary>Whether the fragment is an overlay, whose records may replace earlier ones that say so.</summary>
    public bool IsOverlay { get; init; }

    /// <summary>
    /// Records made in code or read by an importer, which the validator checks as the model records they
    /// are (no detour through the file format); <see langword="null"/> for a file.
    /// </summary>
    public CatalogRecords? Records { get; private init; }

    /// <summary>A fragment of records made in code (or read by an importer), named <paramref name="name"/> in problems.</summary>
    public static DataFragment FromRecords(string name, CatalogRecords records) =>
        new(name, ReadOnlyMemory<byte>.Empty, new DataFileDto()) { IsRecords = true, Records = records };

    /// <summary>
    /// Records written in the file format and parsed as a file's would be, yet named like records made in
    /// code: the way records were validated before they were checked as models, kept for comparison.
    /// </summary>
    public static DataFragment FromWrittenRecords(string name, DataFileDto dto) => new(name, ReadOnlyMemory<byte>.Empty, dto) { IsRecords = true };

    /// <summary>
    /// Records validated before (the compiled release), which a build declares and keeps as they are, so
    /// that only what is added to them is checked field by field; <see langword="null"/> for a file to validate.
    /// </summary>
    public CatalogContent? Trusted { get; private init; }

    /// <summary>
    /// The bundled release as <see cref="DefenseCoopCatalog.Default"/> holds it: read from the compiled
    /// snapshot once, and shared (its records are immutable), so that a build on top of it costs the
    /// files and records added, not a second reading and validation of the release.
    /// </summary>
    public static DataFragment Bundled() => Trust(DefenseCoopCatalog.ResourceName, DefenseCoopCatalog.Default.Content);

    /// <summary>A fragment of validated content, with its header.</summary>
    public static DataFragment Trust(string name, CatalogContent content) =>
        new(name, ReadOnlyMemory<byte>.Empty, new DataFileDto
        {
            SchemaVersion = content.SchemaVersion, DataVersion = content.DataVersion.ToString(), Released = NodaTime.Text.LocalDatePattern.Iso.Format(content.Released),
        }) { Trusted = content };

    /// <summary>The newest file format this library reads.</summary>
    public const int CurrentSchemaVersion = 1;

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    // One context per configured depth: a context builds its metadata once, on first use, so a new one
    // per file would pay that again for every file. Depths come from the application, not from files.
    private static readonly ConcurrentDictionary<int, DataJsonContext> Contexts = new();

    /// <summary>
    /// Parses a file's bytes, refusing anything a hostile file could use against the reader: more bytes,
    /// deeper nesting or longer strings than <paramref name="limits"/> allow, bytes that are not UTF-8,
    /// and objects that repeat a property name (which readers disagree on: some keep the first, some the
    /// last). A UTF-8 byte order mark at the start is accepted and skipped. A malformed file throws
    /// <see cref="DefenseCoopDataException"/>, and nothing else.
    /// </summary>
    public static DataFragment Parse(string file, ReadOnlyMemory<byte> utf8, DataLimits limits)
    {
        if (utf8.Span.StartsWith(ByteOrderMark)) utf8 = utf8[ByteOrderMark.Length..];
        if (utf8.Length > limits.MaxFileBytes)
            throw Single(file, "$", null, DataRule.LimitExceeded, $"The file is {utf8.Length:N0} bytes; the limit is {limits.MaxFileBytes:N0}.");
        // A well-formed file is read directly; anything else goes through the checks and the serializer,
        // which find and report what is wrong with it.
        return DataFileReader.TryRead(utf8.Span, limits) is { } read ? new DataFragment(file, utf8, read) : ParseWithSerializer(file, utf8, limits);
    }

    /// <summary>
    /// <see cref="Parse"/> without its fast path: checks the bytes, then deserializes them with the
    /// serializer, which names the path of a value it cannot read.
    /// </summary>
    internal static DataFragment ParseWithSerializer(string file, ReadOnlyMemory<byte> utf8, DataLimits limits)
    {
        var syntaxError = CheckText(file, utf8.Span, limits);
        var context = Contexts.GetOrAdd(limits.MaxDepth, static depth =>
            new DataJsonContext(new JsonSerializerOptions(DataJsonContext.Default.Options) { MaxDepth = depth, AllowDuplicateProperties = false }));
        DataFileDto? dto;
        try
        {
            dto = JsonSerializer.Deserialize(utf8.Span, context.DataFileDto);
        }
        catch (JsonException e)
        {
            // The serializer names the extension-data property, not the repeated one: say which it is.
            throw FindDuplicate(file, utf8.Span, limits)
                ?? Single(file, e.Path ?? "$", e.LineNumber is long l ? (int)l + 1 : null, DataRule.MalformedJson, FirstSentence(e.Message));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            throw Single(file, "$", null, DataRule.MalformedJson, e.Message);
        }
        if (dto is null) throw Single(file, "$", 1, DataRule.MalformedJson, "The document is null; expected an object.");
        // Never expected: the serializer reads with the same options and refuses what the reader did.
        if (syntaxError is not null)
            throw Single(file, "$", syntaxError.LineNumber is long n ? (int)n + 1 : null, DataRule.MalformedJson, FirstSentence(syntaxError.Message));
        return new DataFragment(file, utf8, dto);
    }

    /// <summary>
    /// Checks what the serializer does not: that the bytes are UTF-8 (it ignores bad bytes in values it
    /// skips, such as unknown properties), that escapes make Unicode text, and that no string, property
    /// name or number is longer than the limit (it never sees the names and values of unknown properties
    /// as strings). One forward pass of the reader. Syntax errors are returned, not thrown, and left to
    /// the serializer, which reports them with their path.
    /// </summary>
    private static JsonException? CheckText(string file, ReadOnlySpan<byte> utf8, DataLimits limits)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8))
        {
            int at = FirstInvalidUtf8(utf8);
            throw Single(file, PathAt(utf8, at, limits), LineAt(utf8, at), DataRule.MalformedJson,
                $"The file is not valid UTF-8: the byte 0x{utf8[at]:X2} at offset {at:N0} does not begin a valid sequence (save the file as UTF-8).");
        }
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = limits.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number)) continue;
                int length;
                if (reader.ValueIsEscaped)
                {
                    // Rare (the bundled release has no escaped strings), so unescaping them all costs nothing.
                    if (Unescape(ref reader) is not { } text)
                    {
                        int start = (int)reader.TokenStartIndex;
                        throw Single(file, PathAt(utf8, start, limits), LineAt(utf8, start), DataRule.MalformedJson,
                            "A string holds an unpaired surrogate escape (\\uD800 to \\uDFFF without its other half), which is not Unicode text.");
                    }
                    length = text.Length;
                }
                // A character takes at least one byte, so a token no longer in bytes than the limit is within it.
                else if (reader.ValueSpan.Length <= limits.MaxStringLength) continue;
                else length = reader.TokenType == JsonTokenType.Number ? reader.ValueSpan.Length : Encoding.UTF8.GetCharCount(reader.ValueSpan);
                if (length <= limits.MaxStringLength) continue;
                string what = reader.TokenType switch
                {
                    JsonTokenType.PropertyName => "A property name",
                    JsonTokenType.Number => "A number",
                    _ => "A string",
                };
                int at = (int)reader.TokenStartIndex;
                throw Single(file, PathAt(utf8, at, limits), LineAt(utf8, at), DataRule.LimitExceeded,
                    $"{what} is {length:N0} characters long; the limit is {limits.MaxStringLength:N0}.");
            }
        }
        catch (JsonException e)
        {
            // Malformed JSON, or nested too deep: the serializer reports it with its path.
            return e;
        }
        return null;

        static string? Unescape(ref Utf8JsonReader reader)
        {
            try
            {
                return reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <summary>The first object in the document that repeats a property name, as an issue; null if none does.</summary>
    private static DefenseCoopDataException? FindDuplicate(string file, ReadOnlySpan<byte> utf8, DataLimits limits)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = limits.MaxDepth });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        string name = reader.GetString()!;
                        frames[^1] = frames[^1] with { Property = name };
                        if (!frames[^1].Names!.Add(name))
                        {
                            return Single(file, BuildPath(frames), LineAt(utf8, (int)reader.TokenStartIndex), DataRule.MalformedJson,
                                $"The property '{Shorten(name)}' appears more than once in this object; each name may appear only once.");
                        }
                        break;
                    default:
                        Track(frames, reader.TokenType);
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Another problem comes first: the serializer's report stands.
        }
        return null;
    }

    /// <summary>
    /// The path of the value (or property name) starting at <paramref name="offset"/>, or of the
    /// nearest enclosing value read before the reader stopped. Used only to report problems.
    /// </summary>
    private static string PathAt(ReadOnlySpan<byte> utf8, int offset, DataLimits limits)
    {
        var frames = new List<Frame>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = limits.MaxDepth });
        try
        {
            while (reader.Read() && reader.TokenStartIndex <= offset)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        // The name reported on (and any too long to read) is not put in the path: its object is named instead.
                        bool named = reader.TokenStartIndex < offset && reader.ValueSpan.Length <= 200;
                        frames[^1] = frames[^1] with { Property = named ? reader.GetString() : null };
                        break;
                    default:
                        Track(frames, reader.TokenType);
                        break;
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Invalid bytes or syntax before the offset: name the enclosing value reached.
        }
        return BuildPath(frames);
    }

    /// <summary>An open object (with the names seen in it) or array (with the index of its current element) while scanning.</summary>
    private readonly record struct Frame(HashSet<string>? Names, int Index, string? Property);

    /// <summary>Keeps the open objects and arrays up to date for a token that is not a property name.</summary>
    private static void Track(List<Frame> frames, JsonTokenType token)
    {
        if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
        {
            frames.RemoveAt(frames.Count - 1);
            return;
        }
        if (frames.Count > 0 && frames[^1].Names is null) frames[^1] = frames[^1] with { Index = frames[^1].Index + 1 };
        if (token == JsonTokenType.StartObject) frames.Add(new Frame(new HashSet<string>(StringComparer.Ordinal), -1, null));
        else if (token == JsonTokenType.StartArray) frames.Add(new Frame(null, -1, null));
    }

    private static string BuildPath(List<Frame> frames)
    {
        var text = new StringBuilder("$");
        foreach (var frame in frames)
        {
            if (frame.Names is null) { if (frame.Index >= 0) text.Append('[').Append(frame.Index).Append(']'); }
            else if (frame.Property is not null) JsonLocator.AppendProperty(text, frame.Property);
        }
        return text.ToString();
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        int at = 0;
        while (at < utf8.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(utf8[at..], out _, out int consumed) != System.Buffers.OperationStatus.Done) return at;
            at += consumed;
        }
        return utf8.Length - 1;
    }

    private static int LineAt(ReadOnlySpan<byte> utf8, int offset) => utf8[..Math.Min(offset, utf8.Length)].Count((byte)'\n') + 1;

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "…");

    private static DefenseCoopDataException Single(string file, string path, int? line, DataRule rule, string message) =>
        new([new DataIssue(file, path, line, rule, message)]);

    // System.Text.Json appends the path and position, which the issue already carries.
    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
