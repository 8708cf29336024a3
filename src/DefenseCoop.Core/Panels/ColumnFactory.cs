using System.Collections.Immutable;
using System.Text;
using DefenseCoop.Querying;

namespace DefenseCoop.Panels;

/// <summary>
/// Makes the columns each kind of source gives: one per state-year, and on dyad-years one per pair or one
/// per side (<c>_1</c>, <c>_2</c>), with names, units and meanings. Each method returns the settings with
/// the source and its columns appended.
/// </summary>
internal static class ColumnFactory
{
    /// <summary>The frame's own column names, which no value column may take.</summary>
    public static readonly ImmutableArray<string> StateFrameNames = ["ccode", "year", "stateabb", "country"];

    /// <summary>The dyad frame's own column names.</summary>
    public static readonly ImmutableArray<string> DyadFrameNames = ["ccode_1", "ccode_2", "year", "stateabb_1", "stateabb_2", "country_1", "country_2"];

    private delegate T? Reader<T>(BuiltSource source, PanelData data, int a, int b, int year) where T : struct;

    /// <summary>The settings with a source and the columns it gives appended.</summary>
    private sealed class Adding(PanelSettings settings, PanelSource source)
    {
        private readonly List<PanelColumn> _columns = [];

        public Adding Column<T>(string name, string unit, string meaning, Reader<T> read) where T : struct
        {
            Check(settings, name);
            if (_columns.Any(c => c.Name == name)) throw new ArgumentException($"A column named '{name}' is given twice.", nameof(name));
            _columns.Add(new PanelColumn<T>(name, unit, meaning, source, settings.Columns.Length + _columns.Count, (s, d, a, b, y) => read(s, d, a, b, y)));
            return this;
        }

        public PanelSettings Done() => settings with { Sources = settings.Sources.Add(source), Columns = settings.Columns.AddRange(_columns) };
    }

    private static void Check(PanelSettings settings, string name)
    {
        if (name.Length is 0 or > 64 || !char.IsAsciiLetterLower(name[0]) || name.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_'))
            throw new ArgumentException($"'{name}' is not a column name: lower-case letters, digits and '_', starting with a letter, at most 64 characters.", nameof(name));
        if ((settings.Dyads ? DyadFrameNames : StateFrameNames).Contains(name) || settings.Columns.Any(c => c.Name == name))
            throw new ArgumentException($"The panel already has a column named '{name}'; give this one another name.", nameof(name));
    }

    private static Adding Add(PanelSettings settings, Func<int, PanelSource> source) => new(settings, source(settings.Sources.Length));

    /// <summary>Counts of agreements signed, in force, or of events: one column; on dyads, of the pair.</summary>
    public static PanelSettings Counts(PanelSettings settings, RecordCount what, ImmutableArray<AgreementKind> agreementKinds, ImmutableArray<EventKind> eventKinds, string? name)
    {
        bool events = what == RecordCount.Events;
        string kinds = events ? Kinds(eventKinds) : Kinds(agreementKinds);
        name ??= (what switch
        {
            RecordCount.AgreementsSigned => "agreements_signed",
            RecordCount.AgreementsInForce => "agreements_in_force",
            RecordCount.AgreementsPossiblyInForce => "agreements_possibly_in_force",
            _ => "events",
        }) + (kinds.Length == 0 ? "" : "_" + kinds);
        string records = events ? "Events" : "Agreements";
        string of = (events ? eventKinds.IsEmpty : agreementKinds.IsEmpty) ? "" : $" of kind {string.Join(" or ", events ? eventKinds.Select(k => k.ToString()) : agreementKinds.Select(k => k.ToString()))}";
        string who = settings.Dyads ? "both states take part in" : "the state takes part in";
        string how = settings.StatesOnly ? "as a state" : "as a state or through an organization based in it";
        string when = what switch
        {
            RecordCount.AgreementsSigned => "signed in the year (a date known only to the year counts; undated ones never)",
            RecordCount.AgreementsInForce => $"certainly in force on the reference day ({settings.ReferenceDay}) of the year, as InForceOn decides",
            RecordCount.AgreementsPossiblyInForce => $"certainly or possibly in force on the reference day ({settings.ReferenceDay}) of the year, as PossiblyInForceOn decides",
            _ => "dated within the year (a date known only to the year counts; undated ones never)",
        };
        string meaning = $"{records}{of} {who}, {how}, {when}. Null outside the records' coverage.";
        string unit = events ? "events" : "agreements";
        var adding = Add(settings, ordinal => new RecordCountSource(ordinal, what, agreementKinds, eventKinds, settings.StatesOnly, settings.ReferenceDay));
        return (settings.Dyads
            ? adding.Column<int>(name, unit, meaning, (s, _, a, b, y) => ((BuiltCounts)s).Pair(a, b, y))
            : adding.Column<int>(name, unit, meaning, (s, _, a, _, y) => ((BuiltCounts)s).State(a, y))).Done();
    }

    /// <summary>TIV delivered: on dyads from side 1 to side 2 (both ways summed when not directed); per state, exported and imported; each with its estimate flag.</summary>
    public static PanelSettings Tiv(PanelSettings settings, string? name)
    {
        name ??= "tiv";
        const string Unit = "millions of TIV (SIPRI's trend-indicator value: a volume of arms, not money)";
        const string Flag = "true or false";
        var adding = Add(settings, ordinal => new TivSource(ordinal));
        if (settings.Dyads)
        {
            return adding
                .Column<TrendIndicatorValue>(name, Unit, "The volume of arms delivered in the year from state 1 to state 2 (in a non-directed panel, both ways summed), each deal's delivered TIV spread evenly over its delivery years, as TivByYear gives it. 0 where the register records no delivery; null outside the register's years.",
                    (s, d, a, b, y) => ((BuiltTiv)s).Pair(a, b, y, d.Directed))
                .Column<bool>(name + "_estimate", Flag, "Whether the figure is an estimate (spread from deals' totals), as TivByYear marks it: always, for a pair, since the annual tables give no pairs.",
                    (s, _, a, b, y) => ((BuiltTiv)s).PairEstimate(a, b, y))
                .Done();
        }
        return adding
            .Column<TrendIndicatorValue>(name + "_exported", Unit, "The volume of arms the state delivered in the year to all recipients, as Trade.From(state).TivByYear gives it: the publisher's annual table where one is loaded, else spread from the register's deals.",
                (s, _, a, _, y) => ((BuiltTiv)s).State(a, y, exported: true))
            .Column<bool>(name + "_exported_estimate", Flag, "Whether the exported figure is an estimate, as TivByYear marks it.", (s, _, a, _, y) => ((BuiltTiv)s).StateEstimate(a, y, exported: true))
            .Column<TrendIndicatorValue>(name + "_imported", Unit, "The volume of arms the state received in the year from all suppliers, as Trade.To(state).TivByYear gives it.",
                (s, _, a, _, y) => ((BuiltTiv)s).State(a, y, exported: false))
            .Column<bool>(name + "_imported_estimate", Flag, "Whether the imported figure is an estimate, as TivByYear marks it.", (s, _, a, _, y) => ((BuiltTiv)s).StateEstimate(a, y, exported: false))
            .Done();
    }

    /// <summary>Register deals ordered in the year: on dyads from side 1 to side 2 (both ways when not directed); per state, as supplier and as recipient.</summary>
    public static PanelSettings Deals(PanelSettings settings, string? name)
    {
        name ??= "deals_ordered";
        var adding = Add(settings, ordinal => new DealsSource(ordinal));
        if (settings.Dyads)
            return adding.Column<int>(name, "deals", "Arms-transfer register deals ordered in the year from state 1 to state 2 (in a non-directed panel, both ways): the deals among what OrderedWithin finds. Null outside the register's order years.",
                (s, d, a, b, y) => ((BuiltDeals)s).Pair(a, b, y, d.Directed)).Done();
        return adding
            .Column<int>(name + "_as_supplier", "deals", "Register deals ordered in the year from the state, to any recipient.", (s, _, a, _, y) => ((BuiltDeals)s).State(a, y, supplier: true))
            .Column<int>(name + "_as_recipient", "deals", "Register deals ordered in the year by the state, from any supplier.", (s, _, a, _, y) => ((BuiltDeals)s).State(a, y, supplier: false))
            .Done();
    }

    /// <summary>A spending measure per state; on dyads, each side's.</summary>
    public static PanelSettings Spending(PanelSettings settings, SpendingMeasure measure, ReconciliationPolicy policy, PriceBasis? basis, string? name)
    {
        name ??= "spending_" + Snake(measure.ToString());
        var source = new SpendingSource(settings.Sources.Length, measure, policy, basis);
        string meaning = $"Defence spending, {measure}, one figure per state and year chosen by the reconciliation policy '{policy}'{(basis is { } b ? $" among figures at {b}" : "")}. Null where no source gives a figure: never 0.";
        return Sides<decimal>(new Adding(settings, source), settings, name, source.Unit, meaning, (s, state, y) => ((BuiltStateValues<decimal>)s).State(state, y)).Done();
    }

    /// <summary>A membership per state on the reference day; on dyads, each side's and whether both hold it.</summary>
    public static PanelSettings Membership(PanelSettings settings, OrganizationId organization, MembershipRole role, string? name)
    {
        name ??= Snake(organization.Value.Replace('-', '_')) + "_" + Snake(role.ToString());
        string meaning = $"Whether the state holds a {role} of {organization} on the reference day ({settings.ReferenceDay}) of the year; null where a partial date leaves that day uncertain, or where the catalog may not list the state's membership.";
        var adding = Sides<bool>(Add(settings, ordinal => new MembershipSource(ordinal, organization, role, settings.ReferenceDay)), settings, name, "true or false", meaning,
            (s, state, y) => ((BuiltStateValues<bool>)s).State(state, y));
        if (settings.Dyads)
            adding.Column<bool>(name + "_both", "true or false", $"Whether both states hold a {role} of {organization} on the reference day: false if either certainly does not, null if neither is certainly false but one is unknown.",
                (s, _, a, b, y) => Both(((BuiltStateValues<bool>)s).State(a, y), ((BuiltStateValues<bool>)s).State(b, y)));
        return adding.Done();
    }

    /// <summary>The caller's own values per state; on dyads, each side's.</summary>
    public static PanelSettings Custom(PanelSettings settings, string name, CustomSource source, string unit, string meaning) =>
        Sides<decimal>(new Adding(settings, source), settings, name, unit, meaning, (s, state, y) => ((BuiltStateValues<decimal>)s).State(state, y)).Done();

    // A state's value: one column on state-years; on dyads, one per side.
    private static Adding Sides<T>(Adding adding, PanelSettings settings, string name, string unit, string meaning, Func<BuiltSource, int, int, T?> state) where T : struct
    {
        if (!settings.Dyads) return adding.Column<T>(name, unit, meaning, (s, _, a, _, y) => state(s, a, y));
        return adding
            .Column<T>(name + "_1", unit, "Of state 1: " + meaning, (s, _, a, _, y) => state(s, a, y))
            .Column<T>(name + "_2", unit, "Of state 2: " + meaning, (s, _, _, b, y) => state(s, b, y));
    }

    private static bool? Both(bool? a, bool? b) => a == false || b == false ? false : a == true && b == true ? true : null;

    private static string Kinds<TKind>(ImmutableArray<TKind> kinds) where TKind : struct, Enum => string.Join("_", kinds.Select(k => Snake(k.ToString())));

    /// <summary>PascalCase as snake case: <c>MemorandumOfUnderstanding</c> as <c>memorandum_of_understanding</c>.</summary>
    internal static string Snake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0 && pascal[i - 1] != '_') text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
