using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using DefenseCoop.Querying;

namespace DefenseCoop.Tests.Data;

/// <summary>
/// Files written to make the loader drop records, accept wrong values, take quadratic time or exhaust
/// memory: each must be refused with an issue (or loaded correctly) in time and memory proportional to it.
/// </summary>
public class HostileInputTests
{
    // ---- nothing silently dropped ----

    [Theory]
    [InlineData("organization", "")]
    [InlineData("organization", " ")]
    [InlineData("country", " ")]
    [InlineData("country", "")]
    [InlineData("country", "\u200B")]
    public void BlankParty_IsAnIssue_NotADroppedAgreement(string property, string blank)
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["parties"] = new JsonArray(new JsonObject { [property] = blank, ["role"] = "Party" });

        var issue = Assert.Single(TestData.Refuse(data).Issues);

        Assert.Equal((DataRule.MissingValue, $"$.agreements[0].parties[0].{property}"), (issue.Rule, issue.Path));
    }

    [Fact]
    public void BlankSeriesCountry_IsAnIssue_NotADroppedSeries()
    {
        var data = TestData.Minimal();
        data["spending"]![0]!["country"] = "";

        Assert.Contains(TestData.Refuse(data).Issues, i => i.Path == "$.spending[0].country" && i.Rule == DataRule.MissingValue);
    }

    [Theory]
    [InlineData("place")]
    [InlineData("signed")]
    [InlineData("partOf")]
    public void BlankOptionalValue_IsAnIssue_ButOmittingItIsFine(string property)
    {
        var data = TestData.Minimal();
        data["agreements"]![0]![property] = "  ";
        Assert.Equal($"$.agreements[0].{property}", Assert.Single(TestData.Refuse(data).Issues).Path);

        data["agreements"]![0]!.AsObject().Remove(property);
        Assert.Single(TestData.Load(data).Agreements);
    }

    [Theory]
    [InlineData("\u200B")]
    [InlineData("\uFEFF")]
    [InlineData("\u00AD")]
    [InlineData("\u200B \u2060\u00A0")]
    public void RequiredText_OfOnlyInvisibleCharacters_IsRefused(string invisible)
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["title"] = invisible;

        var issue = Assert.Single(TestData.Refuse(data).Issues);

        Assert.Equal((DataRule.MissingValue, "$.agreements[0].title"), (issue.Rule, issue.Path));
    }

    [Fact]
    public void TextWithInvisibleCharactersAmongVisibleOnes_IsKept()
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["title"] = "Defence\u00AD industry MoU";

        Assert.Equal("Defence\u00AD industry MoU", Assert.Single(TestData.Load(data).Agreements).Title);
    }

    // ---- enumerations: exactly the documented names ----

    [Theory]
    [InlineData("agreements[0].status[0].status", "Signed, Ratified")]
    [InlineData("agreements[0].parties[0].role", "Imposer, Party")]
    [InlineData("agreements[0].kind", "MemorandumOfUnderstanding, DefenseCooperationAgreement")]
    [InlineData("agreements[0].parties[0].role", "Target ")]
    [InlineData("agreements[0].parties[0].role", " Party")]
    [InlineData("agreements[0].parties[0].role", "party")]
    [InlineData("agreements[0].parties[0].role", "1")]
    [InlineData("agreements[0].areas[0]", "4")]
    [InlineData("trade[0].kind", "DefenseExports\u200B")]
    public void EnumText_OtherThanADocumentedName_IsRefused(string path, string text)
    {
        var data = TestData.Minimal();
        SetPath(data, path, text);

        var issue = Assert.Single(TestData.Refuse(data).Issues);

        Assert.Equal((DataRule.InvalidEnumValue, "$." + path), (issue.Rule, issue.Path));
    }

    // ---- plausible ranges ----

    [Theory]
    [InlineData("0000-01-01")]
    [InlineData("-0001-01-01")]
    [InlineData("1799-12-31")]
    [InlineData("2201-01-01")]
    public void ReleaseDate_OutsideThePlausibleYears_IsRefused(string released)
    {
        var data = TestData.Minimal();
        data["released"] = released;

        var issue = Assert.Single(TestData.Refuse(data).Issues);

        Assert.Equal((DataRule.InvalidDate, "$.released"), (issue.Rule, issue.Path));
    }

    [Theory]
    [InlineData("orderYear", int.MinValue, "$.trade[0].deal.orderYear")]
    [InlineData("orderYear", 1799, "$.trade[0].deal.orderYear")]
    [InlineData("numberOrdered", int.MaxValue, "$.trade[0].deal")]
    [InlineData("tivDelivered", -1, "$.trade[0].deal.tivDelivered")]
    public void DealValues_OutOfRange_AreRefused(string property, int value, string path)
    {
        var data = WithDeal();
        data["trade"]![0]!["deal"]![property] = value;

        Assert.Contains(TestData.Refuse(data).Issues, i => i.Rule == DataRule.InvalidValue && i.Path == path);
    }

    [Fact]
    public void DeliveryYears_OutOfRange_AreEachRefused()
    {
        var data = WithDeal();
        data["trade"]![0]!["deal"]!["deliveryYears"] = new JsonArray(0, -5, 2020);

        var issues = TestData.Refuse(data).Issues;

        Assert.Equal(["$.trade[0].deal.deliveryYears[0]", "$.trade[0].deal.deliveryYears[1]"], issues.Select(i => i.Path));
    }

    [Fact]
    public void Dates_OutsideThePlausibleYears_AreRefused()
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["signed"] = "0001-06-02";

        var issue = Assert.Single(TestData.Refuse(data).Issues);

        Assert.Equal((DataRule.InvalidDate, "$.agreements[0].signed"), (issue.Rule, issue.Path));
    }

    // ---- accepted data never makes a query throw ----

    [Theory]
    [InlineData("trade[0].value.amount")]
    [InlineData("spending[0].values[0]")]
    [InlineData("trade[0].deal.tivDelivered")]
    [InlineData("trade[0].quantity.amount")]
    public void Amounts_BeyondTheMaximum_AreRefused(string path)
    {
        var data = WithDeal();
        data["trade"]![0]!["quantity"] = new JsonObject { ["amount"] = 1, ["unit"] = "t" };
        SetPath(data, path, decimal.MaxValue);

        Assert.Contains(TestData.Refuse(data).Issues, i => i.Rule == DataRule.InvalidValue && i.Path == "$." + path);
    }

    [Fact]
    public void TradeValues_ThatWouldAddUpPastTheDecimalRange_AreRefused()
    {
        var data = WithDeal();
        var trade = data["trade"]!.AsArray();
        trade[0]!["value"]!["amount"] = ValueRanges.MaxAmount;
        trade[0]!["deal"]!["tivDelivered"] = ValueRanges.MaxAmount;
        int n = (int)(decimal.MaxValue / ValueRanges.MaxAmount) + 1;
        for (int i = 1; i < n; i++)
        {
            var flow = trade[0]!.DeepClone();
            flow["id"] = $"flow-{i}";
            trade.Add(flow);
        }

        var issues = TestData.Refuse(data).Issues;

        Assert.Equal([$"$.trade[{n - 1}].deal.tivDelivered", $"$.trade[{n - 1}].value.amount"], issues.Select(i => i.Path).Order());
    }

    [Fact]
    public void Aggregates_OfTheLargestAcceptedAmounts_DoNotOverflow()
    {
        var data = WithDeal();
        var trade = data["trade"]!.AsArray();
        var spending = data["spending"]!.AsArray();
        trade[0]!["value"]!["amount"] = ValueRanges.MaxAmount;
        trade[0]!["deal"]!["tivDelivered"] = ValueRanges.MaxAmount;
        spending[0]!["values"] = new JsonArray(ValueRanges.MaxAmount);
        for (int i = 1; i < 50; i++)
        {
            var flow = trade[0]!.DeepClone();
            flow["id"] = $"flow-{i}";
            trade.Add(flow);
            var series = spending[0]!.DeepClone();
            series["id"] = $"series-{i}";
            spending.Add(series);
        }

        var catalog = TestData.Load(data);

        Assert.Equal(50 * ValueRanges.MaxAmount, Assert.Single(catalog.Trade.Totals()).Amount);
        Assert.Equal(50 * ValueRanges.MaxAmount, catalog.Trade.TivDelivered().Millions);
        Assert.Equal(ValueRanges.MaxAmount, Assert.Single(catalog.Spending.Of("FI").Reconcile(ReconciliationPolicy.Median)).Value);
    }

    // ---- no quadratic time, whatever the order ----

    [Fact]
    public void StatusHistory_InDescendingOrder_LoadsInNLogNTime()
    {
        static byte[] File(int n)
        {
            var data = TestData.Minimal();
            var status = new JsonArray();
            var day = new NodaTime.LocalDate(2200, 1, 1);
            for (int i = 0; i < n; i++) status.Add(new JsonObject { ["status"] = "Signed", ["date"] = day.PlusDays(-i).ToString("uuuu-MM-dd", null), ["sources"] = new JsonArray("report") });
            data["agreements"]![0]!["status"] = status;
            return TestData.Bytes(data);
        }

        var catalog = AssertGrowsAsNLogN(n =>
        {
            byte[] bytes = File(n);
            return () => DefenseCoopCatalog.Load(new MemoryStream(bytes), "test.json");
        }, 5_000);
        var history = Assert.Single(catalog.Agreements).StatusHistory;
        Assert.True(history.Zip(history.Skip(1)).All(p => p.First.Date <= p.Second.Date), "the history is in date order");
    }

    [Fact]
    public void Overlay_ReplacingRecordsInReverseOrder_BuildsInNLogNTime()
    {
        // A base file with n trade records, and an overlay replacing every one of them, last first.
        static (byte[] Base, byte[] Overlay) Files(int n)
        {
            var data = TestData.Minimal();
            var baseTrade = new JsonArray();
            var overlayTrade = new JsonArray();
            for (int i = 0; i < n; i++)
                baseTrade.Add(new JsonObject { ["id"] = $"t-{i}", ["kind"] = "DefenseExports", ["exporter"] = "FI", ["commodity"] = "steel", ["sources"] = new JsonArray("report") });
            for (int i = n - 1; i >= 0; i--)
                overlayTrade.Add(new JsonObject { ["id"] = $"t-{i}", ["replaces"] = true, ["kind"] = "DefenseExports", ["exporter"] = "TR", ["commodity"] = "steel", ["sources"] = new JsonArray("report") });
            data["trade"] = baseTrade;
            var overlay = new JsonObject { ["schemaVersion"] = 1, ["dataVersion"] = "2026.1", ["released"] = "2026-11-23", ["trade"] = overlayTrade };
            return (TestData.Bytes(data), TestData.Bytes(overlay));
        }

        string directory = Directory.CreateTempSubdirectory("defensecoop-overlay-").FullName;
        try
        {
            var catalog = AssertGrowsAsNLogN(n =>
            {
                var (baseFile, overlay) = Files(n);
                string basePath = Path.Combine(directory, $"base-{n}.json"), overlayPath = Path.Combine(directory, $"overlay-{n}.json");
                File.WriteAllBytes(basePath, baseFile);
                File.WriteAllBytes(overlayPath, overlay);
                return () => DefenseCoopCatalog.CreateBuilder().AddFile(basePath).AddOverlay(overlayPath).Build();
            }, 10_000);
            Assert.Equal(40_000, catalog.Trade.Count());
            Assert.All(catalog.Trade, t => Assert.Equal(CountryCode.Parse("TR"), t.Exporter));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Loads inputs of n and 4n records (each the fastest of three runs) and requires the time to grow
    /// by less than 9 times: n log n grows about 4.5 times, a quadratic step 16 times.
    /// </summary>
    /// <param name="prepare">Makes the input of a size and returns what loads it.</param>
    private static DefenseCoopCatalog AssertGrowsAsNLogN(Func<int, Func<DefenseCoopCatalog>> prepare, int n)
    {
        prepare(n / 10)();   // warm up, so that the first size does not pay for the JIT
        var (loadSmall, loadLarge) = (prepare(n), prepare(4 * n));
        static TimeSpan Fastest(Func<DefenseCoopCatalog> load)
        {
            var best = TimeSpan.MaxValue;
            for (int run = 0; run < 3; run++)
            {
                var clock = Stopwatch.StartNew();
                load();
                if (clock.Elapsed < best) best = clock.Elapsed;
            }
            return best;
        }
        var small = Fastest(loadSmall);
        var large = Fastest(loadLarge);
        double ratio = large / small;
        TestContext.Current.TestOutputHelper?.WriteLine($"{n:N0}: {small.TotalMilliseconds:N0} ms; {4 * n:N0}: {large.TotalMilliseconds:N0} ms; ratio {ratio:N1}");
        Assert.True(ratio < 9, $"Loading 4 times the records took {ratio:N1} times as long ({small.TotalMilliseconds:N0} ms, then {large.TotalMilliseconds:N0} ms).");
        return loadLarge();
    }

    // ---- bounded memory ----

    [Fact]
    public void MillionsOfFaults_AreCountedNotListed_InMemoryBoundedByTheFileSize()
    {
        const int n = 1_000_000;
        var text = new StringBuilder(Encoding.UTF8.GetString(TestData.Bytes(TestData.Minimal())));
        text.Replace("\"areas\": [", "\"areas\": [" + string.Concat(Enumerable.Repeat("\"X\",", n)));
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.Load(new MemoryStream(bytes), "warm-up.json"));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var refused = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.Load(new MemoryStream(bytes), "areas.json"));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(DataLimits.Default.MaxIssues, refused.Issues.Length);
        Assert.Equal(n - DataLimits.Default.MaxIssues, refused.OmittedIssues[DataRule.InvalidEnumValue]);
        Assert.Equal(n, refused.IssueCount);
        Assert.Contains($"and {n - DataLimits.Default.MaxIssues:N0} more of rule InvalidEnumValue", refused.Message);
        // Everything allocated, garbage included, bounds the peak: the file, its records, and a capped report.
        double multiple = (double)allocated / bytes.Length;
        TestContext.Current.TestOutputHelper?.WriteLine($"{bytes.Length:N0} bytes; {allocated:N0} allocated ({multiple:N1} times the file)");
        Assert.True(multiple < MemoryMultiple, $"Refusing a {bytes.Length:N0}-byte file allocated {allocated:N0} bytes ({multiple:N1} times its size).");
    }

    /// <summary>What loading a refused file may allocate, as a multiple of its size (the README states it).</summary>
    private const double MemoryMultiple = 8;

    [Fact]
    public void MaxIssues_IsConfigurable()
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["areas"] = new JsonArray("A", "B", "C", "D");

        var refused = Assert.Throws<DefenseCoopDataException>(() =>
            DefenseCoopCatalog.Load(new MemoryStream(TestData.Bytes(data)), "test.json", new DataLimits { MaxIssues = 2 }));

        Assert.Equal(["$.agreements[0].areas[0]", "$.agreements[0].areas[1]"], refused.Issues.Select(i => i.Path));
        Assert.Equal(2, refused.OmittedIssues[DataRule.InvalidEnumValue]);
    }

    // ---- helpers ----

    private static JsonObject WithDeal()
    {
        var data = TestData.Minimal();
        data["trade"]![0]!["deal"] = new JsonObject
        {
            ["designation"] = "Bayraktar TB2", ["orderYear"] = 2019, ["numberOrdered"] = 6, ["deliveryYears"] = new JsonArray(2020, 2021), ["tivDelivered"] = 36,
        };
        return data;
    }

    private static void SetPath(JsonObject root, string path, JsonNode value)
    {
        JsonNode node = root;
        var parts = path.Split('.');
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i];
            int bracket = part.IndexOf('[');
            string name = bracket < 0 ? part : part[..bracket];
            int? index = bracket < 0 ? null : int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            bool last = i == parts.Length - 1;
            if (last && index is null) { node[name] = value; return; }
            if (last) { node[name]![index!.Value] = value; return; }
            node = index is null ? node[name]! : node[name]![index.Value]!;
        }
    }
}
