using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DefenseCoop.Importers.Csv;
using static DefenseCoop.Importers.Tests.HostileFiles;

namespace DefenseCoop.Importers.Tests;

/// <summary>
/// Feeds the importers seeded mutations of their fixtures — bytes of the file, whole parts of a
/// workbook, cells and attributes of its XML, fields and lines of a CSV file — and requires that only
/// the documented exceptions escape: <see cref="DefenseCoopDataException"/>, and
/// <see cref="IOException"/> (with <see cref="FileNotFoundException"/>) for a file that cannot be read.
/// </summary>
/// <remarks>
/// The seed is fixed, so a failure names the iteration and mutation that reproduce it. To search
/// longer, set <c>IMPORTER_FUZZ_SEED</c> and <c>IMPORTER_FUZZ_ITERATIONS</c> in the environment.
/// </remarks>
public sealed partial class ImporterFuzzTests(ITestOutputHelper output)
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("IMPORTER_FUZZ_SEED"), out int seed) ? seed : 20_261_130;
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("IMPORTER_FUZZ_ITERATIONS"), out int count) ? count : 250;

    private static readonly Lazy<ImportContext> Context = new(() => new ImportContext(DefenseCoopCatalog.Default));

    // Values that have broken readers: overflow when scaled, beyond decimal, not numbers, indexes out of range.
    private static readonly string[] Numbers =
    [
        "", "-1", "0", "-9", "7.9E+28", "79228162514264337593543950335", "1E400", "NaN", "-0", "4294967296", "99999999999999999999",
        "2147483648", "1.5", "1e5", " 12", "0x10", "1,000", "٣", "44197", "1960.0",
    ];

    private static readonly string[] References = ["AAAAA6", "XFE1", "A0", "A1048577", "A-1", "1A", "", "ZZZZZZZZZZZZ99999999999", "A99999999999"];

    private static readonly string[] Fragments =
    [
        "<!DOCTYPE x [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>", "&b;", "&#0;", "<x:c r=\"A1\"><x:v>1</x:v></x:c>", "<x:row r=\"1\">",
        "</x:row>", "<x:f>A1*2</x:f>", " t=\"zzz\"", " t=\"s\"", " t=\"inlineStr\"", " s=\"99999\"", " s=\"-1\"", " r=\"0\"", "]]>", "<", ">", "\"", "\0",
        "<x:is><x:t>text</x:t></x:is>", "<x:sheetData>", "</x:sheetData>",
    ];

    private static readonly string[] Fields =
    [
        "", "\"", "\"\"\"", "\"open", "a\"b", "?", "-9", "0", "-1", "79228162514264337593543950335", "7.9E+28", "1E5", "2201", "1799", "Turkiye", "USSR",
        "unknown supplier(s)", "2019; 2020", "2019;;x", ";", "\r", "\n", "\r\n", "\u00ff", "\ufeff", "Data generated:", "Recipient", "#", "\0", "\n#",
    ];

    private static readonly byte[] Noise = [(byte)'"', (byte)'\r', (byte)'\n', (byte)',', 0, 0xFF, 0xEF, (byte)';', (byte)'?', (byte)'<'];

    private enum Importer { SipriMilex, Nato, ArmsTransfers, Cow, TivSupplierTable, TivRecipientTable }

    [Fact]
    public void MutatedWorkbooks_OnlyDocumentedExceptionsEscape()
    {
        var random = new Random(Seed);
        var fixtures = new[] { ("sipri-milex-mini.xlsx", Importer.SipriMilex), ("nato-mini.xlsx", Importer.Nato) };
        var originals = fixtures.Select(f => (f.Item1, f.Item2, Bytes: File.ReadAllBytes(RawData.Fixture(f.Item1)), Parts: Parts(f.Item1))).ToList();
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < Iterations; i++)
        {
            var (name, importer, bytes, parts) = originals[random.Next(originals.Count)];
            var (description, mutated) = random.Next(10) switch
            {
                0 => MutateBytes(random, bytes),
                1 or 2 => MutateParts(random, parts),
                _ => MutateXml(random, parts),
            };
            Run(importer, mutated, ".xlsx", $"iteration {i}: {name}, {description}", outcomes);
        }
        output.WriteLine($"Seed {Seed}, {Iterations} workbooks: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        // The mutations must reach past the zip: most are refused with issues, some are read.
        Assert.True(outcomes.GetValueOrDefault("refused") > Iterations / 2, string.Join(", ", outcomes));
    }

    [Fact]
    public void MutatedCsvFiles_OnlyDocumentedExceptionsEscape()
    {
        var random = new Random(Seed);
        var fixtures = new[]
        {
            ("sipri-trade-register-sample.csv", Importer.ArmsTransfers), ("cow-nmc-sample.csv", Importer.Cow),
            ("sipri-tiv-supplier-sample.csv", Importer.TivSupplierTable), ("sipri-tiv-recipient-sample.csv", Importer.TivRecipientTable),
        };
        var originals = fixtures.Select(f => (f.Item1, f.Item2, Bytes: File.ReadAllBytes(RawData.Fixture(f.Item1)), Text: CsvText(f.Item1))).ToList();
        var outcomes = new Dictionary<string, int>();
        for (int i = 0; i < Iterations; i++)
        {
            var (name, importer, bytes, text) = originals[random.Next(originals.Count)];
            var (description, mutated) = random.Next(4) switch
            {
                0 => MutateBytes(random, bytes),
                1 => MutateLines(random, text, name),
                _ => MutateFields(random, text, name),
            };
            Run(importer, mutated, ".csv", $"iteration {i}: {name}, {description}", outcomes);
        }
        output.WriteLine($"Seed {Seed}, {Iterations} CSV files: {string.Join(", ", outcomes.Select(o => $"{o.Key} {o.Value}"))}");
        Assert.True(outcomes.GetValueOrDefault("refused") > Iterations / 4, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("imported") > 0, string.Join(", ", outcomes));
    }

    private static void Run(Importer kind, byte[] bytes, string extension, string description, Dictionary<string, int> outcomes)
    {
        using var file = new TempFile(bytes, extension);
        IDataImporter importer = kind switch
        {
            Importer.SipriMilex => new SipriMilexImporter(file.Path),
            Importer.Nato => new NatoDefenceExpenditureImporter(file.Path),
            Importer.ArmsTransfers => new SipriArmsTransfersImporter(file.Path),
            Importer.TivSupplierTable => new SipriArmsTransfersImporter(new SipriArmsTransfersFiles { SupplierTable = file.Path }),
            Importer.TivRecipientTable => new SipriArmsTransfersImporter(new SipriArmsTransfersFiles { RecipientTable = file.Path }),
            _ => new CowNmcImporter(file.Path),
        };
        string outcome;
        try
        {
            importer.Import(Context.Value);
            outcome = "imported";
        }
        catch (DefenseCoopDataException e)
        {
            Assert.All(e.Issues, issue => Assert.Equal(file.Path, issue.File));
            Assert.NotEmpty(e.Issues);
            outcome = "refused";
        }
        catch (IOException)
        {
            outcome = "io";
        }
        catch (Exception e)
        {
            Assert.Fail($"{description}: {e.GetType().Name} escaped the importer: {e}");
            throw;
        }
        outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
    }

    // ---- mutations of bytes ----

    private static (string, byte[]) MutateBytes(Random random, byte[] original)
    {
        byte[] bytes = [.. original];
        switch (random.Next(3))
        {
            case 0:
                int count = random.Next(1, 9);
                for (int k = 0; k < count; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return ($"{count} bytes changed", bytes);
            case 1:
                int length = random.Next(bytes.Length);
                return ($"cut to {length} bytes", bytes[..length]);
            default:
                int at = random.Next(bytes.Length);
                byte[] inserted = [.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => Noise[random.Next(Noise.Length)])];
                return ($"{inserted.Length} bytes inserted at {at}", [.. bytes[..at], .. inserted, .. bytes[at..]]);
        }
    }

    // ---- mutations of a workbook's parts ----

    private static (string, byte[]) MutateParts(Random random, List<(string Name, byte[] Bytes)> original)
    {
        var parts = original.ToList();
        int index = random.Next(parts.Count);
        string name = parts[index].Name;
        string description;
        switch (random.Next(4))
        {
            case 0:
                parts.RemoveAt(index);
                description = $"part {name} removed";
                break;
            case 1:
                parts[index] = (name, parts[index].Bytes[..random.Next(parts[index].Bytes.Length)]);
                description = $"part {name} cut short";
                break;
            case 2:
                var noise = new byte[random.Next(1, 200)];
                random.NextBytes(noise);
                parts[index] = (name, noise);
                description = $"part {name} replaced by {noise.Length} random bytes";
                break;
            default:
                var other = parts[random.Next(parts.Count)];
                parts[index] = (name, other.Bytes);
                description = $"part {name} replaced by {other.Name}";
                break;
        }
        return (description, Zip(parts));
    }

    // ---- mutations of a part's XML: cells, references, attributes, markup ----

    private static (string, byte[]) MutateXml(Random random, List<(string Name, byte[] Bytes)> original)
    {
        var parts = original.ToList();
        var xmlParts = parts.Select((p, i) => (p.Name, i)).Where(p => p.Name.EndsWith(".xml", StringComparison.Ordinal) || p.Name.EndsWith(".rels", StringComparison.Ordinal)).ToList();
        // Sheets and shared strings are where the values are: pick them more often.
        var weighted = xmlParts.Concat(xmlParts.Where(p => p.Name.Contains("sheet", StringComparison.Ordinal) || p.Name.Contains("shared", StringComparison.Ordinal))).ToList();
        var (name, index) = weighted[random.Next(weighted.Count)];
        string xml = Encoding.UTF8.GetString(parts[index].Bytes);
        string description;
        switch (random.Next(5))
        {
            case 0 when Values().Matches(xml) is { Count: > 0 } values:
                var value = values[random.Next(values.Count)];
                string number = Numbers[random.Next(Numbers.Length)];
                xml = Replace(xml, value.Groups[1], number);
                description = $"a value of {name} set to '{number}'";
                break;
            case 1 when ReferenceAttributes().Matches(xml) is { Count: > 0 } references:
                var reference = references[random.Next(references.Count)];
                string replacement = random.Next(2) == 0 ? References[random.Next(References.Length)] : Numbers[random.Next(Numbers.Length)];
                xml = Replace(xml, reference.Groups[2], replacement);
                description = $"the {reference.Groups[1].Value} attribute '{reference.Groups[2].Value}' of {name} set to '{replacement}'";
                break;
            case 2:
                int at = RandomTagBoundary(random, xml);
                string fragment = Fragments[random.Next(Fragments.Length)];
                xml = xml.Insert(at, fragment);
                description = $"'{fragment}' inserted into {name} at {at}";
                break;
            case 3:
                int start = random.Next(xml.Length), length = random.Next(Math.Min(200, xml.Length - start) + 1);
                xml = xml.Remove(start, length);
                description = $"{length} characters of {name} removed at {start}";
                break;
            default:
                int from = random.Next(xml.Length), count = random.Next(Math.Min(400, xml.Length - from) + 1), to = RandomTagBoundary(random, xml);
                xml = xml.Insert(to, xml.Substring(from, count));
                description = $"{count} characters of {name} copied from {from} to {to}";
                break;
        }
        parts[index] = (name, Encoding.UTF8.GetBytes(xml));
        return (description, Zip(parts));
    }

    private static int RandomTagBoundary(Random random, string xml)
    {
        int at = random.Next(xml.Length);
        int tag = xml.IndexOf('<', at);
        return tag < 0 ? at : tag;
    }

    private static string Replace(string text, Group group, string value) =>
        string.Concat(text.AsSpan(0, group.Index), value, text.AsSpan(group.Index + group.Length));

    private static byte[] Zip(List<(string Name, byte[] Bytes)> parts)
    {
        using var file = Workbook(parts);
        return File.ReadAllBytes(file.Path);
    }

    [GeneratedRegex(@"<(?:x:)?v>([^<]*)</(?:x:)?v>")]
    private static partial Regex Values();

    [GeneratedRegex(@"\s(r|s|r:id|Id|sheetId|fontId|fillId|xfId|rgb|indexed|theme|tint)=""([^""]*)""")]
    private static partial Regex ReferenceAttributes();

    // ---- mutations of CSV lines and fields ----

    private static (string, byte[]) MutateLines(Random random, string text, string fixture)
    {
        var lines = text.Split('\n').ToList();
        int index = random.Next(lines.Count);
        string description;
        switch (random.Next(3))
        {
            case 0:
                lines.RemoveAt(index);
                description = $"line {index + 1} removed";
                break;
            case 1:
                lines.Insert(random.Next(lines.Count), lines[index]);
                description = $"line {index + 1} repeated";
                break;
            default:
                int other = random.Next(lines.Count);
                (lines[index], lines[other]) = (lines[other], lines[index]);
                description = $"lines {index + 1} and {other + 1} swapped";
                break;
        }
        return (description, Encode(string.Join('\n', lines), fixture, random));
    }

    private static (string, byte[]) MutateFields(Random random, string text, string fixture)
    {
        var lines = text.Split('\n');
        int index = random.Next(lines.Length);
        var fields = lines[index].Split(',');
        int field = random.Next(fields.Length);
        string value = random.Next(8) == 0 ? new string('9', random.Next(1, 40)) : Fields[random.Next(Fields.Length)];
        fields[field] = value;
        lines[index] = string.Join(',', fields);
        return ($"field {field + 1} of line {index + 1} set to '{value.ReplaceLineEndings("\\n")}'", Encode(string.Join('\n', lines), fixture, random));
    }

    // Mostly in the file's own encoding; sometimes in UTF-8 (with or without a mark) or UTF-16.
    private static byte[] Encode(string text, string fixture, Random random)
    {
        Encoding own = fixture.StartsWith("sipri", StringComparison.Ordinal) ? TextEncodings.Windows1252 : new UTF8Encoding(false);
        Encoding encoding = random.Next(6) switch
        {
            0 => new UTF8Encoding(true),
            1 => new UTF8Encoding(false),
            2 => new UnicodeEncoding(false, true),
            _ => own,
        };
        if (encoding.CodePage == 1252) text = new string([.. text.Select(c => c > 0xFF ? '?' : c)]);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }
}
