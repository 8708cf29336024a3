using System.Collections;
using System.Collections.Immutable;
using DefenseCoop.Export;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Panels;

/// <summary>
/// A panel for regression work: one row per state and year (<see cref="StateYearPanel"/>) or per pair of states
/// and year (<see cref="DyadYearPanel"/>) of the Correlates of War state system, with the columns the caller
/// chooses from the catalog. Immutable: each method returns a new panel with one more setting or column;
/// nothing is computed until the rows are read, described or exported.
/// </summary>
/// <remarks>
/// <para><b>Three states, never a fake zero.</b> Every column has a coverage: the states and years its source
/// covers. Inside it, no record means 0 (or false); outside it, the value is null. The catalog's agreements
/// and events cover what the release states (the bundled one: Türkiye's network 2015–2025), or what
/// <see cref="WithRecordCoverage"/> says; an arms-transfer register the years of its deliveries or orders;
/// spending only the figures there are.</para>
/// <para><b>Streaming.</b> Rows are made one at a time as they are read; the columns' values are computed once,
/// from the catalog's records (memory in proportion to the records, not to the rows), and read per row.</para>
/// </remarks>
/// <typeparam name="TPanel">The panel type, which every fluent method returns.</typeparam>
/// <typeparam name="TRow">The row type: <see cref="StateYear"/> or <see cref="DyadYear"/>.</typeparam>
public abstract class Panel<TPanel, TRow> : IEnumerable<TRow>
    where TPanel : Panel<TPanel, TRow>
    where TRow : struct
{
    private PanelData? _data;

    private protected Panel(PanelSettings settings) => Settings = settings;

    internal PanelSettings Settings { get; }

    private protected abstract TPanel With(PanelSettings settings);

    // Computed when first read; as a query's plan, two threads may both compute it, and either equal result is kept.
    internal PanelData Data => _data ??= PanelData.Build(Settings);

    /// <summary>Gets the first year of the panel.</summary>
    public int FromYear => Settings.FromYear;

    /// <summary>Gets the last year of the panel.</summary>
    public int ToYear => Settings.ToYear;

    /// <summary>Gets the year through which memberships the state list records as running when it was closed continue; null when none was stated.</summary>
    public int? AsOfYear => Settings.AsOfYear;

    /// <summary>Gets the day of each year on which the agreements-in-force and membership columns added next are read; 31 December unless <see cref="OnReferenceDay"/> says otherwise.</summary>
    public AnnualDate ReferenceDay => Settings.ReferenceDay;

    /// <summary>Gets the name of the exported table (and of its files).</summary>
    public string TableName => Settings.TableName;

    /// <summary>Gets the value columns, in order (the exported table begins with the frame's own: codes and year).</summary>
    public ImmutableArray<PanelColumn> Columns => Settings.Columns;

    /// <summary>
    /// Reads the agreements-in-force and membership columns added after this call on <paramref name="day"/> of each
    /// year (29 February is 28 February in other years); columns added before keep their day, which their meaning states.
    /// </summary>
    public TPanel OnReferenceDay(AnnualDate day) => With(Settings with { ReferenceDay = day });

    /// <summary>
    /// Counts only states that take part in a record themselves, not through their companies and agencies, in the
    /// agreement and event columns added after this call (as a query's <c>StatesOnly()</c>); columns added before keep their rule, which their meaning states.
    /// </summary>
    public TPanel StatesOnly() => With(Settings with { StatesOnly = true });

    /// <summary>
    /// States what the catalog's agreements and events cover, for a catalog whose release is not the bundled one
    /// (or to narrow the bundled statement): inside it, no record is 0; outside, unknown.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="coverage"/> is null.</exception>
    public TPanel WithRecordCoverage(PanelCoverage coverage)
    {
        ArgumentNullException.ThrowIfNull(coverage);
        return With(Settings with { RecordCoverage = coverage });
    }

    /// <summary>Names the exported table (and its files): lower-case letters, digits and '_'.</summary>
    /// <exception cref="ArgumentException"><paramref name="tableName"/> is not such a name.</exception>
    public TPanel Named(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (tableName.Length is 0 or > 64 || !char.IsAsciiLetterLower(tableName[0]) || tableName.Any(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_'))
            throw new ArgumentException($"'{tableName}' is not a table name: lower-case letters, digits and '_', starting with a letter.", nameof(tableName));
        return With(Settings with { TableName = tableName });
    }

    /// <summary>
    /// Adds the number of agreements signed in the year, of the given kinds (all when none): those the state takes
    /// part in, or on a dyad those both take part in, as <c>Agreements.Involving</c> / <c>Between</c> and
    /// <c>Within(year)</c> count them. Named <c>agreements_signed</c> (with the kinds) unless <paramref name="name"/> is given.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a column name, or the panel has a column of that name.</exception>
    public TPanel WithAgreementsSigned(IEnumerable<AgreementKind>? kinds = null, string? name = null) =>
        With(ColumnFactory.Counts(Settings, RecordCount.AgreementsSigned, [.. (kinds ?? []).Distinct()], [], name));

    /// <summary>
    /// Adds the number of agreements, of the given kinds (all when none), in force on the reference day of the year:
    /// certainly (<c>InForceOn</c>), or certainly or possibly when <paramref name="possibly"/> is set (<c>PossiblyInForceOn</c>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a column name, or the panel has a column of that name.</exception>
    public TPanel WithAgreementsInForce(IEnumerable<AgreementKind>? kinds = null, bool possibly = false, string? name = null) =>
        With(ColumnFactory.Counts(Settings, possibly ? RecordCount.AgreementsPossiblyInForce : RecordCount.AgreementsInForce, [.. (kinds ?? []).Distinct()], [], name));

    /// <summary>Adds the number of events of the given kinds (all when none) dated within the year, as <c>Events.Within(year, year)</c> counts them.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a column name, or the panel has a column of that name.</exception>
    public TPanel WithEvents(IEnumerable<EventKind>? kinds = null, string? name = null) =>
        With(ColumnFactory.Counts(Settings, RecordCount.Events, [], [.. (kinds ?? []).Distinct()], name));

    /// <summary>
    /// Adds the arms-transfer volume (SIPRI's TIV) delivered in the year, with its estimate flag, as <c>TivByYear</c>
    /// gives and marks it: on a dyad from state 1 to state 2 (both ways summed in a non-directed panel); per state,
    /// exported and imported. Needs an arms-transfer register in the catalog (the importers read SIPRI's).
    /// </summary>
    /// <exception cref="ArgumentException">A column of the name exists.</exception>
    public TPanel WithTiv(string? name = null) => With(ColumnFactory.Tiv(Settings, name));

    /// <summary>Adds the number of arms-transfer deals ordered in the year (the register's order year): on a dyad from state 1 to state 2 (both ways in a non-directed panel); per state, as supplier and as recipient.</summary>
    /// <exception cref="ArgumentException">A column of the name exists.</exception>
    public TPanel WithDealsOrdered(string? name = null) => With(ColumnFactory.Deals(Settings, name));

    /// <summary>
    /// Adds a spending measure, one figure per state and year chosen by <paramref name="policy"/> among the
    /// sources' figures (e.g. <c>ReconciliationPolicy.Prefer(sipriSource)</c>); on a dyad, each side's (<c>_1</c>, <c>_2</c>).
    /// </summary>
    /// <param name="measure">The measure.</param>
    /// <param name="policy">How to choose one figure where sources give several.</param>
    /// <param name="basis">The price basis to keep, where the catalog has figures of the measure at several (constant 2015 and 2023 dollars).</param>
    /// <param name="name">The column name; <c>spending_</c> and the measure by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="ArgumentException">A column of the name exists.</exception>
    public TPanel WithSpending(SpendingMeasure measure, ReconciliationPolicy policy, PriceBasis? basis = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return With(ColumnFactory.Spending(Settings, measure, policy, basis, name));
    }

    /// <summary>
    /// Adds whether the state holds a membership (or candidacy) of an organization on the reference day of the
    /// year; on a dyad, each side's and whether both hold it (<c>_both</c>).
    /// </summary>
    /// <exception cref="ArgumentException">The catalog has no such organization, or a column of the name exists.</exception>
    public TPanel WithMembership(OrganizationId organization, MembershipRole role = MembershipRole.Member, string? name = null)
    {
        if (!Settings.Catalog.HasOrganization(organization)) throw new ArgumentException($"The catalog has no organization '{organization}'.", nameof(organization));
        return With(ColumnFactory.Membership(Settings, organization, role, name));
    }

    /// <summary>
    /// Adds a column of the caller's own values per state and year (GDP, a survey's score ...), read at once:
    /// each state-year given has its value, every other is null. On a dyad, each side's (<c>_1</c>, <c>_2</c>).
    /// </summary>
    /// <param name="name">The column name.</param>
    /// <param name="values">The values, keyed by ISO or COW codes as <paramref name="key"/> says.</param>
    /// <param name="key">How the values name their states: <see cref="NameScheme.Iso"/> (ISO 3166-1 alpha-2 or alpha-3), <see cref="NameScheme.Cow"/>
    /// (COW numbers) or <see cref="NameScheme.CowAbbreviation"/> (COW's abbreviations, which are not ISO's: COW's AUS is Austria).</param>
    /// <param name="unit">The unit, for the description.</param>
    /// <param name="meaning">What a value means, for the description.</param>
    /// <param name="source">Where the values come from, with its version and licence where it has them, for the description.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="values"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="key"/> is another scheme.</exception>
    /// <exception cref="ArgumentException">A value names no state of the system (an unknown code, a country outside it) or repeats a state-year, none is given, or the name is taken; the message names the row.</exception>
    public TPanel WithValues(string name, IEnumerable<PanelValue> values, NameScheme key = NameScheme.Iso, string? unit = null, string? meaning = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(values);
        var read = CustomValues.Read(values, key, Settings);
        string label = source ?? "supplied by the caller";
        return With(ColumnFactory.Custom(Settings, name, new CustomSource(Settings.Sources.Length, read, label), unit ?? "as supplied", meaning ?? $"The caller's values ({label})."));
    }

    /// <summary>The column named <paramref name="name"/>, typed for <c>row.Get(column)</c>.</summary>
    /// <exception cref="ArgumentException">The panel has no such column, or it is not of type <typeparamref name="T"/>; the message lists the columns.</exception>
    public PanelColumn<T> Column<T>(string name) where T : struct
    {
        var column = Columns.FirstOrDefault(c => c.Name == name)
            ?? throw new ArgumentException($"The panel has no column '{name}'; it has: {string.Join(", ", Columns.Select(c => c.Name))}.", nameof(name));
        return column as PanelColumn<T> ?? throw new ArgumentException($"The column '{name}' is {column.Type}, not of {typeof(T).Name}.", nameof(name));
    }

    /// <summary>Counts the rows, without computing any column.</summary>
    public long Count()
    {
        var (frame, selected) = _data is { } data ? (data.Frame, data.Selected) : PanelData.FrameOf(Settings);
        return Settings.Dyads ? frame.CountDyadYears(Settings.Directed, selected) : frame.CountStateYears(selected);
    }

    /// <summary>
    /// What the panel is, for a reader of its files: each column's name, meaning, unit, sources (with citation and
    /// licence), release and coverage, and the frame's system, years and as-of year. Computes the panel.
    /// </summary>
    /// <exception cref="InvalidOperationException">A column's coverage cannot be known (a catalog of another release without <see cref="WithRecordCoverage"/>), or a spending measure has figures of several price bases and no basis was named.</exception>
    public PanelDescription Describe() => PanelDescription.Of(Data, Count(), omitted: []);

    /// <summary>
    /// Writes the panel to <c>DIRECTORY/TABLE.EXT</c> in <paramref name="format"/> (CSV, JSON Lines, or Parquet
    /// from <c>DefenseCoop.Export.Parquet</c>), streaming its rows, and its description beside it
    /// (<c>TABLE.description.json</c>). Columns whose sources restrict redistribution (SIPRI's) are written only
    /// when <see cref="ExportOptions.RestrictedSources"/> acknowledges the terms, left out with <c>Omit</c>, and
    /// refuse the export by default.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> or <paramref name="format"/> is null.</exception>
    /// <exception cref="RestrictedSourcesException">A column cites a restricted source and the options do not say what to do; nothing was written.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">The export was cancelled; the table file is deleted.</exception>
    public Task<PanelExportResult> ExportAsync(string directory, ExportFormat format, ExportOptions? options = null, IProgress<ExportProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(format);
        return PanelExport.WriteAsync(Data, Count(), directory, format, options ?? ExportOptions.Default, progress, cancellationToken);
    }

    /// <summary>Reads the rows one at a time, computing the panel's columns first if they have not been.</summary>
    public abstract IEnumerator<TRow> GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The countries the caller named, added to those named before, checked: each a country of the catalog and a state of the system.</summary>
    private protected ImmutableArray<CountryCode> StatesNamed(IEnumerable<CountryRef> countries, string parameter)
    {
        var byCow = Settings.Catalog.CountriesByCowCode(Settings.System);
        var states = byCow.Values.ToHashSet();
        var codes = ImmutableArray.CreateBuilder<CountryCode>();
        foreach (var country in countries)
        {
            var code = Settings.Catalog.CountryOf(country, parameter);
            if (!states.Contains(code)) throw new ArgumentException($"{code} ({Settings.Catalog.NameOf(code)}) is no state of {Settings.System.Name}.", parameter);
            codes.Add(code);
        }
        if (codes.Count == 0) throw new ArgumentException("Name at least one country.", parameter);
        return [.. Settings.Selected, .. codes.Distinct()];
    }
}
