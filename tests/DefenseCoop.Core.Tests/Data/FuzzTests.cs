using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DefenseCoop.Data;

namespace DefenseCoop.Tests.Data;

/// <summary>
/// Hostile input: thousands of seeded, deterministic mutations of a small valid file must each be
/// refused with a <see cref="DefenseCoopDataException"/> (never another exception, never a hang), and
/// whatever an independent oracle calls invalid must never become a catalog. Then the problems the
/// fuzzing found, one test each.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int Seed = 20_261_123;
    private const int Cases = 10_000;
    private static readonly TimeSpan PerCaseBudget = TimeSpan.FromSeconds(2);

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _directory = Directory.CreateTempSubdirectory("defensecoop-fuzz-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    // ---- the fuzzer ----

    // A guard against a hang, not a measure of speed: on a loaded two-core machine the run takes minutes.
    [Fact(Timeout = 600_000)]
    public async Task Load_SeededMutations_ThrowOnlyDataExceptions_NeverHang_AndNeverAcceptInvalidFiles()
    {
        var total = Stopwatch.StartNew();
        var report = await Task.Run(() => Fuzz(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{Cases:N0} cases in {total.Elapsed.TotalSeconds:N1} s: {report.Loaded:N0} loaded, {report.Refused:N0} refused; slowest {report.Slowest.TotalMilliseconds:N0} ms (case {report.SlowestCase}, {report.SlowestKind}).");
        output?.WriteLine($"Mutating and judging by the oracle took {report.Preparing.TotalSeconds:N1} s; loading, by kind:");
        foreach (var (kind, count) in report.Kinds.OrderBy(k => k.Key))
            output?.WriteLine($"  {kind}: {count} cases, {report.Times[kind].TotalMilliseconds:N0} ms loading");

        Assert.True(report.Failures.Count == 0,
            $"{report.Failures.Count} of {Cases} cases failed (seed {Seed}):\n" + string.Join("\n", report.Failures.Take(20)));
        Assert.True(report.Slowest < PerCaseBudget, $"Case {report.SlowestCase} ({report.SlowestKind}) took {report.Slowest.TotalMilliseconds:N0} ms.");
        // The mutations must actually exercise both outcomes and every kind.
        Assert.True(report.Refused > Cases / 4, $"only {report.Refused} refused");
        Assert.True(report.Loaded > Cases / 50, $"only {report.Loaded} loaded");
        Assert.True(report.Kinds.Count >= 18, string.Join(", ", report.Kinds.Keys));
        Assert.All(report.Kinds, k => Assert.True(k.Value >= 100, $"{k.Key}: {k.Value} cases"));
    }

    private sealed record Report(List<string> Failures, TimeSpan Slowest, int SlowestCase, string SlowestKind, int Loaded, int Refused, Dictionary<string, int> Kinds,
        Dictionary<string, TimeSpan> Times, TimeSpan Preparing);

    private Report Fuzz(CancellationToken cancellation)
    {
        var random = new Random(Seed);
        var mutator = new Mutator(random, TestData.Minimal());
        var failures = new List<string>();
        var kinds = new Dictionary<string, int>();
        var times = new Dictionary<string, TimeSpan>();
        int loaded = 0, refused = 0, slowestCase = -1;
        string slowestKind = "";
        var slowest = TimeSpan.Zero;
        var preparing = TimeSpan.Zero;
        string baseFile = Path.Combine(_directory, "base.json");
        File.WriteAllBytes(baseFile, mutator.Original);
        string overlayFile = Path.Combine(_directory, "overlay.json");

        // Warm up, so that the per-case budget measures the loader, not the JIT.
        DefenseCoopCatalog.Load(new MemoryStream(mutator.Original), "warm-up.json");

        for (int i = 0; i < Cases; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            long started = Stopwatch.GetTimestamp();
            var mutation = mutator.Next();
            kinds[mutation.Kind] = kinds.GetValueOrDefault(mutation.Kind) + 1;
            string? invalid = Oracle.WhyInvalid(mutation.Bytes, mutation.Limits);
            preparing += Stopwatch.GetElapsedTime(started);
            // One case in eight goes through the builder as an overlay on a valid file.
            bool asOverlay = i % 8 == 7;
            if (asOverlay) File.WriteAllBytes(overlayFile, mutation.Bytes);

            var clock = Stopwatch.StartNew();
            Exception? thrown = null;
            DefenseCoopCatalog? catalog = null;
            try
            {
                catalog = asOverlay
                    ? DefenseCoopCatalog.CreateBuilder().WithLimits(mutation.Limits).AddFile(baseFile).AddOverlay(overlayFile).Build()
                    : DefenseCoopCatalog.Load(new MemoryStream(mutation.Bytes), "fuzz.json", mutation.Limits);
            }
            catch (Exception e)
            {
                thrown = e;
            }
            clock.Stop();
            times[mutation.Kind] = times.GetValueOrDefault(mutation.Kind) + clock.Elapsed;
            if (clock.Elapsed > slowest) (slowest, slowestCase, slowestKind) = (clock.Elapsed, i, mutation.Kind);

            string? failure = thrown switch
            {
                null when invalid is not null => $"a catalog was made from an invalid file ({invalid})",
                null => null,
                DefenseCoopDataException e when e.Issues.IsEmpty => "a DefenseCoopDataException without issues",
                DefenseCoopDataException e when !e.Issues.All(x => x.File == (asOverlay ? overlayFile : "fuzz.json") || (asOverlay && x.File == baseFile)) =>
                    $"an issue names another file: {e.Issues[0]}",
                DefenseCoopDataException => null,
                _ => $"{thrown.GetType().Name}: {thrown.Message}\n{thrown.StackTrace}",
            };
            failure ??= FastReaderDisagrees(mutation);
            if (failure is null && mutation.MustRefuse && catalog is not null)
                failure = "a catalog was made from a file whose content is invalid";
            if (failure is null && mutation.MustLoad && !asOverlay && catalog is null)
                failure = $"a valid file was refused: {thrown!.Message}";
            if (failure is not null)
                failures.Add($"case {i} [{mutation.Kind}{(asOverlay ? ", overlay" : "")}] {mutation.Description}: {failure}\n  bytes: {Preview(mutation.Bytes)}");
            if (catalog is null) refused++;
            else loaded++;
        }
        return new Report(failures, slowest, slowestCase, slowestKind, loaded, refused, kinds, times, preparing);
    }

    // Whatever the fast reader accepts, the serializer must accept too, and read as the same objects.
    private static string? FastReaderDisagrees(Mutation mutation)
    {
        var bytes = mutation.Bytes.AsMemory();
        if (bytes.Span.StartsWith(Bom)) bytes = bytes[Bom.Length..];
        if (DataFileReader.TryRead(bytes.Span, mutation.Limits) is not { } fast) return null;
        try
        {
            var serializer = DataFragment.ParseWithSerializer("fuzz.json", bytes, mutation.Limits).Dto;
            return ModelWriter.Serialize(fast).AsSpan().SequenceEqual(ModelWriter.Serialize(serializer)) ? null : "the fast reader and the serializer read different objects";
        }
        catch (DefenseCoopDataException e)
        {
            return $"the fast reader accepted a file the serializer refuses: {e.Issues[0]}";
        }
    }

    private static string Preview(byte[] bytes) =>
        Convert.ToBase64String(bytes, 0, Math.Min(bytes.Length, 400)) + (bytes.Length > 400 ? $"... ({bytes.Length:N0} bytes)" : "");

    /// <summary>A mutated file, the limits it is read with, and whether it must load.</summary>
    private sealed record Mutation(string Kind, string Description, byte[] Bytes, DataLimits Limits, bool MustLoad = false, bool MustRefuse = false);

    /// <summary>Seeded mutations of one valid document.</summary>
    private sealed class Mutator
    {
        private static readonly string[] Numbers =
        [
            "1e400", "-1e400", "1e-400", "NaN", "-NaN", "Infinity", "-Infinity", "+1", "01", "1.", ".5", "1e", "-", "0x1F",
            "79228162514264337593543950336", "-79228162514264337593543950336", "2147483648", "-2147483649",
            "9223372036854775808", "1" + new string('0', 1000), "0." + new string('1', 500), "3.14", "-0", "1E+2", "1e308",
            "true", "null", "\"12\"", "[]", "{}",
        ];

        private static readonly byte[][] BadUtf8 =
        [
            [0x80], [0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xF8], [0xFE], [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98],
        ];

        private static readonly string[] Values = ["0", "-1", "1.5", "\"\"", "\"text\"", "true", "false", "null", "[]", "{}", "[1,\"a\",null]", "{\"x\":1}", "\"2025-13-45\"", "\"TR\"", "\"tr\""];

        private static readonly string[] Tokens = [",", "]", "}", "{", "[", ":", "\"", "\\", "/*c*/", "//", " ", "\t", "\n", "\0", "\u0001", "'", "\u00A0", "\uFEFF", "\uD83D\uDE00"];

        private readonly Random _random;
        private readonly JsonObject _document;
        private readonly List<(JsonTokenType Type, int Start, int End)> _tokens = [];
        private readonly List<(int Start, int End, string Name)> _properties = [];

        public Mutator(Random random, JsonObject document)
        {
            _random = random;
            _document = document;
            Original = TestData.Bytes(document);
            var reader = new Utf8JsonReader(Original);
            while (reader.Read())
            {
                int start = (int)reader.TokenStartIndex;
                switch (reader.TokenType)
                {
                    case JsonTokenType.String:
                        _tokens.Add((JsonTokenType.String, start, start + reader.ValueSpan.Length + 2));
                        break;
                    case JsonTokenType.Number:
                        _tokens.Add((JsonTokenType.Number, start, start + reader.ValueSpan.Length));
                        break;
                    case JsonTokenType.PropertyName:
                        _tokens.Add((JsonTokenType.PropertyName, start, start + reader.ValueSpan.Length + 2));
                        string name = reader.GetString()!;
                        var copy = reader;
                        copy.Read();
                        copy.Skip();
                        _properties.Add((start, (int)copy.BytesConsumed, name));
                        break;
                }
            }
        }

        public byte[] Original { get; }

        public Mutation Next()
        {
            var limits = _random.Next(10) < 7
                ? DataLimits.Default
                : new DataLimits { MaxDepth = _random.Next(6, 40), MaxStringLength = _random.Next(40, 2_000) };
            if (_random.Next(40) == 0) limits = limits with { MaxFileBytes = Original.Length + _random.Next(-50, 50) };
            int kind = _random.Next(23);
            var mutation = Mutate(kind, limits);
            // Stack a second mutation now and then.
            if (kind < 5 && _random.Next(4) == 0)
            {
                var second = new Mutator(_random, Original, mutation.Bytes);
                mutation = mutation with { Bytes = second.Mutate(_random.Next(5), limits).Bytes, Description = mutation.Description + " + more", MustLoad = false, MustRefuse = false };
            }
            return mutation;
        }

        // A mutator over already-mutated bytes, for the byte-level mutations only.
        private Mutator(Random random, byte[] original, byte[] bytes) : this(random, JsonNode.Parse(original)!.AsObject()) => Original = bytes;

        private Mutation Mutate(int kind, DataLimits limits)
        {
            var bytes = Original;
            int At() => _random.Next(bytes.Length + 1);
            switch (kind)
            {
                case 0:
                {
                    var copy = (byte[])bytes.Clone();
                    int n = _random.Next(1, 5);
                    for (int i = 0; i < n; i++) copy[_random.Next(copy.Length)] = (byte)_random.Next(256);
                    return new("byte flips", $"{n} random bytes", copy, limits);
                }
                case 1:
                {
                    var copy = (byte[])bytes.Clone();
                    int n = _random.Next(1, 4);
                    for (int i = 0; i < n; i++) copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
                    return new("bit flips", $"{n} bits", copy, limits);
                }
                case 2:
                {
                    int length = _random.Next(bytes.Length);
                    return new("truncation", $"cut to {length} bytes", bytes[..length], limits);
                }
                case 3:
                {
                    int start = _random.Next(bytes.Length), length = Math.Min(_random.Next(1, 40), bytes.Length - start);
                    return new("deletion", $"{length} bytes at {start}", [.. bytes[..start], .. bytes[(start + length)..]], limits);
                }
                case 4:
                {
                    int start = _random.Next(bytes.Length), length = Math.Min(_random.Next(1, 80), bytes.Length - start), at = At();
                    return new("splice", $"{length} bytes from {start} to {at}", Insert(bytes, at, bytes[start..(start + length)]), limits);
                }
                case 5:
                {
                    string token = Tokens[_random.Next(Tokens.Length)];
                    int at = At();
                    return new("stray token", $"{Escape(token)} at {at}", Insert(bytes, at, Encoding.UTF8.GetBytes(token)), limits);
                }
                case 6:
                {
                    // Nesting around the limit, or far beyond it, in a property the format does not define.
                    int depth = _random.Next(3) switch { 0 => limits.MaxDepth - 1 + _random.Next(3), 1 => _random.Next(2, 200), _ => _random.Next(1_000, 200_000) };
                    bool objects = _random.Next(2) == 0;
                    var nest = new StringBuilder("\"deep\": ");
                    for (int i = 0; i < depth; i++) nest.Append(objects ? "{\"a\":" : "[");
                    nest.Append('1');
                    for (int i = 0; i < depth; i++) nest.Append(objects ? '}' : ']');
                    nest.Append(',');
                    // The document itself is depth 1, so a nest of depth d makes d + 1.
                    bool fits = depth + 1 <= limits.MaxDepth;
                    return new("deep nesting", $"{depth} {(objects ? "objects" : "arrays")}", Insert(bytes, 1, Encoding.UTF8.GetBytes(nest.ToString())), limits, MustLoad: fits && bytes.Length + nest.Length <= limits.MaxFileBytes);
                }
                case 7:
                {
                    var (_, start, end) = Pick(JsonTokenType.Number);
                    string number = Numbers[_random.Next(Numbers.Length)];
                    if (_random.Next(20) == 0) number = "1" + new string('7', limits.MaxStringLength + _random.Next(-2, 3));
                    return new("numbers", $"{Escape(number)} for {Encoding.UTF8.GetString(bytes[start..end])}", Replace(bytes, start, end, Encoding.UTF8.GetBytes(number)), limits);
                }
                case 8:
                {
                    var (start, end, name) = _properties[_random.Next(_properties.Count)];
                    var copy = bytes[start..end];
                    if (_random.Next(3) == 0)
                    {
                        // The same name, spelled with an escape: still the same name.
                        string escaped = $"\"\\u{(int)name[0]:X4}{name[1..]}\"";
                        copy = [.. Encoding.UTF8.GetBytes(escaped), .. copy[(Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(name)))..]];
                    }
                    return new("duplicate keys", $"'{name}' repeated", Insert(bytes, end, [(byte)',', .. copy]), limits);
                }
                case 9:
                {
                    var node = _document.DeepClone();
                    var (parent, key, index) = PickNode(node);
                    string value = Values[_random.Next(Values.Length)];
                    if (key is not null) parent.AsObject()[key] = JsonNode.Parse(value);
                    else parent.AsArray()[index] = JsonNode.Parse(value);
                    return new("wrong types", $"{Escape(value)} at {parent.GetPath()}{(key is null ? $"[{index}]" : $".{key}")}", TestData.Bytes(node), limits);
                }
                case 10:
                {
                    return _random.Next(4) switch
                    {
                        0 => new("byte order mark", "before the valid file", [.. Bom, .. bytes], limits, MustLoad: bytes.Length + 3 <= limits.MaxFileBytes),
                        1 => new("byte order mark", "twice", [.. Bom, .. Bom, .. bytes], limits),
                        2 => new("byte order mark", "inside", Insert(bytes, 1 + _random.Next(bytes.Length - 1), Bom), limits),
                        _ => new("byte order mark", "UTF-16", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))], limits),
                    };
                }
                case 11:
                {
                    var bad = BadUtf8[_random.Next(BadUtf8.Length)];
                    var (_, start, end) = Pick(JsonTokenType.String);
                    int at = _random.Next(4) == 0 ? At() : start + 1 + _random.Next(end - start - 1);
                    return new("invalid UTF-8", $"{Convert.ToHexString(bad)} at {at}", Insert(bytes, at, bad), limits);
                }
                case 12:
                {
                    // A string around the limit: as a value, a property name, or an unknown property; plain, multi-byte or escaped.
                    int length = limits.MaxStringLength + _random.Next(-2, 3);
                    string unit = _random.Next(4) switch { 0 => "a", 1 => "ş", 2 => "€", _ => "\\u0041" };
                    string text = string.Concat(Enumerable.Repeat(unit, length));
                    int where = _random.Next(3);
                    byte[] mutated = where switch
                    {
                        0 => ReplaceString(bytes, JsonTokenType.String, text),
                        1 => ReplaceString(bytes, JsonTokenType.PropertyName, text),
                        _ => Insert(bytes, 1, Encoding.UTF8.GetBytes($"\"note\": \"{text}\",")),
                    };
                    bool fits = length <= limits.MaxStringLength && mutated.Length <= limits.MaxFileBytes;
                    return new("long strings", $"{length} × {unit} as {(where switch { 0 => "a value", 1 => "a name", _ => "an unknown property" })}", mutated, limits, MustLoad: where == 2 && fits);
                }
                case 13:
                {
                    string escape = new[] { "\\uD800", "\\uDBFF", "\\uDC00", "\\uDFFF", "\\uD800\\uD800", "\\uDC00\\uD800", "\\uD83D\\uDE00", "\\u0000", "\\x41", "\\u12", "\\", "\\q" }[_random.Next(12)];
                    var (type, start, end) = _random.Next(2) == 0 ? Pick(JsonTokenType.String) : Pick(JsonTokenType.PropertyName);
                    int at = start + 1 + _random.Next(end - start - 1);
                    return new("escapes", $"{escape} in a {type}", Insert(bytes, at, Encoding.UTF8.GetBytes(escape)), limits);
                }
                case 14:
                {
                    var (_, start, end) = Pick(JsonTokenType.String);
                    byte control = (byte)_random.Next(0x20);
                    return new("control characters", $"0x{control:X2} in a string", Insert(bytes, start + 1 + _random.Next(end - start - 1), [control]), limits);
                }
                case 15:
                {
                    string tail = new[] { "x", "{}", " {}", "\n[]", "null", ",", "\0", " // comment", "\u00A0" }[_random.Next(9)];
                    return new("trailing content", Escape(tail), [.. bytes, .. Encoding.UTF8.GetBytes(tail)], limits);
                }
                case 16:
                {
                    string text = new[] { "", " ", "\n", "null", "[]", "{}", "\"text\"", "0", "true", "[{}]", "{\"schemaVersion\":1}", "{\"schemaVersion\":2}", "{\"schemaVersion\":-1}", "{\"schemaVersion\":1e10}" }[_random.Next(14)];
                    return new("other documents", Escape(text), Encoding.UTF8.GetBytes(text), limits);
                }
                case 17:
                {
                    // Large arrays: many records of one kind (all duplicates but the first), or long spending series.
                    var node = _document.DeepClone().AsObject();
                    int n = _random.Next(2, 400);
                    if (_random.Next(2) == 0)
                    {
                        var systems = node["systems"]!.AsArray();
                        for (int i = 0; i < n; i++) systems.Add(systems[0]!.DeepClone());
                    }
                    else
                    {
                        var series = node["spending"]![0]!.AsObject();
                        series["years"] = new JsonArray([.. Enumerable.Range(0, n).Select(i => JsonValue.Create(1_000 + i))]);
                        series["values"] = new JsonArray([.. Enumerable.Range(0, n + _random.Next(-1, 2)).Select(i => JsonValue.Create(i * 1.5m))]);
                    }
                    return new("large arrays", $"{n} items", TestData.Bytes(node), limits);
                }
                case 18:
                {
                    // Values out of range for their fields, as well-formed JSON.
                    var node = _document.DeepClone().AsObject();
                    string[] paths = ["schemaVersion", "dataVersion", "released", "countries[0].numeric", "spending[0].years[0]", "spending[0].values[0]", "trade[0].value.amount", "agreements[0].signed", "events[0].until"];
                    string path = paths[_random.Next(paths.Length)];
                    JsonNode value = _random.Next(9) switch
                    {
                        0 => int.MaxValue, 1 => int.MinValue, 2 => 0, 3 => -1, 4 => decimal.MaxValue, 5 => "9999-12-31", 6 => "0000-01-01", 7 => "2026.0", _ => "-2025",
                    };
                    SetPath(node, path, value);
                    if (_random.Next(4) == 0)
                    {
                        // Scaled figures: a value in range that its unit multiplies out of range.
                        string unit = _random.Next(2) == 0 ? "Thousands" : "Millions";
                        node["spending"]![0]!["unit"] = unit;
                        node["spending"]![0]!["values"]![0] = _random.Next(2) == 0 ? decimal.MaxValue / 10 : 1e25m;
                        path += $" and unit {unit}";
                    }
                    return new("out of range", $"{path} = {value.ToJsonString()}", TestData.Bytes(node), limits);
                }
                case 19:
                {
                    // Enumeration text that is not exactly one documented name: what Enum.TryParse would accept.
                    var node = _document.DeepClone().AsObject();
                    var (path, name) = EnumFields[_random.Next(EnumFields.Length)];
                    string text = _random.Next(7) switch
                    {
                        0 => name + ", " + name,
                        1 => name + " ",
                        2 => " " + name,
                        3 => name.ToLowerInvariant(),
                        4 => _random.Next(-1, 20).ToString(System.Globalization.CultureInfo.InvariantCulture),
                        5 => name + "\u200B",
                        _ => name.ToUpperInvariant(),
                    };
                    SetPath(node, path, JsonValue.Create(text)!);
                    return new("enum text", $"{Escape(text)} at {path}", TestData.Bytes(node), limits, MustRefuse: true);
                }
                case 20:
                {
                    // A reference present but blank: an issue, never a silently dropped party or series.
                    var node = _document.DeepClone().AsObject();
                    string[] paths = ["agreements[0].parties[0].country", "agreements[0].parties[1].country", "spending[0].country", "trade[0].exporter",
                        "agreements[0].sources[0]", "events[0].countries[0]", "systems[0].sources[0]", "organizations[0].country"];
                    string path = paths[_random.Next(paths.Length)];
                    string blank = Blanks[_random.Next(Blanks.Length)];
                    SetPath(node, path, JsonValue.Create(blank)!);
                    return new("blank references", $"{Escape(blank)} at {path}", TestData.Bytes(node), limits, MustRefuse: true);
                }
                case 21:
                {
                    // Text only invisible characters make, in required and optional fields alike.
                    var node = _document.DeepClone().AsObject();
                    string[] paths = ["agreements[0].title", "agreements[0].place", "sources[0].publisher", "sources[0].title", "organizations[0].name",
                        "people[0].name", "systems[0].name", "events[0].title", "agreements[0].signatories[0].title"];
                    string path = paths[_random.Next(paths.Length)];
                    string blank = string.Concat(Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Blanks[_random.Next(Blanks.Length)]));
                    SetPath(node, path, JsonValue.Create(blank)!);
                    return new("invisible text", $"{Escape(blank)} at {path}", TestData.Bytes(node), limits, MustRefuse: true);
                }
                default:
                {
                    // Unknown properties of every shape, which the loader ignores but must still bound.
                    var node = _document.DeepClone();
                    var (parent, _, _) = PickNode(node);
                    var target = parent as JsonObject ?? node.AsObject();
                    target["future" + _random.Next(3)] = JsonNode.Parse(Values[_random.Next(Values.Length)]);
                    return new("unknown properties", $"in {target.GetPath()}", TestData.Bytes(node), limits);
                }
            }
        }

        private static readonly (string Path, string Name)[] EnumFields =
        [
            ("agreements[0].kind", "MemorandumOfUnderstanding"), ("agreements[0].parties[0].role", "Party"), ("agreements[0].status[0].status", "Signed"),
            ("agreements[0].areas[0]", "JointProduction"), ("sources[0].kind", "NewsReport"), ("organizations[0].kind", "GovernmentAgency"),
            ("systems[0].category", "Ucav"), ("spending[0].measure", "ShareOfGdp"), ("trade[0].kind", "DefenseExports"), ("events[0].kind", "Exhibition"),
        ];

        private static readonly string[] Blanks = ["", " ", "\t", "\u200B", "\uFEFF", "\u00AD", "\u2060", "\u00A0", "\u3000"];

        private (JsonTokenType Type, int Start, int End) Pick(JsonTokenType type)
        {
            var candidates = _tokens.Where(t => t.Type == type && t.End <= Original.Length).ToList();
            return candidates.Count > 0 ? candidates[_random.Next(candidates.Count)] : (type, 0, Math.Min(2, Original.Length));
        }

        private byte[] ReplaceString(byte[] bytes, JsonTokenType type, string text)
        {
            var (_, start, end) = Pick(type);
            return Replace(bytes, start, end, Encoding.UTF8.GetBytes($"\"{text}\""));
        }

        /// <summary>A random node below the root, with its parent and its key or index.</summary>
        private (JsonNode Parent, string? Key, int Index) PickNode(JsonNode root)
        {
            var all = new List<(JsonNode Parent, string? Key, int Index)>();
            void Walk(JsonNode node)
            {
                if (node is JsonObject o)
                {
                    foreach (var (key, child) in o.ToList())
                    {
                        all.Add((o, key, -1));
                        if (child is not null) Walk(child);
                    }
                }
                else if (node is JsonArray a)
                {
                    for (int i = 0; i < a.Count; i++)
                    {
                        all.Add((a, null, i));
                        if (a[i] is { } child) Walk(child);
                    }
                }
            }
            Walk(root);
            return all[_random.Next(all.Count)];
        }

        private static void SetPath(JsonObject root, string path, JsonNode value)
        {
            JsonNode node = root;
            var parts = path.Replace("]", "").Split('.', '[');
            for (int i = 0; i < parts.Length - 1; i++)
                node = int.TryParse(parts[i], out int index) ? node[index]! : node[parts[i]]!;
            string last = parts[^1];
            if (int.TryParse(last, out int at)) node.AsArray()[at] = value;
            else node[last] = value;
        }

        private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

        private static byte[] Replace(byte[] bytes, int start, int end, byte[] with) => [.. bytes[..start], .. with, .. bytes[end..]];

        private static string Escape(string text) => JsonSerializer.Serialize(text.Length > 40 ? text[..40] + "…" : text);
    }

    /// <summary>
    /// Says whether a file is certainly invalid, by means independent of the loader: a strict UTF-8
    /// decoder, <see cref="JsonDocument"/> with default options, and a walk of the document for repeated
    /// names, depth and string length. (Semantic problems are the validator's own tests' business.)
    /// </summary>
    private static class Oracle
    {
        public static string? WhyInvalid(byte[] bytes, DataLimits limits)
        {
            if (bytes.Length > limits.MaxFileBytes) return "larger than the limit";
            ReadOnlyMemory<byte> text = bytes.AsSpan().StartsWith(Bom) ? bytes.AsMemory(3) : bytes;
            try
            {
                StrictUtf8.GetString(text.Span);
            }
            catch (DecoderFallbackException)
            {
                return "not UTF-8";
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException)
            {
                return "not JSON";
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object) return "not an object";
                try
                {
                    return Walk(document.RootElement, 1, limits);
                }
                catch (InvalidOperationException)
                {
                    return "a string that is not Unicode";
                }
            }
        }

        private static string? Walk(JsonElement element, int depth, DataLimits limits)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    if (depth > limits.MaxDepth) return "too deep";
                    var names = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!names.Add(property.Name)) return $"repeats '{property.Name}'";
                        if (property.Name.Length > limits.MaxStringLength) return "a long name";
                        if (Walk(property.Value, depth + 1, limits) is { } why) return why;
                    }
                    return null;
                case JsonValueKind.Array:
                    if (depth > limits.MaxDepth) return "too deep";
                    foreach (var item in element.EnumerateArray())
                        if (Walk(item, depth + 1, limits) is { } why) return why;
                    return null;
                case JsonValueKind.String:
                    return element.GetString()!.Length > limits.MaxStringLength ? "a long string" : null;
                case JsonValueKind.Number:
                    return element.GetRawText().Length > limits.MaxStringLength ? "a long number" : null;
                default:
                    return null;
            }
        }
    }

    // ---- what the fuzzing found, one test each ----

    // Two problems the fuzzing found in the validator: a series whose country code is invalid, and a
    // value its unit multiplies past decimal.MaxValue, escaped as ArgumentException and OverflowException.
    private static void RefusedWithIssueAt(JsonObject data, string path)
    {
        var refused = TestData.Refuse(data);
        Assert.Contains(refused.Issues, i => i.Path.StartsWith(path, StringComparison.Ordinal));
    }

    [Fact]
    public void SpendingSeries_WithAnInvalidCountryCode_IsRefusedWithADataException()
    {
        var data = TestData.Minimal();
        data["spending"]![0]!["country"] = "Finland";
        RefusedWithIssueAt(data, "$.spending[0].country");
    }

    [Fact]
    public void SpendingSeries_ScaledPastTheDecimalRange_IsRefusedWithADataException()
    {
        var data = TestData.Minimal();
        data["spending"]![0]!["unit"] = "Millions";
        data["spending"]![0]!["values"]![0] = decimal.MaxValue / 10;
        RefusedWithIssueAt(data, "$.spending[0]");
    }


    private static DefenseCoopDataException Refuse(byte[] bytes, DataLimits? limits = null) =>
        Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.Load(new MemoryStream(bytes), "test.json", limits));

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] WithProperty(string json) => Utf8("{ " + json + ",\n" + Encoding.UTF8.GetString(TestData.Bytes(TestData.Minimal()))[1..]);

    [Fact]
    public void ByteOrderMark_AtTheStart_IsAcceptedAndSkipped()
    {
        var catalog = DefenseCoopCatalog.Load(new MemoryStream([.. Bom, .. TestData.Bytes(TestData.Minimal())]), "bom.json");

        Assert.Equal(2, catalog.Countries.Count);
    }

    [Fact]
    public void ByteOrderMark_ElsewhereOrTwice_IsRefused()
    {
        var bytes = TestData.Bytes(TestData.Minimal());
        Assert.Equal(DataRule.MalformedJson, Assert.Single(Refuse([.. Bom, .. Bom, .. bytes]).Issues).Rule);
        Assert.Equal(DataRule.MalformedJson, Assert.Single(Refuse([.. bytes[..1], .. Bom, .. bytes[1..]]).Issues).Rule);
    }

    [Fact]
    public void ByteOrderMark_KeepsLineNumbers()
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["kind"] = "Treaty";
        var plain = Assert.Single(Refuse(TestData.Bytes(data)).Issues);
        var withBom = Assert.Single(Refuse([.. Bom, .. TestData.Bytes(data)]).Issues);
        Assert.Equal(plain, withBom);
    }

    [Theory]
    [InlineData("\"schemaVersion\": 1", "$.schemaVersion", "schemaVersion", 3)]
    [InlineData("\"futureField\": 1, \"futureField\": 2", "$.futureField", "futureField", 1)]
    [InlineData("\"future\": { \"x\": 1, \"\\u0078\": 2 }", "$.future.x", "x", 1)]
    public void DuplicateKeys_AreRefusedNamingTheProperty(string property, string path, string name, int line)
    {
        var issue = Assert.Single(Refuse(WithProperty(property)).Issues);

        Assert.Equal((DataRule.MalformedJson, path, line), (issue.Rule, issue.Path, issue.Line));
        Assert.Contains($"'{name}' appears more than once", issue.Message);
    }

    [Fact]
    public void DuplicateKeys_InObjectsWithManyProperties_AreRefused()
    {
        // Past a few dozen names an object is not compared pair by pair but walked again in full.
        string many = string.Join(", ", Enumerable.Range(0, 100).Select(i => $"\"k{i}\": {i}"));

        var issue = Assert.Single(Refuse(WithProperty($"\"future\": {{ {many}, \"k7\": 0 }}")).Issues);

        Assert.Equal((DataRule.MalformedJson, "$.future.k7"), (issue.Rule, issue.Path));
        Assert.NotNull(DefenseCoopCatalog.Load(new MemoryStream(WithProperty($"\"future\": {{ {many} }}"))));
    }

    [Fact]
    public void DuplicateKeys_InRecordsAndDictionaries_AreRefused()
    {
        string text = Encoding.UTF8.GetString(TestData.Bytes(TestData.Minimal()));
        string names = text.Replace("\"en\": \"Finland\",", "\"en\": \"Finland\", \"en\": \"Suomi\",", StringComparison.Ordinal);
        string record = text.Replace("\"place\": \"Ankara\",", "\"place\": \"Ankara\", \"place\": \"Helsinki\",", StringComparison.Ordinal);
        Assert.NotEqual(text, names);
        Assert.NotEqual(text, record);

        Assert.Equal("$.countries[1].names.en", Assert.Single(Refuse(Utf8(names)).Issues).Path);
        Assert.Equal("$.agreements[0].place", Assert.Single(Refuse(Utf8(record)).Issues).Path);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LongStrings_InUnknownPropertiesAndNames_AreRefused(bool asName)
    {
        string text = new('a', 101);
        string property = asName ? $"\"{text}\": 1" : $"\"future\": [\"short\", \"{text}\"]";

        var issue = Assert.Single(Refuse(WithProperty(property), new DataLimits { MaxStringLength = 100 }).Issues);

        Assert.Equal((DataRule.LimitExceeded, 1), (issue.Rule, issue.Line));
        Assert.Equal(asName ? "$" : "$.future[1]", issue.Path);
        Assert.Contains("101 characters long; the limit is 100", issue.Message);
    }

    [Fact]
    public void LongStrings_AreMeasuredInCharactersAfterUnescaping()
    {
        var limits = new DataLimits { MaxStringLength = 100 };
        // 100 characters in 200 bytes, or in 600 bytes of escapes: within the limit.
        DefenseCoopCatalog.Load(new MemoryStream(WithProperty($"\"future\": \"{new string('ş', 100)}\"")), "test.json", limits);
        DefenseCoopCatalog.Load(new MemoryStream(WithProperty($"\"future\": \"{string.Concat(Enumerable.Repeat("\\u0041", 100))}\"")), "test.json", limits);
        Assert.Equal(DataRule.LimitExceeded, Assert.Single(Refuse(WithProperty($"\"future\": \"{string.Concat(Enumerable.Repeat("\\u0041", 101))}\""), limits).Issues).Rule);
    }

    [Fact]
    public void LongNumbers_AreRefused()
    {
        var issue = Assert.Single(Refuse(WithProperty($"\"future\": 1{new string('0', 100)}"), new DataLimits { MaxStringLength = 100 }).Issues);
        Assert.Equal((DataRule.LimitExceeded, "$.future"), (issue.Rule, issue.Path));
    }

    [Fact]
    public void InvalidUtf8_InAnUnknownProperty_IsRefusedWithItsOffset()
    {
        byte[] bytes = [.. Utf8("{ \"future\": \"a"), 0xC3, 0x28, .. Utf8("\",\n"), .. TestData.Bytes(TestData.Minimal())[1..]];

        var issue = Assert.Single(Refuse(bytes).Issues);

        Assert.Equal((DataRule.MalformedJson, "$.future", 1), (issue.Rule, issue.Path, issue.Line));
        Assert.Contains("not valid UTF-8: the byte 0xC3 at offset 14", issue.Message);
    }

    [Theory]
    [InlineData("\"future\": \"\\uD800\"", "$.future")]
    [InlineData("\"fut\\uDC00ure\": 1", "$")]
    public void UnpairedSurrogateEscapes_AreRefused(string property, string path)
    {
        var issue = Assert.Single(Refuse(WithProperty(property)).Issues);

        Assert.Equal((DataRule.MalformedJson, path), (issue.Rule, issue.Path));
        Assert.Contains("unpaired surrogate", issue.Message);
    }

    [Fact]
    public void NonFiniteAndHugeNumbers_AreRefusedAsMalformed()
    {
        foreach (string number in new[] { "1e400", "NaN", "Infinity", "-Infinity", "79228162514264337593543950336" })
        {
            string text = Encoding.UTF8.GetString(TestData.Bytes(TestData.Minimal())).Replace("\"values\": [\n        2.5\n      ]", $"\"values\": [ {number} ]", StringComparison.Ordinal);
            Assert.Contains(number, text);
            var issue = Assert.Single(Refuse(Utf8(text)).Issues);
            Assert.Equal((DataRule.MalformedJson, "$.spending[0].values[0]"), (issue.Rule, issue.Path));
        }
    }

    [Fact]
    public void Limits_ApplyThroughTheBuilder_ToEveryFile()
    {
        string overlay = Path.Combine(_directory, "overlay.json");
        File.WriteAllBytes(overlay, WithProperty($"\"future\": \"{new string('x', 5001)}\""));
        var limits = new DataLimits { MaxStringLength = 5000 };

        var e = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().WithLimits(limits).AddBundled().AddOverlay(overlay).Build());
        Assert.Equal((overlay, DataRule.LimitExceeded), (Assert.Single(e.Issues).File, e.Issues[0].Rule));

        // The bundled release is trusted, as Default trusts it: limits bound the files read, not the package's
        // own compiled data, although its longest text is over a hundred characters.
        var bundled = DefenseCoopCatalog.CreateBuilder().WithLimits(new DataLimits { MaxStringLength = 100 }).AddBundled().Build();
        Assert.Equal(DefenseCoopCatalog.Default.Agreements.Count(), bundled.Agreements.Count());
        Assert.Contains(bundled.Sources, s => s.Title.Length > 100);
    }

    [Fact]
    public void DataLimits_RefuseValuesThatWouldDisableThem()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLimits { MaxDepth = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLimits { MaxStringLength = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLimits { MaxFileBytes = 0 });
        Assert.Equal((64L * 1024 * 1024, 32, 65_536), (DataLimits.Default.MaxFileBytes, DataLimits.Default.MaxDepth, DataLimits.Default.MaxStringLength));
    }
}
