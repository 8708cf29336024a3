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
    public void AddTo(IPostingIndex<TKind> index, PlanParts parts)
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
            parts.AddResidual(index.EndsBy(end));
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

    /// <summary>Gets the residual tests as one, or null for none.</summary>
    public Func<int, bool>? Residual { get; private set; }

    /// <summary>Adds a test for what no list answers; a candidate must pass every test added.</summary>
    public void AddResidual(Func<int, bool> test)
    {
        // A query has one or two tests (a date range's end, in-force days): chained, not kept in a list.
        var before = Residual;
        Residual = before is null ? test : ordinal => before(ordinal) && test(ordinal);
    }

    /// <summary>The plan of these parts over an index's records (<paramref name="records"/>, asked for only when a record is read).</summary>
    public IndexPlan<T> ToPlan<T>(Func<T[]> records, int count, PostingBits bits, int datedCount, bool descending) where T : class =>
        new(records, count, Lists, Unions, From, To, Residual, bits, datedCount, descending);
}
