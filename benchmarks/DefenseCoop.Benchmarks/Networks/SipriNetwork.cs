using System.Collections.Immutable;
using DefenseCoop.Importers;
using DefenseCoop.Networks;

namespace DefenseCoop.Benchmarks.Networks;

/// <summary>
/// The arms-trade network of SIPRI's register, one directed graph a year 1950–2023: supplier to recipient,
/// weighted by the TIV delivered that year (a deal's total spread over its delivery years). Read from
/// ../shared/data/raw/sipri-arms-transfers/trade-register.csv (or DEFENSECOOP_SIPRI_REGISTER); where the
/// register is absent, a seeded synthetic register of the same shape stands in, and says so.
/// </summary>
internal static class SipriNetwork
{
    public const int FirstYear = 1950;
    public const int LastYear = 2023;

    private static readonly Lazy<(IReadOnlyList<CooperationGraph> Graphs, string Source)> Loaded = new(Load);

    public static IReadOnlyList<CooperationGraph> Graphs => Loaded.Value.Graphs;

    /// <summary>Where the graphs came from: the register's path, or "synthetic".</summary>
    public static string Source => Loaded.Value.Source;

    public static string? RegisterPath
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DEFENSECOOP_SIPRI_REGISTER") is { Length: > 0 } configured) return configured;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "DefenseCoop.Core.sln"))) continue;
                string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "raw", "sipri-arms-transfers", "trade-register.csv"));
                return File.Exists(path) ? path : null;
            }
            return null;
        }
    }

    /// <summary>The network query of the benchmark, on any catalog.</summary>
    public static NetworkQuery Query(DefenseCoopCatalog catalog) => catalog.Networks
        .Trade(TradeKind.ArmsTransfer).Directed().WeightBy(EdgeWeighting.Tiv).TradeClock(TradeYear.Delivery).Within(FirstYear, LastYear);

    private static (IReadOnlyList<CooperationGraph>, string) Load()
    {
        if (RegisterPath is { } path && File.Exists(path))
        {
            var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriArmsTransfers(path).Build();
            return ([.. Query(catalog).Build()], path);
        }
        return (Synthetic(seed: 1950), "synthetic");
    }

    /// <summary>
    /// Graphs shaped like the register's years: from about 60 countries and 150 ties a year in the 1950s to
    /// about 170 countries and 600 ties, a few large suppliers, TIV weights spread over three orders of magnitude.
    /// </summary>
    public static IReadOnlyList<CooperationGraph> Synthetic(int seed)
    {
        var random = new Random(seed);
        var graphs = new List<CooperationGraph>();
        for (int year = FirstYear; year <= LastYear; year++)
        {
            double t = (year - FirstYear) / (double)(LastYear - FirstYear);
            int n = (int)(60 + 110 * t);
            int ties = (int)(150 + 450 * t);
            var nodes = Enumerable.Range(0, n).Select(i => new NetworkNode($"C{i:D3}", $"Country {i}", NetworkNodeKind.Country)).ToImmutableArray();
            var weights = new Dictionary<(int, int), double>();
            while (weights.Count < ties)
            {
                // Suppliers drawn with a strong skew (a few ship to many), recipients uniformly.
                int supplier = (int)(n * Math.Pow(random.NextDouble(), 3));
                int recipient = random.Next(n);
                if (supplier == recipient) continue;
                weights[(supplier, recipient)] = Math.Round(Math.Exp(random.NextDouble() * 7 - 1), 2);
            }
            var edges = weights.OrderBy(p => p.Key).Select(p => new NetworkEdge(p.Key.Item1, p.Key.Item2, p.Value, 1)).ToImmutableArray();
            graphs.Add(new CooperationGraph(year, year, directed: true, EdgeWeighting.Tiv, nodes, edges));
        }
        return graphs;
    }
}
