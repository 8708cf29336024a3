using Microsoft.Extensions.DependencyInjection;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>Configures the catalog registered with <c>AddDefenseCoop</c> from the application's services.</summary>
public static class DefenseCoopBuilderExtensions
{
    /// <summary>
    /// Adds a configuration of the registered catalog that needs the application's services (an importer
    /// made from them, say): <paramref name="configure"/> runs on the <see cref="DefenseCoopCatalogBuilder"/>
    /// the catalog is built with, after the configurations registered before it, as
    /// <see cref="DefenseCoopServiceCollectionExtensions.AddDefenseCoop(IServiceCollection, Action{DefenseCoopCatalogBuilder})"/>'s do.
    /// </summary>
    /// <remarks>Configurations have no effect when the application registered a <see cref="DefenseCoopCatalog"/> of its own.</remarks>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="configure">Adds files, overlays, importers or requirements; called once per catalog built, with the application's services.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is null.</exception>
    public static IDefenseCoopBuilder ConfigureCatalog(this IDefenseCoopBuilder builder, Action<IServiceProvider, DefenseCoopCatalogBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        DefenseCoopRegistration.Add(builder.Services, configure);
        return builder;
    }
}
