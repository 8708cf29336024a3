using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace DefenseCoop.Panels;

/// <summary>One spell of a state's membership of the international system: its first and last day, both inclusive.</summary>
/// <param name="CowCode">The state's Correlates of War code.</param>
/// <param name="Abbreviation">The state's COW abbreviation.</param>
/// <param name="Start">The first day of membership.</param>
/// <param name="End">The last day of membership.</param>
internal readonly record struct StateSpell(int CowCode, string Abbreviation, LocalDate Start, LocalDate End);

/// <summary>
/// The spells of membership of the international system that make the frame of a panel: by default the
/// Correlates of War list, v2016, bundled as its own small resource (a CSV extract the data compiler's
/// import step makes from COW's file) and read on first use. A state that left and came back (France
/// 1942–1944, Poland 1939–1945) has two spells.
/// </summary>
internal sealed class StateSystem
{
    /// <summary>The logical name of the bundled extract.</summary>
    public const string ResourceName = "DefenseCoop.Data.cow-state-system-2016.csv";

    /// <summary>The source id the bundled release gives COW's list.</summary>
    public const string SourceId = "cow-state-system-2016";

    private const string Header = "ccode,stateabb,start,end";

    /// <param name="spells">The spells; a state's spells must not overlap.</param>
    /// <param name="closedOn">The day the list was closed: a spell ending on it was still running then, and continues through a panel's as-of year.</param>
    /// <param name="name">The system's name and version, for descriptions.</param>
    /// <param name="citation">How to cite it.</param>
    /// <exception cref="ArgumentException">Two spells of one state overlap, a spell ends before it starts, or one ends after <paramref name="closedOn"/>.</exception>
    public StateSystem(IEnumerable<StateSpell> spells, LocalDate closedOn, string name, string citation)
    {
        var sorted = spells.OrderBy(s => s.CowCode).ThenBy(s => s.Start).ToImmutableArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            var spell = sorted[i];
            if (spell.End < spell.Start) throw new ArgumentException($"The spell of {spell.Abbreviation} ({spell.CowCode}) ends on {spell.End} before it starts on {spell.Start}.", nameof(spells));
            if (spell.End > closedOn) throw new ArgumentException($"The spell of {spell.Abbreviation} ({spell.CowCode}) ends on {spell.End}, after the list was closed on {closedOn}.", nameof(spells));
            if (i > 0 && sorted[i - 1].CowCode == spell.CowCode && sorted[i - 1].End >= spell.Start)
                throw new ArgumentException($"Two spells of {spell.Abbreviation} ({spell.CowCode}) overlap on {spell.Start}.", nameof(spells));
        }
        if (sorted.IsEmpty) throw new ArgumentException("A state system needs at least one spell.", nameof(spells));
        Spells = sorted;
        ClosedOn = closedOn;
        Name = name;
        Citation = citation;
        FirstYear = sorted.Min(s => s.Start.Year);
    }

    /// <summary>Gets the spells, in code order, then start order.</summary>
    public ImmutableArray<StateSpell> Spells { get; }

    /// <summary>Gets the day the list was closed (2016-12-31 for v2016).</summary>
    public LocalDate ClosedOn { get; }

    /// <summary>Gets the last year the list itself covers.</summary>
    public int LastYear => ClosedOn.Year;

    /// <summary>Gets the first year of any spell.</summary>
    public int FirstYear { get; }

    /// <summary>Gets the name and version, e.g. "Correlates of War State System Membership, v2016".</summary>
    public string Name { get; }

    /// <summary>Gets the citation.</summary>
    public string Citation { get; }

    /// <summary>Gets COW's list, v2016, read from the bundled extract on first use.</summary>
    public static StateSystem Bundled => BundledHolder.Instance;

    // A nested holder defers reading until the first panel, not when the type is first touched.
    private static class BundledHolder
    {
        internal static readonly StateSystem Instance = ReadBundled();
    }

    private static StateSystem ReadBundled()
    {
        using var stream = typeof(StateSystem).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded state system '{ResourceName}' is missing from {typeof(StateSystem).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return new StateSystem(Parse(reader.ReadToEnd(), ResourceName), new LocalDate(2016, 12, 31),
            "Correlates of War State System Membership, v2016",
            "Correlates of War Project. 2017. \"State System Membership List, v2016.\" Online, https://correlatesofwar.org/ (free for public and academic use with citation)");
    }

    /// <summary>Reads the extract's lines: <c>ccode,stateabb,start,end</c> with ISO dates.</summary>
    /// <exception cref="InvalidDataException">A line is malformed; the message names it.</exception>
    internal static IEnumerable<StateSpell> Parse(string text, string name)
    {
        var lines = text.Split('\n');
        if (lines[0].TrimEnd('\r') != Header) throw new InvalidDataException($"{name}: the first line is not '{Header}'.");
        var spells = new List<StateSpell>(lines.Length);
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0) continue;
            var fields = line.Split(',');
            if (fields.Length != 4
                || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int code)
                || LocalDatePattern.Iso.Parse(fields[2]) is not { Success: true } start
                || LocalDatePattern.Iso.Parse(fields[3]) is not { Success: true } end)
                throw new InvalidDataException($"{name}({i + 1}): '{line}' is not ccode,stateabb,start,end.");
            spells.Add(new StateSpell(code, fields[1], start.Value, end.Value));
        }
        return spells;
    }
}
