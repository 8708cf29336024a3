using Microsoft.Extensions.DependencyInjection;

namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>Adds overlays and importers to the catalog registered with <c>AddDefenseCoop</c>.</summary>
public static class DefenseCoopBuilderExtensions
{
    /// <summary>
    /// Adds an overlay, a data file of your own records, to the registered catalog; it is read when the
    /// catalog is first resolved, with the limits of <see cref="DefenseCoopOptions.Limits"/>. See
    /// <see cref="DefenseCoopCatalogBuilder.AddOverlay"/> for how its records add to and replace the release's.
    /// Overlays apply in the order added; a relative path is resolved against the current directory.
    /// </summary>
    /// <remarks>Overlays and importers configure the catalog <c>AddDefenseCoop</c> registers: they have no
    /// effect when the application registered a <see cref="DefenseCoopCatalog"/> of its own.</remarks>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="path">The overlay file.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public static IDefenseCoopBuilder AddOverlay(this IDefenseCoopBuilder builder, string path)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(path);
        DefenseCoopRegistration.AddOverlay(builder.Services, path);
        return builder;
    }

    /// <summary>
    /// Adds an importer to the registered catalog; it runs when the catalog is first resolved, as with
    /// <see cref="DefenseCoopCatalogBuilder.AddImporter"/>. The importers package's extensions
    /// (<c>AddSipriMilex</c>, <c>AddCowNmc</c> ...) call this.
    /// </summary>
    /// <param name="builder">The builder <c>AddDefenseCoop</c> returned.</param>
    /// <param name="importer">Creates the importer, from the application's services if it needs any; called once per catalog built.</param>
    /// <returns>The same builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="importer"/> is null.</exception>
    public static IDefenseCoopBuilder AddImporter(this IDefenseCoopBuilder builder, Func<IServiceProvider, IDataImporter> importer)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(importer);
        DefenseCoopRegistration.AddImporter(builder.Services, importer);
        return builder;
    }
}
