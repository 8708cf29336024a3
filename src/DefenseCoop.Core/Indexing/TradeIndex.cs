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
        Records = SortByPeriod([.. flows]);
        int dated = 0;
        while (dated < Records.Length && Records[dated].Period is not null) dated++;
        DatedCount = dated;
        _periodEarliest = new LocalDate[dated];
        for (int i = 0; i < dated; i++) _periodEarliest[i] = Records[i].Period!.Value.Earliest;

        var exporters = new Postings.Builder<CountryCode>();
        var importers = new Postings.Builder<CountryCode>();
        var dyads = new Postings.Builder<(CountryCode, CountryCode)>();
        var countries = new Postings.Builder<CountryCode>();
        var organizations = new Postings.Builder<OrganizationId>();
        var systems = new Postings.Builder<SystemId>();
        var kinds = new Postings.Builder<TradeKind>();
        for (int ordinal = 0; ordinal < Records.Length; ordinal++)
        {
            var f = Records[ordinal];
            if (f.IsDirected && f.Exporter is { } e) exporters.Add(e, ordinal);
            if (f.IsDirected && f.Importer is { } i) importers.Add(i, ordinal);
            if (f is { Exporter: { } x, Importer: { } y } && x != y) dyads.Add(AgreementIndex.Dyad(x, y), ordinal);
            if (f.Exporter is { } exporter) countries.Add(exporter, ordinal);
            if (f.Importer is { } importer) countries.Add(importer, ordinal);
            foreach (var organization in f.Organizations) organizations.Add(organization, ordinal);
            foreach (var system in f.Systems) systems.Add(system, ordinal);
            kinds.Add(f.Kind, ordinal);
        }
        Exporters = exporters.ToDictionary().ToFrozenDictionary();
        Importers = importers.ToDictionary().ToFrozenDictionary();
        Dyads = dyads.ToDictionary().ToFrozenDictionary();
        Countries = countries.ToDictionary().ToFrozenDictionary();
        Organizations = organizations.ToDictionary().ToFrozenDictionary();
        Systems = systems.ToDictionary().ToFrozenDictionary();
        Kinds = kinds.ToDictionary().ToFrozenDictionary();
    }

    // Period order: dated first, by earliest day, latest day and qualifier (PartialDate's order), then by
    // id, then by original position (the order of a stable sort); sorted on precomputed keys.
    private static TradeFlow[] SortByPeriod(TradeFlow[] records)
    {
        var keys = new PeriodKey[records.Length];
        for (int i = 0; i < records.Length; i++) keys[i] = new PeriodKey(PeriodKey.Pack(records[i].Period), records[i].Id.Value, i);
        Array.Sort(keys, records);
        return records;
    }

    // The date packed into one number that orders as PartialDate does (earliest day, latest day, qualifier),
    // undated last; ties fall to the id, then to the original position (the order of a stable sort).
    private readonly record struct PeriodKey(long Date, string Id, int Position) : IComparable<PeriodKey>
    {
        public static long Pack(PartialDate? date) => date is { } d
            ? ((long)d.Earliest.ToDateOnly().DayNumber << 26) | ((long)d.Latest.ToDateOnly().DayNumber << 4) | (long)d.Qualifier
            : long.MaxValue;

        public int CompareTo(PeriodKey other)
        {
            int c = Date.CompareTo(other.Date);
            if (c == 0) c = string.CompareOrdinal(Id, other.Id);
            return c != 0 ? c : Position.CompareTo(other.Position);
        }
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
