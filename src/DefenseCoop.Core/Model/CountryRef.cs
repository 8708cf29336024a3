namespace DefenseCoop;

/// <summary>
/// A country as a query names it: a <see cref="CountryCode"/>, a <see cref="DefenseCoop.Country"/>, or
/// a name or code in text ("TR", "TUR", "Türkiye", "Turkey", COW's and SIPRI's spellings), resolved by
/// the rules of <c>catalog.Countries.Resolve</c> when the query is composed.
/// </summary>
/// <remarks>
/// The conversions never throw: text is only kept here, and the catalog resolves it. A name that is
/// not a country of the catalog is refused there with an <see cref="ArgumentException"/> that names
/// the input and the closest matches.
/// </remarks>
public readonly struct CountryRef : IEquatable<CountryRef>
{
    private readonly CountryCode? _code;
    private readonly string? _text;

    private CountryRef(CountryCode? code, string? text) => (_code, _text) = (code, text);

    /// <summary>A country given by its code.</summary>
    public static implicit operator CountryRef(CountryCode code) => new(code, null);

    /// <summary>A country given as the catalog's record.</summary>
    public static implicit operator CountryRef(Country country) => new(country?.Code, country is null ? "" : null);

    /// <summary>A country given by a name or a code in text, resolved by the catalog.</summary>
    public static implicit operator CountryRef(string text) => new(null, text ?? "");

    /// <summary>A country given by its code.</summary>
    public static CountryRef FromCode(CountryCode code) => code;

    /// <summary>A country given as the catalog's record.</summary>
    public static CountryRef FromCountry(Country country) => country;

    /// <summary>A country given by a name or a code in text.</summary>
    public static CountryRef FromText(string text) => text;

    /// <summary>Gets the code, where the country was given by code or record; otherwise null.</summary>
    public CountryCode? Code => _code;

    /// <summary>Gets the text, where the country was given as text; otherwise null.</summary>
    public string? Text => _text;

    /// <inheritdoc/>
    public bool Equals(CountryRef other) => _code == other._code && _text == other._text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is CountryRef other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_code, _text);

    /// <summary>Whether two references name a country the same way.</summary>
    public static bool operator ==(CountryRef left, CountryRef right) => left.Equals(right);

    /// <summary>Whether two references name a country differently.</summary>
    public static bool operator !=(CountryRef left, CountryRef right) => !left.Equals(right);

    /// <summary>The code or the text as given.</summary>
    public override string ToString() => _code?.ToString() ?? _text ?? "";
}
