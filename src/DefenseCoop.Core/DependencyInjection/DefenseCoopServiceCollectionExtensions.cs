using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>Registers <see cref="DefenseCoopCatalog"/> in an <see cref="IServiceCollection"/>.</summary>
/// <example><code>
/// services.AddDefenseCoop(o => o.RequireMinimumDataVersion = "2026.1")
///         .AddOverlay("our-deals.json")
///         .AddSipriMilex("SIPRI-Milex-data-1949-2024.xlsx");   // from the DefenseCoop.Importers package
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
    /// loaded once per process. With options, overlays or importers it is built from the release (or
    /// <see cref="DefenseCoopOptions.DataFile"/>) plus every overlay and importer added on the returned
    /// builder, in the order added.</para>
    /// <para>The data is read on first resolve, and invalid data makes that resolve throw the loader's
    /// <see cref="DefenseCoopDataException"/>, listing every problem. To build it at start-up instead, and
    /// fail there, call <see cref="DefenseCoopServiceProviderExtensions.ValidateDefenseCoopAsync"/> (or
    /// <see cref="DefenseCoopServiceProviderExtensions.ValidateDefenseCoop"/>) on the built provider (the
    /// generic host's <c>ValidateOnStart</c> does not cover this catalog).</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to add overlays and importers with.</returns>
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
    /// and configures it. Configuration composes: every delegate passed here, across all calls, runs in
    /// the order registered on the same <see cref="DefenseCoopOptions"/> when the catalog is first resolved,
    /// so a later call overrides only what it sets.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; runs once, when the catalog is first resolved.</param>
    /// <returns>A builder to add overlays and importers with.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is null.</exception>
    public static IDefenseCoopBuilder AddDefenseCoop(this IServiceCollection services, Action<DefenseCoopOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddDefenseCoop();
        DefenseCoopRegistration.Add(services, configure);
        return builder;
    }
}
