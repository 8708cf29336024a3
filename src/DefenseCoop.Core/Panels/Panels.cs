namespace DefenseCoop.Panels;

/// <summary>
/// One row per state and year: every state of the Correlates of War system in each year it was a member on
/// some day, in code then year order, with the columns the caller adds.
/// </summary>
/// <example><code>
/// var panel = catalog.Panels.AsOf(2025).StateYears(2015, 2025).Of("TR", "FI")
///     .WithAgreementsSigned()
///     .WithSpending(SpendingMeasure.ShareOfGdp, ReconciliationPolicy.Prefer("nato-defence-expenditure-2024"));
/// foreach (var row in panel) Console.WriteLine($"{row.State.Country} {row.Year} {row.Get(panel.Column&lt;int&gt;("agreements_signed"))}");
/// </code></example>
public sealed class StateYearPanel : Panel<StateYearPanel, StateYear>
{
    internal StateYearPanel(PanelSettings settings) : base(settings) { }

    private protected override StateYearPanel With(PanelSettings settings) => new(settings);

    /// <summary>Keeps the rows of the given states only; several calls add up.</summary>
    /// <exception cref="ArgumentException">A country is not of the catalog (the message names the closest), or is no state of the system.</exception>
    public StateYearPanel Of(params ReadOnlySpan<CountryRef> countries) => Of((IEnumerable<CountryRef>)countries.ToArray());

    /// <summary>Keeps the rows of the given states only; several calls add up.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="countries"/> is null.</exception>
    /// <exception cref="ArgumentException">A country is not of the catalog, or is no state of the system.</exception>
    public StateYearPanel Of(IEnumerable<CountryRef> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        return With(Settings with { Selected = StatesNamed(countries, nameof(countries)) });
    }

    /// <inheritdoc/>
    public override IEnumerator<StateYear> GetEnumerator()
    {
        var data = Data;
        foreach (var (state, year) in data.Frame.StateYears(data.Selected)) yield return new StateYear(data, state, year);
    }
}

/// <summary>
/// One row per pair of states and year: every two states of the Correlates of War system in each year both
/// were members on the same day, non-directed (each pair once, the lower COW code first, as COW's files have
/// <c>ccode1 &lt; ccode2</c>) or <see cref="Directed"/> (both orders), ordered by first code, second code, year.
/// </summary>
/// <example><code>
/// var panel = catalog.Panels.AsOf(2025).DyadYears(2005, 2025).Directed().Involving("TR")
///     .WithAgreementsSigned().WithAgreementsInForce().WithMembership("nato");
/// await panel.ExportAsync("out", ExportFormat.Csv);
/// </code></example>
public sealed class DyadYearPanel : Panel<DyadYearPanel, DyadYear>
{
    internal DyadYearPanel(PanelSettings settings) : base(settings) { }

    private protected override DyadYearPanel With(PanelSettings settings) => new(settings);

    /// <summary>Gets whether the panel gives both orders of each pair.</summary>
    public bool IsDirected => Settings.Directed;

    /// <summary>
    /// Gives both orders of each pair: state 1 is the side a directed column goes from (the supplier of arms),
    /// state 2 the side it goes to. Undirected columns (agreements, events) have the same value in both rows.
    /// </summary>
    public DyadYearPanel Directed() => With(Settings with { Directed = true });

    /// <summary>Keeps the pairs in which one of the given states is either side; several calls add up.</summary>
    /// <exception cref="ArgumentException">A country is not of the catalog (the message names the closest), or is no state of the system.</exception>
    public DyadYearPanel Involving(params ReadOnlySpan<CountryRef> countries) => Involving((IEnumerable<CountryRef>)countries.ToArray());

    /// <summary>Keeps the pairs in which one of the given states is either side; several calls add up.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="countries"/> is null.</exception>
    /// <exception cref="ArgumentException">A country is not of the catalog, or is no state of the system.</exception>
    public DyadYearPanel Involving(IEnumerable<CountryRef> countries)
    {
        ArgumentNullException.ThrowIfNull(countries);
        return With(Settings with { Selected = StatesNamed(countries, nameof(countries)) });
    }

    /// <inheritdoc/>
    public override IEnumerator<DyadYear> GetEnumerator()
    {
        var data = Data;
        foreach (var (a, b, year) in data.Frame.DyadYears(data.Directed, data.Selected)) yield return new DyadYear(data, a, b, year);
    }
}

/// <summary>
/// The panels of a catalog (<c>catalog.Panels</c>): state-years and dyad-years on the frame of the Correlates of
/// War state system membership list, v2016 (bundled, with its citation, and read on first use).
/// </summary>
/// <remarks>
/// The list ends on 2016-12-31, where 195 memberships were still running. A panel past 2016 needs the year
/// through which they continue, stated by the caller with <see cref="AsOf"/>: never the clock's year, so that a
/// panel does not change with the day it is computed.
/// </remarks>
public sealed class CatalogPanels
{
    private readonly DefenseCoopCatalog _catalog;
    private readonly StateSystem? _system;

    internal CatalogPanels(DefenseCoopCatalog catalog, StateSystem? system = null, int? asOfYear = null)
    {
        _catalog = catalog;
        _system = system;
        AsOfYear = asOfYear;
    }

    // The bundled list is read when a panel is first made, not when the catalog's property is read.
    private StateSystem System => _system ?? StateSystem.Bundled;

    /// <summary>Gets the year through which memberships running when the list was closed continue; null until <see cref="AsOf"/> states it.</summary>
    public int? AsOfYear { get; }

    /// <summary>Gets the state system of the frame, with its version: "Correlates of War State System Membership, v2016".</summary>
    public string StateSystemName => System.Name;

    /// <summary>Gets how to cite the state system.</summary>
    public string StateSystemCitation => System.Citation;

    /// <summary>Gets the last year the state system's list covers by itself (2016).</summary>
    public int StateSystemLastYear => System.LastYear;

    /// <summary>
    /// Panels whose memberships running when the list was closed (2016-12-31) continue through <paramref name="year"/>:
    /// a state that was a member then is taken to be one through the end of that year, and years up to it may be asked for.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is before the list's last year, or after 9999.</exception>
    public CatalogPanels AsOf(int year)
    {
        if (year < System.LastYear || year > 9999)
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The as-of year extends the memberships {System.Name} records as running at its end ({System.ClosedOn}); it is {System.LastYear} or later.");
        return new CatalogPanels(_catalog, _system, year);
    }

    /// <summary>One row per state and year from <paramref name="fromYear"/> to <paramref name="toYear"/> (inclusive).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The years are outside the frame: before its first year (1816), after its last (2016) or the as-of year, or the range ends before it begins.</exception>
    public StateYearPanel StateYears(int fromYear, int toYear) => new(Settings(fromYear, toYear, dyads: false, "state_years"));

    /// <summary>One row per pair of states and year from <paramref name="fromYear"/> to <paramref name="toYear"/> (inclusive), non-directed unless <see cref="DyadYearPanel.Directed"/> is asked for.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The years are outside the frame: before its first year (1816), after its last (2016) or the as-of year, or the range ends before it begins.</exception>
    public DyadYearPanel DyadYears(int fromYear, int toYear) => new(Settings(fromYear, toYear, dyads: true, "dyad_years"));

    private PanelSettings Settings(int fromYear, int toYear, bool dyads, string table)
    {
        var system = System;
        int last = AsOfYear ?? system.LastYear;
        if (fromYear < system.FirstYear || fromYear > last)
            throw new ArgumentOutOfRangeException(nameof(fromYear), fromYear, $"The frame, {system.Name}, runs from {system.FirstYear} to {last}{(AsOfYear is null ? "" : " (the as-of year)")}.");
        if (toYear < fromYear) throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "The range ends before it begins.");
        if (toYear > last)
            throw new ArgumentOutOfRangeException(nameof(toYear), toYear, AsOfYear is null
                ? $"{system.Name} ends in {system.LastYear}. For later years, state the year through which the memberships running at its end continue: catalog.Panels.AsOf({toYear}).{(dyads ? "DyadYears" : "StateYears")}({fromYear}, {toYear})."
                : $"The panel runs to the as-of year, {AsOfYear}, at most.");
        return new PanelSettings
        {
            Catalog = new PanelCatalogAdapter(_catalog), System = system, FromYear = fromYear, ToYear = toYear, AsOfYear = AsOfYear, Dyads = dyads, TableName = table,
        };
    }
}
