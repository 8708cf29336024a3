using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>
/// One piece of configuration added by <c>AddDefenseCoop</c>, <c>AddOverlay</c> or an importer extension,
/// registered in the service collection as a singleton instance. The catalog applies every one, in
/// registration order, when it is first resolved. Exactly one member is set.
/// </summary>
internal sealed class DefenseCoopRegistration
{
    private DefenseCoopRegistration() { }

    public Action<DefenseCoopOptions>? Configure { get; private init; }

    public string? Overlay { get; private init; }

    public Func<IServiceProvider, IDataImporter>? Importer { get; private init; }

    public static void Add(IServiceCollection services, Action<DefenseCoopOptions> configure) =>
        services.AddSingleton(new DefenseCoopRegistration { Configure = configure });

    public static void AddOverlay(IServiceCollection services, string path) =>
        services.AddSingleton(new DefenseCoopRegistration { Overlay = path });

    public static void AddImporter(IServiceCollection services, Func<IServiceProvider, IDataImporter> importer) =>
        services.AddSingleton(new DefenseCoopRegistration { Importer = importer });
}

/// <summary>The configuration the catalog is built from: a snapshot taken when it is first resolved, immutable from then on.</summary>
internal sealed record DefenseCoopSettings(
    string? DataFile,
    DataVersion? MinimumDataVersion,
    DataLimits Limits,
    ImmutableArray<string> Overlays,
    ImmutableArray<IDataImporter> Importers)
{
    /// <summary>Applies every registration, in order, to fresh options.</summary>
    public static DefenseCoopSettings From(IServiceProvider services)
    {
        var options = new DefenseCoopOptions();
        var overlays = ImmutableArray.CreateBuilder<string>();
        var importers = ImmutableArray.CreateBuilder<IDataImporter>();
        foreach (var registration in services.GetServices<DefenseCoopRegistration>())
        {
            registration.Configure?.Invoke(options);
            if (registration.Overlay is { } overlay) overlays.Add(overlay);
            if (registration.Importer is { } importer)
                importers.Add(importer(services) ?? throw new InvalidOperationException("An importer factory registered with AddImporter returned null."));
        }
        return new(options.DataFile, options.MinimumDataVersion, options.Limits, overlays.ToImmutable(), importers.ToImmutable());
    }

    /// <summary>
    /// Whether the catalog is exactly <see cref="DefenseCoopCatalog.Default"/>: the bundled release read
    /// with the default limits and nothing added. Then the already-loaded catalog is shared, not read again.
    /// </summary>
    public bool IsDefault => DataFile is null && Overlays.IsEmpty && Importers.IsEmpty && Limits == DataLimits.Default;

    /// <summary>Builds (or shares) the catalog and checks its version.</summary>
    public DefenseCoopCatalog Build() => Check(IsDefault ? DefenseCoopCatalog.Default : CreateBuilder().Build());

    /// <summary>Builds (or shares) the catalog, reading its files asynchronously, and checks its version.</summary>
    public async Task<DefenseCoopCatalog> BuildAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Check(IsDefault ? DefenseCoopCatalog.Default : await CreateBuilder().BuildAsync(cancellationToken).ConfigureAwait(false));
    }

    private DefenseCoopCatalogBuilder CreateBuilder()
    {
        var builder = DefenseCoopCatalog.CreateBuilder().WithLimits(Limits);
        if (DataFile is null) builder.AddBundled();
        else builder.AddFile(DataFile);
        foreach (var overlay in Overlays) builder.AddOverlay(overlay);
        foreach (var importer in Importers) builder.AddImporter(importer);
        return builder;
    }

    private DefenseCoopCatalog Check(DefenseCoopCatalog catalog)
    {
        if (MinimumDataVersion is { } minimum && catalog.DataVersion < minimum)
        {
            string file = DataFile ?? DefenseCoopCatalog.ResourceName;
            string remedy = DataFile is null
                ? "Update the DefenseCoop.Core package, or set DefenseCoopOptions.DataFile to a newer release."
                : "Point DefenseCoopOptions.DataFile to a newer release.";
            throw new DefenseCoopDataException([new DataIssue(file, "$.dataVersion", null, DataRule.InvalidValue,
                $"The data is release {catalog.DataVersion}, older than release {minimum} that this application requires (DefenseCoopOptions.RequireMinimumDataVersion). {remedy}")]);
        }
        return catalog;
    }
}

/// <summary>
/// Holds the catalog that <c>AddDefenseCoop</c> registers, so that it can be built either on first
/// resolve or ahead of it, asynchronously, by <see cref="DefenseCoopServiceProviderExtensions.ValidateDefenseCoopAsync"/>.
/// </summary>
internal sealed class DefenseCoopCatalogHolder(IServiceProvider services)
{
    private readonly Lock _gate = new();
    private DefenseCoopCatalog? _catalog;

    /// <summary>The catalog, built now unless it was built before.</summary>
    public DefenseCoopCatalog Get()
    {
        if (Volatile.Read(ref _catalog) is { } built) return built;
        lock (_gate)
        {
            return _catalog ??= DefenseCoopSettings.From(services).Build();
        }
    }

    /// <summary>
    /// The catalog, built now with its files read asynchronously unless it was built before. A build that
    /// fails or is cancelled leaves nothing behind: the next call builds again. Should two builds overlap,
    /// the first to finish is kept, so that every caller sees one catalog.
    /// </summary>
    public async Task<DefenseCoopCatalog> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _catalog) is { } built) return built;
        var catalog = await DefenseCoopSettings.From(services).BuildAsync(cancellationToken).ConfigureAwait(false);
        return Interlocked.CompareExchange(ref _catalog, catalog, null) ?? catalog;
    }
}
