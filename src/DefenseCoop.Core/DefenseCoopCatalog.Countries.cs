namespace DefenseCoop;

// How the countries, organizations and systems a query names are found, and what an unknown one says.
public sealed partial class DefenseCoopCatalog
{
    /// <summary>
    /// The country an organization counts for in country questions: its home country, or none for an
    /// intergovernmental organization (NATO, the EU), which has no home country.
    /// </summary>
    internal CountryCode? HomeCountry(OrganizationId organization) =>
        Organizations.TryGet(organization, out var o) ? o.Country : null;

    private static IEnumerable<string> CountryNames(Country c) =>
        [c.Code.Value, c.Alpha3, .. c.Names.Values, .. c.Aliases.Select(a => a.Name)];

    /// <summary>
    /// The code of a country named in a query, by the rules of <c>Countries.Resolve</c> for text; one
    /// clear <see cref="ArgumentException"/> naming the input and the closest matches when the catalog
    /// has no such country.
    /// </summary>
    internal CountryCode CountryOf(CountryRef country, string parameter)
    {
        if (country.Code is { } code)
            return Countries.Contains(code) ? code : throw UnknownCountry(code.Value, parameter);
        string text = country.Text ?? "";
        return FindCountry(text) ?? throw UnknownCountry(text, parameter);
    }

    /// <summary>The country a text names, by code or by any name <c>Countries.Resolve</c> knows; null for none.</summary>
    private CountryCode? FindCountry(string text) =>
        CountryCode.TryParse(text, out var parsed) && Countries.Contains(parsed) ? parsed : Countries.Resolve(text)?.Code;

    /// <summary>The codes of two different countries named in a query.</summary>
    internal (CountryCode A, CountryCode B) DyadOf(CountryRef a, CountryRef b)
    {
        var (x, y) = (CountryOf(a, nameof(a)), CountryOf(b, nameof(b)));
        if (x == y) throw new ArgumentException($"A pair needs two different countries; both are {x}.", nameof(b));
        return (x, y);
    }

    /// <summary>What a query's text names: a country (by code or name), else an organization or a system (by id or name).</summary>
    internal object Involved(string countryOrId, string parameter)
    {
        ArgumentNullException.ThrowIfNull(countryOrId, parameter);
        if (FindCountry(countryOrId) is { } country) return country;
        if (Slug.IsValid(countryOrId) && Organizations.Contains(new OrganizationId(countryOrId))) return new OrganizationId(countryOrId);
        if (Slug.IsValid(countryOrId) && Systems.Contains(new SystemId(countryOrId))) return new SystemId(countryOrId);
        if (Organizations.Resolve(countryOrId) is { } organization) return organization.Id;
        if (Systems.Resolve(countryOrId) is { } system) return system.Id;
        throw UnknownCountry(countryOrId, parameter, "nor an organization or a system ");
    }

    private UnknownCountryException UnknownCountry(string input, string parameter, string orElse = "")
    {
        var closest = Countries.Closest(input, 3);
        return new UnknownCountryException(input, closest,
            $"'{input}' is not a country {orElse}of this catalog (data {DataVersion}); the closest country names are: {string.Join(", ", closest.Select(c => $"{c.Code} ({c.Name})"))}.", parameter);
    }
}
