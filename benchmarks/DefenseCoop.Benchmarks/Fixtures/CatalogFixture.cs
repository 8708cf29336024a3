using DefenseCoop.Benchmarks.Baselines;
using DefenseCoop.Benchmarks.Synthetic;
using NodaTime;

namespace DefenseCoop.Benchmarks.Fixtures;

/// <summary>
/// One catalog size, loaded for the benchmarks of every implementation: the catalog (the index), the
/// same records as plain lists (the LINQ baseline) and, on first request, the same records in SQLite
/// (the database baseline). Everything is built in <c>[GlobalSetup]</c>, never while measuring.
/// </summary>
/// <remarks>
/// One size is kept per process, so that a run with <c>--inProcess</c> loads each size once per
/// benchmark class instead of once per benchmark; a run in separate processes (the default) loads it
/// once per benchmark.
/// </remarks>
public sealed class CatalogFixture
{
    private static readonly Lock Gate = new();
    private static CatalogFixture? _current;
    private readonly Lazy<SqliteCatalog> _sqlite;

    private CatalogFixture(int size)
    {
        Size = size;
        Path = CatalogFiles.Ensure(size);
        Catalog = DefenseCoopCatalog.LoadFile(Path, CatalogFiles.Limits);
        Agreements = [.. Catalog.Agreements];
        Trade = [.. Catalog.Trade];
        Spending = [.. Catalog.Spending];
        Events = [.. Catalog.Events];
        var ranked = SyntheticCatalog.RankedCountries(DefenseCoopCatalog.Default);
        FrequentA = ranked[0];
        FrequentB = ranked[1];
        _sqlite = new(() => new SqliteCatalog(this));
    }

    /// <summary>The fixture of <paramref name="size"/> agreements, loading it (and dropping any other size) if needed.</summary>
    public static CatalogFixture Get(int size)
    {
        lock (Gate)
        {
            if (_current?.Size == size) return _current;
            if (_current is not null)
            {
                _current.Dispose();
                _current = null;
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            return _current = new CatalogFixture(size);
        }
    }

    /// <summary>Gets the number of generated agreements.</summary>
    public int Size { get; }

    /// <summary>Gets the data file.</summary>
    public string Path { get; }

    /// <summary>Gets the catalog loaded from the file.</summary>
    public DefenseCoopCatalog Catalog { get; }

    /// <summary>Gets every agreement, in the catalog's order (signing date, undated last).</summary>
    public List<Agreement> Agreements { get; }

    /// <summary>Gets every trade flow, in the catalog's order (period, undated last).</summary>
    public List<TradeFlow> Trade { get; }

    /// <summary>Gets every spending observation, in the catalog's order (country, measure, series, year).</summary>
    public List<SpendingObservation> Spending { get; }

    /// <summary>Gets every event, in date order.</summary>
    public List<Event> Events { get; }

    /// <summary>Gets the same records in SQLite, loaded on first use.</summary>
    public SqliteCatalog Sqlite => _sqlite.Value;

    /// <summary>Gets the most frequent country.</summary>
    public CountryCode FrequentA { get; }

    /// <summary>Gets the second most frequent country: with <see cref="FrequentA"/>, the dyad whose result grows with the catalog.</summary>
    public CountryCode FrequentB { get; }

    /// <summary>Gets the first country of the dyad whose result is the same at every size.</summary>
    public CountryCode FixedA => SyntheticCatalog.FixedA;

    /// <summary>Gets the second country of the fixed dyad.</summary>
    public CountryCode FixedB => SyntheticCatalog.FixedB;

    /// <summary>Gets the year range of the dyad + years queries.</summary>
    public (int From, int To) YearRange => (2010, 2015);

    /// <summary>Gets the day of the in-force queries.</summary>
    public LocalDate InForceDate => SyntheticCatalog.InForceDate;

    private void Dispose()
    {
        if (_sqlite.IsValueCreated) _sqlite.Value.Dispose();
    }

    private readonly HashSet<string> _verified = [];

    /// <summary>
    /// Runs <paramref name="check"/> once per fixture for each <paramref name="key"/>: a run with
    /// <c>--inProcess</c> sets up every benchmark of a class on the same fixture, and the check of a
    /// 1M-agreement catalog scans it several times.
    /// </summary>
    public void VerifyOnce(string key, Action check)
    {
        lock (_verified)
        {
            if (_verified.Contains(key)) return;
            check();
            _verified.Add(key);
        }
    }

    /// <summary>Fails the run when two implementations disagree, so that the baselines answer exactly the same question.</summary>
    public static void Same<T>(string what, IReadOnlyList<T> expected, IReadOnlyList<T> actual, Func<T, object>? key = null)
    {
        key ??= x => x!;
        if (expected.Count != actual.Count || !expected.Select(key).SequenceEqual(actual.Select(key)))
            throw new InvalidOperationException($"{what}: the implementations disagree ({expected.Count} and {actual.Count} results).");
    }
}
