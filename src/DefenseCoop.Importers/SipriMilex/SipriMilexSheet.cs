using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace DefenseCoop.Importers.SipriMilex;

/// <summary>One country sheet of SIPRI's military expenditure workbook: what it measures and in which unit.</summary>
/// <param name="Name">The sheet's name, or for the constant-dollar sheet a pattern's readable form.</param>
/// <param name="Measure">The measure its figures are.</param>
/// <param name="IdSuffix">The last part of its series' ids.</param>
/// <param name="Scale">The factor from the sheet's unit to units: 1,000,000 for US$ m., 100 for shares stored as fractions.</param>
/// <param name="UnitText">Text the sheet's header must contain, so that a change of unit is noticed rather than mis-scaled.</param>
internal sealed record SipriMilexSheet(string Name, SpendingMeasure Measure, string IdSuffix, decimal Scale, string UnitText)
{
    /// <summary>Gets whether the figures are for financial years (each starting in the year given) rather than calendar years.</summary>
    public bool FinancialYears { get; init; }

    /// <summary>Gets the pattern a sheet name matches, for sheets whose name carries the base year; by default the name itself.</summary>
    public Regex? NamePattern { get; init; }

    /// <summary>Gets whether rows name their currency in a "Currency" column.</summary>
    public bool LocalCurrency => Measure is SpendingMeasure.LocalCurrencyCurrent;

    /// <summary>Whether <paramref name="sheetName"/> is this sheet.</summary>
    public bool Matches(string sheetName) => NamePattern?.IsMatch(sheetName) ?? sheetName == Name;

    /// <summary>The country sheets, in the workbook's order. "Regional totals" and "Footnotes" are not country data.</summary>
    public static ImmutableArray<SipriMilexSheet> All { get; } =
    [
        new("Local currency financial years", SpendingMeasure.LocalCurrencyCurrent, "local-currency-financial-year", 1m, "local currency at current prices") { FinancialYears = true },
        new("Local currency calendar years", SpendingMeasure.LocalCurrencyCurrent, "local-currency", 1m, "local currency at current prices"),
        new("Constant (YYYY) US$", SpendingMeasure.ConstantUsd, "constant-usd", 1_000_000m, "US $m.") { NamePattern = new(@"^Constant \(\d{4}\) US\$$") },
        new("Current US$", SpendingMeasure.CurrentUsd, "current-usd", 1_000_000m, "US $m."),
        new("Share of GDP", SpendingMeasure.ShareOfGdp, "share-of-gdp", 100m, "percentage of gross domestic product"),
        new("Per capita", SpendingMeasure.PerCapitaUsd, "per-capita-usd", 1m, "current US$"),
        new("Share of Govt. spending", SpendingMeasure.ShareOfGovernmentSpending, "share-of-government-spending", 100m, "percentage of government spending"),
    ];
}
