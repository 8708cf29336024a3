using System.Collections.Immutable;

namespace DefenseCoop.Importers.Cow;

/// <summary>The content of an NMC file, read but not yet linked to the catalog.</summary>
/// <param name="States">The states, by COW code.</param>
/// <param name="Rows">The number of state-year rows.</param>
internal sealed record NmcData(ImmutableArray<NmcState> States, int Rows);

/// <summary>One COW state's rows.</summary>
/// <param name="Code">The COW numeric code (<c>ccode</c>).</param>
/// <param name="Abbreviation">The COW abbreviation (<c>stateabb</c>).</param>
/// <param name="FirstLine">The line of its first row.</param>
/// <param name="Years">Its years, in increasing order.</param>
internal sealed record NmcState(int Code, string Abbreviation, int FirstLine, ImmutableArray<NmcYear> Years);

/// <summary>One state-year: the figures this library imports, in COW's units; <see langword="null"/> where COW has none.</summary>
/// <param name="Line">The line of the row.</param>
/// <param name="Year">The year.</param>
/// <param name="MilitaryExpenditure">Military expenditure, thousands of current US dollars.</param>
/// <param name="Personnel">Military personnel, thousands.</param>
internal readonly record struct NmcYear(int Line, int Year, decimal? MilitaryExpenditure, decimal? Personnel);
