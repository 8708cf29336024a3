namespace DefenseCoop.Core.Data;

/// <summary>Opens the bundled release's resources, which this assembly holds once for every build of DefenseCoop.Core.</summary>
internal static class ReleaseResources
{
    /// <summary>The resource called <paramref name="name"/> (its logical name), or null if this assembly has none.</summary>
    public static Stream? Open(string name) => typeof(ReleaseResources).Assembly.GetManifestResourceStream(name);
}
