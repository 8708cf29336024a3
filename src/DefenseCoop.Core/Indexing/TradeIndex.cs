using System.Collections.Frozen;
using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// Trade flows in period order (undated last), with posting lists per exporter and importer (directed
/// flows only), per unordered dyad (every flow), organization, system and kind.
/// </summary>
internal sealed class TradeIndex : IRecordIndex<TradeFlow, TradeKind>
{
    private readonly LocalDate[] _periodEarliest;

    /// <param name="flows">The flows in id order, as validated content holds them: flows of the same period stay in it.</param>
    /// <param name="homeCountry">The country an organization a flow names counts for, or null.</param>
    public TradeIndex(IEnumerable<TradeFlow> flows, Func<OrganizationId, CountryCode?> homeCountry)
    {
        Records = DateOrder.Sort([.. flows], f => f.Period);
        int dated = 0;
        while (dated < Records.Length && Records[dated].Period is not null) dated++;
        DatedCount = dated;
        _periodEarliest = new LocalDate[dated];
        for (int i = 0; i < dated; i++) _periodEarliest[i] = Records[i].Period!.Value.Earliest;

        var exporters = new Postings.Builder<CountryCode>();
        var importers = new Postings.Builder<CountryCode>();
        var byCountry = new CountryPostings(homeCountry);
        var organizations = new Postings.Builder<OrganizationId>();
        var systems = new Postings.Builder<SystemId>();
        var kinds = new Postings.Builder<TradeKind>();
        var orderYears = new Postings.Builder<int>();
        var deliveryYears = new Postings.Builder<int>();
        for (int ordinal = 0; ordinal < Records.Length; ordinal++)
        {
            var f = Records[ordinal];
            if (f.IsDirected && f.Exporter is { } e) exporters.Add(e, ordinal);
            if (f.IsDirected && f.Importer is { } i) importers.Add(i, ordinal);
            if (f.Exporter is { } exporter) byCountry.AddState(exporter);
            if (f.Importer is { } importer) byCountry.AddState(importer);
            foreach (var organization in f.Organizations)
            {
                organizations.Add(organization, ordinal);
                byCountry.AddOrganization(organization);
            }
            byCountry.Post(ordinal);
            foreach (var system in f.Systems) systems.Add(system, ordinal);
            kinds.Add(f.Kind, ordinal);
            if (f.Deal is { } deal)
            {
                if (deal.OrderYear is int ordered) orderYears.Add(ordered, ordinal);
                foreach (int year in deal.DeliveryYears.Distinct()) deliveryYears.Add(year, ordinal);
            }
            else if (f.Period is { } period)
            {
                // A flow without a deal has one date, its period, and it serves both clocks (TradeQuery.OrderedWithin).
                for (int year = period.Earliest.Year; year <= period.Latest.Year; year++)
                {
                    orderYears.Add(year, ordinal);
                    deliveryYears.Add(year, ordinal);
                }
            }
        }
        Exporters = exporters.ToDictionary().ToFrozenDictionary();
        Importers = importers.ToDictionary().ToFrozenDictionary();
        Dyads = byCountry.Dyads().ToFrozenDictionary();
        Countries = byCountry.Countries().ToFrozenDictionary();
        StateDyads = byCountry.StateDyads().ToFrozenDictionary();
        StateCountries = byCountry.StateCountries().ToFrozenDictionary();
        Organizations = organizations.ToDictionary().ToFrozenDictionary();
        Systems = systems.ToDictionary().ToFrozenDictionary();
        Kinds = kinds.ToDictionary().ToFrozenDictionary();
        OrderYears = orderYears.ToDictionary().ToFrozenDictionary();
        DeliveryYears = deliveryYears.ToDictionary().ToFrozenDictionary();
        Bits = new PostingBits(Records.Length, () => [.. Exporters.Values, .. Importers.Values, .. Dyads.Values, .. Countries.Values,
            .. StateDyads.Values, .. StateCountries.Values, .. Organizations.Values, .. Systems.Values, .. Kinds.Values,
            .. OrderYears.Values, .. DeliveryYears.Values]);
    }

    /// <inheritdoc/>
    public Func<TradeFlow[]> RecordSource => _recordSource ??= () => Records;

    private Func<TradeFlow[]>? _recordSource;

    /// <summary>Gets the bitmaps of the dense posting lists.</summary>
    public PostingBits Bits { get; }

    public TradeFlow[] Records { get; }
    public int DatedCount { get; }
    public FrozenDictionary<CountryCode, int[]> Exporters { get; }
    public FrozenDictionary<CountryCode, int[]> Importers { get; }
    public FrozenDictionary<(CountryCode, CountryCode), int[]> Dyads { get; }
    public FrozenDictionary<CountryCode, int[]> Countries { get; }
    public FrozenDictionary<(CountryCode, CountryCode), int[]> StateDyads { get; }
    public FrozenDictionary<CountryCode, int[]> StateCountries { get; }
    public FrozenDictionary<OrganizationId, int[]> Organizations { get; }
    public FrozenDictionary<SystemId, int[]> Systems { get; }
    public FrozenDictionary<TradeKind, int[]> Kinds { get; }
    /// <summary>The deals ordered in each year.</summary>
    public FrozenDictionary<int, int[]> OrderYears { get; }
    /// <summary>The deals with a delivery in each year.</summary>
    public FrozenDictionary<int, int[]> DeliveryYears { get; }

    IReadOnlyDictionary<CountryCode, int[]> IPostingIndex<TradeKind>.CountryPostings => Countries;
    IReadOnlyDictionary<CountryCode, int[]> IPostingIndex<TradeKind>.StateCountryPostings => StateCountries;
    IReadOnlyDictionary<(CountryCode, CountryCode), int[]> IPostingIndex<TradeKind>.DyadPostings => Dyads;
    IReadOnlyDictionary<(CountryCode, CountryCode), int[]> IPostingIndex<TradeKind>.StateDyadPostings => StateDyads;
    IReadOnlyDictionary<OrganizationId, int[]> IPostingIndex<TradeKind>.OrganizationPostings => Organizations;
    IReadOnlyDictionary<SystemId, int[]> IPostingIndex<TradeKind>.SystemPostings => Systems;
    IReadOnlyDictionary<TradeKind, int[]> IPostingIndex<TradeKind>.KindPostings => Kinds;

    (int From, int To) IPostingIndex<TradeKind>.DateWindow(LocalDate from, LocalDate to) => PeriodWindow(from, to);

    Func<int, bool> IPostingIndex<TradeKind>.EndsBy(LocalDate to)
    {
        var records = Records;
        return ordinal => records[ordinal].Period!.Value.Latest <= to;
    }

    /// <summary>The ordinals whose period may start within the range.</summary>
    public (int From, int To) PeriodWindow(LocalDate from, LocalDate to) =>
        (DateOrder.LowerBound(_periodEarliest, from), DateOrder.UpperBound(_periodEarliest, to));
}
