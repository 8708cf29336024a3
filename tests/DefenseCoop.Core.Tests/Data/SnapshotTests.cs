using DefenseCoop.Data;
using DefenseCoop.DataCompiler;
using DefenseCoop.Tests.Querying;
using CsCheck;

namespace DefenseCoop.Tests.Data;

/// <summary>The compact snapshot the bundled catalog is read from: current, equal to the JSON, and refused when damaged.</summary>
public class SnapshotTests
{
    private static string DataDirectory => Path.Combine(TestData.RepositoryRoot, "data");

    private static byte[] Embedded(string name)
    {
        using var stream = DefenseCoopCatalog.OpenResource(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    // Every field the data format carries, written out: equal bytes mean equal catalogs, record for record.
    private static byte[] AsJson(CatalogContent content) => ModelWriter.Serialize(ModelWriter.Write(content));

    [Fact]
    public void CommittedSnapshot_IsWhatTheCompilerProducesFromTheReleaseFile()
    {
        byte[] expected = ReleaseCompiler.CompileSnapshot(File.ReadAllBytes(Path.Combine(DataDirectory, ReleaseCompiler.OutputFile)));
        byte[] committed = File.ReadAllBytes(Path.Combine(DataDirectory, ReleaseCompiler.SnapshotFile));
        Assert.True(expected.AsSpan().SequenceEqual(committed),
            "data/defensecoop.snapshot differs from what the compiler produces from data/defensecoop.json: run `dotnet run --project src/DefenseCoop.DataCompiler`.");
    }

    [Fact]
    public void EmbeddedSnapshot_IsTheCommittedFile() =>
        Assert.Equal(File.ReadAllBytes(Path.Combine(DataDirectory, ReleaseCompiler.SnapshotFile)), Embedded(Snapshot.ResourceName));

    [Fact]
    public void Default_IsReadFromTheSnapshot_AndEqualsTheCatalogTheJsonPathBuilds()
    {
        var fromSnapshot = Snapshot.TryRead(Embedded(Snapshot.ResourceName), DefenseCoopCatalog.ResourceName);
        Assert.NotNull(fromSnapshot);
        var fromJson = DefenseCoopCatalog.LoadBytes(DefenseCoopCatalog.ReadEmbedded(), DefenseCoopCatalog.ResourceName, DataLimits.Default, TestContext.Current.CancellationToken).Content;
        Assert.Equal(AsJson(fromJson), AsJson(fromSnapshot));
        Assert.Equal((fromJson.SchemaVersion, fromJson.DataVersion, fromJson.Released), (fromSnapshot.SchemaVersion, fromSnapshot.DataVersion, fromSnapshot.Released));

        var catalog = DefenseCoopCatalog.LoadBundled();
        Assert.Equal(AsJson(fromJson), AsJson(catalog.Content));
        // Records trace to the same file either way.
        Assert.Equal(fromJson.Origins.Count, catalog.Content.Origins.Count);
        foreach (var agreement in catalog.Agreements) Assert.Equal(DefenseCoopCatalog.ResourceName, catalog.OriginOf(agreement));
        Assert.Equal(DefenseCoopCatalog.ResourceName, catalog.OriginOf(catalog.Countries["TR"]));
        // And the queries agree with the JSON path's catalog.
        var json = new DefenseCoopCatalog(fromJson);
        Assert.Equal(json.Agreements.Involving("TR").Select(a => a.Id), catalog.Agreements.Involving("TR").Select(a => a.Id));
        Assert.Equal(json.Timeline("TR", "FI").Select(e => (e.Date, e.Kind, e.Summary)), catalog.Timeline("TR", "FI").Select(e => (e.Date, e.Kind, e.Summary)));
    }

    [Fact]
    public void RandomContent_RoundTripsThroughTheSnapshot() =>
        RandomCatalogs.Content().Sample(content =>
        {
            var read = Snapshot.TryRead(Snapshot.Write(content), "random");
            Assert.NotNull(read);
            Assert.Equal(AsJson(content), AsJson(read));
        }, iter: 200);

    [Fact]
    public void NonStateSuppliersAndAnnualVolumes_RoundTripThroughTheSnapshot()
    {
        var content = RandomCatalogs.Make([], [
            new TradeFlow
            {
                Id = new TradeFlowId("non-state-deal"), Kind = TradeKind.ArmsTransfer, Importer = RandomCatalogs.Countries[0],
                ExporterOrganization = RandomCatalogs.Organizations[^1], Organizations = [RandomCatalogs.Organizations[^1]], Commodity = "rifles",
                Sources = [RandomCatalogs.Sources[0]],
            },
            new TradeFlow
            {
                Id = new TradeFlowId("annual-volume"), Kind = TradeKind.ArmsTransferVolume, Exporter = RandomCatalogs.Countries[0],
                ImporterOrganization = RandomCatalogs.Organizations[1], Period = PartialDate.Parse("2021"), Tiv = new TrendIndicatorValue(487m),
                Sources = [RandomCatalogs.Sources[1]],
            },
        ], []);

        var read = Snapshot.TryRead(Snapshot.Write(content), "non-state");

        Assert.NotNull(read);
        Assert.Equal(content.Trade.Select(t => (t.Id, t.Exporter, t.Importer, t.ExporterOrganization, t.ImporterOrganization, t.Tiv)),
            read.Trade.Select(t => (t.Id, t.Exporter, t.Importer, t.ExporterOrganization, t.ImporterOrganization, t.Tiv)));
        Assert.Equal(AsJson(content), AsJson(read));
    }

    [Fact]
    public void DamagedSnapshot_IsRefused()
    {
        byte[] good = Embedded(Snapshot.ResourceName);
        Assert.NotNull(Snapshot.TryRead(good, "x"));

        var header = (byte[])good.Clone();
        header[20] ^= 0x40;
        Assert.Null(Snapshot.TryRead(header, "x"));                  // the header's checksum no longer matches

        var otherVersion = (byte[])good.Clone();
        BitConverter.TryWriteBytes(otherVersion.AsSpan(6), Snapshot.FormatVersion + 1);
        Assert.Null(Snapshot.TryRead(otherVersion, "x"));            // a format this reader does not speak

        Assert.Null(Snapshot.TryRead(good[..(good.Length - 10)], "x")); // truncated
        Assert.Null(Snapshot.TryRead([], "x"));
        Assert.Null(Snapshot.TryRead("{\"schemaVersion\":1}"u8.ToArray(), "x")); // not a snapshot at all
        Assert.Null(Snapshot.TryRead([.. good, 0], "x"));               // more than its sections
    }

    [Fact]
    public void DamagedSection_ThrowsWhenItsKindIsFirstRead_NamingTheSection()
    {
        byte[] good = Embedded(Snapshot.ResourceName);
        // The middle of the file lies in a section: opening reads only the header and the table of sections.
        var flipped = (byte[])good.Clone();
        flipped[flipped.Length / 2] ^= 0x40;
        var content = Snapshot.TryRead(flipped, "x");
        Assert.NotNull(content);
        var failures = new List<string>();
        foreach (var read in new Func<object>[] { () => content.Sources, () => content.Countries, () => content.Organizations, () => content.People,
            () => content.Systems, () => content.Agreements, () => content.Spending, () => content.Trade, () => content.Events, () => content.StoredAgreementIndex()! })
        {
            try { read(); }
            catch (InvalidDataException e) { failures.Add(e.Message); }
        }
        var failure = Assert.Single(failures);
        Assert.Matches("^The snapshot of 'x' is damaged: its [A-Za-z]+ section does not match its checksum.$", failure);
    }
}
