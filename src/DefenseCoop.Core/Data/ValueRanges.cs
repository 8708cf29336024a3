using NodaTime;

namespace DefenseCoop;

/// <summary>
/// The ranges a value in a data file must lie in to be loaded, in one place: a value outside them is
/// refused with <see cref="DataRule.InvalidValue"/> (or <see cref="DataRule.InvalidDate"/> for a date).
/// </summary>
/// <remarks>
/// The bounds are wide enough for every real record (SIPRI's spending from 1949, COW's from 1816, the
/// largest budgets of any year, including local-currency figures of hyperinflation years that reach
/// 4.3 × 10<sup>20</sup>) and narrow enough that what the loader accepts can be compared and averaged
/// without overflow. The loader also checks that the trade values and trend-indicator values of a
/// catalog add up within the largest <see cref="decimal"/> (about 7.9 × 10<sup>28</sup>), so that
/// totals over them never overflow either.
/// </remarks>
public static class ValueRanges
{
    /// <summary>The earliest year a record may refer to: 1800 (dates, years of a series, order and delivery years, base years).</summary>
    public const int MinYear = 1800;

    /// <summary>The latest year a record may refer to: 2200.</summary>
    public const int MaxYear = 2200;

    /// <summary>The earliest year a state may have come into existence: 1000.</summary>
    public const int MinExistenceYear = 1000;

    /// <summary>
    /// The largest magnitude of an amount: 10<sup>24</sup> in units of its currency or measure, for
    /// money, spending figures, quantities and trend-indicator values alike.
    /// </summary>
    public const decimal MaxAmount = 1_000_000_000_000_000_000_000_000m;

    /// <summary>The largest count of items (numbers ordered or delivered in a deal): 10<sup>9</sup>.</summary>
    public const int MaxCount = 1_000_000_000;

    /// <summary>Whether <paramref name="year"/> lies between <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    public static bool IsPlausibleYear(int year) => year is >= MinYear and <= MaxYear;

    /// <summary>Whether <paramref name="date"/> lies in a plausible year.</summary>
    public static bool IsPlausible(LocalDate date) => IsPlausibleYear(date.Year);

    /// <summary>Whether an amount's magnitude is at most <see cref="MaxAmount"/>.</summary>
    public static bool IsPlausibleAmount(decimal amount) => Math.Abs(amount) <= MaxAmount;
}
