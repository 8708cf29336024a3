using System.Collections.Immutable;
using System.Globalization;

namespace DefenseCoop.Panels;

/// <summary>One value of the caller's own column: a state, a year and the value (null for a value the caller knows to be unknown).</summary>
/// <param name="Country">The state's code, in the scheme the column is given with: ISO 3166-1 (<c>TR</c> or <c>TUR</c>), a COW number (<c>640</c>) or a COW abbreviation (<c>TUR</c>).</param>
/// <param name="Year">The year.</param>
/// <param name="Value">The value, or null for unknown.</param>
/// <param name="Origin">Where the value comes from, for error messages (a file and line, say); the position in the sequence when null.</param>
public readonly record struct PanelValue(string Country, int Year, decimal? Value, string? Origin = null);

/// <summary>Reads the caller's values once, when the column is added: every code must name a state of the system, and no state-year may come twice.</summary>
internal static class CustomValues
{
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="key"/> is not Iso, Cow or CowAbbreviation.</exception>
    /// <exception cref="ArgumentException">A value is malformed, names no state of the system, or repeats a state-year; the message names the row.</exception>
    public static ImmutableDictionary<(int CowCode, int Year), decimal?> Read(IEnumerable<PanelValue> values, NameScheme key, PanelSettings settings)
    {
        if (key is not (NameScheme.Iso or NameScheme.Cow or NameScheme.CowAbbreviation))
            throw new ArgumentOutOfRangeException(nameof(key), key, "Values name their states by NameScheme.Iso (ISO 3166-1 alpha-2 or alpha-3), NameScheme.Cow (COW numbers) or NameScheme.CowAbbreviation.");
        var byCow = settings.Catalog.CountriesByCowCode(settings.System);
        var statesOfCountry = byCow.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToArray());
        var abbreviations = settings.System.Spells.GroupBy(s => s.Abbreviation).ToDictionary(g => g.Key, g => g.First().CowCode, StringComparer.OrdinalIgnoreCase);
        var result = ImmutableDictionary.CreateBuilder<(int, int), decimal?>();
        var firstRow = new Dictionary<(int, int), string>();
        int index = 0;
        foreach (var value in values)
        {
            string row = value.Origin ?? $"row {index + 1}";
            index++;
            if (string.IsNullOrWhiteSpace(value.Country)) throw new ArgumentException($"{row}: the country is empty.", nameof(values));
            if (value.Year is < 1 or > 9999) throw new ArgumentException($"{row}: {value.Year} is not a year.", nameof(values));
            string code = value.Country.Trim();
            int[] states = key switch
            {
                NameScheme.Iso => IsoStates(code, row, settings.Catalog, statesOfCountry, settings.System),
                NameScheme.Cow => [CowNumber(code, row, byCow, settings.System)],
                _ => [CowAbbreviation(code, row, abbreviations, settings.System)],
            };
            foreach (int state in states)
            {
                if (firstRow.TryGetValue((state, value.Year), out var earlier))
                    throw new ArgumentException($"{row}: {code} {value.Year} is given twice (first at {earlier}); a state-year has one value.", nameof(values));
                firstRow[(state, value.Year)] = row;
                result[(state, value.Year)] = value.Value;
            }
        }
        if (result.Count == 0) throw new ArgumentException("No value is given.", nameof(values));
        return result.ToImmutable();
    }

    private static int[] IsoStates(string code, string row, PanelCatalogAdapter catalog, Dictionary<CountryCode, int[]> statesOfCountry, StateSystem system)
    {
        var country = catalog.CountryOfIsoCode(code)
            ?? throw new ArgumentException($"{row}: '{code}' is not the ISO 3166-1 alpha-2 or alpha-3 code of a country of this catalog.", "values");
        return statesOfCountry.TryGetValue(country, out var states)
            ? states
            : throw new ArgumentException($"{row}: {code} ({catalog.NameOf(country)}) is no state of {system.Name}; a value of a country outside the state system has no row to go to.", "values");
    }

    private static int CowNumber(string code, string row, IReadOnlyDictionary<int, CountryCode> byCow, StateSystem system) =>
        int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && byCow.ContainsKey(number) && system.Spells.Any(s => s.CowCode == number)
            ? number
            : throw new ArgumentException($"{row}: '{code}' is not a COW state code of {system.Name}.", "values");

    // COW's abbreviations are not ISO's: COW's AUS is Austria, ISO's is Australia.
    private static int CowAbbreviation(string code, string row, Dictionary<string, int> abbreviations, StateSystem system) =>
        abbreviations.TryGetValue(code, out int state)
            ? state
            : throw new ArgumentException($"{row}: '{code}' is not a COW abbreviation of {system.Name}.", "values");
}
