using System.Collections.Immutable;

namespace DefenseCoop.Importers.Nato;

/// <summary>A section of a NATO table: the rows under one heading, and what their figures are.</summary>
/// <param name="Heading">How the heading row starts (e.g. "Constant" for "Constant 2015 prices"), or <see langword="null"/> when the whole table is one section.</param>
/// <param name="Measure">The measure.</param>
/// <param name="IdSuffix">The last part of its series' ids.</param>
/// <param name="Scale">The factor from the table's unit to units: 1,000,000 for millions, 1,000 for thousands.</param>
internal sealed record NatoSection(string? Heading, SpendingMeasure Measure, string IdSuffix, decimal Scale)
{
    /// <summary>Gets whether the figures are at constant prices, whose base year the heading or the table's subtitle states.</summary>
    public bool Constant { get; init; }

    /// <summary>Gets a note for every series of the section, given the base year of the table's prices.</summary>
    public Func<int?, string>? Note { get; init; }

    /// <summary>Whether a heading row's text opens this section.</summary>
    public bool IsOpenedBy(string heading) => Heading is not null && heading.StartsWith(Heading, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A sheet of NATO's tables that holds spending figures, with the unit its subtitle must state.</summary>
/// <param name="Sheet">The sheet's name.</param>
/// <param name="UnitText">Text the rows above the year header must contain, so that a change of unit is noticed rather than mis-scaled.</param>
/// <param name="Sections">The sections imported; other sections (such as GDP) are skipped.</param>
internal sealed record NatoTable(string Sheet, string UnitText, ImmutableArray<NatoSection> Sections)
{
    /// <summary>
    /// The tables imported. Table 4 (2014 against the last year) repeats Tables 2 and 3, and Table 5
    /// and the first half of Table 6 are GDP, which is not a spending measure.
    /// </summary>
    public static ImmutableArray<NatoTable> All { get; } =
    [
        new("TABLE1", "Million national currency units",
        [
            new("Current prices", SpendingMeasure.LocalCurrencyCurrent, "local-currency", 1_000_000m),
            new("Constant", SpendingMeasure.LocalCurrencyConstant, "local-currency-constant", 1_000_000m) { Constant = true },
        ]),
        new("TABLE2", "Million US dollars",
        [
            new("Current prices", SpendingMeasure.CurrentUsd, "current-usd", 1_000_000m),
            new("Constant", SpendingMeasure.ConstantUsd, "constant-usd", 1_000_000m) { Constant = true },
        ]),
        new("TABLE3", "prices",
        [
            new("Share of real GDP (%)", SpendingMeasure.ShareOfGdp, "share-of-gdp", 1m)
            {
                Note = year => $"NATO's share of real GDP: defence expenditure and GDP both at {year} prices, so it can differ from a share of nominal GDP.",
            },
            new("Annual real change (%)", SpendingMeasure.RealChange, "real-change", 1m),
        ]),
        new("TABLE6", "prices and exchange rates",
        [
            new("Defence expenditure per capita (US dollars)", SpendingMeasure.PerCapitaUsd, "per-capita-usd", 1m) { Constant = true },
        ]),
        new("TABLE7", "Thousands",
        [
            new(null, SpendingMeasure.MilitaryPersonnel, "military-personnel", 1_000m),
        ]),
        new("TABLE8a", "Percentage of total defence expenditure",
        [
            new("Equipment", SpendingMeasure.EquipmentShare, "equipment-share", 1m),
            new("Personnel", SpendingMeasure.PersonnelShare, "personnel-share", 1m),
        ]),
        new("TABLE8b", "Percentage of total defence expenditure",
        [
            new("Infrastructure", SpendingMeasure.InfrastructureShare, "infrastructure-share", 1m),
            new("Other", SpendingMeasure.OtherShare, "other-share", 1m),
        ]),
    ];
}
