namespace DefenseCoop.Repository.Tests;

/// <summary>Paths in the repository these tests run from.</summary>
internal static class Repository
{
    /// <summary>Gets the repository's root: the folder holding DefenseCoop.Core.sln above the test's output.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Gets the folder of the public datasets beside the repository (<c>../shared/data/raw</c>), or null where absent.</summary>
    public static string? RawData
    {
        get
        {
            string raw = Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "raw"));
            return Directory.Exists(raw) ? raw : null;
        }
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "DefenseCoop.Core.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No DefenseCoop.Core.sln above {AppContext.BaseDirectory}.");
    }
}
