namespace DefenseCoop.Benchmarks;

/// <summary>
/// The catalog sizes the benchmarks run at: 10k, 100k and 1M agreements, or those listed in
/// <c>DEFENSECOOP_BENCH_SIZES</c> (comma-separated, e.g. <c>10000</c> for CI's dry run).
/// </summary>
public static class BenchmarkSizes
{
    /// <summary>The default sizes.</summary>
    public static readonly int[] Default = [10_000, 100_000, 1_000_000];

    /// <summary>Gets the sizes to run, for <c>[ParamsSource]</c>.</summary>
    public static IEnumerable<int> Values =>
        Environment.GetEnvironmentVariable("DEFENSECOOP_BENCH_SIZES") is { Length: > 0 } text ? Parse(text.Split(',')) : Default;

    /// <summary>Parses sizes such as <c>10000</c>, <c>10k</c> or <c>1M</c>; none means <see cref="Values"/>.</summary>
    public static IReadOnlyList<int> Parse(IEnumerable<string> texts)
    {
        var sizes = texts.Select(t => t.Trim()).Where(t => t.Length > 0).Select(t => t[^1] switch
        {
            'k' or 'K' => int.Parse(t[..^1], System.Globalization.CultureInfo.InvariantCulture) * 1_000,
            'm' or 'M' => int.Parse(t[..^1], System.Globalization.CultureInfo.InvariantCulture) * 1_000_000,
            _ => int.Parse(t, System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        return sizes.Count > 0 ? sizes : [.. Values];
    }
}
