namespace DefenseCoop.Data;

/// <summary>
/// Merges the records that several compiler inputs give for one country: the imported reference
/// record (codes, names in the UN languages, regions) and curated additions (Turkish and local names,
/// aliases, memberships). Lists are united; a value two inputs give differently is a conflict.
/// </summary>
internal static class CountryMerger
{
    public static void Merge(IReadOnlyList<DataFragment> files)
    {
        var problems = new List<(DataFragment, string, DataRule, string)>();
        var first = new Dictionary<string, (DataFragment File, string Path, CountryDto Country)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var countries = file.Dto.Countries ?? [];
            for (int i = 0; i < countries.Count; i++)
            {
                if (countries[i] is not { Code: { } code } country) continue;
                string path = $"$.countries[{i}]";
                if (!first.TryGetValue(code, out var target))
                {
                    first[code] = (file, path, country);
                    continue;
                }
                void Conflict(string property, object? a, object? b) =>
                    problems.Add((file, $"{path}.{property}", DataRule.InvalidValue,
                        $"Country {code}: '{b}' differs from '{a}' given at {target.File.File}: {target.Path}."));
                T? Scalar<T>(string property, T? a, T? b) where T : class
                {
                    if (a is not null && b is not null && !Equals(a, b)) Conflict(property, a, b);
                    return a ?? b;
                }
                T? Value<T>(string property, T? a, T? b) where T : struct
                {
                    if (a is not null && b is not null && !Equals(a, b)) Conflict(property, a, b);
                    return a ?? b;
                }
                var t = target.Country;
                t.Alpha3 = Scalar("alpha3", t.Alpha3, country.Alpha3);
                t.Numeric = Value("numeric", t.Numeric, country.Numeric);
                t.FormalName = Scalar("formalName", t.FormalName, country.FormalName);
                t.Currency = Scalar("currency", t.Currency, country.Currency);
                t.ExistedFrom = Value("existedFrom", t.ExistedFrom, country.ExistedFrom);
                t.ExistedUntil = Value("existedUntil", t.ExistedUntil, country.ExistedUntil);
                t.Region ??= country.Region;
                t.SubRegion ??= country.SubRegion;
                if (country.Names is not null)
                {
                    t.Names ??= [];
                    foreach (var (language, name) in country.Names)
                        t.Names[language] = Scalar($"names.{language}", t.Names.GetValueOrDefault(language), name);
                }
                t.LocalLanguages = Union(t.LocalLanguages, country.LocalLanguages);
                t.Successors = Union(t.Successors, country.Successors);
                t.Sources = Union(t.Sources, country.Sources);
                t.Aliases = UnionBy(t.Aliases, country.Aliases, a => (a?.Name, a?.Scheme));
                t.Codes = UnionBy(t.Codes, country.Codes, c => (c?.Scheme, c?.Code));
                t.Memberships = [.. t.Memberships ?? [], .. country.Memberships ?? []];
                country.MergedInto = t;
            }
        }
        if (problems.Count > 0) throw DataValidator.Exception(problems);
    }

    private static List<string?>? Union(List<string?>? a, List<string?>? b) =>
        a is null && b is null ? null : [.. (a ?? []).Concat(b ?? []).Distinct()];

    private static List<T?>? UnionBy<T, TKey>(List<T?>? a, List<T?>? b, Func<T?, TKey> key) =>
        a is null && b is null ? null : [.. (a ?? []).Concat(b ?? []).DistinctBy(key)];
}
