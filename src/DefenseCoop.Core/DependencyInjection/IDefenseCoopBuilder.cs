using Microsoft.Extensions.DependencyInjection;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>
/// Returned by <see cref="DefenseCoopServiceCollectionExtensions.AddDefenseCoop(IServiceCollection)"/> to
/// configure the registered catalog further with the application's services
/// (<see cref="DefenseCoopBuilderExtensions.ConfigureCatalog"/>).
/// </summary>
public interface IDefenseCoopBuilder
{
    /// <summary>Gets the service collection the catalog is registered in.</summary>
    IServiceCollection Services { get; }
}

/// <summary>The builder <c>AddDefenseCoop</c> returns: a view of the service collection, holding nothing else.</summary>
internal sealed class DefenseCoopBuilder(IServiceCollection services) : IDefenseCoopBuilder
{
    public IServiceCollection Services { get; } = services;
}
