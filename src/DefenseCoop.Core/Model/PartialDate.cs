using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using NodaTime;

namespace DefenseCoop;

/// <summary>How precisely a <see cref="PartialDate"/> is known.</summary>
/// <remarks>No member is 0, so that <c>default(DatePrecision)</c> claims no precision; the numbers were
/// set before the first release (1.0.0) and never change.</remarks>
public enum DatePrecision
{
    /// <summary>Only the year is known.</summary>
    Year = 1,
    /// <summary>The year and month are known.</summary>
    Month = 2,
    /// <summary>The full date is known.</summary>
    Day = 3,
}

/// <summary>A qualifier a source puts on a date, such as "early 2023".</summary>
public enum DateQualifier
{
    /// <summary>No qualifier.</summary>
    None = 0,
    /// <summary>The first part of the year (January–April) or month (days 1–10).</summary>
    Early = 1,
    /// <summary>The middle of the year (May–August) or month (days 11–20).</summary>
    Mid = 2,
    /// <summary>The last part of the year (September–December) or month (day 21 to the end).</summary>
    Late = 3,
    /// <summary>The source says "about" or "around": the interval is the unqualified one, flagged as approximate.</summary>
    Approximately = 4,
}

/// <summary>
/// A date known to the precision a source gives: a year, a month or a day, optionally qualified
/// ("early 2023", "late 2025-05", "approximately 2022"). Nothing is invented: a year-only date is not
/// the first of January.
/// </summary>
/// <remarks>
/// <para>The text form is ISO-like: <c>2025-06-02</c>, <c>2023-03</c>, <c>2023</c>, and a qualified
/// form with a leading word: <c>early 2023</c>, <c>mid 2023-03</c>, <c>approximately 2022</c>.
/// <c>early</c>, <c>mid</c> and <c>late</c> apply to a year or a month only.</para>
/// <para>Every partial date covers the inclusive interval <see cref="Earliest"/>..<see cref="Latest"/>,
/// so range queries are interval tests. Ordering is by <see cref="Earliest"/>, then by <see cref="Latest"/>
/// (the more precise date first), then by qualifier. The default value is the year 1.</para>
/// <para>As <see cref="ISpanParsable{TSelf}"/> and <see cref="ISpanFormattable"/> the type reads and
/// writes the same text form, whatever the culture; the only format is the default.</para>
/// </remarks>
public readonly struct PartialDate : IEquatable<PartialDate>, IComparable<PartialDate>, IComparable, ISpanParsable<PartialDate>, ISpanFormattable
{
    private readonly short _year;
    private readonly byte _month;
    private readonly byte _day;
    private readonly DateQualifier _qualifier;

    /// <summary>Creates a partial date.</summary>
    /// <param name="year">The year, 1 to 9999.</param>
    /// <param name="month">The month, or <see langword="null"/> when only the year is known.</param>
    /// <param name="day">The day, or <see langword="null"/>; requires <paramref name="month"/>.</param>
    /// <param name="qualifier">A qualifier; <see cref="DateQualifier.Early"/>, <see cref="DateQualifier.Mid"/> and <see cref="DateQualifier.Late"/> are not allowed with a day.</param>
    /// <exception cref="ArgumentOutOfRangeException">A component is out of range or the combination is invalid.</exception>
    public PartialDate(int year, int? month = null, int? day = null, DateQualifier qualifier = DateQualifier.None)
    {
        if (year is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "The year must be between 1 and 9999.");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "The month must be between 1 and 12.");
        if (day is not null)
        {
            if (month is null) throw new ArgumentOutOfRangeException(nameof(day), day, "A day requires a month.");
            if (day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month.Value))
                throw new ArgumentOutOfRangeException(nameof(day), day, $"{year:D4}-{month:D2} has no day {day}.");
            if (qualifier is DateQualifier.Early or DateQualifier.Mid or DateQualifier.Late)
                throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "Early, mid and late qualify a year or a month, not a day.");
        }
        if (!Enum.IsDefined(qualifier)) throw new ArgumentOutOfRangeException(nameof(qualifier), qualifier, "Unknown qualifier.");
        _year = (short)year;
        _month = (byte)(month ?? 0);
        _day = (byte)(day ?? 0);
        _qualifier = qualifier;
    }

    /// <summary>A partial date known to the day.</summary>
    public static PartialDate FromDate(LocalDate date) => new(date.Year, date.Month, date.Day);

    /// <summary>Gets the year.</summary>
    public int Year => _year == 0 ? 1 : _year;

    /// <summary>Gets the month, or <see langword="null"/> when only the year is known.</summary>
    public int? Month => _month == 0 ? null : _month;

    /// <summary>Gets the day, or <see langword="null"/> when it is not known.</summary>
    public int? Day => _day == 0 ? null : _day;

    /// <summary>Gets the qualifier the source gives.</summary>
    public DateQualifier Qualifier => _qualifier;

    /// <summary>Gets how precisely the date is known.</summary>
    public DatePrecision Precision => _day != 0 ? DatePrecision.Day : _month != 0 ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>Gets the first day this date may denote.</summary>
    public LocalDate Earliest => Bounds().Earliest;

    /// <summary>Gets the last day this date may denote (inclusive).</summary>
    public LocalDate Latest => Bounds().Latest;

    /// <summary>Gets the inclusive interval of days this date may denote.</summary>
    public DateInterval ToDateInterval() => new(Earliest, Latest);

    /// <summary>Whether <paramref name="date"/> lies within <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public bool Contains(LocalDate date) => date >= Earliest && date <= Latest;

    /// <summary>
    /// A number that orders as <see cref="CompareTo(PartialDate)"/> does: the earliest day, the latest day
    /// (each as year, month and day in bits) and the qualifier, computed without the calendar's dates.
    /// </summary>
    internal long OrderKey()
    {
        int year = Year, month = _month;
        int earliest, latest;
        if (_day != 0) earliest = latest = Ymd(year, month, _day);
        else if (month != 0)
        {
            int last = DateTime.DaysInMonth(year, month);
            (int from, int to) = _qualifier switch
            {
                DateQualifier.Early => (1, 10),
                DateQualifier.Mid => (11, 20),
                DateQualifier.Late => (21, last),
                _ => (1, last),
            };
            (earliest, latest) = (Ymd(year, month, from), Ymd(year, month, to));
        }
        else (earliest, latest) = _qualifier switch
        {
            DateQualifier.Early => (Ymd(year, 1, 1), Ymd(year, 4, 30)),
            DateQualifier.Mid => (Ymd(year, 5, 1), Ymd(year, 8, 31)),
            DateQualifier.Late => (Ymd(year, 9, 1), Ymd(year, 12, 31)),
            _ => (Ymd(year, 1, 1), Ymd(year, 12, 31)),
        };
        return ((long)earliest << 27) | ((long)latest << 4) | (long)_qualifier;

        // 14 bits of year, 4 of month, 5 of day: 23 bits that order as the dates do.
        static int Ymd(int y, int m, int d) => (y << 9) | (m << 5) | d;
    }

    private (LocalDate Earliest, LocalDate Latest) Bounds()
    {
        int year = Year;
        if (_day != 0)
        {
            var d = new LocalDate(year, _month, _day);
            return (d, d);
        }
        if (_month != 0)
        {
            int last = CalendarSystem.Iso.GetDaysInMonth(year, _month);
            (int from, int to) = _qualifier switch
            {
                DateQualifier.Early => (1, 10),
                DateQualifier.Mid => (11, 20),
                DateQualifier.Late => (21, last),
                _ => (1, last),
            };
            return (new LocalDate(year, _month, from), new LocalDate(year, _month, to));
        }
        return _qualifier switch
        {
            DateQualifier.Early => (new LocalDate(year, 1, 1), new LocalDate(year, 4, 30)),
            DateQualifier.Mid => (new LocalDate(year, 5, 1), new LocalDate(year, 8, 31)),
            DateQualifier.Late => (new LocalDate(year, 9, 1), new LocalDate(year, 12, 31)),
            _ => (new LocalDate(year, 1, 1), new LocalDate(year, 12, 31)),
        };
    }

    /// <summary>Parses the text form (see the type's remarks).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid partial date.</exception>
    public static PartialDate Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a partial date: expected YYYY, YYYY-MM or YYYY-MM-DD, optionally after 'early', 'mid', 'late' or 'approximately'.");
    }

    /// <summary>Tries to parse the text form (see the type's remarks).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out PartialDate date)
    {
        date = default;
        return text is not null && TryParse(text.AsSpan(), out date);
    }

    /// <summary>Tries to parse the text form (see the type's remarks) from a span.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PartialDate date)
    {
        date = default;
        ReadOnlySpan<char> s = text;
        var qualifier = DateQualifier.None;
        int space = s.IndexOf(' ');
        if (space >= 0)
        {
            qualifier = s[..space] switch
            {
                "early" => DateQualifier.Early,
                "mid" => DateQualifier.Mid,
                "late" => DateQualifier.Late,
                "approximately" => DateQualifier.Approximately,
                _ => DateQualifier.None,
            };
            if (qualifier == DateQualifier.None) return false;
            s = s[(space + 1)..];
        }
        if (!(s.Length is 4 or 7 or 10) || !TryDigits(s[..4], out int year) || year == 0) return false;
        int? month = null, day = null;
        if (s.Length >= 7)
        {
            if (s[4] != '-' || !TryDigits(s.Slice(5, 2), out int m) || m is < 1 or > 12) return false;
            month = m;
        }
        if (s.Length == 10)
        {
            if (s[7] != '-' || !TryDigits(s.Slice(8, 2), out int d) || d < 1 || d > CalendarSystem.Iso.GetDaysInMonth(year, month!.Value)) return false;
            if (qualifier is DateQualifier.Early or DateQualifier.Mid or DateQualifier.Late) return false;
            day = d;
        }
        date = new PartialDate(year, month, day, qualifier);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    /// <summary>Formats the date in its text form, e.g. <c>early 2023</c> or <c>2025-06-02</c>.</summary>
    public override string ToString()
    {
        string core = Precision switch
        {
            DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{_month:D2}-{_day:D2}"),
            DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{_month:D2}"),
            _ => Year.ToString("D4", CultureInfo.InvariantCulture),
        };
        return _qualifier switch
        {
            DateQualifier.None => core,
            DateQualifier.Approximately => "approximately " + core,
            _ => _qualifier.ToString().ToLowerInvariant() + " " + core,
        };
    }

    /// <summary>Parses the text form (see the type's remarks) from a span.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a valid partial date.</exception>
    public static PartialDate Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a partial date: expected YYYY, YYYY-MM or YYYY-MM-DD, optionally after 'early', 'mid', 'late' or 'approximately'.");

    static PartialDate IParsable<PartialDate>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<PartialDate>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PartialDate result) => TryParse(s, out result);

    static PartialDate ISpanParsable<PartialDate>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    static bool ISpanParsable<PartialDate>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PartialDate result) => TryParse(s, out result);

    /// <summary>Formats the date in its text form; the only format is the default (<c>null</c>, empty or <c>"G"</c>), and the form does not depend on culture.</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "partial date");
        return ToString();
    }

    /// <summary>Writes the text form to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "partial date");
        var prefix = _qualifier switch
        {
            DateQualifier.None => "",
            DateQualifier.Early => "early ",
            DateQualifier.Mid => "mid ",
            DateQualifier.Late => "late ",
            _ => "approximately ",
        };
        var invariant = CultureInfo.InvariantCulture;
        return Precision switch
        {
            DatePrecision.Day => destination.TryWrite(invariant, $"{prefix}{Year:D4}-{_month:D2}-{_day:D2}", out charsWritten),
            DatePrecision.Month => destination.TryWrite(invariant, $"{prefix}{Year:D4}-{_month:D2}", out charsWritten),
            _ => destination.TryWrite(invariant, $"{prefix}{Year:D4}", out charsWritten),
        };
    }

    /// <inheritdoc/>
    public bool Equals(PartialDate other) =>
        Year == other.Year && _month == other._month && _day == other._day && _qualifier == other._qualifier;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is PartialDate other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Year, _month, _day, _qualifier);

    /// <inheritdoc/>
    public int CompareTo(PartialDate other)
    {
        var (e1, l1) = Bounds();
        var (e2, l2) = other.Bounds();
        int c = e1.CompareTo(e2);
        if (c == 0) c = l1.CompareTo(l2);
        if (c == 0) c = _qualifier.CompareTo(other._qualifier);
        return c;
    }

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        PartialDate other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a PartialDate.", nameof(obj)),
    };

    /// <summary>Equality of partial dates: same components and qualifier.</summary>
    public static bool operator ==(PartialDate left, PartialDate right) => left.Equals(right);
    /// <summary>Inequality of partial dates.</summary>
    public static bool operator !=(PartialDate left, PartialDate right) => !left.Equals(right);
    /// <summary>Ordering of partial dates (see the type's remarks).</summary>
    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;
    /// <summary>Ordering of partial dates (see the type's remarks).</summary>
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;
    /// <summary>Ordering of partial dates (see the type's remarks).</summary>
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;
    /// <summary>Ordering of partial dates (see the type's remarks).</summary>
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}
