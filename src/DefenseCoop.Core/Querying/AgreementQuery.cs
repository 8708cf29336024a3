using DefenseCoop.Indexing;
using NodaTime;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over agreements. Each method returns a new query with one more filter; filters
/// combine with AND. Nothing runs until the query is enumerated or counted, and then the catalog's
/// index answers it: posting lists per country, dyad, organization, system, kind, area and status are
/// intersected smallest first, a signing-date range (<see cref="RecordQuery{TRecord, TKind, TQuery}.Within(int, int)"/>:
/// an agreement's date is its signing date) narrows them to a window of the date order, and only what no
/// index covers is tested record by record.
/// </summary>
/// <remarks>Results come in signing order, undated agreements last; <see cref="OrderBySigningDateDescending"/> reverses the dated ones.</remarks>
public sealed class AgreementQuery : RecordQuery<Agreement, AgreementKind, AgreementQuery>
{
    private readonly AgreementFilter _filter;

    internal AgreementQuery(DefenseCoopCatalog catalog) : this(catalog, RecordFilter<AgreementKind>.None, AgreementFilter.None) { }

    private AgreementQuery(DefenseCoopCatalog catalog, RecordFilter<AgreementKind> shared, AgreementFilter filter) : base(catalog, shared) =>
        _filter = filter;

    private protected override AgreementQuery With(RecordFilter<AgreementKind> shared) => new(Catalog, shared, _filter);

    private AgreementQuery With(AgreementFilter filter) => new(Catalog, Shared, filter);

    /// <summary>Agreements covering any of the given areas.</summary>
    public AgreementQuery InArea(params ReadOnlySpan<CooperationArea> areas) => With(_filter with { Areas = FilterList.Append(_filter.Areas, [.. areas]) });

    /// <summary>Agreements whose status history contains any of the given statuses, at any date.</summary>
    public AgreementQuery WithStatus(params ReadOnlySpan<AgreementStatus> statuses) => With(_filter with { Statuses = FilterList.Append(_filter.Statuses, [.. statuses]) });

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
    public AgreementQuery InForceOn(LocalDate date) => With(_filter with { InForce = FilterList.Append(_filter.InForce, (date, false)) });

    /// <summary>Agreements in force on <paramref name="date"/>, certainly or possibly (<see cref="InForceState.Uncertain"/>).</summary>
    public AgreementQuery PossiblyInForceOn(LocalDate date) => With(_filter with { InForce = FilterList.Append(_filter.InForce, (date, true)) });

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

    // One in-force day and nothing else: the index counts it with two binary searches (the order does not change a count).
    private protected override int? CountWithoutPlan() =>
        _filter.IsInForceOnly && Shared.IsEmpty ? Catalog.AgreementIndex.InForce.Count(_filter.InForce[0].Date, _filter.InForce[0].Possibly) : null;

    private protected override QueryPlan<Agreement> CreatePlan()
    {
        var index = Catalog.AgreementIndex;
        var parts = SharedParts(index);
        _filter.AddTo(index, parts);
        return parts.ToPlan(index.RecordSource, index.Count, index.Bits, index.DatedCount, _filter.Descending);
    }
}

/// <summary>What an <see cref="AgreementQuery"/> asks for beside the shared filters. Lists combine with AND; each area or status set is an OR.</summary>
internal sealed record AgreementFilter
{
    public static readonly AgreementFilter None = new();

    public CooperationArea[][] Areas { get; init; } = [];
    public AgreementStatus[][] Statuses { get; init; } = [];
    public (LocalDate Date, bool Possibly)[] InForce { get; init; } = [];
    public bool Descending { get; init; }

    /// <summary>Whether this filter is one in-force day and nothing else.</summary>
    public bool IsInForceOnly => InForce.Length == 1 && Areas.Length == 0 && Statuses.Length == 0;

    /// <summary>Adds the area and status lists and the in-force tests.</summary>
    public void AddTo(AgreementIndex index, PlanParts parts)
    {
        foreach (var set in Areas) Postings.AddAny(index.Areas, set, parts.Lists, ref parts.Unions);
        foreach (var set in Statuses) Postings.AddAny(index.Statuses, set, parts.Lists, ref parts.Unions);
        if (InForce.Length == 0) return;
        // In force on a day: alone, its exact list drives the walk; beside other lists or a date window,
        // which leave fewer candidates, each candidate's intervals are read instead.
        int listed = 0;
        if (parts.Lists.Count == 0 && !parts.HasDateRange)
        {
            parts.Lists.Add(index.InForce.Ordinals(InForce[0].Date, InForce[0].Possibly));
            listed = 1;
        }
        if (InForce.Length <= listed) return;
        var tests = InForce[listed..];
        var intervals = index.InForce;
        parts.AddResidual(ordinal =>
        {
            foreach (var (date, possibly) in tests)
                if (!intervals.Contains(ordinal, date, possibly)) return false;
            return true;
        });
    }
}
