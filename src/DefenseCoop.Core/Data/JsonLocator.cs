using System.Text;
using System.Text.Json;

namespace DefenseCoop.Data;

/// <summary>
/// Finds the line of JSON paths in a document. Used only when reporting problems, so that a valid
/// file never pays for it.
/// </summary>
internal static class JsonLocator
{
    /// <summary>Maps each path to the 1-based line of that value, or of its nearest ancestor present in the document.</summary>
    public static Dictionary<string, int?> FindLines(ReadOnlySpan<byte> utf8, IReadOnlyCollection<string> paths)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
            for (string? p = path; p is not null; p = Parent(p)) wanted.Add(p);

        var newlines = new List<int>();
        for (int i = 0; i < utf8.Length; i++) if (utf8[i] == (byte)'\n') newlines.Add(i);
        int LineOf(long offset)
        {
            int index = newlines.BinarySearch((int)offset);
            return (index < 0 ? ~index : index) + 1;
        }

        // The path of the current token is kept in one buffer, cut back to its parent's length at each
        // step, and looked up without making a string: locating a few problems in a large file costs one
        // pass and no allocation per token.
        var lookup = wanted.GetAlternateLookup<ReadOnlySpan<char>>();
        var current = new PathBuffer();
        current.Append('$');
        var frames = new List<(bool IsArray, int Index, int Start)>();
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        current.Length = frames[^1].Start;
                        current.AppendProperty(ref reader);
                        Record(reader.TokenStartIndex);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        current.Length = frames[^1].Start;
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            var (_, index, start) = frames[^1];
                            frames[^1] = (true, index + 1, start);
                            current.Length = start;
                            current.AppendIndex(index + 1);
                        }
                        if (frames.Count == 0 || frames[^1].IsArray) Record(reader.TokenStartIndex);
                        if (reader.TokenType is JsonTokenType.StartObject) frames.Add((false, 0, current.Length));
                        else if (reader.TokenType is JsonTokenType.StartArray) frames.Add((true, -1, current.Length));
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A malformed tail: keep what was located before it.
        }

        var result = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            int? line = null;
            for (string? p = path; p is not null && line is null; p = Parent(p))
                if (found.TryGetValue(p, out int l)) line = l;
            result[path] = line;
        }
        return result;

        void Record(long offset)
        {
            if (lookup.TryGetValue(current.Span, out var key)) found.TryAdd(key, LineOf(offset));
        }
    }

    /// <summary>A growable run of characters, written the way <see cref="AppendProperty"/> writes a path.</summary>
    private struct PathBuffer()
    {
        private char[] _chars = new char[256];

        public int Length { get; set; }

        public readonly ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

        public void Append(char c)
        {
            Reserve(1);
            _chars[Length++] = c;
        }

        public void Append(ReadOnlySpan<char> text)
        {
            Reserve(text.Length);
            text.CopyTo(_chars.AsSpan(Length));
            Length += text.Length;
        }

        public void AppendIndex(int index)
        {
            Append('[');
            Reserve(11);
            index.TryFormat(_chars.AsSpan(Length), out int written, default, System.Globalization.CultureInfo.InvariantCulture);
            Length += written;
            Append(']');
        }

        public void AppendProperty(ref Utf8JsonReader reader)
        {
            int max = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
            char[] name = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(max, 1));
            int length = reader.CopyString(name);
            var span = name.AsSpan(0, length);
            if (span.Length > 0 && !span.ContainsAnyExcept(PlainName))
            {
                Append('.');
                Append(span);
            }
            else
            {
                Append("['");
                foreach (char c in span)
                {
                    if (c == '\'') Append('\\');
                    Append(c);
                }
                Append("']");
            }
            System.Buffers.ArrayPool<char>.Shared.Return(name);
        }

        private void Reserve(int count)
        {
            if (Length + count > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + count));
        }
    }

    private static readonly System.Buffers.SearchValues<char> PlainName =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>Appends <c>.name</c>, or <c>['name']</c> where the name is not a plain identifier.</summary>
    public static StringBuilder AppendProperty(StringBuilder text, string name) =>
        name.Length > 0 && !name.AsSpan().ContainsAnyExcept(PlainName)
            ? text.Append('.').Append(name)
            : text.Append("['").Append(name.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");

    /// <summary>The path of the enclosing value, or <see langword="null"/> for the root.</summary>
    public static string? Parent(string path)
    {
        if (path == "$") return null;
        int cut = path.Length - 1;
        if (path[cut] == ']')
        {
            cut = path[cut - 1] == '\'' ? path.LastIndexOf("['", StringComparison.Ordinal) : path.LastIndexOf('[');
        }
        else
        {
            cut = path.LastIndexOf('.');
        }
        return cut <= 0 ? "$" : path[..cut];
    }
}
