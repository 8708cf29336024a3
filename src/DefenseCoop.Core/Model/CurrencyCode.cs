namespace DefenseCoop;

/// <summary>An ISO 4217 alphabetic currency code such as <c>EUR</c> or <c>USD</c>. Always upper case.</summary>
/// <remarks>The implicit conversion from <see cref="string"/> throws <see cref="ArgumentException"/> for text that is not three ASCII letters.</remarks>
public readonly struct CurrencyCode : IEquatable<CurrencyCode>, IComparable<CurrencyCode>
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
    public static bool TryParse(string? text, out CurrencyCode code)
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

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Equality of codes.</summary>
    public static bool operator ==(CurrencyCode left, CurrencyCode right) => left.Equals(right);

    /// <summary>Inequality of codes.</summary>
    public static bool operator !=(CurrencyCode left, CurrencyCode right) => !left.Equals(right);
}
