using Microsoft.Extensions.DependencyInjection;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>
/// Returned by <see cref="DefenseCoopServiceCollectionExtensions.AddDefenseCoop(IServiceCollection)"/> to add
/// overlays (<see cref="DefenseCoopBuilderExtensions.AddOverlay"/>) and importers (the importers package's
/// <c>AddSipriMilex</c>, <c>AddCowNmc</c> ...) to the registered catalog.
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
