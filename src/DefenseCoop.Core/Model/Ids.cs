using System.Diagnostics.CodeAnalysis;

namespace DefenseCoop;

/// <summary>Validates the stable slugs that identify records: lower-case ASCII letters and digits in hyphen-separated words.</summary>
public static class Slug
{
    /// <summary>Whether <paramref name="text"/> is a valid slug, such as <c>tr-fi-2025-defence-industry-mou</c>.</summary>
    public static bool IsValid(string? text) => text is not null && IsValid(text.AsSpan());

    /// <summary>Whether <paramref name="text"/> is a valid slug, such as <c>tr-fi-2025-defence-industry-mou</c>.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text[0] == '-' || text[^1] == '-') return false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool ok = c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (c == '-' && text[i - 1] != '-');
            if (!ok) return false;
        }
        return true;
    }

    internal static string Require(string value, string kind)
    {
        // Most often a conditional such as `flag ? id : null`, where C# turns null into text: say so.
        if (value is null) throw new ArgumentNullException(nameof(value), $"A {kind} id cannot be null; for an absent id in a conditional expression, write a nullable null such as (OrganizationId?)null.");
        return IsValid(value)
            ? value
            : throw new ArgumentException($"'{value}' is not a valid {kind} id: use lower-case letters and digits in hyphen-separated words.", nameof(value));
    }
}

/// <summary>The stable id of an agreement: a slug that never changes between data releases.</summary>
/// <remarks>
/// The text form is the slug, e.g. <c>tr-fi-2025-defence-industry-mou</c>. Ids compare by ordinal order of their slugs. As
/// <see cref="ISpanParsable{TSelf}"/>, parsing throws <see cref="FormatException"/> for text that is not a
/// slug; the constructor and the conversion from <see cref="string"/> throw <see cref="ArgumentException"/>.
/// The default value has the empty slug.
/// </remarks>
public readonly record struct AgreementId : IComparable<AgreementId>, IComparable, ISpanParsable<AgreementId>, ISpanFormattable
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid(string)"/>).</exception>
    public AgreementId(string value) => _value = Slug.Require(value, "agreement");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(AgreementId other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        AgreementId other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a AgreementId.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the id as its slug; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "agreement id");
        return Value;
    }

    /// <summary>Writes the slug to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "agreement id");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    /// <summary>Tries to make an id of <paramref name="s"/>, which must be a valid slug.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out AgreementId result)
    {
        result = Slug.IsValid(s) ? new AgreementId(s!) : default;
        return s is not null && result._value is not null;
    }

    static AgreementId IParsable<AgreementId>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<AgreementId>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a valid agreement id");

    static bool IParsable<AgreementId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AgreementId result) => TryParse(s, out result);

    static AgreementId ISpanParsable<AgreementId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<AgreementId>(s, TryParseSpan, "a valid agreement id");

    static bool ISpanParsable<AgreementId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out AgreementId result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out AgreementId result)
    {
        bool valid = Slug.IsValid(s);
        result = valid ? new AgreementId(s.ToString()) : default;
        return valid;
    }

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator AgreementId(string value) => new(value);

    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <(AgreementId left, AgreementId right) => left.CompareTo(right) < 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >(AgreementId left, AgreementId right) => left.CompareTo(right) > 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <=(AgreementId left, AgreementId right) => left.CompareTo(right) <= 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >=(AgreementId left, AgreementId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable id of an organization: a slug that never changes between data releases.</summary>
/// <remarks>
/// The text form is the slug, e.g. <c>ssb</c>. Ids compare by ordinal order of their slugs. As
/// <see cref="ISpanParsable{TSelf}"/>, parsing throws <see cref="FormatException"/> for text that is not a
/// slug; the constructor and the conversion from <see cref="string"/> throw <see cref="ArgumentException"/>.
/// The default value has the empty slug.
/// </remarks>
public readonly record struct OrganizationId : IComparable<OrganizationId>, IComparable, ISpanParsable<OrganizationId>, ISpanFormattable
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid(string)"/>).</exception>
    public OrganizationId(string value) => _value = Slug.Require(value, "organization");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(OrganizationId other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        OrganizationId other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a OrganizationId.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the id as its slug; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "organization id");
        return Value;
    }

    /// <summary>Writes the slug to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "organization id");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    /// <summary>Tries to make an id of <paramref name="s"/>, which must be a valid slug.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out OrganizationId result)
    {
        result = Slug.IsValid(s) ? new OrganizationId(s!) : default;
        return s is not null && result._value is not null;
    }

    static OrganizationId IParsable<OrganizationId>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<OrganizationId>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a valid organization id");

    static bool IParsable<OrganizationId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out OrganizationId result) => TryParse(s, out result);

    static OrganizationId ISpanParsable<OrganizationId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<OrganizationId>(s, TryParseSpan, "a valid organization id");

    static bool ISpanParsable<OrganizationId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out OrganizationId result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out OrganizationId result)
    {
        bool valid = Slug.IsValid(s);
        result = valid ? new OrganizationId(s.ToString()) : default;
        return valid;
    }

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator OrganizationId(string value) => new(value);

    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <(OrganizationId left, OrganizationId right) => left.CompareTo(right) < 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >(OrganizationId left, OrganizationId right) => left.CompareTo(right) > 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <=(OrganizationId left, OrganizationId right) => left.CompareTo(right) <= 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >=(OrganizationId left, OrganizationId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable id of a defence system: a slug that never changes between data releases.</summary>
/// <remarks>
/// The text form is the slug, e.g. <c>bayraktar-tb2</c>. Ids compare by ordinal order of their slugs. As
/// <see cref="ISpanParsable{TSelf}"/>, parsing throws <see cref="FormatException"/> for text that is not a
/// slug; the constructor and the conversion from <see cref="string"/> throw <see cref="ArgumentException"/>.
/// The default value has the empty slug.
/// </remarks>
public readonly record struct SystemId : IComparable<SystemId>, IComparable, ISpanParsable<SystemId>, ISpanFormattable
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid(string)"/>).</exception>
    public SystemId(string value) => _value = Slug.Require(value, "defence system");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(SystemId other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        SystemId other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a SystemId.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the id as its slug; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "defence system id");
        return Value;
    }

    /// <summary>Writes the slug to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "defence system id");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    /// <summary>Tries to make an id of <paramref name="s"/>, which must be a valid slug.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out SystemId result)
    {
        result = Slug.IsValid(s) ? new SystemId(s!) : default;
        return s is not null && result._value is not null;
    }

    static SystemId IParsable<SystemId>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<SystemId>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a valid defence system id");

    static bool IParsable<SystemId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SystemId result) => TryParse(s, out result);

    static SystemId ISpanParsable<SystemId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<SystemId>(s, TryParseSpan, "a valid defence system id");

    static bool ISpanParsable<SystemId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SystemId result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out SystemId result)
    {
        bool valid = Slug.IsValid(s);
        result = valid ? new SystemId(s.ToString()) : default;
        return valid;
    }

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator SystemId(string value) => new(value);

    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <(SystemId left, SystemId right) => left.CompareTo(right) < 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >(SystemId left, SystemId right) => left.CompareTo(right) > 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <=(SystemId left, SystemId right) => left.CompareTo(right) <= 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >=(SystemId left, SystemId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable id of a source: a slug that never changes between data releases.</summary>
/// <remarks>
/// The text form is the slug, e.g. <c>nato-defence-expenditure-2024</c>. Ids compare by ordinal order of their slugs. As
/// <see cref="ISpanParsable{TSelf}"/>, parsing throws <see cref="FormatException"/> for text that is not a
/// slug; the constructor and the conversion from <see cref="string"/> throw <see cref="ArgumentException"/>.
/// The default value has the empty slug.
/// </remarks>
public readonly record struct SourceId : IComparable<SourceId>, IComparable, ISpanParsable<SourceId>, ISpanFormattable
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid(string)"/>).</exception>
    public SourceId(string value) => _value = Slug.Require(value, "source");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(SourceId other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        SourceId other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a SourceId.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the id as its slug; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "source id");
        return Value;
    }

    /// <summary>Writes the slug to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "source id");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    /// <summary>Tries to make an id of <paramref name="s"/>, which must be a valid slug.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out SourceId result)
    {
        result = Slug.IsValid(s) ? new SourceId(s!) : default;
        return s is not null && result._value is not null;
    }

    static SourceId IParsable<SourceId>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<SourceId>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a valid source id");

    static bool IParsable<SourceId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SourceId result) => TryParse(s, out result);

    static SourceId ISpanParsable<SourceId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<SourceId>(s, TryParseSpan, "a valid source id");

    static bool ISpanParsable<SourceId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SourceId result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out SourceId result)
    {
        bool valid = Slug.IsValid(s);
        result = valid ? new SourceId(s.ToString()) : default;
        return valid;
    }

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator SourceId(string value) => new(value);

    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <(SourceId left, SourceId right) => left.CompareTo(right) < 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >(SourceId left, SourceId right) => left.CompareTo(right) > 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <=(SourceId left, SourceId right) => left.CompareTo(right) <= 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >=(SourceId left, SourceId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable id of a person: a slug that never changes between data releases.</summary>
/// <remarks>
/// The text form is the slug, e.g. <c>haluk-gorgun</c>. Ids compare by ordinal order of their slugs. As
/// <see cref="ISpanParsable{TSelf}"/>, parsing throws <see cref="FormatException"/> for text that is not a
/// slug; the constructor and the conversion from <see cref="string"/> throw <see cref="ArgumentException"/>.
/// The default value has the empty slug.
/// </remarks>
public readonly record struct PersonId : IComparable<PersonId>, IComparable, ISpanParsable<PersonId>, ISpanFormattable
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid(string)"/>).</exception>
    public PersonId(string value) => _value = Slug.Require(value, "person");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(PersonId other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        PersonId other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a PersonId.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the id as its slug; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "person id");
        return Value;
    }

    /// <summary>Writes the slug to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "person id");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    /// <summary>Tries to make an id of <paramref name="s"/>, which must be a valid slug.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out PersonId result)
    {
        result = Slug.IsValid(s) ? new PersonId(s!) : default;
        return s is not null && result._value is not null;
    }

    static PersonId IParsable<PersonId>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<PersonId>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a valid person id");

    static bool IParsable<PersonId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PersonId result) => TryParse(s, out result);

    static PersonId ISpanParsable<PersonId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<PersonId>(s, TryParseSpan, "a valid person id");

    static bool ISpanParsable<PersonId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PersonId result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out PersonId result)
    {
        bool valid = Slug.IsValid(s);
        result = valid ? new PersonId(s.ToString()) : default;
        return valid;
    }

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator PersonId(string value) => new(value);

    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <(PersonId left, PersonId right) => left.CompareTo(right) < 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >(PersonId left, PersonId right) => left.CompareTo(right) > 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <=(PersonId left, PersonId right) => left.CompareTo(right) <= 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >=(PersonId left, PersonId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable id of an event: a slug that never changes between data releases.</summary>
/// <remarks>
/// The text form is the slug, e.g. <c>tr-fi-2025-defence-talks</c>. Ids compare by ordinal order of their slugs. As
/// <see cref="ISpanParsable{TSelf}"/>, parsing throws <see cref="FormatException"/> for text that is not a
/// slug; the constructor and the conversion from <see cref="string"/> throw <see cref="ArgumentException"/>.
/// The default value has the empty slug.
/// </remarks>
public readonly record struct EventId : IComparable<EventId>, IComparable, ISpanParsable<EventId>, ISpanFormattable
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid(string)"/>).</exception>
    public EventId(string value) => _value = Slug.Require(value, "event");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(EventId other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        EventId other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a EventId.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the id as its slug; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "event id");
        return Value;
    }

    /// <summary>Writes the slug to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "event id");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    /// <summary>Tries to make an id of <paramref name="s"/>, which must be a valid slug.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out EventId result)
    {
        result = Slug.IsValid(s) ? new EventId(s!) : default;
        return s is not null && result._value is not null;
    }

    static EventId IParsable<EventId>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<EventId>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a valid event id");

    static bool IParsable<EventId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out EventId result) => TryParse(s, out result);

    static EventId ISpanParsable<EventId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<EventId>(s, TryParseSpan, "a valid event id");

    static bool ISpanParsable<EventId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out EventId result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out EventId result)
    {
        bool valid = Slug.IsValid(s);
        result = valid ? new EventId(s.ToString()) : default;
        return valid;
    }

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator EventId(string value) => new(value);

    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <(EventId left, EventId right) => left.CompareTo(right) < 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >(EventId left, EventId right) => left.CompareTo(right) > 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <=(EventId left, EventId right) => left.CompareTo(right) <= 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >=(EventId left, EventId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable id of a trade flow: a slug that never changes between data releases.</summary>
/// <remarks>
/// The text form is the slug, e.g. <c>tr-fi-2023-example</c>. Ids compare by ordinal order of their slugs. As
/// <see cref="ISpanParsable{TSelf}"/>, parsing throws <see cref="FormatException"/> for text that is not a
/// slug; the constructor and the conversion from <see cref="string"/> throw <see cref="ArgumentException"/>.
/// The default value has the empty slug.
/// </remarks>
public readonly record struct TradeFlowId : IComparable<TradeFlowId>, IComparable, ISpanParsable<TradeFlowId>, ISpanFormattable
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid(string)"/>).</exception>
    public TradeFlowId(string value) => _value = Slug.Require(value, "trade flow");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(TradeFlowId other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        TradeFlowId other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a TradeFlowId.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the id as its slug; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "trade flow id");
        return Value;
    }

    /// <summary>Writes the slug to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "trade flow id");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    /// <summary>Tries to make an id of <paramref name="s"/>, which must be a valid slug.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out TradeFlowId result)
    {
        result = Slug.IsValid(s) ? new TradeFlowId(s!) : default;
        return s is not null && result._value is not null;
    }

    static TradeFlowId IParsable<TradeFlowId>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<TradeFlowId>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a valid trade flow id");

    static bool IParsable<TradeFlowId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TradeFlowId result) => TryParse(s, out result);

    static TradeFlowId ISpanParsable<TradeFlowId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<TradeFlowId>(s, TryParseSpan, "a valid trade flow id");

    static bool ISpanParsable<TradeFlowId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TradeFlowId result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out TradeFlowId result)
    {
        bool valid = Slug.IsValid(s);
        result = valid ? new TradeFlowId(s.ToString()) : default;
        return valid;
    }

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator TradeFlowId(string value) => new(value);

    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <(TradeFlowId left, TradeFlowId right) => left.CompareTo(right) < 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >(TradeFlowId left, TradeFlowId right) => left.CompareTo(right) > 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <=(TradeFlowId left, TradeFlowId right) => left.CompareTo(right) <= 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >=(TradeFlowId left, TradeFlowId right) => left.CompareTo(right) >= 0;
}

/// <summary>The stable id of a spending series: a slug that never changes between data releases.</summary>
/// <remarks>
/// The text form is the slug, e.g. <c>cow-nmc-6-tr-milex</c>. Ids compare by ordinal order of their slugs. As
/// <see cref="ISpanParsable{TSelf}"/>, parsing throws <see cref="FormatException"/> for text that is not a
/// slug; the constructor and the conversion from <see cref="string"/> throw <see cref="ArgumentException"/>.
/// The default value has the empty slug.
/// </remarks>
public readonly record struct SeriesId : IComparable<SeriesId>, IComparable, ISpanParsable<SeriesId>, ISpanFormattable
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid(string)"/>).</exception>
    public SeriesId(string value) => _value = Slug.Require(value, "spending series");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(SeriesId other) => string.CompareOrdinal(Value, other.Value);

    int IComparable.CompareTo(object? obj) => obj switch
    {
        null => 1,
        SeriesId other => CompareTo(other),
        _ => throw new ArgumentException("Object must be a SeriesId.", nameof(obj)),
    };

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Formats the id as its slug; the only format is the default (<c>null</c>, empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        TextForm.CheckFormat(format, "spending series id");
        return Value;
    }

    /// <summary>Writes the slug to <paramref name="destination"/>; the only format is the default (empty or <c>"G"</c>).</summary>
    /// <exception cref="FormatException"><paramref name="format"/> is another format.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        TextForm.CheckFormat(format, "spending series id");
        return TextForm.TryCopy(Value, destination, out charsWritten);
    }

    /// <summary>Tries to make an id of <paramref name="s"/>, which must be a valid slug.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, out SeriesId result)
    {
        result = Slug.IsValid(s) ? new SeriesId(s!) : default;
        return s is not null && result._value is not null;
    }

    static SeriesId IParsable<SeriesId>.Parse(string s, IFormatProvider? provider) =>
        TextForm.Parse<SeriesId>((s ?? throw new ArgumentNullException(nameof(s))).AsSpan(), TryParseSpan, "a valid spending series id");

    static bool IParsable<SeriesId>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out SeriesId result) => TryParse(s, out result);

    static SeriesId ISpanParsable<SeriesId>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TextForm.Parse<SeriesId>(s, TryParseSpan, "a valid spending series id");

    static bool ISpanParsable<SeriesId>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out SeriesId result) => TryParseSpan(s, out result);

    private static bool TryParseSpan(ReadOnlySpan<char> s, out SeriesId result)
    {
        bool valid = Slug.IsValid(s);
        result = valid ? new SeriesId(s.ToString()) : default;
        return valid;
    }

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator SeriesId(string value) => new(value);

    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <(SeriesId left, SeriesId right) => left.CompareTo(right) < 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >(SeriesId left, SeriesId right) => left.CompareTo(right) > 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator <=(SeriesId left, SeriesId right) => left.CompareTo(right) <= 0;
    /// <summary>Ordinal order of slugs.</summary>
    public static bool operator >=(SeriesId left, SeriesId right) => left.CompareTo(right) >= 0;
}
