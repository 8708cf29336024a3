using System.Globalization;
using NodaTime;

namespace DefenseCoop.Samples.Web;

/// <summary>A query-string or route value the API cannot use; answered with a 400 problem naming the parameter.</summary>
public sealed class BadParameterException(string parameter, string message, IReadOnlyList<CountrySuggestion>? suggestions = null) : Exception(message)
{
    /// <summary>Gets the name of the parameter, as the client wrote it.</summary>
    public string Parameter { get; } = parameter;

    /// <summary>Gets what the client probably meant, nearest first; empty where nothing is suggested.</summary>
    public IReadOnlyList<CountrySuggestion> Suggestions { get; } = suggestions ?? [];
}

/// <summary>An id the API does not know; answered with a 404 problem naming the parameter.</summary>
public sealed class UnknownIdException(string parameter, string message) : Exception(message)
{
    /// <summary>Gets the name of the parameter, as the client wrote it.</summary>
    public string Parameter { get; } = parameter;
}

/// <summary>A country the client probably meant: the <c>suggestions</c> of a 400 problem.</summary>
public sealed record CountrySuggestion(string Code, string Name);

/// <summary>Reads the API's parameters, each failure naming the parameter it comes from.</summary>
internal static class Parameters
{
    /// <summary>A country by any name, alias or code the catalog knows ("Türkiye", "Turkey", "TUR", "TR").</summary>
    /// <remarks>An unknown or ambiguous name is refused with the closest countries the catalog suggests.</remarks>
    public static Country Country(DefenseCoopCatalog catalog, string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new BadParameterException(parameter, "A country is required: a name, alias or code such as 'Türkiye', 'Turkey', 'TUR' or 'TR'.");
        if (text.Length > MaxText) throw new BadParameterException(parameter, $"A country's name has at most {MaxText} characters.");
        try
        {
            return catalog.ResolveCountry(text);
        }
        catch (UnknownCountryException e)
        {
            throw new BadParameterException(parameter, $"'{text}' is not a country this catalog knows (or is a name several countries share). Did you mean {string.Join(", ", e.Suggestions.Select(c => c.Name))}?",
                [.. e.Suggestions.Select(c => new CountrySuggestion(c.Code.Value, c.Name))]);
        }
    }

    /// <summary>The longest name or id the API reads: longer text is refused before any lookup.</summary>
    public const int MaxText = 200;

    public static Country? OptionalCountry(DefenseCoopCatalog catalog, string? text, string parameter) =>
        string.IsNullOrWhiteSpace(text) ? null : Country(catalog, text, parameter);

    /// <summary>The first and last years a query may name: those the catalog's data may hold.</summary>
    public const int MinYear = ValueRanges.MinYear, MaxYear = ValueRanges.MaxYear;

    public static int? Year(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= MinYear and <= MaxYear
            ? year
            : throw new BadParameterException(parameter, $"'{text}' is not a year from {MinYear} to {MaxYear}.");
    }

    /// <summary>A range of years; the end before the start is refused, naming the end.</summary>
    public static (int? From, int? To) YearRange(string? from, string? to, string fromName, string toName)
    {
        var range = (Year(from, fromName), Year(to, toName));
        if (range is ({ } start, { } end) && end < start) throw new BadParameterException(toName, $"The range ends ({end}) before it begins ({start}).");
        return range;
    }

    /// <summary>A date at any precision: <c>2023</c>, <c>2023-03</c>, <c>2023-03-30</c>, <c>early 2023</c>.</summary>
    public static PartialDate? Date(string? text, string parameter)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!PartialDate.TryParse(text, out var date)) throw new BadParameterException(parameter, $"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD.");
        return date.Earliest.Year >= MinYear && date.Latest.Year <= MaxYear
            ? date
            : throw new BadParameterException(parameter, $"'{text}' is outside the years {MinYear} to {MaxYear}.");
    }

    /// <summary>A day: <c>2024-01-01</c>.</summary>
    public static LocalDate? Day(string? text, string parameter)
    {
        if (Date(text, parameter) is not { } date) return null;
        return date.Precision == DatePrecision.Day && date.Qualifier == DateQualifier.None
            ? date.Earliest
            : throw new BadParameterException(parameter, $"'{text}' is not a day: write YYYY-MM-DD.");
    }

    /// <summary>Enum names separated by commas, e.g. <c>MemorandumOfUnderstanding,CoProduction</c>.</summary>
    public static TEnum[] Enums<TEnum>(string? text, string parameter) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(name =>
            !char.IsAsciiDigit(name[0]) && Enum.TryParse<TEnum>(name, ignoreCase: true, out var value) && Enum.IsDefined(value)
                ? value
                : throw new BadParameterException(parameter, $"'{name}' is not one of: {string.Join(", ", Enum.GetNames<TEnum>())}."))];
    }

    public static int Count(string? text, string parameter, int fallback, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value <= max
            ? value
            : throw new BadParameterException(parameter, $"'{text}' is not a whole number from 0 to {max}.");
    }

    public static bool Descending(string? text, string parameter) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "asc" => false,
        "desc" => true,
        _ => throw new BadParameterException(parameter, $"'{text}' is not an order: write 'asc' or 'desc'."),
    };

    /// <summary>A reconciliation policy: <c>minimum</c>, <c>maximum</c>, <c>median</c> or <c>prefer:SOURCE[,SOURCE...]</c>; none keeps every source's figure.</summary>
    public static Querying.ReconciliationPolicy? Policy(DefenseCoopCatalog catalog, string? text, string parameter)
    {
        switch (text?.Trim())
        {
            case null or "" or "none": return null;
            case "minimum": return Querying.ReconciliationPolicy.Minimum;
            case "maximum": return Querying.ReconciliationPolicy.Maximum;
            case "median": return Querying.ReconciliationPolicy.Median;
        }
        const string prefer = "prefer:";
        if (text!.StartsWith(prefer, StringComparison.Ordinal))
        {
            var sources = text[prefer.Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(id => Source(catalog, id, parameter)).ToArray();
            if (sources.Length > 0) return Querying.ReconciliationPolicy.Prefer(sources);
        }
        throw new BadParameterException(parameter, $"'{text}' is not a policy: write 'none', 'minimum', 'maximum', 'median' or 'prefer:SOURCE-ID[,SOURCE-ID]'.");
    }

    /// <summary>A source named in a filter; an unknown one is a bad parameter (400).</summary>
    public static SourceId Source(DefenseCoopCatalog catalog, string id, string parameter) =>
        Slug.IsValid(id) && catalog.Sources.Contains(new SourceId(id))
            ? new SourceId(id)
            : throw new BadParameterException(parameter, $"'{id}' is not the id of a source in this catalog.");

    /// <summary>A source asked for by its id in the path; an unknown one is not found (404), malformed is a bad parameter (400).</summary>
    public static SourceId SourceById(DefenseCoopCatalog catalog, string id, string parameter)
    {
        if (!Slug.IsValid(id)) throw new BadParameterException(parameter, $"'{id}' is not a source id: ids are lower-case slugs such as 'nato-defence-expenditure-2024'.");
        return catalog.Sources.Contains(new SourceId(id)) ? new SourceId(id) : throw new UnknownIdException(parameter, $"No source of this catalog has the id '{id}'.");
    }
}
