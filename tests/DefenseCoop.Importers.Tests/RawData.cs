namespace DefenseCoop.Importers.Tests;

/// <summary>Locates the public datasets beside the repository, for integration tests that skip where they are absent.</summary>
internal static class RawData
{
    /// <summary>The folder holding the raw datasets (<c>../shared/data/raw</c> from the repository root), or null.</summary>
    public static string? Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "DefenseCoop.Core.sln"))) continue;
                string raw = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "raw"));
                return Directory.Exists(raw) ? raw : null;
            }
            return null;
        }
    }

    /// <summary>The path of a raw file, or skips the test saying why.</summary>
    public static string Require(string relative)
    {
        string? folder = Folder;
        string? path = folder is null ? null : Path.Combine(folder, relative);
        Assert.SkipWhen(path is null || !File.Exists(path),
            $"The raw dataset '{relative}' is not present under ../shared/data/raw; this integration test reads it and runs where it is.");
        return path!;
    }

    /// <summary>A fixture file shipped with the tests.</summary>
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
}
