using DefenseCoop.Benchmarks.Synthetic;

namespace DefenseCoop.Benchmarks.Fixtures;

/// <summary>
/// One catalog size for the partner benchmarks: the synthetic catalog with the bundled release, its
/// arms-transfer deals given delivery years (the year after the order, and up to two more, as the panel
/// benchmarks give them), so that trade grouped by partner has deliveries to count. Built once per size
/// and kept for the process; the lists a LINQ scan reads are the catalog's own records.
/// </summary>
public sealed class PartnerFixture
{
    private static readonly Lock Gate = new();
    private static PartnerFixture? _current;

    private PartnerFixture(int size)
    {
        Size = size;
        var records = SyntheticCatalog.GenerateWithDeliveries(size);
        Catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(records, "synthetic").WithLimits(CatalogFiles.Limits).Build();
        Agreements = [.. Catalog.Agreements];
        Trade = [.. Catalog.Trade];
        Events = [.. Catalog.Events];
        Homes = Catalog.Organizations.ToDictionary(o => o.Id, o => o.Country);
        Frequent = SyntheticCatalog.RankedCountries(DefenseCoopCatalog.Default)[0];
    }

    /// <summary>The fixture of <paramref name="size"/> agreements, building it (and dropping any other size) if needed.</summary>
    public static PartnerFixture Get(int size)
    {
        lock (Gate)
        {
            if (_current?.Size == size) return _current;
            _current = null;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            return _current = new PartnerFixture(size);
        }
    }

    /// <summary>Gets the number of generated agreements.</summary>
    public int Size { get; }

    /// <summary>Gets the catalog.</summary>
    public DefenseCoopCatalog Catalog { get; }

    /// <summary>Gets every agreement, in the catalog's order.</summary>
    public List<Agreement> Agreements { get; }

    /// <summary>Gets every trade flow, in the catalog's order.</summary>
    public List<TradeFlow> Trade { get; }

    /// <summary>Gets every event, in the catalog's order.</summary>
    public List<Event> Events { get; }

    /// <summary>Gets each organization's home country, as a scan looks it up.</summary>
    public Dictionary<OrganizationId, CountryCode?> Homes { get; }

    /// <summary>Gets the most frequent country of the generator (the busiest partner list and exporter).</summary>
    public CountryCode Frequent { get; }
}
