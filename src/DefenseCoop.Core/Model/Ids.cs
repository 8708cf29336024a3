namespace DefenseCoop;

/// <summary>Validates the stable slugs that identify records: lower-case ASCII letters and digits in hyphen-separated words.</summary>
public static class Slug
{
    /// <summary>Whether <paramref name="text"/> is a valid slug, such as <c>tr-fi-2025-defence-industry-mou</c>.</summary>
    public static bool IsValid(string? text)
    {
        if (string.IsNullOrEmpty(text) || text[0] == '-' || text[^1] == '-') return false;
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
public readonly record struct AgreementId : IComparable<AgreementId>
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid"/>).</exception>
    public AgreementId(string value) => _value = Slug.Require(value, "agreement");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(AgreementId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator AgreementId(string value) => new(value);
}

/// <summary>The stable id of an organization: a slug that never changes between data releases.</summary>
public readonly record struct OrganizationId : IComparable<OrganizationId>
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid"/>).</exception>
    public OrganizationId(string value) => _value = Slug.Require(value, "organization");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(OrganizationId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator OrganizationId(string value) => new(value);
}

/// <summary>The stable id of a defence system: a slug that never changes between data releases.</summary>
public readonly record struct SystemId : IComparable<SystemId>
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid"/>).</exception>
    public SystemId(string value) => _value = Slug.Require(value, "defence system");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(SystemId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator SystemId(string value) => new(value);
}

/// <summary>The stable id of a source: a slug that never changes between data releases.</summary>
public readonly record struct SourceId : IComparable<SourceId>
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid"/>).</exception>
    public SourceId(string value) => _value = Slug.Require(value, "source");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(SourceId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator SourceId(string value) => new(value);
}

/// <summary>The stable id of a person: a slug that never changes between data releases.</summary>
public readonly record struct PersonId : IComparable<PersonId>
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid"/>).</exception>
    public PersonId(string value) => _value = Slug.Require(value, "person");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(PersonId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator PersonId(string value) => new(value);
}

/// <summary>The stable id of an event: a slug that never changes between data releases.</summary>
public readonly record struct EventId : IComparable<EventId>
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid"/>).</exception>
    public EventId(string value) => _value = Slug.Require(value, "event");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(EventId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator EventId(string value) => new(value);
}

/// <summary>The stable id of a trade flow: a slug that never changes between data releases.</summary>
public readonly record struct TradeFlowId : IComparable<TradeFlowId>
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid"/>).</exception>
    public TradeFlowId(string value) => _value = Slug.Require(value, "trade flow");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(TradeFlowId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator TradeFlowId(string value) => new(value);
}

/// <summary>The stable id of a spending series: a slug that never changes between data releases.</summary>
public readonly record struct SeriesId : IComparable<SeriesId>
{
    private readonly string? _value;

    /// <summary>Creates an id from a slug.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not a valid slug (see <see cref="Slug.IsValid"/>).</exception>
    public SeriesId(string value) => _value = Slug.Require(value, "spending series");

    /// <summary>Gets the slug.</summary>
    public string Value => _value ?? "";

    /// <inheritdoc/>
    public int CompareTo(SeriesId other) => string.CompareOrdinal(Value, other.Value);

    /// <inheritdoc/>
    public override string ToString() => Value;

    /// <summary>Creates an id from a slug; throws <see cref="ArgumentException"/> for an invalid one (including null: in a conditional expression write a nullable null).</summary>
    public static implicit operator SeriesId(string value) => new(value);
}
