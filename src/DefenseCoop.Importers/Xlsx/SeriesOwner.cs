namespace DefenseCoop.Importers.Xlsx;

/// <summary>Whose figures a table row gives: a country, or an organization (or a named part of one).</summary>
/// <param name="Country">The country, for a country's row.</param>
/// <param name="Organization">The organization, for an organization's row.</param>
/// <param name="IdPart">The part of a series id that names the owner: the lower-case country code, or a slug.</param>
/// <param name="Component">The part of the organization the figures cover, when not all of it (e.g. "NATO Europe and Canada").</param>
internal readonly record struct SeriesOwner(CountryCode? Country, OrganizationId? Organization, string IdPart, string? Component = null)
{
    /// <summary>A country's row.</summary>
    public static SeriesOwner Of(Country country) => new(country.Code, null, country.Code.Value.ToLowerInvariant());

    /// <summary>An organization's row.</summary>
    public static SeriesOwner Of(OrganizationId organization, string idPart, string? component = null) => new(null, organization, idPart, component);
}

/// <summary>
/// Resolves row labels to countries through the catalog (strictly: a label that names no country is an
/// error), except for the labels an importer declares as an organization's rows.
/// </summary>
/// <remarks>Each label is resolved once per workbook, so an unknown one is reported once, at its first row.</remarks>
internal sealed class SeriesOwners(ImportContext context, WorkbookIssues issues, IReadOnlyDictionary<string, SeriesOwner> organizationRows)
{
    private readonly Dictionary<string, SeriesOwner?> _resolved = new(StringComparer.Ordinal);

    /// <summary>The owner of a row labelled <paramref name="label"/> (already cleaned), or <see langword="null"/> after reporting why there is none.</summary>
    public SeriesOwner? Resolve(string label, string sheet, int row)
    {
        if (_resolved.TryGetValue(label, out var known)) return known;
        SeriesOwner? owner = null;
        if (organizationRows.TryGetValue(label, out var organization))
        {
            if (context.Catalog.Organizations.Contains(organization.Organization!.Value)) owner = organization;
            else issues.AtRow(sheet, row, DataRule.UnknownReference,
                $"'{label}' is the organization '{organization.Organization}', which the catalog does not have (add the bundled release first).");
        }
        else if (context.Countries.Resolve(label) is { } country)
        {
            owner = SeriesOwner.Of(country);
        }
        else
        {
            issues.AtRow(sheet, row, DataRule.UnknownReference,
                $"'{label}' names no country in the catalog (nor an aggregate or heading this importer knows to skip).");
        }
        _resolved[label] = owner;
        return owner;
    }

    /// <summary>
    /// Like <see cref="Resolve"/>, and also reports a second row of the same owner within one table
    /// (<paramref name="seen"/> maps each owner to its first row there), returning <see langword="null"/> for it.
    /// </summary>
    public SeriesOwner? ResolveOnce(string label, string sheet, int row, Dictionary<SeriesOwner, int> seen)
    {
        if (Resolve(label, sheet, row) is not { } owner) return null;
        if (seen.TryAdd(owner, row)) return owner;
        issues.AtRow(sheet, row, DataRule.InvalidValue, $"'{label}' is the same {(owner.Country is null ? "organization" : "country")} as row {seen[owner]}: a table lists each once.");
        return null;
    }
}
