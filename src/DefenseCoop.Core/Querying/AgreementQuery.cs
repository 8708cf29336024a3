using System.Collections;
using System.Collections.Immutable;
using DefenseCoop.Indexing;
using NodaTime;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over agreements. Each method returns a new query with one more filter; filters
/// combine with AND. Nothing runs until the query is enumerated or counted, and then the catalog's
/// index answers it: posting lists per country, dyad, organization, system, kind, area and status are
/// intersected smallest first, a signing-date range narrows them to a window of the date order, and
/// only what no index covers is tested record by record.
/// </summary>
/// <remarks>Results come in signing order, undated agreements last; <see cref="OrderBySigningDateDescending"/> reverses the dated ones.</remarks>
public sealed class AgreementQuery : IEnumerable<Agreement>
{
    private readonly DefenseCoopCatalog _catalog;
    private readonly AgreementFilter _filter;
    private IndexPlan<Agreement>? _plan;

    internal AgreementQuery(DefenseCoopCatalog catalog) : this(catalog, AgreementFilter.None) { }

    private AgreementQuery(DefenseCoopCatalog catalog, AgreementFilter filter)
    {
        _catalog = catalog;
        _filter = filter;
    }

    // Planned when first run, not at every step of composing. Two threads running a new query at once may
    // both plan it; the plans are equal and immutable, so either may be kept.
    private IndexPlan<Agreement> Plan => _plan ??= _filter.Plan(_catalog.AgreementIndex);

    private AgreementQuery With(AgreementFilter filter) => new(_catalog, filter);

    /// <summary>
    /// Agreements both countries take part in, whatever their roles (undirected): as state parties or
    /// through organizations based in them, unless <see cref="StatesOnly"/> is asked for.
    /// </summary>
    /// <param name="a">A country: a code, a record, or a name or code in text ("TR", "TUR", "Türkiye").</param>
    /// <param name="b">The other country.</param>
    /// <exception cref="ArgumentException">A country is not of the catalog (the message names the closest), or both name the same country.</exception>
    public AgreementQuery Between(CountryRef a, CountryRef b)
    {
        var (x, y) = _catalog.DyadOf(a, b);
        return With(_filter with { Dyads = AgreementFilter.Append(_filter.Dyads, AgreementIndex.Dyad(x, y)) });
    }

    /// <summary>
    /// Counts only countries that are parties themselves, not through their organizations: a Finnish
    /// and a Turkish company's agreement is then not between Finland and Türkiye.
    /// </summary>
    public AgreementQuery StatesOnly() => With(_filter with { StatesOnly = true });

    /// <summary>Agreements <paramref name="country"/> takes part in, as a state party or through an organization based in it, unless <see cref="StatesOnly"/> is asked for.</summary>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    public AgreementQuery Involving(CountryRef country) =>
        With(_filter with { Countries = AgreementFilter.Append(_filter.Countries, _catalog.CountryOf(country, nameof(country))) });

    /// <summary>Agreements to which <paramref name="organization"/> is a party.</summary>
    public AgreementQuery Involving(OrganizationId organization) => With(_filter with { Organizations = AgreementFilter.Append(_filter.Organizations, organization) });

    /// <summary>Agreements that concern <paramref name="system"/>.</summary>
    public AgreementQuery Involving(SystemId system) => With(_filter with { Systems = AgreementFilter.Append(_filter.Systems, system) });

    /// <summary>
    /// Agreements involving a country (by code or any name <c>Countries.Resolve</c> knows), or else an
    /// organization or a system (by id or name).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="countryOrId"/> names no country, organization or system in the catalog.</exception>
    public AgreementQuery Involving(string countryOrId) => _catalog.Involved(countryOrId, nameof(countryOrId)) switch
    {
        CountryCode country => Involving(country),
        OrganizationId organization => Involving(organization),
        var system => Involving((SystemId)system),
    };

    /// <summary>Agreements signed in <paramref name="year"/> (a date known only to the year counts).</summary>
    public AgreementQuery SignedWithin(int year) => SignedWithin(year, year);

    /// <summary>Agreements signed between the start of <paramref name="fromYear"/> and the end of <paramref name="toYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>, or a year is outside 1–9999.</exception>
    public AgreementQuery SignedWithin(int fromYear, int toYear)
    {
        if (fromYear is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(fromYear), fromYear, "A year is between 1 and 9999.");
        if (toYear < fromYear || toYear > 9999) throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "The range ends before it begins.");
        return SignedWithin(new LocalDate(fromYear, 1, 1), new LocalDate(toYear, 12, 31));
    }

    /// <summary>
    /// Agreements certainly signed between <paramref name="from"/> and <paramref name="to"/> inclusive: the
    /// whole interval of a partial signing date must lie inside the range, so "2023" is not within
    /// 2023-03-01..2023-12-31. Undated agreements never match. Several ranges intersect.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public AgreementQuery SignedWithin(LocalDate from, LocalDate to)
    {
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, "The range ends before it begins.");
        return With(_filter with { From = Max(_filter.From, from), To = Min(_filter.To, to) });
    }

    /// <summary>Agreements of any of the given kinds.</summary>
    public AgreementQuery OfKind(params ReadOnlySpan<AgreementKind> kinds) => With(_filter with { Kinds = AgreementFilter.Append(_filter.Kinds, [.. kinds]) });

    /// <summary>Agreements covering any of the given areas.</summary>
    public AgreementQuery InArea(params ReadOnlySpan<CooperationArea> areas) => With(_filter with { Areas = AgreementFilter.Append(_filter.Areas, [.. areas]) });

    /// <summary>Agreements whose status history contains any of the given statuses, at any date.</summary>
    public AgreementQuery WithStatus(params ReadOnlySpan<AgreementStatus> statuses) => With(_filter with { Statuses = AgreementFilter.Append(_filter.Statuses, [.. statuses]) });

    /// <summary>Agreements of any of the given kinds.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="kinds"/> is null.</exception>
    public AgreementQuery OfKind(IEnumerable<AgreementKind> kinds) => OfKind([.. kinds ?? throw new ArgumentNullException(nameof(kinds))]);

    /// <summary>Agreements covering any of the given areas.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="areas"/> is null.</exception>
    public AgreementQuery InArea(IEnumerable<CooperationArea> areas) => InArea([.. areas ?? throw new ArgumentNullException(nameof(areas))]);

    /// <summary>Agreements whose status history contains any of the given statuses, at any date.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="statuses"/> is null.</exception>
    public AgreementQuery WithStatus(IEnumerable<AgreementStatus> statuses) => WithStatus([.. statuses ?? throw new ArgumentNullException(nameof(statuses))]);

    /// <summary>
    /// Agreements certainly in force on <paramref name="date"/>; see <see cref="AgreementInForce"/> for the
    /// rule. An agreement whose status change may fall either side of the date is left out: use
    /// <see cref="PossiblyInForceOn"/> to include it, or <see cref="AgreementInForce.StateOn"/> to tell the two apart.
    /// </summary>
    public AgreementQuery InForceOn(LocalDate date) => With(_filter with { InForce = AgreementFilter.Append(_filter.InForce, (date, false)) });

    /// <summary>Agreements in force on <paramref name="date"/>, certainly or possibly (<see cref="InForceState.Uncertain"/>).</summary>
    public AgreementQuery PossiblyInForceOn(LocalDate date) => With(_filter with { InForce = AgreementFilter.Append(_filter.InForce, (date, true)) });

    /// <summary>
    /// Agreements certainly in force today, as <see cref="InForceOn"/> for the date of <paramref name="clock"/>'s
    /// current instant in UTC. The date is read once, when this method is called.
    /// </summary>
    /// <remarks>UTC, not the machine's time zone, so that every server gives the same answer: the data's
    /// dates have no time zone, and they are days as the sources report them. For another zone's today,
    /// use <c>InForceOn(clock.InZone(zone).GetCurrentDate())</c>.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public AgreementQuery InForceToday(IClock clock) => InForceOn(Today(clock));

    /// <summary>Agreements in force today, certainly or possibly; "today" is as in <see cref="InForceToday"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="clock"/> is null.</exception>
    public AgreementQuery PossiblyInForceToday(IClock clock) => PossiblyInForceOn(Today(clock));

    private static LocalDate Today(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetCurrentInstant().InUtc().Date;
    }

    /// <summary>Orders by signing date, oldest first (the default); undated agreements come last.</summary>
    public AgreementQuery OrderBySigningDate() => With(_filter with { Descending = false });

    /// <summary>Orders by signing date, newest first; undated agreements still come last.</summary>
    public AgreementQuery OrderBySigningDateDescending() => With(_filter with { Descending = true });

    /// <summary>Skips the first <paramref name="count"/> results, for paging; returns a page that can be paged further but not filtered.</summary>
    public AgreementPage Skip(int count) => new AgreementPage(this, 0, int.MaxValue).Skip(count);

    /// <summary>Takes at most <paramref name="count"/> results, for paging; returns a page that can be paged further but not filtered.</summary>
    public AgreementPage Take(int count) => new AgreementPage(this, 0, int.MaxValue).Take(count);

    /// <summary>Counts the matching agreements. Allocates nothing once the query has been planned, on its first run.</summary>
    public int Count() => _filter.IsInForceOnly
        ? _catalog.AgreementIndex.InForce.Count(_filter.InForce[0].Date, _filter.InForce[0].Possibly)
        : Plan.Count(0, int.MaxValue);

    /// <summary>Whether any agreement matches. Allocates nothing once the query has been planned, on its first run.</summary>
    public bool Any() => _filter.IsInForceOnly ? Count() > 0 : Plan.Any(0, int.MaxValue);

    /// <summary>The first matching agreement in the query's order.</summary>
    /// <exception cref="InvalidOperationException">No agreement matches.</exception>
    public Agreement First() => FirstOrDefault() ?? throw new InvalidOperationException("No agreement matches the query.");

    /// <summary>The first matching agreement in the query's order, or null.</summary>
    public Agreement? FirstOrDefault() => Enumerate(0, 1).FirstOrDefault();

    /// <summary>The matching agreements in the query's order.</summary>
    public IReadOnlyList<Agreement> ToList()
    {
        if (_filter.Descending) return [.. this];
        // In signing order the walk adds straight to the list, without the enumerators.
        var list = new List<Agreement>();
        int dated = _catalog.AgreementIndex.DatedCount;
        Plan.AddTo(list, 0, dated);
        Plan.AddTo(list, dated, int.MaxValue);
        return list;
    }

    /// <inheritdoc/>
    public IEnumerator<Agreement> GetEnumerator() => Enumerate(0, int.MaxValue).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Undated agreements hold the ordinals after the dated ones; either order lists them last.
    internal IEnumerable<Agreement> Enumerate(int skip, int take)
    {
        int dated = _catalog.AgreementIndex.DatedCount;
        var results = Plan.Enumerate(0, dated, _filter.Descending).Concat(Plan.Enumerate(dated, int.MaxValue, descending: false));
        return results.Skip(skip).Take(take);
    }

    internal int Count(int skip, int take) => Math.Clamp(Count() - skip, 0, take);

    private static LocalDate Max(LocalDate? a, LocalDate b) => a is { } x && x > b ? x : b;

    private static LocalDate Min(LocalDate? a, LocalDate b) => a is { } x && x < b ? x : b;
}

/// <summary>A page of an <see cref="AgreementQuery"/>: what <see cref="Skip"/> and <see cref="Take"/> leave, in the query's order.</summary>
public sealed class AgreementPage : IEnumerable<Agreement>
{
    private readonly AgreementQuery _query;
    private readonly int _skip;
    private readonly int _take;

    internal AgreementPage(AgreementQuery query, int skip, int take)
    {
        _query = query;
        _skip = skip;
        _take = take;
    }

    /// <summary>Skips <paramref name="count"/> more results.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public AgreementPage Skip(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(_query, (int)Math.Min(int.MaxValue, (long)_skip + count), _take == int.MaxValue ? int.MaxValue : Math.Max(0, _take - count));
    }

    /// <summary>Keeps at most <paramref name="count"/> of the results.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public AgreementPage Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return new(_query, _skip, Math.Min(_take, count));
    }

    /// <summary>Counts the agreements on the page.</summary>
    public int Count() => _query.Count(_skip, _take);

    /// <summary>Whether the page holds any agreement.</summary>
    public bool Any() => Count() > 0;

    /// <summary>The agreements on the page.</summary>
    public IReadOnlyList<Agreement> ToList() => [.. this];

    /// <inheritdoc/>
    public IEnumerator<Agreement> GetEnumerator() => _query.Enumerate(_skip, _take).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>What an <see cref="AgreementQuery"/> asks for. Lists combine with AND; each kind, area or status set is an OR.</summary>
internal sealed record AgreementFilter
{
    public static readonly AgreementFilter None = new();

    public CountryCode[] Countries { get; init; } = [];
    public (CountryCode, CountryCode)[] Dyads { get; init; } = [];
    public OrganizationId[] Organizations { get; init; } = [];
    public SystemId[] Systems { get; init; } = [];
    public AgreementKind[][] Kinds { get; init; } = [];
    public CooperationArea[][] Areas { get; init; } = [];
    public AgreementStatus[][] Statuses { get; init; } = [];
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
    public (LocalDate Date, bool Possibly)[] InForce { get; init; } = [];
    public bool Descending { get; init; }
    public bool StatesOnly { get; init; }

    /// <summary>A copy of <paramref name="items"/> with <paramref name="item"/> added: filters are few, so an array copied per step
    /// costs less than an immutable list, and allocates only the array.</summary>
    public static T[] Append<T>(T[] items, T item)
    {
        var result = new T[items.Length + 1];
        items.CopyTo(result, 0);
        result[^1] = item;
        return result;
    }

    /// <summary>Chooses the posting lists, the date window and the residual test.</summary>
    public IndexPlan<Agreement> Plan(AgreementIndex index)
    {
        var lists = new List<int[]>();
        foreach (var country in Countries) lists.Add(Postings.Get(StatesOnly ? index.StateCountries : index.Countries, country));
        foreach (var dyad in Dyads) lists.Add(Postings.Get(StatesOnly ? index.StateDyads : index.Dyads, dyad));
        foreach (var organization in Organizations) lists.Add(Postings.Get(index.Organizations, organization));
        foreach (var system in Systems) lists.Add(Postings.Get(index.Systems, system));
        List<int[][]>? unions = null;
        foreach (var set in Kinds) Postings.AddAny(index.Kinds, set, lists, ref unions);
        foreach (var set in Areas) Postings.AddAny(index.Areas, set, lists, ref unions);
        foreach (var set in Statuses) Postings.AddAny(index.Statuses, set, lists, ref unions);

        int from = 0, to = int.MaxValue;
        if (From is { } start && To is { } end)
        {
            if (end < start) to = 0;
            else (from, to) = index.SignedWindow(start, end);
        }
        // In force on a day: alone, its exact list drives the walk; beside other lists or a date window,
        // which leave fewer candidates, each candidate's intervals are read instead.
        int inForceListed = 0;
        if (InForce.Length > 0 && lists.Count == 0 && From is null)
        {
            lists.Add(index.InForce.Ordinals(InForce[0].Date, InForce[0].Possibly));
            inForceListed = 1;
        }
        return new IndexPlan<Agreement>(index.Records, lists, unions, from, to, Residual(index, inForceListed), index.Bits);
    }

    /// <summary>
    /// Whether the filter is one in-force day and nothing else, which the index counts with two binary
    /// searches (the order does not change a count).
    /// </summary>
    public bool IsInForceOnly => InForce.Length == 1 && Countries.Length == 0 && Dyads.Length == 0 && Organizations.Length == 0
        && Systems.Length == 0 && Kinds.Length == 0 && Areas.Length == 0 && Statuses.Length == 0 && From is null && To is null;

    // The window admits dates that start in range; whether they also end in range (from the index's
    // array, without touching the record), and the exact in-force state, are checked per candidate.
    private Func<int, bool>? Residual(AgreementIndex index, int inForceListed)
    {
        if (To is null && InForce.Length <= inForceListed) return null;
        // Ordinals before EndsBy start early enough to end within the range; only later ones need their latest day.
        var end = To ?? LocalDate.MaxIsoValue;
        int endsBy = To is null ? int.MaxValue : index.EndsBy(end);
        bool EndsInRange(int ordinal) => ordinal < endsBy || index.SignedLatest(ordinal) <= end;
        if (InForce.Length <= inForceListed) return EndsInRange;
        var inForce = InForce[inForceListed..];
        var intervals = index.InForce;
        return ordinal =>
        {
            if (!EndsInRange(ordinal)) return false;
            foreach (var (date, possibly) in inForce)
                if (!intervals.Contains(ordinal, date, possibly)) return false;
            return true;
        };
    }
}
