using DefenseCoop.Diff;

namespace DefenseCoop.DataCompiler;

/// <summary>
/// <c>diff OLD NEW [--markdown]</c>: what changed between two data files, record by record — every field's
/// old and new value, or (with <c>--markdown</c>) the summary that goes into data/CHANGELOG.md.
/// </summary>
internal static class DiffCommand
{
    // Releases and overlay builds can be larger than the loader's default 64 MiB.
    private static readonly DataLimits Limits = new() { MaxFileBytes = int.MaxValue - 1024 };

    /// <summary>Loads both files, prints the diff, and returns 0 (1 when a file is invalid).</summary>
    public static int Run(string oldPath, string newPath, bool markdown, TextWriter output)
    {
        var diff = CatalogDiff.Compare(DefenseCoopCatalog.LoadFile(oldPath, Limits), DefenseCoopCatalog.LoadFile(newPath, Limits));
        output.Write(markdown ? diff.ToMarkdownSummary() : diff.ToText());
        return 0;
    }
}
