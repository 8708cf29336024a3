using System.Globalization;
using System.Text;

namespace DefenseCoop.DataCompiler;

/// <summary>
/// The counts of a release as data/CHANGELOG.md shows them: written by the compiler between markers,
/// never by hand, so that the changelog cannot disagree with the release (a test compares them).
/// </summary>
public static class ReleaseCounts
{
    private static string Start(DataVersion version) => $"<!-- counts {version}: written by the data compiler; do not edit -->";

    private const string End = "<!-- /counts -->";

    /// <summary>The block of counts of <paramref name="release"/>, markers included.</summary>
    public static string Block(DefenseCoopCatalog release)
    {
        var agreements = release.Agreements.ToList();
        int undated = agreements.Count(a => a.SignedOn is null);
        var network = release.Agreements.SelectMany(a => a.Countries)
            .Concat(release.Trade.SelectMany(f => new[] { f.Exporter, f.Importer }).OfType<CountryCode>())
            .Concat(release.Events.SelectMany(e => e.Countries)).Distinct().Count();
        var text = new StringBuilder();
        text.AppendLine(Start(release.DataVersion));
        text.AppendLine("| sources | countries | organizations | people | systems | agreements | trade records | events | spending series | countries in records | partners of Türkiye | agreements without a signing date |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture,
            $"| {release.Sources.Count} | {release.Countries.Count} | {release.Organizations.Count} | {release.People.Count} | {release.Systems.Count} | {agreements.Count} | {release.Content.Trade.Length} | {release.Content.Events.Length} | {release.Content.Spending.Length} | {network} | {release.Partners(CountryCode.Parse("TR")).Count} | {undated} ({(agreements.Count == 0 ? 0 : 100.0 * undated / agreements.Count):0.#} %) |"));
        text.Append(End);
        return text.ToString();
    }

    /// <summary>
    /// <paramref name="changelog"/> with the block of <paramref name="release"/> replaced, or, where the
    /// release has none yet, placed under the release's heading (<c>## VERSION</c>).
    /// </summary>
    /// <exception cref="InvalidDataException">The changelog has neither a block nor a heading for the release.</exception>
    public static string Update(string changelog, DefenseCoopCatalog release)
    {
        string block = Block(release).ReplaceLineEndings("\n");
        string start = Start(release.DataVersion);
        int at = changelog.IndexOf(start, StringComparison.Ordinal);
        if (at >= 0)
        {
            int end = changelog.IndexOf(End, at, StringComparison.Ordinal);
            if (end < 0) throw new InvalidDataException($"The counts of {release.DataVersion} in the changelog have no end marker.");
            return changelog[..at] + block + changelog[(end + End.Length)..];
        }
        string heading = $"## {release.DataVersion} ";
        int line = changelog.IndexOf(heading, StringComparison.Ordinal);
        if (line < 0) throw new InvalidDataException($"The changelog has no heading '## {release.DataVersion} (date)' to put the counts under.");
        int after = changelog.IndexOf('\n', line) + 1;
        return changelog[..after] + "\n" + block + "\n" + changelog[after..];
    }

    /// <summary>The block for <paramref name="version"/> as the changelog has it; null when it has none.</summary>
    public static string? Find(string changelog, DataVersion version)
    {
        int at = changelog.IndexOf(Start(version), StringComparison.Ordinal);
        if (at < 0) return null;
        int end = changelog.IndexOf(End, at, StringComparison.Ordinal);
        return end < 0 ? null : changelog[at..(end + End.Length)];
    }
}
