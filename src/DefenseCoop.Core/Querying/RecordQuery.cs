using DefenseCoop.Indexing;
using NodaTime;

namespace DefenseCoop.Querying;

/// <summary>
/// The filters every query over dated records with parties shares (agreements, trade flows, events):
/// who takes part (<see cref="Involving(CountryRef)"/>, <see cref="Between"/>, <see cref="StatesOnly"/>),
/// when (<see cref="Within(int, int)"/>, the record's own date) and what kind. Each filter returns a new
/// query of the derived type; filters combine with AND, and the values of one kind filter with OR.
/// </summary>
/// <typeparam name="TRecord">The record.</typeparam>
/// <typeparam name="TKind">The record's kind.</typeparam>
/// <typeparam name="TQuery">The derived query type, which every filter returns.</typeparam>
/// <remarks>
/// The index answers these filters: posting lists per country, pair of countries, organization, system
/// and kind are intersected smallest first, and a date range narrows them to a window of the date order;
/// only what no index covers is tested record by record. A country takes part as a state or through an
/// organization based in it (a company counts for its home country; an intergovernmental organization
/// for none), unless <see cref="StatesOnly"/> is asked for.
/// </remarks>
public abstract class RecordQuery<TRecord, TKind, TQuery> : Query<TRecord>
    where TRecord : class
    where TKind : struct, Enum
    where TQuery : RecordQuery<TRecord, TKind, TQuery>
{
    private protected RecordQuery(DefenseCoopCatalog catalog, RecordFilter<TKind> shared)
    {
        Catalog = catalog;
        Shared = shared;
    }

    private protected DefenseCoopCatalog Catalog { get; }

    /// <summary>The filters of this class; the derived query keeps its own beside them.</summary>
    private protected RecordFilter<TKind> Shared { get; }

    /// <summary>The derived query with <paramref name="shared"/> in place of this one's shared filters.</summary>
    private protected abstract TQuery With(RecordFilter<TKind> shared);

    /// <summary>Records <paramref name="country"/> takes part in, as a state or through an organization based in it, unless <see cref="StatesOnly"/> is asked for.</summary>
    /// <param name="country">A country: a code, a record, or a name or code in text ("TR", "TUR", "Türkiye").</param>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog (the message names the closest).</exception>
    public TQuery Involving(CountryRef country) =>
        With(Shared with { Countries = FilterList.Append(Shared.Countries, Catalog.CountryOf(country, nameof(country))) });

    /// <summary>Records to which <paramref name="organization"/> is a party.</summary>
    public TQuery Involving(OrganizationId organization) =>
        With(Shared with { Organizations = FilterList.Append(Shared.Organizations, organization) });

    /// <summary>Records that concern <paramref name="system"/>.</summary>
    public TQuery Involving(SystemId system) => With(Shared with { Systems = FilterList.Append(Shared.Systems, system) });

    /// <summary>
    /// Records involving a country (by code or any name <c>Countries.Resolve</c> knows), or else an
    /// organization or a system (by id or name).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="countryOrId"/> names no country, organization or system in the catalog.</exception>
    public TQuery Involving(string countryOrId) => Catalog.Involved(countryOrId, nameof(countryOrId)) switch
    {
        CountryCode country => Involving(country),
        OrganizationId organization => Involving(organization),
        var system => Involving((SystemId)system),
    };

    /// <summary>
    /// Records both countries take part in, whatever their roles (undirected): as states or through
    /// organizations based in them, unless <see cref="StatesOnly"/> is asked for.
    /// </summary>
    /// <param name="a">A country: a code, a record, or a name or code in text.</param>
    /// <param name="b">The other country.</param>
    /// <exception cref="ArgumentException">A country is not of the catalog (the message names the closest), or both name the same country.</exception>
    public TQuery Between(CountryRef a, CountryRef b)
    {
        var (x, y) = Catalog.DyadOf(a, b);
        return With(Shared with { Dyads = FilterList.Append(Shared.Dyads, AgreementIndex.Dyad(x, y)) });
    }

    /// <summary>
    /// Counts only countries that take part as states, not through their organizations, in
    /// <see cref="Involving(CountryRef)"/> and <see cref="Between"/>: a Finnish and a Turkish company's
    /// agreement is then not between Finland and Türkiye.
    /// </summary>
    public TQuery StatesOnly() => With(Shared with { StatesOnly = true });

    /// <summary>Records dated in <paramref name="year"/>; a date known only to the year counts. Undated records never match.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1–9999.</exception>
    public TQuery Within(int year) => Within(year, year);

    /// <summary>
    /// Records dated between the start of <paramref name="fromYear"/> and the end of <paramref name="toYear"/>,
    /// inclusive; see <see cref="Within(LocalDate, LocalDate)"/> for partial dates.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1–9999, or the range ends before it begins.</exception>
    public TQuery Within(int fromYear, int toYear)
    {
        var (from, to) = YearRange.Check(fromYear, toYear);
        return Within(new LocalDate(from, 1, 1), new LocalDate(to, 12, 31));
    }

    /// <summary>
    /// Records certainly dated between <paramref name="from"/> and <paramref name="to"/> inclusive: the
    /// whole interval of a partial date must lie inside the range, so "2023" is not within
    /// 2023-03-01..2023-12-31. Undated records never match. Several ranges intersect.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public TQuery Within(LocalDate from, LocalDate to)
    {
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, "The range ends before it begins.");
        return With(Shared with
        {
            From = Shared.From is { } f && f > from ? f : from,
            To = Shared.To is { } t && t < to ? t : to,
        });
    }

    /// <summary>Records of any of the given kinds; several calls intersect.</summary>
    public TQuery OfKind(params ReadOnlySpan<TKind> kinds) => With(Shared with { Kinds = FilterList.Append(Shared.Kinds, [.. kinds]) });

    /// <summary>Records of any of the given kinds; several calls intersect.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    public TQuery OfKind(IEnumerable<TKind> kinds) => OfKind([.. kinds ?? throw new ArgumentNullException(nameof(kinds))]);

    /// <summary>
    /// The parts of a plan with the shared filters' lists, date window and date test added: the derived query's
    /// plan (its <c>CreatePlan</c>) starts from them, adds its own and makes the plan over its index.
    /// </summary>
    private protected PlanParts SharedParts(IRecordIndex<TRecord, TKind> index)
    {
        var parts = new PlanParts();
        Shared.AddTo(index, parts);
        return parts;
    }
}

/// <summary>The inclusive year ranges of the query surface, checked in one place.</summary>
internal static class YearRange
{
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1–9999, or the range ends before it begins.</exception>
    public static (int From, int To) Check(int fromYear, int toYear)
    {
        if (fromYear is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(fromYear), fromYear, "A year is between 1 and 9999.");
        if (toYear is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "A year is between 1 and 9999.");
        if (toYear < fromYear) throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "The range ends before it begins.");
        return (fromYear, toYear);
    }
}
