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

        var frames = new List<(bool IsArray, int Index, string? Property)>();
        try
        {
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = (false, 0, reader.GetString());
                        Record(BuildPath(frames), reader.TokenStartIndex);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (frames.Count > 0 && frames[^1].IsArray)
                        {
                            frames[^1] = (true, frames[^1].Index + 1, null);
                            Record(BuildPath(frames), reader.TokenStartIndex);
                        }
                        else if (frames.Count == 0)
                        {
                            Record("$", reader.TokenStartIndex);
                        }
                        if (reader.TokenType is JsonTokenType.StartObject) frames.Add((false, 0, null));
                        else if (reader.TokenType is JsonTokenType.StartArray) frames.Add((true, -1, null));
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

        void Record(string path, long offset)
        {
            if (wanted.Contains(path)) found.TryAdd(path, LineOf(offset));
        }
    }

    private static string BuildPath(List<(bool IsArray, int Index, string? Property)> frames)
    {
        var text = new StringBuilder("$");
        foreach (var (isArray, index, property) in frames)
        {
            if (isArray) text.Append('[').Append(index).Append(']');
            else if (property is not null) AppendProperty(text, property);
        }
        return text.ToString();
    }

    /// <summary>Appends <c>.name</c>, or <c>['name']</c> where the name is not a plain identifier.</summary>
    public static StringBuilder AppendProperty(StringBuilder text, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
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
