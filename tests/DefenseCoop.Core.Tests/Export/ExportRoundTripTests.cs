using System.Collections.Immutable;
using DefenseCoop.Data;
using DefenseCoop.Diff;
using DefenseCoop.Export;
using DefenseCoop.Tests.Data;

namespace DefenseCoop.Tests.Export;

/// <summary>
/// A record exported as CSV and read back (<see cref="ExportReader"/>) <c>Equals</c> the original: for every kind,
/// on the bundled release and on the coverage test's samples (every field given, and each of its changes), and for
/// the whole bundled release at once.
/// </summary>
public sealed class ExportRoundTripTests : IClassFixture<ExportRoundTripTests.BundledExport>
{
    /// <summary>The bundled release, exported once as CSV and read back.</summary>
    public sealed class BundledExport
    {
        public static DefenseCoopCatalog Catalog => DefenseCoopCatalog.Default;

        internal ExportedRecords Read { get; } = CsvRoundTrip.Run(Catalog);
    }

    private readonly BundledExport _bundled;

    public ExportRoundTripTests(BundledExport bundled) => _bundled = bundled;

    public static TheoryData<string> Kinds => [.. KindsOf.Keys.Select(k => k.Name)];

    // Each kind: its records in a catalog's content and in what the reader gave, and a record's id.
    private static readonly Dictionary<Type, (Func<CatalogContent, IEnumerable<object>> Original, Func<ExportedRecords, IEnumerable<object>> Read, Func<object, string> Id)> KindsOf = new()
    {
        [typeof(Source)] = (c => c.Sources, r => r.Sources, x => ((Source)x).Id.Value),
        [typeof(Country)] = (c => c.Countries, r => r.Countries, x => ((Country)x).Code.Value),
        [typeof(Organization)] = (c => c.Organizations, r => r.Organizations, x => ((Organization)x).Id.Value),
        [typeof(Person)] = (c => c.People, r => r.People, x => ((Person)x).Id.Value),
        [typeof(DefenseSystem)] = (c => c.Systems, r => r.Systems, x => ((DefenseSystem)x).Id.Value),
        [typeof(Agreement)] = (c => c.Agreements, r => r.Agreements, x => ((Agreement)x).Id.Value),
        [typeof(SpendingSeries)] = (c => c.Spending, r => r.Spending, x => ((SpendingSeries)x).Id.Value),
        [typeof(TradeFlow)] = (c => c.Trade, r => r.Trade, x => ((TradeFlow)x).Id.Value),
        [typeof(Event)] = (c => c.Events, r => r.Events, x => ((Event)x).Id.Value),
    };

    [Theory, MemberData(nameof(Kinds))]
    public void EveryRecordOfTheBundledRelease_EqualsItsOriginal_AfterACsvRoundTrip(string kind)
    {
        var (original, read, id) = KindsOf.Single(k => k.Key.Name == kind).Value;
        var expected = original(BundledExport.Catalog.Content).ToList();
        Assert.NotEmpty(expected);
        AssertSameRecords(kind, expected, read(_bundled.Read).ToList(), id);
    }

    [Fact]
    public void TheWholeBundledRelease_ComesBackEqual()
    {
        var content = BundledExport.Catalog.Content;
        var read = _bundled.Read;
        // Every source of the release is cited, so the sources table holds them all.
        Assert.Equal(content.Sources.Length, CatalogExporter.ForCatalog(BundledExport.Catalog).CitedSources().Length);
        var back = content with
        {
            Sources = Sorted(read.Sources, s => s.Id.Value), Countries = Sorted(read.Countries, c => c.Code.Value),
            Organizations = Sorted(read.Organizations, o => o.Id.Value), People = Sorted(read.People, p => p.Id.Value), Systems = Sorted(read.Systems, s => s.Id.Value),
            Agreements = Sorted(read.Agreements, a => a.Id.Value), Spending = Sorted(read.Spending, s => s.Id.Value), Trade = Sorted(read.Trade, t => t.Id.Value),
            Events = Sorted(read.Events, e => e.Id.Value),
        };
        // The release diff, field by field, names anything that did not come back.
        var diff = CatalogDiff.Compare(new DefenseCoopCatalog(content), new DefenseCoopCatalog(back));
        Assert.True(diff.IsEmpty, diff.ToText());
        foreach (var (kind, (original, again, id)) in KindsOf)
            AssertSameRecords(kind.Name, [.. original(content)], [.. again(read)], id);
    }

    /// <summary>The coverage test's sample of each kind, with every field given, and each of its changes (which give the fields a sample cannot give with the others).</summary>
    public static TheoryData<string, string> Samples()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, (_, changes)) in FormatCoverageTests.Kinds)
        {
            data.Add(kind.Name, "sample");
            foreach (var field in changes.Keys) data.Add(kind.Name, field);
        }
        return data;
    }

    [Theory, MemberData(nameof(Samples))]
    public void AFullyPopulatedSample_EqualsItsOriginal_AfterACsvRoundTrip(string kindName, string change)
    {
        var (kind, (sample, changes)) = FormatCoverageTests.Kinds.Single(k => k.Key.Name == kindName);
        var record = change == "sample" ? sample : changes[change](sample);
        var supporting = FormatCoverageTests.SupportingCatalog(record);
        var read = CsvRoundTrip.Run(new DefenseCoopCatalog(supporting));
        // Every record of the catalog comes back, the sample among them; of the sources, those the rows cite (the sources table lists only those).
        var cited = CatalogExporter.ForCatalog(new DefenseCoopCatalog(supporting)).CitedSources().Select(t => t.Source.Id).ToHashSet();
        var content = supporting with { Sources = [.. supporting.Sources.Where(s => cited.Contains(s.Id))] };
        foreach (var (other, (original, again, id)) in KindsOf)
            AssertSameRecords(other.Name, [.. original(content)], [.. again(read)], id);
        Assert.Contains(record, KindsOf[kind].Read(read));
    }

    [Fact]
    public void AQuerysExport_ReadsBackAsItsRecords()
    {
        var catalog = BundledExport.Catalog;
        var agreements = catalog.Agreements.Involving("TR").ToList();
        var read = CsvRoundTrip.Run(CatalogExporter.ForAgreements(catalog, agreements));
        Assert.Equal(agreements, read.Agreements);
        Assert.True(read.Countries.IsEmpty && read.Trade.IsEmpty && read.Events.IsEmpty);
        // The sources table of a query's export lists what its rows cite.
        Assert.Equal(agreements.SelectMany(CitedBy).Distinct().Order(), read.Sources.Select(s => s.Id));

        var series = catalog.Content.Spending.Where(s => s.Country == CountryCode.Parse("FI")).ToList();
        Assert.Equal(series, CsvRoundTrip.Run(CatalogExporter.ForSpending(catalog, series.SelectMany(s => s.Observations))).Spending);
        var flows = catalog.Trade.From("TR").ToList();
        Assert.Equal(flows, CsvRoundTrip.Run(CatalogExporter.ForTrade(catalog, flows)).Trade);
        var events = catalog.Events.Involving("FI").ToList();
        Assert.Equal(events, CsvRoundTrip.Run(CatalogExporter.ForEvents(catalog, events)).Events);
        Assert.All(new[] { series.Count, flows.Count, events.Count }, n => Assert.True(n > 0));
    }

    private static IEnumerable<SourceId> CitedBy(Agreement a) =>
        a.Sources.Concat(a.StatusHistory.SelectMany(c => c.Sources)).Concat(a.ReportedValues.SelectMany(v => v.Sources)).Concat(a.Notes.SelectMany(n => n.Sources));

    private static ImmutableArray<T> Sorted<T>(ImmutableArray<T> records, Func<T, string> id) => [.. records.OrderBy(id, StringComparer.Ordinal)];

    // Equal sets of ids, and each record Equals the one read back under its id.
    private static void AssertSameRecords(string kind, List<object> expected, List<object> actual, Func<object, string> id)
    {
        Assert.Equal(expected.Select(id).Order(StringComparer.Ordinal), actual.Select(id).Order(StringComparer.Ordinal));
        var byId = actual.ToDictionary(id);
        var different = expected.Where(e => !e.Equals(byId[id(e)])).Select(id).ToList();
        Assert.True(different.Count == 0, $"{different.Count} {kind} records differ after the round trip: {string.Join(", ", different.Take(10))}");
    }
}
