using System.Collections.Frozen;
using DefenseCoop.Importers.Xlsx;

namespace DefenseCoop.Importers.SipriMilex;

/// <summary>The labels of SIPRI's country sheets that are not countries, and its markers for "no figure".</summary>
internal static class SipriMilexLabels
{
    /// <summary>
    /// Region and sub-region headings, interleaved with the country rows. They carry no figures on
    /// the country sheets (SIPRI's regional totals are on their own sheet), and they are not countries:
    /// skipping them by name keeps any other unknown label an error.
    /// </summary>
    public static FrozenSet<string> NonCountries { get; } = FrozenSet.Create(StringComparer.Ordinal,
        "World",
        "Africa", "North Africa", "sub-Saharan Africa",
        "Americas", "Central America and the Caribbean", "North America", "South America",
        "Asia & Oceania", "Oceania", "South Asia", "East Asia", "South East Asia", "Central Asia",
        "Europe", "Central Europe", "Eastern Europe", "Western Europe",
        "Middle East");

    /// <summary>
    /// Rows that are an organization's own spending, not a country's: the EU's row is its budget for
    /// defence (the European Defence Fund and similar), not a sum of its members.
    /// </summary>
    public static IReadOnlyDictionary<string, SeriesOwner> Organizations { get; } = new Dictionary<string, SeriesOwner>(StringComparer.Ordinal)
    {
        ["European Union"] = SeriesOwner.Of(new OrganizationId("eu"), "eu"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Cell markers: <c>...</c> (written ". ." in the legend) means no data, <c>xxx</c> that the state did not exist. Both are absent figures, never 0.</summary>
    public static FrozenSet<string> AbsentMarkers { get; } = FrozenSet.Create(StringComparer.Ordinal, "...", ". .", "xxx");

    /// <summary>How error messages explain the markers.</summary>
    public const string MarkerHelp = " nor one of SIPRI's markers ('...' = no data, 'xxx' = the state did not exist)";
}
