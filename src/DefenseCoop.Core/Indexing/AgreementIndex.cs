using System.Collections.Frozen;
using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// The agreements in signing-date order (undated last), with posting lists of ordinals per country,
/// dyad, organization, system, kind, area and status, and an interval index of when each may be in
/// force. Built once per catalog; read-only afterwards, so safe from many threads.
/// </summary>
internal sealed class AgreementIndex
{
    private const int BlockSize = 64;

    private readonly LocalDate[] _signedEarliest;
    private readonly int[] _forceByStart;
    private readonly LocalDate[] _forceStart;
    private readonly LocalDate[] _forceEnd;
    private readonly LocalDate[] _blockMaxEnd;

    public AgreementIndex(IEnumerable<Agreement> agreements)
    {
        Records = [.. agreements.OrderBy(a => a.SignedOn is null).ThenBy(a => a.SignedOn ?? default).ThenBy(a => a.Id)];
        DatedCount = Records.Count(a => a.SignedOn is not null);
        _signedEarliest = [.. Records.Take(DatedCount).Select(a => a.SignedOn!.Value.Earliest)];
        All = [.. Enumerable.Range(0, Records.Length)];
        Countries = Postings.Build(Records, a => a.Countries).ToFrozenDictionary();
        Dyads = Postings.Build(Records, a => Pairs(a.Countries.ToArray())).ToFrozenDictionary();
        Organizations = Postings.Build(Records, a => a.Organizations).ToFrozenDictionary();
        Systems = Postings.Build(Records, a => a.Systems).ToFrozenDictionary();
        Kinds = Postings.Build(Records, a => new[] { a.Kind }).ToFrozenDictionary();
        Areas = Postings.Build(Records, a => a.Areas).ToFrozenDictionary();
        Statuses = Postings.Build(Records, a => a.StatusHistory.Select(s => s.Status)).ToFrozenDictionary();

        // When each agreement may be in force: from the earliest possible start until every change has
        // certainly happened (open if the last one starts it). The exact state is checked per candidate.
        var spans = new List<(int Ordinal, LocalDate Start, LocalDate End)>();
        for (int ordinal = 0; ordinal < Records.Length; ordinal++)
        {
            var transitions = AgreementInForce.Transitions(Records[ordinal]).ToList();
            int first = transitions.FindIndex(t => t.Starts);
            if (first < 0) continue;
            var end = transitions[^1].Starts ? LocalDate.MaxIsoValue : transitions.Max(t => t.Date.Latest);
            spans.Add((ordinal, transitions[first].Date.Earliest, end));
        }
        spans.Sort((x, y) => x.Start.CompareTo(y.Start));
        _forceByStart = [.. spans.Select(s => s.Ordinal)];
        _forceStart = [.. spans.Select(s => s.Start)];
        _forceEnd = [.. spans.Select(s => s.End)];
        _blockMaxEnd = [.. _forceEnd.Chunk(BlockSize).Select(block => block.Max())];
    }

    /// <summary>Gets the agreements by ordinal.</summary>
    public Agreement[] Records { get; }

    /// <summary>Gets how many agreements have a signing date; they hold ordinals 0..DatedCount-1.</summary>
    public int DatedCount { get; }

    /// <summary>Gets every ordinal.</summary>
    public int[] All { get; }

    public FrozenDictionary<CountryCode, int[]> Countries { get; }
    public FrozenDictionary<(CountryCode, CountryCode), int[]> Dyads { get; }
    public FrozenDictionary<OrganizationId, int[]> Organizations { get; }
    public FrozenDictionary<SystemId, int[]> Systems { get; }
    public FrozenDictionary<AgreementKind, int[]> Kinds { get; }
    public FrozenDictionary<CooperationArea, int[]> Areas { get; }
    public FrozenDictionary<AgreementStatus, int[]> Statuses { get; }

    /// <summary>The unordered pair key of two countries.</summary>
    public static (CountryCode, CountryCode) Dyad(CountryCode a, CountryCode b) => a.CompareTo(b) <= 0 ? (a, b) : (b, a);

    private static IEnumerable<(CountryCode, CountryCode)> Pairs(CountryCode[] countries)
    {
        for (int i = 0; i < countries.Length; i++)
            for (int j = i + 1; j < countries.Length; j++)
                yield return Dyad(countries[i], countries[j]);
    }

    /// <summary>The ordinals whose signing date may start within <paramref name="from"/>..<paramref name="to"/>: a window, since ordinals follow the date.</summary>
    public (int From, int To) SignedWindow(LocalDate from, LocalDate to)
    {
        var earliest = _signedEarliest.AsSpan();
        return (LowerBound(earliest, from), LowerBound(earliest, to.PlusDays(1)));
    }

    private static int LowerBound(ReadOnlySpan<LocalDate> dates, LocalDate date)
    {
        int lo = 0, hi = dates.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (dates[mid] < date) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>The ordinals of agreements that may be in force on <paramref name="date"/>, ascending.</summary>
    public int[] PossiblyInForce(LocalDate date)
    {
        int started = LowerBound(_forceStart, date.PlusDays(1));
        var result = new List<int>();
        for (int block = 0; block * BlockSize < started; block++)
        {
            if (_blockMaxEnd[block] < date) continue;
            int stop = Math.Min(started, (block + 1) * BlockSize);
            for (int i = block * BlockSize; i < stop; i++)
                if (_forceEnd[i] >= date) result.Add(_forceByStart[i]);
        }
        result.Sort();
        return [.. result];
    }
}
