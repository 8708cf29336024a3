using System.Text;
using DefenseCoop.Diff;

namespace DefenseCoop.DataCompiler;

/// <summary>
/// <c>diff OLD NEW [--markdown]</c>: what changed between two releases, record by record — every field's
/// old and new value, or (with <c>--markdown</c>) the summary that goes into data/CHANGELOG.md. Each is a
/// version kept in data/releases (<c>2026.1</c>) or the path of a data file; OLD may be <c>--empty</c>
/// for a first release, which has no earlier one to compare with.
/// </summary>
internal static class DiffCommand
{
    /// <summary>Loads both files, prints the diff, and returns 0 (the caller turns an invalid or missing file into 1).</summary>
    public static int Run(string dataDirectory, string oldRelease, string newRelease, bool markdown, TextWriter output)
    {
        var newCatalog = ReleaseHistory.Load(dataDirectory, newRelease);
        var oldCatalog = oldRelease == "--empty" ? Empty(newCatalog) : ReleaseHistory.Load(dataDirectory, oldRelease);
        var diff = CatalogDiff.Compare(oldCatalog, newCatalog);
        output.Write(markdown ? diff.ToMarkdownSummary() : diff.ToText());
        return 0;
    }

    // A data file of no records, with the header of the release it stands before.
    private static DefenseCoopCatalog Empty(DefenseCoopCatalog release)
    {
        string header = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{{\"schemaVersion\":{release.SchemaVersion},\"dataVersion\":\"{release.DataVersion}\",\"released\":\"{release.Released:yyyy-MM-dd}\"}}");
        return DefenseCoopCatalog.Load(new MemoryStream(Encoding.UTF8.GetBytes(header)), "empty catalog");
    }
}
