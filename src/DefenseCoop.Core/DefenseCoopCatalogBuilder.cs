using System.Collections.Immutable;
using DefenseCoop.Data;
using DefenseCoop.Querying;

namespace DefenseCoop;

/// <summary>
/// Builds a catalog from several parts: the bundled release, data files of your own, and importers
/// that read datasets you downloaded (SIPRI, COW). Everything is validated together when
/// <see cref="Build"/> runs; a part that fails makes the whole build fail, listing every problem.
/// </summary>
/// <remarks>The builder is not thread-safe; the catalog it builds is immutable and thread-safe.</remarks>
public sealed partial class DefenseCoopCatalogBuilder
{
    private readonly List<Part> _files = [];
    private readonly List<IDataImporter> _importers = [];
    private DataLimits _limits = DataLimits.Default;

    internal DefenseCoopCatalogBuilder() { }

    /// <summary>Adds the release bundled with this package.</summary>
    public DefenseCoopCatalogBuilder AddBundled()
    {
        NoteRelease(DefenseCoopCatalog.ResourceName, bundled: true);
        _files.Add(new Part(_ => DataFragment.Bundled(), (_, _) => Task.FromResult(DataFragment.Bundled())));
        return this;
    }

    /// <summary>
    /// Adds a data file in this library's format (a newer release, say); it is read when <see cref="Build"/>
    /// runs. Its ids must not repeat those added before: to replace records, use <see cref="AddOverlay"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public DefenseCoopCatalogBuilder AddFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        NoteRelease(path, bundled: false);
        _files.Add(FilePart(path, overlay: false));
        return this;
    }

    /// <summary>
    /// Adds an overlay: a data file of your own records, read when <see cref="Build"/> runs. A record
    /// with a new id is added; a record with the id of one added before it (the bundled release's, say)
    /// replaces that record only if it says <c>"replaces": true</c>, and otherwise the build fails
    /// listing every conflict. Overlay records may reference bundled ones. Nothing added before is
    /// changed: the build makes a new catalog, and <see cref="DefenseCoopCatalog.OriginOf"/> tells
    /// which file each record came from.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public DefenseCoopCatalogBuilder AddOverlay(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        _files.Add(FilePart(path, overlay: true));
        return this;
    }

    /// <summary>
    /// Adds records you made in code; they are validated with everything else when <see cref="Build"/>
    /// runs, and problems name <paramref name="name"/> and the JSON path the records would have in a data file.
    /// </summary>
    /// <remarks>The records are the catalog's from here on: a collection of yours among them (a
    /// <see cref="Dictionary{TKey, TValue}"/> given as <see cref="Organization.Names"/>, say) is copied now,
    /// so that changing it later changes neither this builder nor the catalogs it builds.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is null.</exception>
    public DefenseCoopCatalogBuilder AddRecords(CatalogRecords records, string name = "records")
    {
        ArgumentNullException.ThrowIfNull(records);
        records = CallerRecords.Owned(records);
        var fragment = DataFragment.FromRecords(name, records);
        _files.Add(new Part(_ => fragment, (_, _) => Task.FromResult(fragment)));
        return this;
    }

    /// <summary>
    /// Adds records that an importer reads from a dataset. Importers run when <see cref="Build"/> does,
    /// against the catalog of the data files and records added (not each other's output), and what they
    /// read is validated with everything else. Collections in the records an importer returns are copied
    /// as they are read, as <see cref="AddRecords"/> copies yours.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="importer"/> is null.</exception>
    public DefenseCoopCatalogBuilder AddImporter(IDataImporter importer)
    {
        ArgumentNullException.ThrowIfNull(importer);
        _importers.Add(new OwningImporter(importer));
        return this;
    }

    /// <summary>Sets the bounds applied to every data file read.</summary>
    public DefenseCoopCatalogBuilder WithLimits(DataLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
        return this;
    }

    /// <summary>Reads, imports and validates every part, and returns the catalog.</summary>
    /// <exception cref="InvalidOperationException">No data file was added (call <see cref="AddBundled"/> or <see cref="AddFile"/>).</exception>
    /// <exception cref="DefenseCoopDataException">Any part is invalid, listing every problem; or the release is older than <see cref="RequireMinimumDataVersion"/> asks.</exception>
    /// <exception cref="FileNotFoundException">A file added does not exist; the message names its path.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public DefenseCoopCatalog Build()
    {
        if (_files.Count == 0) throw NothingToBuild();
        var fragments = _files.Select(part => part.Read(_limits)).ToList();
        var content = DataValidator.ValidateFiles(fragments, _limits);
        if (_importers.Count == 0) return CheckVersion(new DefenseCoopCatalog(content));
        var context = new ImportContext(new DefenseCoopCatalog(content));
        // The files are validated once: the importers' records are checked against what they hold.
        List<DataFragment> imported = [DataFragment.Trust(fragments[0].File, content)];
        imported.AddRange(_importers.Select(importer => DataFragment.FromRecords(importer.Name, importer.Import(context))));
        return CheckVersion(new DefenseCoopCatalog(DataValidator.ValidateFiles(imported, _limits)));
    }

    /// <summary>
    /// Reads, imports and validates every part, like <see cref="Build"/>, reading the files asynchronously
    /// and running each importer's <see cref="IDataImporter.ImportAsync"/>. Validation, which needs no
    /// I/O, runs on the calling thread once the parts are read.
    /// </summary>
    /// <param name="cancellationToken">Stops the reading and importing, and the build between its steps.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="InvalidOperationException">No data file was added (call <see cref="AddBundled"/> or <see cref="AddFile"/>).</exception>
    /// <exception cref="DefenseCoopDataException">Any part is invalid, listing every problem; or the release is older than <see cref="RequireMinimumDataVersion"/> asks.</exception>
    /// <exception cref="FileNotFoundException">A file added does not exist; the message names its path.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<DefenseCoopCatalog> BuildAsync(CancellationToken cancellationToken = default)
    {
        if (_files.Count == 0) throw NothingToBuild();
        var fragments = new List<DataFragment>(_files.Count + _importers.Count);
        foreach (var part in _files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fragments.Add(await part.ReadAsync(_limits, cancellationToken).ConfigureAwait(false));
        }
        cancellationToken.ThrowIfCancellationRequested();
        var content = DataValidator.ValidateFiles(fragments, _limits);
        if (_importers.Count == 0) return CheckVersion(new DefenseCoopCatalog(content));
        var context = new ImportContext(new DefenseCoopCatalog(content));
        // The files are validated once: the importers' records are checked against what they hold.
        List<DataFragment> imported = [DataFragment.Trust(fragments[0].File, content)];
        foreach (var importer in _importers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var records = await importer.ImportAsync(context, cancellationToken).ConfigureAwait(false);
            imported.Add(DataFragment.FromRecords(importer.Name, records));
        }
        cancellationToken.ThrowIfCancellationRequested();
        return CheckVersion(new DefenseCoopCatalog(DataValidator.ValidateFiles(imported, _limits)));
    }

    private static InvalidOperationException NothingToBuild() =>
        new("Add the bundled release or a data file before building: importers and records add to a catalog, they do not make one.");

    private static Part FilePart(string path, bool overlay) => new(
        limits =>
        {
            using var stream = DefenseCoopCatalog.OpenDataFile(path);
            var fragment = DataFragment.Parse(path, DefenseCoopCatalog.ReadBounded(stream, path, limits), limits);
            return overlay ? fragment with { IsOverlay = true } : fragment;
        },
        async (limits, cancellationToken) =>
        {
            var stream = DefenseCoopCatalog.OpenDataFile(path, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = await DefenseCoopCatalog.ReadBoundedAsync(stream, path, limits, cancellationToken).ConfigureAwait(false);
                var fragment = DataFragment.Parse(path, bytes, limits);
                return overlay ? fragment with { IsOverlay = true } : fragment;
            }
        });

    /// <summary>A data file or records added: how to read it, at once or asynchronously.</summary>
    private sealed record Part(Func<DataLimits, DataFragment> Read, Func<DataLimits, CancellationToken, Task<DataFragment>> ReadAsync);
}

/// <summary>Reads records from a dataset a user downloaded, linking them to the catalog's countries and systems.</summary>
public interface IDataImporter
{
    /// <summary>Gets the name used in error messages, usually the file's path.</summary>
    string Name { get; }

    /// <summary>Reads the dataset.</summary>
    /// <param name="context">The catalog built so far, to resolve names against.</param>
    /// <exception cref="DefenseCoopDataException">The dataset is malformed or not of the expected layout.</exception>
    CatalogRecords Import(ImportContext context);

    /// <summary>
    /// Reads the dataset for <see cref="DefenseCoopCatalogBuilder.BuildAsync"/>. An importer whose dataset
    /// is a file reads it asynchronously here; the default runs <see cref="Import"/>.
    /// </summary>
    /// <param name="context">The catalog built so far, to resolve names against.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The records read.</returns>
    /// <exception cref="DefenseCoopDataException">The dataset is malformed or not of the expected layout.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    ValueTask<CatalogRecords> ImportAsync(ImportContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Import(context));
    }
}

/// <summary>What an importer sees of the catalog built so far.</summary>
public sealed class ImportContext
{
    internal ImportContext(DefenseCoopCatalog catalog) => Catalog = catalog;

    /// <summary>Gets the catalog of the data files added so far (and earlier importers' records).</summary>
    public DefenseCoopCatalog Catalog { get; }

    /// <summary>Gets the countries, to resolve the names a dataset uses.</summary>
    public RecordCollection<CountryCode, Country> Countries => Catalog.Countries;

    /// <summary>Gets the defence systems, to link designations to.</summary>
    public RecordCollection<SystemId, DefenseSystem> Systems => Catalog.Systems;
}

/// <summary>
/// Records of any kind to add to a catalog, made in code (<see cref="DefenseCoopCatalogBuilder.AddRecords"/>)
/// or read by an importer (<see cref="IDataImporter"/>); checked by the rules a data file's records are checked by,
/// as the model records they are.
/// </summary>
public sealed record CatalogRecords
{
    /// <summary>Gets sources to add.</summary>
    public ImmutableArray<Source> Sources { get; init; } = [];
    /// <summary>Gets countries to add.</summary>
    public ImmutableArray<Country> Countries { get; init; } = [];
    /// <summary>Gets organizations to add.</summary>
    public ImmutableArray<Organization> Organizations { get; init; } = [];
    /// <summary>Gets people to add.</summary>
    public ImmutableArray<Person> People { get; init; } = [];
    /// <summary>Gets defence systems to add.</summary>
    public ImmutableArray<DefenseSystem> Systems { get; init; } = [];
    /// <summary>Gets agreements to add.</summary>
    public ImmutableArray<Agreement> Agreements { get; init; } = [];
    /// <summary>Gets spending series to add.</summary>
    public ImmutableArray<SpendingSeries> Spending { get; init; } = [];
    /// <summary>Gets trade flows to add.</summary>
    public ImmutableArray<TradeFlow> Trade { get; init; } = [];
    /// <summary>Gets events to add.</summary>
    public ImmutableArray<Event> Events { get; init; } = [];
}
