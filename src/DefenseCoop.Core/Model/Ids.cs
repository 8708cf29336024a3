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

/// <summary>
/// Marks an id struct whose members DefenseCoop.Generators' <c>SlugIdGenerator</c> writes: the slug, its
/// comparison, formatting and parsing, the conversion from text and the order operators, the same for
/// every id. <paramref name="kind"/> names the record in messages ("agreement" gives "not a valid agreement
/// id"); <paramref name="example"/> is the slug the documentation shows.
/// </summary>
// Conditional: the generator reads it from the source; the compiled library need not carry it.
[AttributeUsage(AttributeTargets.Struct, Inherited = false)]
[System.Diagnostics.Conditional("DEFENSECOOP_GENERATOR")]
internal sealed class SlugIdAttribute(string kind, string example) : Attribute
{
    public string Kind { get; } = kind;

    public string Example { get; } = example;
}

/// <summary>The stable id of an agreement: a slug that never changes between data releases.</summary>
[SlugId("agreement", "tr-fi-2025-defence-industry-mou")]
public readonly partial record struct AgreementId;

/// <summary>The stable id of an organization: a slug that never changes between data releases.</summary>
[SlugId("organization", "ssb")]
public readonly partial record struct OrganizationId;

/// <summary>The stable id of a defence system: a slug that never changes between data releases.</summary>
[SlugId("defence system", "bayraktar-tb2")]
public readonly partial record struct SystemId;

/// <summary>The stable id of a source: a slug that never changes between data releases.</summary>
[SlugId("source", "nato-defence-expenditure-2024")]
public readonly partial record struct SourceId;

/// <summary>The stable id of a person: a slug that never changes between data releases.</summary>
[SlugId("person", "haluk-gorgun")]
public readonly partial record struct PersonId;

/// <summary>The stable id of an event: a slug that never changes between data releases.</summary>
[SlugId("event", "tr-fi-2025-defence-talks")]
public readonly partial record struct EventId;

/// <summary>The stable id of a trade flow: a slug that never changes between data releases.</summary>
[SlugId("trade flow", "tr-fi-2023-example")]
public readonly partial record struct TradeFlowId;

/// <summary>The stable id of a spending series: a slug that never changes between data releases.</summary>
[SlugId("spending series", "cow-nmc-6-tr-milex")]
public readonly partial record struct SeriesId;
