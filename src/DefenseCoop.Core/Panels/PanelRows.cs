namespace DefenseCoop.Panels;

/// <summary>A state of the international system as a panel row names it: its Correlates of War code and abbreviation, and the catalog's country.</summary>
/// <param name="CowCode">The COW state code (640 for Türkiye, 255 for Germany, 260 for the German Federal Republic).</param>
/// <param name="CowAbbreviation">The COW abbreviation (TUR, GMY, GFR).</param>
/// <param name="Country">The catalog's country: its ISO 3166-1 alpha-2 code, or this library's code for a historical state (XW for the German Federal Republic).</param>
public readonly record struct PanelState(int CowCode, string CowAbbreviation, CountryCode Country)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Country} ({CowAbbreviation} {CowCode})";
}

/// <summary>
/// One row of a state-year panel: a state in a year it was a member of the international system, with the
/// panel's columns. A column's value is read with <see cref="Get{T}"/>: null where the column's source does
/// not cover the state and year (unknown), 0 or false where it covers them and records nothing.
/// </summary>
/// <remarks>A row holds its panel's computed columns by reference and reads each value when asked, so rows cost no memory of their own.</remarks>
public readonly record struct StateYear
{
    private readonly PanelData _data;
    private readonly int _state;

    internal StateYear(PanelData data, int state, int year)
    {
        _data = data;
        _state = state;
        Year = year;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the state.</summary>
    public PanelState State => _data.Frame.States[_state];

    /// <summary>The value of a column of this row's panel: null for unknown (outside the column's coverage).</summary>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a column of this row's panel.</exception>
    public T? Get<T>(PanelColumn<T> column) where T : struct
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Read(_data, _state, -1, Year);
    }

    /// <summary>The value of a column of this row's panel, boxed: an <see cref="int"/>, <see cref="decimal"/>, <see cref="bool"/> or <see cref="TrendIndicatorValue"/>, or null for unknown.</summary>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a column of this row's panel.</exception>
    public object? GetValue(PanelColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.ReadBoxed(_data, _state, -1, Year);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{State} {Year}";
}

/// <summary>
/// One row of a dyad-year panel: two states in a year both were members of the international system on
/// the same day, with the panel's columns. In a directed panel <see cref="State1"/> is the side a directed
/// column goes from (the supplier of arms transfers); in a non-directed panel it is the state of the lower
/// COW code, and directed columns hold the sum of both directions.
/// </summary>
/// <remarks>As for <see cref="StateYear"/>, a column's value is null where its source does not cover the row, and is read when asked.</remarks>
public readonly record struct DyadYear
{
    private readonly PanelData _data;
    private readonly int _state1;
    private readonly int _state2;

    internal DyadYear(PanelData data, int state1, int state2, int year)
    {
        _data = data;
        _state1 = state1;
        _state2 = state2;
        Year = year;
    }

    /// <summary>Gets the year.</summary>
    public int Year { get; }

    /// <summary>Gets the first state (side 1).</summary>
    public PanelState State1 => _data.Frame.States[_state1];

    /// <summary>Gets the second state (side 2).</summary>
    public PanelState State2 => _data.Frame.States[_state2];

    /// <summary>The value of a column of this row's panel: null for unknown (outside the column's coverage).</summary>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a column of this row's panel.</exception>
    public T? Get<T>(PanelColumn<T> column) where T : struct
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Read(_data, _state1, _state2, Year);
    }

    /// <summary>The value of a column of this row's panel, boxed: an <see cref="int"/>, <see cref="decimal"/>, <see cref="bool"/> or <see cref="TrendIndicatorValue"/>, or null for unknown.</summary>
    /// <exception cref="ArgumentException"><paramref name="column"/> is not a column of this row's panel.</exception>
    public object? GetValue(PanelColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.ReadBoxed(_data, _state1, _state2, Year);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{State1} {State2} {Year}";
}
