using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>Registers <see cref="DefenseCoopCatalog"/> in an <see cref="IServiceCollection"/>.</summary>
/// <remarks>
/// The registration configures the same <see cref="DefenseCoopCatalogBuilder"/> that
/// <see cref="DefenseCoopCatalog.CreateBuilder"/> returns, so every method of that builder, and every
/// importer's extension of it, works the same in both places.
/// </remarks>
/// <example><code>
/// services.AddDefenseCoop(catalog => catalog
///     .RequireMinimumDataVersion(new DataVersion(2026, 1))
///     .AddOverlay("our-deals.json")
///     .AddSipriMilex("SIPRI-Milex-data-1949-2024.xlsx"));   // from the DefenseCoop.Importers package
///
/// // Later, in a service that takes DefenseCoopCatalog catalog and IClock clock:
/// var inForce = catalog.Agreements.Involving("TR").InForceToday(clock);
/// </code></example>
public static class DefenseCoopServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="DefenseCoopCatalog"/> as a singleton, built when first resolved, and NodaTime's
    /// <see cref="IClock"/> (<see cref="SystemClock.Instance"/>) for "as of today" queries such as
    /// <see cref="Querying.AgreementQuery.InForceToday"/>. Registrations already present — the application's
    /// own catalog or clock — are kept, and calling this again adds nothing.
    /// </summary>
    /// <remarks>
    /// <para>With nothing configured, the catalog resolved is <see cref="DefenseCoopCatalog.Default"/> itself,
    /// loaded once per process. Configured (<see cref="AddDefenseCoop(IServiceCollection, Action{DefenseCoopCatalogBuilder})"/>,
    /// <see cref="DefenseCoopBuilderExtensions.ConfigureCatalog"/>), it is what the configured
    /// <see cref="DefenseCoopCatalogBuilder"/> builds.</para>
    /// <para>The data is read on first resolve, and invalid data makes that resolve throw the loader's
    /// <see cref="DefenseCoopDataException"/>, listing every problem. To build it at start-up instead, and
    /// fail there, call <see cref="DefenseCoopServiceProviderExtensions.ValidateDefenseCoopAsync"/> (or
    /// <see cref="DefenseCoopServiceProviderExtensions.ValidateDefenseCoop"/>) on the built provider (the
    /// generic host's <c>ValidateOnStart</c> does not cover this catalog).</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add configurations that need the application's services with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IDefenseCoopBuilder AddDefenseCoop(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(static provider => new DefenseCoopCatalogHolder(provider));
        services.TryAddSingleton(static provider => provider.GetRequiredService<DefenseCoopCatalogHolder>().Get());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        return new DefenseCoopBuilder(services);
    }

    /// <summary>
    /// Registers <see cref="DefenseCoopCatalog"/> as <see cref="AddDefenseCoop(IServiceCollection)"/> does,
    /// and configures the <see cref="DefenseCoopCatalogBuilder"/> it is built with: the same builder, and
    /// the same methods (<c>AddFile</c>, <c>AddOverlay</c>, <c>AddRecords</c>, <c>WithLimits</c>,
    /// <c>RequireMinimumDataVersion</c>, the importers' <c>AddSipriMilex</c>, <c>AddCowNmc</c> ...), as
    /// <see cref="DefenseCoopCatalog.CreateBuilder"/> gives.
    /// </summary>
    /// <remarks>
    /// <para>The catalog starts from the bundled release (<see cref="DefenseCoopCatalogBuilder.AddBundled"/>,
    /// put first) unless the configuration adds a release itself: <c>AddFile("newer.json")</c> builds on that
    /// file instead, as it would with <see cref="DefenseCoopCatalog.CreateBuilder"/>.</para>
    /// <para>Configurations compose: every delegate passed here, across all calls, runs in the order
    /// registered on one fresh builder when the catalog is built, so that each importer reads its file
    /// once per catalog, and a later <c>RequireMinimumDataVersion</c> or <c>WithLimits</c> replaces an earlier one.</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the catalog builder; runs once, when the catalog is first resolved.</param>
    /// <returns>A builder to add configurations that need the application's services with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IDefenseCoopBuilder AddDefenseCoop(this IServiceCollection services, Action<DefenseCoopCatalogBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddDefenseCoop().ConfigureCatalog((_, catalog) => configure(catalog));
    }
}
