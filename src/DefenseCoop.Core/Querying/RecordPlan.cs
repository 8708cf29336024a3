using DefenseCoop.Indexing;
using NodaTime;

namespace DefenseCoop.Querying;

/// <summary>The filters' lists of values, in one place.</summary>
internal static class FilterList
{
    /// <summary>A copy of <paramref name="items"/> with <paramref name="item"/> added: filters are few, so an array copied per step
    /// costs less than an immutable list, and allocates only the array.</summary>
    public static T[] Append<T>(T[] items, T item)
    {
        var result = new T[items.Length + 1];
        items.CopyTo(result, 0);
        result[^1] = item;
        return result;
    }
}

/// <summary>What a <see cref="RecordQuery{TRecord, TKind, TQuery}"/>'s shared filters ask for. Lists combine with AND; each kind set is an OR.</summary>
internal sealed record RecordFilter<TKind> where TKind : struct, Enum
{
    public static readonly RecordFilter<TKind> None = new();

    public CountryCode[] Countries { get; init; } = [];
    public (CountryCode, CountryCode)[] Dyads { get; init; } = [];
    public OrganizationId[] Organizations { get; init; } = [];
    public SystemId[] Systems { get; init; } = [];
    public TKind[][] Kinds { get; init; } = [];
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
    public bool StatesOnly { get; init; }

    /// <summary>Whether no filter is set.</summary>
    public bool IsEmpty => Countries.Length == 0 && Dyads.Length == 0 && Organizations.Length == 0 && Systems.Length == 0
        && Kinds.Length == 0 && From is null && To is null;

    /// <summary>Adds the posting lists, the date window and the date test these filters ask for.</summary>
    public void AddTo<TRecord>(IRecordIndex<TRecord, TKind> index, PlanParts parts)
    {
        foreach (var country in Countries) parts.Lists.Add(Postings.Get(StatesOnly ? index.StateCountryPostings : index.CountryPostings, country));
        foreach (var dyad in Dyads) parts.Lists.Add(Postings.Get(StatesOnly ? index.StateDyadPostings : index.DyadPostings, dyad));
        foreach (var organization in Organizations) parts.Lists.Add(Postings.Get(index.OrganizationPostings, organization));
        foreach (var system in Systems) parts.Lists.Add(Postings.Get(index.SystemPostings, system));
        foreach (var set in Kinds) Postings.AddAny(index.KindPostings, set, parts.Lists, ref parts.Unions);
        if (From is { } start && To is { } end)
        {
            parts.HasDateRange = true;
            // Two ranges that do not overlap leave nothing.
            if (end < start) parts.To = 0;
            else (parts.From, parts.To) = index.DateWindow(start, end);
            parts.Residuals.Add(index.EndsBy(end));
        }
    }
}

/// <summary>The parts of an index plan as the filters add them: lists, unions, an ordinal window and residual tests.</summary>
internal sealed class PlanParts
{
    public List<int[]> Lists { get; } = [];
    public List<int[][]>? Unions;
    public int From;
    public int To = int.MaxValue;
    public bool HasDateRange;
    public List<Func<int, bool>> Residuals { get; } = [];

    /// <summary>The residual tests as one, or null for none.</summary>
    public Func<int, bool>? Residual => Residuals.Count switch
    {
        0 => null,
        1 => Residuals[0],
        _ => All([.. Residuals]),
    };

    private static Func<int, bool> All(Func<int, bool>[] tests) => ordinal =>
    {
        foreach (var test in tests)
            if (!test(ordinal)) return false;
        return true;
    };

    public IndexPlan<T> ToIndexPlan<T>(Func<T[]> records, int count, PostingBits bits) where T : class =>
        new(records, count, Lists, Unions, From, To, Residual, bits);
}

/// <summary>
/// A plan over one of the indexes of dated records: dated records in date order (or reversed), the
/// undated after them in either order, as every such query lists them.
/// </summary>
/// <remarks>
/// The index plan is made on first use, so that a count the index answers directly (<paramref name="count"/>)
/// never builds the lists the plan would intersect.
/// </remarks>
internal sealed class IndexedPlan<T>(Func<IndexPlan<T>> makePlan, int datedCount, bool descending, Func<int>? count = null) : QueryPlan<T>
    where T : class
{
    // A field, not a Lazy: two threads may both make the plan, and plans of one query are equal and
    // immutable, so either may be kept; a Lazy's lock and helper cost more than a query composed per call.
    private IndexPlan<T>? _plan;

    private IndexPlan<T> plan => _plan ??= makePlan();

    public override int Count() => count is null ? plan.Count(0, int.MaxValue) : count();

    public override bool Any() => count is null ? plan.Any(0, int.MaxValue) : count() > 0;

    public override IEnumerable<T> Enumerate() => descending
        ? plan.Enumerate(0, datedCount, descending: true).Concat(plan.Enumerate(datedCount, int.MaxValue, descending: false))
        : plan.Enumerate(0, int.MaxValue, descending: false);

    public override IReadOnlyList<T> ToList()
    {
        if (descending) return [.. Enumerate()];
        // In date order the walk adds straight to the list, without the enumerators.
        var list = new List<T>();
        plan.AddTo(list, 0, int.MaxValue);
        return list;
    }
}
