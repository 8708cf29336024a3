using System.Collections.Immutable;

namespace DefenseCoop.Panels;

/// <summary>
/// A panel computed: its frame and every source's values, built once from the catalog when the panel is
/// first read. Immutable; the rows of the panel read it, and hold nothing else.
/// </summary>
internal sealed class PanelData
{
    private PanelData(PanelSettings settings, PanelFrame frame, bool[]? selected, BuiltSource[] sources)
    {
        Settings = settings;
        Frame = frame;
        Selected = selected;
        Sources = sources;
        Columns = settings.Columns;
    }

    public PanelSettings Settings { get; }

    public PanelFrame Frame { get; }

    /// <summary>Gets the states the caller kept (a state-year panel's states, a dyad-year panel's involved states), by position; null for all.</summary>
    public bool[]? Selected { get; }

    public ImmutableArray<PanelColumn> Columns { get; }

    /// <summary>Gets each source's values, by the source's ordinal.</summary>
    public BuiltSource[] Sources { get; }

    public bool Directed => Settings.Directed;

    /// <summary>Computes every source of the panel.</summary>
    public static PanelData Build(PanelSettings settings)
    {
        var (frame, selected) = FrameOf(settings);
        var build = new PanelBuild(settings, frame);
        return new PanelData(settings, frame, selected, [.. settings.Sources.Select(s => s.Build(build))]);
    }

    /// <summary>The frame of a panel's settings, and its selection of states, without computing any column.</summary>
    public static (PanelFrame Frame, bool[]? Selected) FrameOf(PanelSettings settings)
    {
        var frame = new PanelFrame(settings.System, settings.Catalog.CountriesByCowCode(settings.System), settings.FromYear, settings.ToYear, settings.AsOfYear);
        if (settings.Selected.IsEmpty) return (frame, null);
        var selected = new bool[frame.States.Length];
        foreach (var country in settings.Selected)
            foreach (int state in frame.StatesOf(country)) selected[state] = true;
        return (frame, selected);
    }

    /// <summary>The rows' states and years in order, as the frame gives them.</summary>
    public IEnumerable<(int A, int B, int Year)> Rows()
    {
        if (Settings.Dyads)
        {
            foreach (var row in Frame.DyadYears(Settings.Directed, Selected)) yield return row;
            yield break;
        }
        foreach (var (state, year) in Frame.StateYears(Selected)) yield return (state, -1, year);
    }
}
