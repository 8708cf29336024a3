using System.Globalization;

namespace DefenseCoop;

/// <summary>Whether an amount is exact or a bound the source gives ("more than", "about").</summary>
public enum ValueBound
{
    /// <summary>The amount as stated.</summary>
    Exact = 0,
    /// <summary>The source says "more than" or "exceeded".</summary>
    AtLeast = 1,
    /// <summary>The source says "up to" or "less than".</summary>
    AtMost = 2,
    /// <summary>The source says "about" or "around".</summary>
    Approximately = 3,
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
public readonly record struct DataVersion(int Year, int Release) : IComparable<DataVersion>
{
    /// <summary>Parses <c>YYYY.N</c>.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not of the form YYYY.N.</exception>
    public static DataVersion Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"'{text}' is not a data version: expected YYYY.N, e.g. 2026.1.");

    /// <summary>Tries to parse <c>YYYY.N</c>.</summary>
    public static bool TryParse(string? text, out DataVersion version)
    {
        version = default;
        int dot = text?.IndexOf('.') ?? -1;
        if (text is null || dot != 4) return false;
        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1000) return false;
        if (!int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out int release) || release < 1) return false;
        version = new DataVersion(year, release);
        return true;
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
