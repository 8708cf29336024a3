using System.IO.Compression;
using System.Text;
using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.Tests;

/// <summary>Builds small hostile inputs from the fixtures: workbooks with a part changed, removed or added, and CSV text.</summary>
internal static class HostileFiles
{
    /// <summary>The parts of a fixture workbook, in archive order.</summary>
    public static List<(string Name, byte[] Bytes)> Parts(string fixture)
    {
        using var zip = ZipFile.OpenRead(RawData.Fixture(fixture));
        return [.. zip.Entries.Select(e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return (e.FullName, copy.ToArray());
        })];
    }

    /// <summary>Writes parts as a zip archive into a temporary .xlsx file.</summary>
    public static TempFile Workbook(IEnumerable<(string Name, byte[] Bytes)> parts, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in parts)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(bytes);
            }
        }
        return new TempFile(buffer.ToArray(), ".xlsx");
    }

    /// <summary>A fixture workbook with one part's text changed.</summary>
    public static TempFile WithPart(string fixture, string part, Func<string, string> change) =>
        Workbook(Parts(fixture).Select(p => p.Name == part ? (p.Name, Encoding.UTF8.GetBytes(change(Encoding.UTF8.GetString(p.Bytes)))) : p));

    /// <summary>Replaces exactly one occurrence of <paramref name="old"/>, so that a test cannot silently change nothing.</summary>
    public static string ReplaceOnce(this string text, string old, string replacement)
    {
        int at = text.IndexOf(old, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(old, at + 1, StringComparison.Ordinal) < 0, $"'{old}' is not in the text exactly once.");
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + old.Length));
    }

    /// <summary>The text of a fixture CSV file as its importer reads it.</summary>
    public static string CsvText(string fixture) =>
        File.ReadAllText(RawData.Fixture(fixture), fixture.StartsWith("sipri", StringComparison.Ordinal) ? TextEncodings.Windows1252 : Encoding.UTF8);

    /// <summary>Runs an importer on the bundled release, as a catalog builder does.</summary>
    public static DefenseCoopCatalog Import(IDataImporter importer) =>
        DefenseCoopCatalog.CreateBuilder().AddBundled().AddImporter(importer).Build();

    /// <summary>The issues an importer refuses a file with.</summary>
    public static IReadOnlyList<DataIssue> Refusal(IDataImporter importer) =>
        Assert.Throws<DefenseCoopDataException>(() => Import(importer)).Issues;

    /// <summary>The one issue with <paramref name="rule"/> at <paramref name="path"/>, among those of a refusal.</summary>
    public static DataIssue Single(IReadOnlyList<DataIssue> issues, string path, DataRule rule) =>
        Assert.Single(issues, i => i.Path == path && i.Rule == rule);
}
