using Microsoft.Extensions.DependencyInjection;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>Checks the registered catalog's configuration and data at start-up.</summary>
public static class DefenseCoopServiceProviderExtensions
{
    /// <summary>
    /// Builds the catalog registered with <c>AddDefenseCoop</c> now, so that invalid configuration or data
    /// fails at start-up rather than at the first request. Call it once the provider (or host) is built;
    /// it is needed because the generic host's <c>ValidateOnStart</c> does not run for this catalog, and a
    /// plain <c>BuildServiceProvider()</c> runs no validation at all. The catalog built is the singleton
    /// later resolves return.
    /// </summary>
    /// <param name="services">The built service provider (e.g. <c>host.Services</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid or older than <see cref="DefenseCoopCatalogBuilder.RequireMinimumDataVersion"/> asks; lists every problem.</exception>
    /// <exception cref="IOException">A configured file cannot be read.</exception>
    /// <exception cref="InvalidOperationException"><c>AddDefenseCoop</c> was not called.</exception>
    public static void ValidateDefenseCoop(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetRequiredService<DefenseCoopCatalog>();
    }

    /// <summary>
    /// Builds the catalog registered with <c>AddDefenseCoop</c> now, reading its data file, overlays and
    /// importers' datasets asynchronously, so that the application starts with the catalog ready and
    /// invalid configuration or data fails at start-up. The catalog built is the singleton later resolves
    /// return. Call it once the provider (or host) is built, before serving requests:
    /// <code>
    /// var app = builder.Build();
    /// await app.Services.ValidateDefenseCoopAsync(cancellationToken);
    /// await app.RunAsync();
    /// </code>
    /// A build that fails or is cancelled leaves nothing behind: a later call, or the first resolve, builds again.
    /// </summary>
    /// <param name="services">The built service provider (e.g. <c>host.Services</c>).</param>
    /// <param name="cancellationToken">Stops the build.</param>
    /// <returns>The catalog, as later resolves return it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid or older than <see cref="DefenseCoopCatalogBuilder.RequireMinimumDataVersion"/> asks; lists every problem.</exception>
    /// <exception cref="IOException">A configured file cannot be read.</exception>
    /// <exception cref="InvalidOperationException"><c>AddDefenseCoop</c> was not called.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<DefenseCoopCatalog> ValidateDefenseCoopAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        // Without the holder the catalog is not ours to build (or AddDefenseCoop was not called): resolving
        // says which, as ValidateDefenseCoop does.
        if (services.GetService<DefenseCoopCatalogHolder>() is { } holder)
            await holder.GetAsync(cancellationToken).ConfigureAwait(false);
        return services.GetRequiredService<DefenseCoopCatalog>();
    }
}
