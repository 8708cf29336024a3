using System.Collections.Frozen;
using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// Trade flows in period order (undated last), with posting lists per exporter and importer (directed
/// flows only), per unordered dyad (every flow), organization, system and kind.
/// </summary>
internal sealed class TradeIndex
{
    private readonly LocalDate[] _periodEarliest;

    public TradeIndex(IEnumerable<TradeFlow> flows)
    {
        Records = [.. flows.OrderBy(f => f.Period is null).ThenBy(f => f.Period ?? default).ThenBy(f => f.Id)];
        DatedCount = Records.Count(f => f.Period is not null);
        _periodEarliest = [.. Records.Take(DatedCount).Select(f => f.Period!.Value.Earliest)];
        Exporters = Postings.Build(Records, f => f.IsDirected && f.Exporter is { } e ? new[] { e } : []).ToFrozenDictionary();
        Importers = Postings.Build(Records, f => f.IsDirected && f.Importer is { } i ? new[] { i } : []).ToFrozenDictionary();
        Dyads = Postings.Build(Records, f => f is { Exporter: { } e, Importer: { } i } && e != i ? new[] { AgreementIndex.Dyad(e, i) } : []).ToFrozenDictionary();
        Countries = Postings.Build(Records, f => new[] { f.Exporter, f.Importer }.Where(c => c is not null).Select(c => c!.Value)).ToFrozenDictionary();
        Organizations = Postings.Build(Records, f => f.Organizations).ToFrozenDictionary();
        Systems = Postings.Build(Records, f => f.Systems).ToFrozenDictionary();
        Kinds = Postings.Build(Records, f => new[] { f.Kind }).ToFrozenDictionary();
    }

    public TradeFlow[] Records { get; }
    public int DatedCount { get; }
    public FrozenDictionary<CountryCode, int[]> Exporters { get; }
    public FrozenDictionary<CountryCode, int[]> Importers { get; }
    public FrozenDictionary<(CountryCode, CountryCode), int[]> Dyads { get; }
    public FrozenDictionary<CountryCode, int[]> Countries { get; }
    public FrozenDictionary<OrganizationId, int[]> Organizations { get; }
    public FrozenDictionary<SystemId, int[]> Systems { get; }
    public FrozenDictionary<TradeKind, int[]> Kinds { get; }

    /// <summary>The ordinals whose period may start within the range.</summary>
    public (int From, int To) PeriodWindow(LocalDate from, LocalDate to) =>
        (LowerBound(from), LowerBound(to.PlusDays(1)));

    private int LowerBound(LocalDate date)
    {
        int lo = 0, hi = _periodEarliest.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_periodEarliest[mid] < date) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
