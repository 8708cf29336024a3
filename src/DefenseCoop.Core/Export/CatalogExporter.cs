using System.Collections.Immutable;

namespace DefenseCoop.Export;

/// <summary>
/// Exports a catalog, or the result of a query, as the documented tables of <see cref="ExportTables"/>
/// in a file format (<see cref="ExportFormat.Csv"/>, <see cref="ExportFormat.JsonLines"/>, or Parquet from
/// the <c>DefenseCoop.Export.Parquet</c> package), with an attribution file that lists every source the
/// exported rows cite, with its licence and citation.
/// </summary>
/// <remarks>
/// <para>Each row knows its sources (the <c>sources</c> column). Rows that cite a source whose terms restrict
/// redistribution (<see cref="SourceTerms.Of"/>: SIPRI's databases, COW's National Material Capabilities)
/// leave only on the caller's explicit word, <see cref="ExportOptions.RestrictedSources"/>; by default such an
/// export is refused before anything is written, with a <see cref="RestrictedSourcesException"/> that lists them.</para>
/// <para>Rows stream from the catalog's records to the file: memory does not grow with the size of the
/// export. Before writing, one pass over the rows counts them and collects their sources.</para>
/// </remarks>
/// <example><code>
/// var result = await CatalogExporter.ForCatalog(catalog).WriteToDirectoryAsync("out", ExportFormat.Csv);
/// await CatalogExporter.ForAgreements(catalog, catalog.Agreements.Involving("TR")).WriteToDirectoryAsync("tr", ExportFormat.JsonLines);
/// </code></example>
public sealed class CatalogExporter
{
    /// <summary>The name of the attribution file an export to a directory writes beside its tables.</summary>
    public const string AttributionFileName = "ATTRIBUTION.md";

    private readonly ExportSelection _selection;

    private CatalogExporter(ExportSelection selection) => _selection = selection;

    /// <summary>Exports every table of the whole catalog.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is null.</exception>
    public static CatalogExporter ForCatalog(DefenseCoopCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new(new ExportSelection(catalog)
        {
            Countries = catalog.Countries.All, Organizations = catalog.Organizations.All, People = catalog.People.All, Systems = catalog.Systems.All,
            Agreements = catalog.Agreements, Trade = catalog.Trade, Spending = catalog.Spending, Events = catalog.Events,
        });
    }

    /// <summary>Exports agreements, such as a query's result: the <c>agreements</c>, <c>agreement_parties</c>,
    /// <c>agreement_status_changes</c>, <c>agreement_signatories</c>, <c>reported_values</c>, <c>notes</c> and <c>sources</c> tables. The query runs once per table.</summary>
    /// <param name="catalog">The catalog the agreements belong to, whose sources they cite.</param>
    /// <param name="agreements">The agreements, e.g. <c>catalog.Agreements.Between("TR", "FI")</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CatalogExporter ForAgreements(DefenseCoopCatalog catalog, IEnumerable<Agreement> agreements)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(agreements);
        return new(new ExportSelection(catalog) { Agreements = agreements });
    }

    /// <summary>Exports trade flows: the <c>trade_flows</c>, <c>trade_flow_delivery_years</c>, <c>reported_values</c>, <c>notes</c> and <c>sources</c> tables.</summary>
    /// <param name="catalog">The catalog the flows belong to.</param>
    /// <param name="flows">The flows, e.g. <c>catalog.Trade.From("TR")</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CatalogExporter ForTrade(DefenseCoopCatalog catalog, IEnumerable<TradeFlow> flows)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(flows);
        return new(new ExportSelection(catalog) { Trade = flows });
    }

    /// <summary>Exports spending figures: the <c>spending</c>, <c>notes</c> (of their series) and <c>sources</c> tables (and an empty <c>reported_values</c>).</summary>
    /// <param name="catalog">The catalog the figures belong to.</param>
    /// <param name="observations">The figures, e.g. <c>catalog.Spending.Of("FI")</c>.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CatalogExporter ForSpending(DefenseCoopCatalog catalog, IEnumerable<SpendingObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(observations);
        return new(new ExportSelection(catalog) { Spending = observations });
    }

    /// <summary>Exports events: the <c>events</c>, <c>event_participants</c>, <c>notes</c> and <c>sources</c> tables (and an empty <c>reported_values</c>).</summary>
    /// <param name="catalog">The catalog the events belong to.</param>
    /// <param name="events">The events.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static CatalogExporter ForEvents(DefenseCoopCatalog catalog, IEnumerable<Event> events)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(events);
        return new(new ExportSelection(catalog) { Events = events });
    }

    /// <summary>Gets the tables this export writes, in order (<c>sources</c> last).</summary>
    public ImmutableArray<ExportTable> Tables => [.. ExportTables.All.Where(t => t == ExportTables.Sources || t.Rows.Selected(_selection))];

    /// <summary>
    /// Writes every table to <c>DIRECTORY/TABLE.EXT</c> and the attribution file <see cref="AttributionFileName"/>
    /// beside them, replacing files of those names. The directory is created if needed.
    /// </summary>
    /// <param name="directory">The destination directory.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">Options; <see cref="ExportOptions.Default"/> when null.</param>
    /// <param name="progress">Receives progress per table and every <see cref="ExportOptions.ProgressInterval"/> rows.</param>
    /// <param name="cancellationToken">Stops the export between rows; the file being written is deleted.</param>
    /// <exception cref="ArgumentNullException"><paramref name="directory"/> or <paramref name="format"/> is null.</exception>
    /// <exception cref="RestrictedSourcesException">Rows cite restricted sources and the options do not say what to do with them; nothing was written.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    /// <exception cref="OperationCanceledException">The export was cancelled.</exception>
    public async Task<ExportResult> WriteToDirectoryAsync(string directory, ExportFormat format, ExportOptions? options = null,
        IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(format);
        options ??= ExportOptions.Default;
        var plan = Plan(Tables, options, cancellationToken);
        Directory.CreateDirectory(directory);
        var written = ImmutableArray.CreateBuilder<ExportedTable>();
        long done = 0;
        foreach (var table in plan.Tables)
        {
            string path = Path.Combine(directory, table.Name + format.FileExtension);
            long rows = await WriteFileAsync(plan, table, path, format, options, progress, done, cancellationToken).ConfigureAwait(false);
            done += rows;
            written.Add(new ExportedTable(table, path, rows));
        }
        string attribution = Path.Combine(directory, AttributionFileName);
        var result = new ExportResult(format, written.ToImmutable(), plan.Cited, attribution, plan.OmittedRows);
        await File.WriteAllTextAsync(attribution, Attribution.Write(_selection.Catalog, result), cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Writes one table to a stream, leaving it open. No attribution file is written: the result's
    /// <see cref="ExportResult.Sources"/> lists what the rows cite, and <see cref="Attribution.Write"/> writes it.
    /// </summary>
    /// <param name="table">The table, one of <see cref="Tables"/>.</param>
    /// <param name="stream">The destination.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">Options; <see cref="ExportOptions.Default"/> when null.</param>
    /// <param name="progress">Receives progress every <see cref="ExportOptions.ProgressInterval"/> rows.</param>
    /// <param name="cancellationToken">Stops the export between rows.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">This export does not hold <paramref name="table"/>.</exception>
    /// <exception cref="RestrictedSourcesException">Rows cite restricted sources and the options do not say what to do with them; nothing was written.</exception>
    /// <exception cref="OperationCanceledException">The export was cancelled.</exception>
    public async Task<ExportResult> WriteTableAsync(ExportTable table, Stream stream, ExportFormat format, ExportOptions? options = null,
        IProgress<ExportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(format);
        options ??= ExportOptions.Default;
        RequireTable(table);
        var plan = Plan(PlanTables(table), options, cancellationToken);
        using var rows = table.Rows.Open(table, plan.Selection, plan.Include);
        long count = await format.WriteAsync(rows, stream, Reporter(plan, table, options, progress, 0, cancellationToken), cancellationToken).ConfigureAwait(false);
        return new ExportResult(format, [new ExportedTable(table, null, count)], plan.Cited, null, plan.OmittedRows);
    }

    /// <summary>
    /// Opens the rows of one table for a consumer of one's own (a database's bulk loader, say), after the
    /// same check of licences as an export to files.
    /// </summary>
    /// <param name="table">The table, one of <see cref="Tables"/>.</param>
    /// <param name="options">Options; <see cref="ExportOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="table"/> is null.</exception>
    /// <exception cref="ArgumentException">This export does not hold <paramref name="table"/>.</exception>
    /// <exception cref="RestrictedSourcesException">Rows cite restricted sources and the options do not say what to do with them.</exception>
    public ExportRowReader OpenRows(ExportTable table, ExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        RequireTable(table);
        var plan = Plan(PlanTables(table), options ?? ExportOptions.Default, CancellationToken.None);
        return table.Rows.Open(table, plan.Selection, plan.Include);
    }

    /// <summary>The terms of every source the rows of this export cite, in id order, without writing anything.</summary>
    public ImmutableArray<SourceTerms> CitedSources() =>
        Plan(Tables, new ExportOptions { RestrictedSources = RestrictedSourceHandling.IncludeAndAcknowledgeTerms }, CancellationToken.None).Cited;

    // The sources table lists what the other tables cite, so it is planned with them all.
    private IReadOnlyList<ExportTable> PlanTables(ExportTable table) => table == ExportTables.Sources ? Tables : [table];

    private void RequireTable(ExportTable table)
    {
        if (!Tables.Contains(table))
            throw new ArgumentException($"This export holds the tables {string.Join(", ", Tables.Select(t => t.Name))}, not {table.Name}.", nameof(table));
    }

    private async Task<long> WriteFileAsync(ExportPlan plan, ExportTable table, string path, ExportFormat format, ExportOptions options,
        IProgress<ExportProgress>? progress, long done, CancellationToken cancellationToken)
    {
        using var rows = table.Rows.Open(table, plan.Selection, plan.Include);
        var report = Reporter(plan, table, options, progress, done, cancellationToken);
        progress?.Report(new ExportProgress(table.Name, 0, plan.RowCounts[table], done, plan.TotalRows));
        try
        {
            await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
            long count = await format.WriteAsync(rows, stream, report, cancellationToken).ConfigureAwait(false);
            progress?.Report(new ExportProgress(table.Name, count, plan.RowCounts[table], done + count, plan.TotalRows));
            return count;
        }
        catch
        {
            // A half-written table must not pass for a whole one.
            File.Delete(path);
            throw;
        }
    }

    private static Action<long> Reporter(ExportPlan plan, ExportTable table, ExportOptions options, IProgress<ExportProgress>? progress, long done,
        CancellationToken cancellationToken)
    {
        long tableRows = plan.RowCounts.GetValueOrDefault(table);
        int interval = Math.Max(1, options.ProgressInterval);
        return count =>
        {
            if (count % interval != 0) return;
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new ExportProgress(table.Name, count, tableRows, done + count, plan.TotalRows));
        };
    }

    /// <summary>One pass over the rows: counts them, collects the sources they cite, and applies the licence rule.</summary>
    private ExportPlan Plan(IReadOnlyList<ExportTable> tables, ExportOptions options, CancellationToken cancellationToken)
    {
        var catalog = _selection.Catalog;
        var terms = new Dictionary<SourceId, SourceTerms>();
        SourceTerms TermsOf(SourceId id)
        {
            if (terms.TryGetValue(id, out var t)) return t;
            if (!catalog.Sources.TryGet(id, out var source))
                throw new ArgumentException($"A record cites the source '{id}', which is not in the catalog given to the export.");
            return terms[id] = SourceTerms.Of(source);
        }
        bool Restricted(RowSources sources)
        {
            foreach (var id in sources)
                if (TermsOf(id).Redistribution == Redistribution.Restricted) return true;
            return false;
        }

        var counts = new Dictionary<ExportTable, long>();
        var cited = new HashSet<SourceId>();
        var restricted = new HashSet<SourceId>();
        long restrictedRows = 0, omitted = 0;
        bool omit = options.RestrictedSources == RestrictedSourceHandling.Omit;
        foreach (var table in tables.Where(t => t != ExportTables.Sources))
        {
            long count = 0, seen = 0;
            foreach (var rowSources in table.Rows.CitedSources(_selection))
            {
                if ((++seen & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
                if (Restricted(rowSources))
                {
                    restrictedRows++;
                    foreach (var id in rowSources)
                        if (TermsOf(id).Redistribution == Redistribution.Restricted) restricted.Add(id);
                    if (omit)
                    {
                        omitted++;
                        continue;
                    }
                }
                foreach (var id in rowSources) cited.Add(id);
                count++;
            }
            counts[table] = count;
        }
        if (restrictedRows > 0 && options.RestrictedSources == RestrictedSourceHandling.Refuse)
            throw new RestrictedSourcesException([.. restricted.Order().Select(TermsOf)], restrictedRows);

        var citedTerms = cited.Order().Select(TermsOf).ToImmutableArray();
        var selection = _selection with { CitedSources = [.. citedTerms.Select(t => t.Source)] };
        if (tables.Contains(ExportTables.Sources)) counts[ExportTables.Sources] = citedTerms.Length;
        Func<RowSources, bool>? include = omit ? sources => !Restricted(sources) : null;
        return new ExportPlan(selection, [.. tables], counts, counts.Values.Sum(), citedTerms, include, omitted);
    }

    private sealed record ExportPlan(ExportSelection Selection, ImmutableArray<ExportTable> Tables, Dictionary<ExportTable, long> RowCounts, long TotalRows,
        ImmutableArray<SourceTerms> Cited, Func<RowSources, bool>? Include, long OmittedRows);
}
