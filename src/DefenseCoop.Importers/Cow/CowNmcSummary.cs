namespace DefenseCoop.Importers;

/// <summary>What <see cref="CowNmcImporter"/> read from a National Material Capabilities file.</summary>
public sealed record CowNmcSummary
{
    /// <summary>Gets the number of state-year rows read.</summary>
    public required int StateYears { get; init; }

    /// <summary>Gets the number of COW states in the file.</summary>
    public required int States { get; init; }

    /// <summary>Gets the number of spending series imported (one per state and measure that has a figure).</summary>
    public required int Series { get; init; }

    /// <summary>Gets the number of military-expenditure figures imported.</summary>
    public required int MilitaryExpenditureFigures { get; init; }

    /// <summary>Gets the number of military-personnel figures imported.</summary>
    public required int PersonnelFigures { get; init; }

    /// <summary>Gets the number of state-years without military expenditure (<c>-9</c>), left absent rather than 0.</summary>
    public int MissingMilitaryExpenditure => StateYears - MilitaryExpenditureFigures;

    /// <summary>Gets the number of state-years without military personnel (<c>-9</c>), left absent rather than 0.</summary>
    public int MissingPersonnel => StateYears - PersonnelFigures;
}
