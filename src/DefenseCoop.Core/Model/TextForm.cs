using System.Diagnostics.CodeAnalysis;

namespace DefenseCoop;

/// <summary>
/// The shared rules of the value types' text forms (ids, codes, <see cref="PartialDate"/>,
/// <see cref="DataVersion"/>): each has one text form, the one <c>ToString()</c> gives, so the only
/// format accepted is the default, written <c>null</c>, empty or <c>"G"</c>; and the text form does not
/// depend on culture, so format providers are ignored.
/// </summary>
internal static class TextForm
{
    /// <summary>Throws unless <paramref name="format"/> is the default format.</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is neither empty nor <c>"G"</c>.</exception>
    public static void CheckFormat(ReadOnlySpan<char> format, string type)
    {
        if (format.IsEmpty || format is "G" or "g") return;
        throw new FormatException($"The format '{format}' is not supported: a {type} has one text form, written with the format \"G\" (or none).");
    }

    /// <summary>Copies <paramref name="text"/> to <paramref name="destination"/> if it fits.</summary>
    public static bool TryCopy(string text, Span<char> destination, out int charsWritten)
    {
        if (text.TryCopyTo(destination))
        {
            charsWritten = text.Length;
            return true;
        }
        charsWritten = 0;
        return false;
    }

    /// <summary>Returns what <paramref name="tryParse"/> parsed, or throws the exception <see cref="IParsable{TSelf}.Parse"/> documents.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not the text form.</exception>
    public static T Parse<T>(ReadOnlySpan<char> text, TryParseSpan<T> tryParse, string expected) =>
        tryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not {expected}.");

    /// <summary>A span parser.</summary>
    public delegate bool TryParseSpan<T>(ReadOnlySpan<char> text, [MaybeNullWhen(false)] out T value);
}
