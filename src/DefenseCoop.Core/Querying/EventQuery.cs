using System.Collections;
using System.Collections.Immutable;
using DefenseCoop.Indexing;
using NodaTime;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over the catalog's events (meetings, exhibitions, statements, requests...), in
/// date order with undated events last. Each filter returns a new query; nothing runs until the query
/// is enumerated or counted.
/// </summary>
/// <remarks>
/// Filters on countries, pairs of countries, organizations, systems and kinds are answered from posting
/// lists and intersected smallest first; a date range narrows the walk to a window of the date-ordered
/// events. A country takes part in an event as a state or through an organization based in it (a company
/// at an exhibition counts for its country), unless <see cref="StatesOnly"/> is asked for.
/// </remarks>
public sealed class EventQuery : IEnumerable<Event>
{
    private readonly DefenseCoopCatalog _catalog;
    private readonly EventFilter _filter;
    private IndexPlan<Event>? _plan;

    internal EventQuery(DefenseCoopCatalog catalog) : this(catalog, new EventFilter()) { }

    private EventQuery(DefenseCoopCatalog catalog, EventFilter filter)
    {
        _catalog = catalog;
        _filter = filter;
    }

    // Planned when first run; as in AgreementQuery, a race plans twice and keeps either of two equal plans.
    private IndexPlan<Event> Plan => _plan ??= _filter.Plan(_catalog.EventIndex);

    private EventQuery With(EventFilter filter) => new(_catalog, filter);

    /// <summary>Events a country took part in, as a state or through one of its organizations.</summary>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    public EventQuery Involving(CountryRef country) =>
        With(_filter with { Countries = _filter.Countries.Add(_catalog.CountryOf(country, nameof(country))) });

    /// <summary>
    /// Events involving a country (by code or any name <c>Countries.Resolve</c> knows), or else an
    /// organization or a system (by id or name).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="countryOrId"/> names no country, organization or system in the catalog.</exception>
    public EventQuery Involving(string countryOrId) => _catalog.Involved(countryOrId, nameof(countryOrId)) switch
    {
        CountryCode country => Involving(country),
        OrganizationId organization => Involving(organization),
        var system => Involving((SystemId)system),
    };

    /// <summary>Events an organization took part in.</summary>
    public EventQuery Involving(OrganizationId organization) => With(_filter with { Organizations = _filter.Organizations.Add(organization) });

    /// <summary>Events concerning a defence system.</summary>
    public EventQuery Involving(SystemId system) => With(_filter with { Systems = _filter.Systems.Add(system) });

    /// <summary>Events both countries took part in (undirected), as states or through their organizations.</summary>
    /// <exception cref="ArgumentException">A country is not of the catalog, or both name the same country.</exception>
    public EventQuery Between(CountryRef a, CountryRef b)
    {
        var (x, y) = _catalog.DyadOf(a, b);
        return With(_filter with { Dyads = _filter.Dyads.Add(AgreementIndex.Dyad(x, y)) });
    }

    /// <summary>Counts only countries that take part as states, not through their organizations.</summary>
    public EventQuery StatesOnly() => With(_filter with { StatesOnly = true });

    /// <summary>Events dated within the years, inclusive; a date known only to a coarser precision must lie wholly within them. Undated events never match.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A year is outside 1–9999, or the range ends before it begins.</exception>
    public EventQuery Within(int fromYear, int toYear)
    {
        if (fromYear is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(fromYear), fromYear, "A year is between 1 and 9999.");
        if (toYear < fromYear || toYear > 9999) throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "The range ends before it begins.");
        return Within(new LocalDate(fromYear, 1, 1), new LocalDate(toYear, 12, 31));
    }

    /// <summary>Events dated within the days, inclusive; a date known only to the month or year must lie wholly within them. Undated events never match.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range ends before it begins.</exception>
    public EventQuery Within(LocalDate from, LocalDate to)
    {
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, "The range ends before it begins.");
        return With(_filter with { From = _filter.From is { } f && f > from ? f : from, To = _filter.To is { } t && t < to ? t : to });
    }

    /// <summary>Events of any of the kinds; several calls intersect.</summary>
    public EventQuery OfKind(params ReadOnlySpan<EventKind> kinds) => With(_filter with { Kinds = _filter.Kinds.Add([.. kinds]) });

    /// <summary>Events of any of the kinds; several calls intersect.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    public EventQuery OfKind(IEnumerable<EventKind> kinds) => OfKind([.. kinds ?? throw new ArgumentNullException(nameof(kinds))]);

    /// <summary>Counts the matching events.</summary>
    public int Count() => Plan.Count(0, int.MaxValue);

    /// <summary>Whether any event matches.</summary>
    public bool Any() => Plan.Any(0, int.MaxValue);

    /// <summary>The matching events, in date order, undated last.</summary>
    public IReadOnlyList<Event> ToList()
    {
        var list = new List<Event>();
        Plan.AddTo(list, 0, int.MaxValue);
        return list;
    }

    /// <inheritdoc/>
    public IEnumerator<Event> GetEnumerator() => Plan.Enumerate(0, int.MaxValue, descending: false).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

internal sealed record EventFilter
{
    public ImmutableList<CountryCode> Countries { get; init; } = [];
    public ImmutableList<(CountryCode, CountryCode)> Dyads { get; init; } = [];
    public ImmutableList<OrganizationId> Organizations { get; init; } = [];
    public ImmutableList<SystemId> Systems { get; init; } = [];
    public ImmutableList<EventKind[]> Kinds { get; init; } = [];
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
    public bool StatesOnly { get; init; }

    public IndexPlan<Event> Plan(EventIndex index)
    {
        var lists = new List<int[]>();
        foreach (var country in Countries) lists.Add(Postings.Get(StatesOnly ? index.StateCountries : index.Countries, country));
        foreach (var dyad in Dyads) lists.Add(Postings.Get(StatesOnly ? index.StateDyads : index.Dyads, dyad));
        foreach (var organization in Organizations) lists.Add(Postings.Get(index.Organizations, organization));
        foreach (var system in Systems) lists.Add(Postings.Get(index.Systems, system));
        List<int[][]>? unions = null;
        foreach (var set in Kinds) Postings.AddAny(index.Kinds, set, lists, ref unions);
        int from = 0, to = int.MaxValue;
        Func<int, bool>? residual = null;
        if (From is { } start && To is { } end)
        {
            (from, to) = index.DateWindow(start, end);
            var records = index.Records;
            residual = ordinal => records[ordinal].Date!.Value.Latest <= end;
        }
        return new IndexPlan<Event>(index.Records, lists, unions, from, to, residual, index.Bits);
    }
}
