using System.Diagnostics.CodeAnalysis;

namespace DefenseCoop;

/// <summary>An ISO 4217 alphabetic currency code such as <c>EUR</c> or <c>USD</c>. Always upper case.</summary>
/// <remarks>The implicit conversion from <see cref="string"/> throws <see cref="ArgumentException"/> for text that is not three ASCII letters.</remarks>
public readonly struct CurrencyCode : IEquatable<CurrencyCode>, IComparable<CurrencyCode>, IComparable, ISpanParsable<CurrencyCode>, ISpanFormattable
{
    private readonly string? _value;

    private CurrencyCode(string value) => _value = value;

    /// <summary>The US dollar.</summary>
    public static CurrencyCode Usd { get; } = new("USD");

    /// <summary>The euro.</summary>
    public static CurrencyCode Eur { get; } = new("EUR");

    /// <summary>Gets the upper-case three-letter code.</summary>
    public string Value => _value ?? "";

    /// <summary>Parses a three-letter code, case-insensitively.</summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> is not three ASCII letters.</exception>
    public static CurrencyCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new ArgumentException($"'{text}' is not a three-letter currency code.", nameof(text));

    /// <summary>Tries to parse a three-letter code, case-insensitively.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out CurrencyCode code)
    {
        if (text is { Length: 3 } && text.All(char.IsAsciiLetter))
        {
            code = new CurrencyCode(text.ToUpperInvariant());
            return true;
        }
        code = default;
        return false;
    }

    /// <summary>Converts text to a code; see <see cref="Parse"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null, which C# passes for <c>flag ? code : null</c>: write <c>(CurrencyCode?)null</c> there.</exception>
    public static implicit operator CurrencyCode(string text) =>
        text is null ? throw new ArgumentNullException(nameof(text), "A currency code cannot be null; for an absent code in a conditional expression, write (CurrencyCode?)null.") : Parse(text);

    /// <inheritdoc/>
    public bool Equals(CurrencyCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CurrencyCode other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);

    /// <inheritdoc/>
    public int CompareTo(CurrencyCode other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        CurrencyCode other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a CurrencyCode.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the code; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "currency code");
        return Value;
    }

    /// <summary>Writes the code to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "currency code");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    // As IParsable and ISpanParsable, parsing throws FormatException, as those interfaces document;
    // Parse(string) and the conversion from string keep their ArgumentException.
    static CurrencyCode IParsable<CurrencyCode>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<CurrencyCode>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a three-letter currency code");

    static bool IParsable<CurrencyCode>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out CurrencyCode result) => TryParse(s, out result);

    static CurrencyCode ISpanParsable<CurrencyCode>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<CurrencyCode>(s, TryParseSpan, "a three-letter currency code");

    static bool ISpanParsable<CurrencyCode>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out CurrencyCode result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out CurrencyCode result)
    {
        if (s.Length == 3 && !s.ContainsAnyExcept(AsciiLetters))
        {
            result = new CurrencyCode(s.ToString().ToUpperInvariant());
            return true;
        }
        result = default;
        return false;
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>Equality of codes.</summary>
    public static bool operator ==(CurrencyCode left, CurrencyCode right) => left.Equals(right);

    /// <summary>Inequality of codes.</summary>
    public static bool operator !=(CurrencyCode left, CurrencyCode right) => !left.Equals(right);

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator <(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) < 0;

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator >(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) > 0;

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator <=(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) <= 0;

    /// <summary>Ordinal order of codes.</summary>
    public static bool operator >=(CurrencyCode left, CurrencyCode right) => left.CompareTo(right) >= 0;
}
