using System.Globalization;
using DefenseCoop.Querying;

namespace DefenseCoop.Importers.Cow;

/// <summary>The catalog's countries by Correlates of War numeric state code (<see cref="NameScheme.Cow"/>), built once per import.</summary>
internal sealed class CowCountries
{
    private readonly Dictionary<int, Country> _byCode = [];
    private readonly Dictionary<int, List<Country>> _contested = [];

    public CowCountries(RecordCollection<CountryCode, Country> countries)
    {
        foreach (var country in countries)
        {
            foreach (int code in CodesOf(country).Distinct())
            {
                if (_contested.TryGetValue(code, out var claimants)) claimants.Add(country);
                else if (_byCode.Remove(code, out var other)) _contested[code] = [other, country];
                else _byCode[code] = country;
            }
        }
    }

    /// <summary>The country with COW code <paramref name="code"/>, or <see langword="null"/> (with the reason) when none or several have it.</summary>
    public Country? Find(int code, out string? reason)
    {
        reason = null;
        if (_byCode.TryGetValue(code, out var country)) return country;
        reason = _contested.TryGetValue(code, out var claimants)
            ? $"{string.Join(" and ", claimants.Select(c => c.Code))} both have it as their COW code"
            : "no country of the catalog has it as its COW code";
        return null;
    }

    /// <summary>Whether <paramref name="code"/> is the first COW code <paramref name="country"/> lists: the state that continues it, for countries COW splits into several.</summary>
    public static bool IsPrincipal(Country country, int code) => CodesOf(country).FirstOrDefault(-1) == code;

    private static IEnumerable<int> CodesOf(Country country) =>
        country.Codes.Where(c => c.Scheme == NameScheme.Cow)
            .Select(c => int.TryParse(c.Code, NumberStyles.None, CultureInfo.InvariantCulture, out int code) ? code : -1)
            .Where(code => code >= 0);
}
