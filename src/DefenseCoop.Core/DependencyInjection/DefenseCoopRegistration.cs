using Microsoft.Extensions.DependencyInjection;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>
/// One configuration of the catalog, added by <c>AddDefenseCoop(configure)</c> or <c>ConfigureCatalog</c>
/// and registered in the service collection as a singleton instance. Every one runs, in registration
/// order, on one fresh <see cref="DefenseCoopCatalogBuilder"/> when the catalog is built.
/// </summary>
internal sealed class DefenseCoopRegistration(Action<IServiceProvider, DefenseCoopCatalogBuilder> configure)
{
    public Action<IServiceProvider, DefenseCoopCatalogBuilder> Configure { get; } = configure;

    public static void Add(IServiceCollection services, Action<IServiceProvider, DefenseCoopCatalogBuilder> configure) =>
        services.AddSingleton(new DefenseCoopRegistration(configure));

    /// <summary>
    /// The builder every registration configured, in order, starting from the bundled release unless one
    /// of them added a release of its own. A fresh builder per catalog, so that each importer runs once.
    /// </summary>
    public static DefenseCoopCatalogBuilder Configured(IServiceProvider services)
    {
        var builder = DefenseCoopCatalog.CreateBuilder();
        foreach (var registration in services.GetServices<DefenseCoopRegistration>())
            registration.Configure(services, builder);
        builder.StartFromBundledUnlessARelease();
        return builder;
    }

    /// <summary>Builds the catalog, sharing <see cref="DefenseCoopCatalog.Default"/> when nothing but the bundled release was asked for.</summary>
    public static DefenseCoopCatalog Build(IServiceProvider services)
    {
        var builder = Configured(services);
        return builder.IsBundledAlone ? builder.CheckVersion(DefenseCoopCatalog.Default) : builder.Build();
    }

    /// <summary>Builds the catalog as <see cref="Build"/> does, reading its files asynchronously.</summary>
    public static async Task<DefenseCoopCatalog> BuildAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var builder = Configured(services);
        return builder.IsBundledAlone
            ? builder.CheckVersion(DefenseCoopCatalog.Default)
            : await builder.BuildAsync(cancellationToken).ConfigureAwait(false);
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
            return _catalog ??= DefenseCoopRegistration.Build(services);
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
        var catalog = await DefenseCoopRegistration.BuildAsync(services, cancellationToken).ConfigureAwait(false);
        return Interlocked.CompareExchange(ref _catalog, catalog, null) ?? catalog;
    }
}
