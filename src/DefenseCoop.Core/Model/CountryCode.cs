using System.Diagnostics.CodeAnalysis;

namespace DefenseCoop;

/// <summary>
/// A country's two-letter code: ISO 3166-1 alpha-2 for current states, or the code this library
/// assigns to a historical state (such as <c>SU</c> for the USSR). Always upper case.
/// </summary>
/// <remarks>
/// Construct with <see cref="Parse"/>, <see cref="TryParse"/> or the explicit conversion from
/// <see cref="string"/>, which throws <see cref="ArgumentException"/> for text that is not two ASCII letters
/// (explicit, since a conversion that can throw must be asked for). A catalog's countries are also
/// found by text: <c>catalog.Countries["FI"]</c>.
/// Lower-case input is accepted and normalised. The default value is invalid and compares as empty.
/// </remarks>
public readonly struct CountryCode : IEquatable<CountryCode>, IComparable<CountryCode>, IComparable, ISpanParsable<CountryCode>, ISpanFormattable
{
    private readonly string? _value;

    private CountryCode(string value) => _value = value;

    /// <summary>Gets the upper-case two-letter code.</summary>
    public string Value => _value ?? "";

    /// <summary>Parses a two-letter code, case-insensitively.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not two ASCII letters.</exception>
    public static CountryCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new ArgumentException($"'{text}' is not a two-letter country code.", nameof(text));

    /// <summary>Tries to parse a two-letter code, case-insensitively.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CountryCode code)
    {
        if (text is { Length: 2 } && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1]))
        {
            code = new CountryCode(text.ToUpperInvariant());
            return true;
        }
        code = default;
        return false;
    }

    /// <summary>Converts text to a code; see <see cref="Parse"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null, which C# passes for <c>flag ? code : null</c>: write <c>(CountryCode?)null</c> there.</exception>
    public static explicit operator CountryCode(string text) =>
        text is null ? throw new ArgumentNullException(nameof(text), "A country code cannot be null; for an absent code in a conditional expression, write (CountryCode?)null.") : Parse(text);

    /// <inheritdoc/>
    public bool Equals(CountryCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CountryCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public int CompareTo(CountryCode other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        CountryCode other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a CountryCode.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the code; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "country code");
        return Value;
    }

    /// <summary>Writes the code to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "country code");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    // As IParsable and ISpanParsable, parsing throws FormatException, as those interfaces document;
    // Parse(string) and the conversion from string keep their ArgumentException.
    static CountryCode IParsable<CountryCode>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<CountryCode>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a two-letter country code");

    static bool IParsable<CountryCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CountryCode result) => TryParse(s, out result);

    static CountryCode ISpanParsable<CountryCode>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<CountryCode>(s, TryParseSpan, "a two-letter country code");

    static bool ISpanParsable<CountryCode>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CountryCode result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out CountryCode result)
    {
        if (s.Length == 2 && !s.ContainsAnyExcept(AsciiLetters))
        {
            result = new CountryCode(s.ToString().ToUpperInvariant());
            return true;
        }
        result = default;
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Equality of codes.</summary>
    public static bool operator ==(CountryCode left, CountryCode right) => left.Equals(right);

    /// <summary>Inequality of codes.</summary>
    public static bool operator !=(CountryCode left, CountryCode right) => !left.Equals(right);

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator <(CountryCode left, CountryCode right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator >(CountryCode left, CountryCode right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator <=(CountryCode left, CountryCode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator >=(CountryCode left, CountryCode right) => left.CompareTo(right) >= 0;
}
