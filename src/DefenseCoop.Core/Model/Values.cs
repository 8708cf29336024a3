using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace DefenseCoop;

/// <summary>Whether an amount is exact or a bound the source gives ("more than", "about").</summary>
/// <remarks>No member is 0, so that <c>default(ValueBound)</c> never claims an amount is exact;
/// <see cref="Money"/>'s constructor defaults to <see cref="Exact"/> explicitly. The numbers were set
/// before the first release (1.0.0) and never change.</remarks>
public enum ValueBound
{
    /// <summary>The amount as stated.</summary>
    Exact = 1,
    /// <summary>The source says "more than" or "exceeded".</summary>
    AtLeast = 2,
    /// <summary>The source says "up to" or "less than".</summary>
    AtMost = 3,
    /// <summary>The source says "about" or "around".</summary>
    Approximately = 4,
}

/// <summary>The prices a money amount is expressed in: current prices, or constant prices of a base year.</summary>
public readonly record struct PriceBasis
{
    private PriceBasis(int? baseYear) => BaseYear = baseYear;

    /// <summary>Current (nominal) prices of the year the amount refers to.</summary>
    public static PriceBasis Current => default;

    /// <summary>Constant prices of <paramref name="baseYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baseYear"/> is not between 1800 and 2200.</exception>
    public static PriceBasis Constant(int baseYear) =>
        baseYear is >= 1800 and <= 2200 ? new(baseYear) : throw new ArgumentOutOfRangeException(nameof(baseYear), baseYear, "A base year must be between 1800 and 2200.");

    /// <summary>Gets the base year of constant prices, or <see langword="null"/> for current prices.</summary>
    public int? BaseYear { get; }

    /// <summary>Whether the prices are current.</summary>
    public bool IsCurrent => BaseYear is null;

    /// <inheritdoc/>
    public override string ToString() => BaseYear is int y ? string.Create(CultureInfo.InvariantCulture, $"constant {y}") : "current";
}

/// <summary>An amount of money in a currency and price basis, as a source states it.</summary>
/// <param name="Amount">The amount, in units of the currency (not thousands or millions).</param>
/// <param name="Currency">The currency.</param>
/// <param name="Basis">Current prices or constant prices of a base year.</param>
/// <param name="Bound">Whether the amount is exact or a bound.</param>
public readonly record struct Money(decimal Amount, CurrencyCode Currency, PriceBasis Basis = default, ValueBound Bound = ValueBound.Exact)
{
    // Stored relative to Exact, so that a Money made without a bound (default(Money), or a bound of 0 from
    // a reader that passes default values for what the JSON omits) is exact, as the data format says an
    // omitted bound is, and equal to one made with ValueBound.Exact.
    private readonly int _boundAfterExact = AfterExact(Bound);

    /// <summary>Gets whether the amount is exact or a bound; <see cref="ValueBound.Exact"/> when none was given.</summary>
    public ValueBound Bound
    {
        get => ValueBound.Exact + _boundAfterExact;
        init => _boundAfterExact = AfterExact(value);
    }

    private static int AfterExact(ValueBound bound) => bound == 0 ? 0 : bound - ValueBound.Exact;

    /// <summary>Formats the amount with its currency, e.g. <c>EUR 333,000,000</c>, marked with its bound.</summary>
    public override string ToString()
    {
        string prefix = Bound switch { ValueBound.AtLeast => "> ", ValueBound.AtMost => "< ", ValueBound.Approximately => "~", _ => "" };
        string basis = Basis.IsCurrent ? "" : $" ({Basis})";
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}{Currency} {Amount:#,0.##}{basis}");
    }
}

/// <summary>A physical quantity, or a range of one, with its unit (e.g. 12,000 t of steel; 40–60 %).</summary>
/// <param name="Amount">The amount, or the lower end of a range.</param>
/// <param name="Unit">The unit, e.g. <c>t</c>, <c>units</c>, <c>%</c>.</param>
/// <param name="MaxAmount">The upper end when the source gives a range.</param>
public readonly record struct Quantity(decimal Amount, string Unit, decimal? MaxAmount = null)
{
    /// <inheritdoc/>
    public override string ToString() =>
        MaxAmount is decimal max
            ? string.Create(CultureInfo.InvariantCulture, $"{Amount:#,0.##}–{max:#,0.##} {Unit}")
            : string.Create(CultureInfo.InvariantCulture, $"{Amount:#,0.##} {Unit}");
}

/// <summary>
/// The version of a data release, <c>YYYY.N</c> (the year and the release within it), comparable so
/// that a program can require a minimum release.
/// </summary>
/// <param name="Year">The release year.</param>
/// <param name="Release">The release number within the year, from 1.</param>
public readonly record struct DataVersion(int Year, int Release) : IComparable<DataVersion>, IComparable, ISpanParsable<DataVersion>, ISpanFormattable
{
    /// <summary>Parses <c>YYYY.N</c>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not of the form YYYY.N.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static DataVersion Parse(string text) =>
        TryParse(text ?? throw new ArgumentNullException(nameof(text)), out var v) ? v : throw new FormatException($"'{text}' is not a data version: expected YYYY.N, e.g. 2026.1.");

    /// <summary>Tries to parse <c>YYYY.N</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DataVersion version)
    {
        version = default;
        return text is not null && TryParse(text.AsSpan(), out version);
    }

    /// <summary>Tries to parse <c>YYYY.N</c> from a span.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DataVersion version)
    {
        version = default;
        if (text.IndexOf('.') != 4) return false;
        if (!int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1000) return false;
        if (!int.TryParse(text[5..], NumberStyles.None, CultureInfo.InvariantCulture, out int release) || release < 1) return false;
        version = new DataVersion(year, release);
        return true;
    }

    /// <summary>Parses <c>YYYY.N</c> from a span.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not of the form YYYY.N.</exception>
    public static DataVersion Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a data version: expected YYYY.N, e.g. 2026.1.");

    static DataVersion IParsable<DataVersion>.Parse(string s, IFormatProvider? provider) => Parse(s ?? throw new ArgumentNullException(nameof(s)));

    static bool IParsable<DataVersion>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out DataVersion result) => TryParse(s, out result);

    static DataVersion ISpanParsable<DataVersion>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<DataVersion>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out DataVersion result) => TryParse(s, out result);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        DataVersion other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a DataVersion.", nameof(obj)),
    };

    /// <summary>Formats as <c>YYYY.N</c>; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "data version");
        return ToString();
    }

    /// <summary>Writes <c>YYYY.N</c> to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "data version");
        return destination.TryWrite(CultureInfo.InvariantCulture, $"{Year:D4}.{Release}", out charsWritten);
    }

    /// <inheritdoc/>
    public int CompareTo(DataVersion other) => Year != other.Year ? Year.CompareTo(other.Year) : Release.CompareTo(other.Release);

    /// <summary>Formats as <c>YYYY.N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}.{Release}");

    /// <summary>Ordering of versions.</summary>
    public static bool operator <(DataVersion left, DataVersion right) => left.CompareTo(right) < 0;
    /// <summary>Ordering of versions.</summary>
    public static bool operator >(DataVersion left, DataVersion right) => left.CompareTo(right) > 0;
    /// <summary>Ordering of versions.</summary>
    public static bool operator <=(DataVersion left, DataVersion right) => left.CompareTo(right) <= 0;
    /// <summary>Ordering of versions.</summary>
    public static bool operator >=(DataVersion left, DataVersion right) => left.CompareTo(right) >= 0;
}
