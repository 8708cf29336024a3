using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace DefenseCoop.Importers.Xlsx;

// The zip package checked before any part is parsed: declared sizes, compression ratios, and relationships to missing parts.
internal sealed partial class XlsxWorkbook
{
    // The sizes a zip directory declares are the sizes .NET's zip reader inflates each entry to, no
    // more: a part that claims less than it holds is cut short (and then fails to parse), so checking
    // the declared sizes bounds what reading can cost.
    private static void CheckPackage(Stream stream, WorkbookIssues issues, ImportLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                string part = "/" + entry.FullName;
                long size = entry.Length, compressed = entry.CompressedLength;
                if (size < 0 || compressed < 0) throw issues.FatalInPart(part, DataRule.InvalidValue, "The zip directory gives the part a negative size.");
                if (size > limits.MaxPartBytes)
                    throw issues.FatalInPart(part, DataRule.LimitExceeded, Invariant($"The part expands to {size:N0} bytes; the limit (ImportLimits.MaxPartBytes) is {limits.MaxPartBytes:N0}."));
                if (size > RatioGraceBytes && size / Math.Max(compressed, 1) >= limits.MaxCompressionRatio)
                    throw issues.FatalInPart(part, DataRule.LimitExceeded, Invariant(
                        $"The part expands from {compressed:N0} to {size:N0} bytes, {size / Math.Max(compressed, 1):N0} times; the limit (ImportLimits.MaxCompressionRatio) is {limits.MaxCompressionRatio:N0} times. This is how zip bombs are made."));
                total += size;
                if (total > limits.MaxUncompressedBytes)
                    throw issues.FatalInPart(part, DataRule.LimitExceeded, Invariant(
                        $"The parts up to this one expand to {total:N0} bytes together; the limit (ImportLimits.MaxUncompressedBytes) is {limits.MaxUncompressedBytes:N0}."));
            }
            CheckRelationships(zip, issues);
        }
        catch (InvalidDataException e)
        {
            throw NotAWorkbook(issues, e.Message);
        }
    }

    // A relationship to a part the package lacks makes the package reader fail without naming the
    // part; find it first, so that the issue can. Relationship parts are small (their sizes are checked
    // above) and are read with the same XML rules as every part: no DTD.
    private static void CheckRelationships(ZipArchive zip, WorkbookIssues issues)
    {
        var names = new HashSet<string>(zip.Entries.Select(e => "/" + e.FullName), StringComparer.OrdinalIgnoreCase);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var entry in zip.Entries)
        {
            string part = "/" + entry.FullName;
            if (!part.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)) continue;
            // "/xl/_rels/workbook.xml.rels" describes "/xl/workbook.xml": targets are relative to "/xl/".
            int rels = part.LastIndexOf("/_rels/", StringComparison.OrdinalIgnoreCase);
            if (rels < 0) continue;
            var baseUri = new Uri("pack://package" + part[..(rels + 1)]);
            try
            {
                using var stream = entry.Open();
                using var reader = XmlReader.Create(stream, settings);
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship") continue;
                    if (string.Equals(reader.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase)) continue;
                    string? target = reader.GetAttribute("Target");
                    if (string.IsNullOrEmpty(target) || !Uri.TryCreate(baseUri, target, out var resolved) || resolved.Scheme != "pack") continue;
                    string name = Uri.UnescapeDataString(resolved.AbsolutePath);
                    if (!names.Contains(name))
                        throw issues.FatalInPart(part, DataRule.MissingValue,
                            $"The relationship '{Shorten(reader.GetAttribute("Id") ?? "")}' names the part {Shorten(name)}, which the package does not have.");
                }
            }
            catch (XmlException e)
            {
                throw issues.FatalInPart(part, DataRule.InvalidValue, $"The part is malformed: {Describe(e)}");
            }
        }
    }
}
