using DefenseCoop.Data;
using DefenseCoop.Indexing;
using DefenseCoop.Tests.Querying;
using CsCheck;
using Kind = DefenseCoop.Data.SnapshotSections.Kind;

namespace DefenseCoop.Tests.Data;

/// <summary>
/// The snapshot's sections: a kind is decoded on its first read, once for every thread, and the stored
/// agreement index is the index the catalog builds from the same records.
/// </summary>
public class SnapshotSectionTests
{
    private static CatalogContent Bundled() => DefenseCoopCatalog.LoadBundled().Content;

    [Fact]
    public void FirstCountQuery_DecodesTheCountriesAndTheIndex_AndNoRecordOfAnyOtherKind()
    {
        var catalog = DefenseCoopCatalog.LoadBundled();
        var sections = catalog.Content.Sections;
        Assert.NotNull(sections);
        Assert.All(Enum.GetValues<Kind>(), kind => Assert.False(sections.IsDecoded(kind)));

        int count = catalog.Agreements.Involving("TR").Count();

        Assert.True(count > 0);
        Assert.True(sections.IsDecoded(Kind.Countries));
        Assert.True(sections.IsDecoded(Kind.AgreementIndex));
        foreach (var kind in new[] { Kind.Sources, Kind.Organizations, Kind.People, Kind.Systems, Kind.Agreements, Kind.Spending, Kind.Trade, Kind.Events })
            Assert.False(sections.IsDecoded(kind), $"{kind} was decoded for a count.");

        // Reading the records decodes the agreements, and they are those the count counted.
        Assert.Equal(count, catalog.Agreements.Involving("TR").ToList().Count);
        Assert.True(sections.IsDecoded(Kind.Agreements));
    }

    [Fact]
    public void ManyThreadsReadingAFreshSnapshot_GetTheSameRecordObjects()
    {
        var content = Bundled();
        var agreements = new Agreement[16][];
        var countries = new Country[16][];
        Parallel.For(0, 16, i =>
        {
            agreements[i] = [.. content.Agreements];
            countries[i] = [.. content.Countries];
        });
        for (int i = 1; i < 16; i++)
        {
            Assert.True(agreements[0].Zip(agreements[i]).All(p => ReferenceEquals(p.First, p.Second)));
            Assert.True(countries[0].Zip(countries[i]).All(p => ReferenceEquals(p.First, p.Second)));
        }
    }

    [Fact]
    public void StoredIndex_OfTheBundledRelease_IsTheIndexBuiltFromItsRecords()
    {
        var read = Bundled();
        AssertSameIndex(new DefenseCoopCatalog(read with { Agreements = read.Agreements }).AgreementIndex, new DefenseCoopCatalog(read).AgreementIndex);
    }

    [Fact]
    public void StoredIndex_OfRandomContent_IsTheIndexBuiltFromItsRecords() =>
        RandomCatalogs.Content().Sample(content =>
        {
            var read = Snapshot.TryRead(Snapshot.Write(content), "random")!;
            Assert.NotNull(read.StoredAgreementIndex());
            AssertSameIndex(new DefenseCoopCatalog(content).AgreementIndex, new DefenseCoopCatalog(read).AgreementIndex);
        }, iter: 200);

    [Fact]
    public void ReplacingAgreementsOrOrganizations_DropsTheStoredIndex()
    {
        var read = Bundled();
        Assert.NotNull(read.StoredAgreementIndex());
        Assert.Null((read with { Agreements = read.Agreements }).StoredAgreementIndex());
        Assert.Null((read with { Organizations = read.Organizations }).StoredAgreementIndex());
        Assert.NotNull((read with { Countries = read.Countries }).StoredAgreementIndex());
    }

    private static void AssertSameIndex(AgreementIndex built, AgreementIndex stored)
    {
        Assert.Equal(built.Count, stored.Count);
        Assert.Equal(built.DatedCount, stored.DatedCount);
        Assert.Equal(built.Records, stored.Records);
        for (int i = 0; i < built.DatedCount; i++)
        {
            Assert.Equal(built.SignedEarliest(i), stored.SignedEarliest(i));
            Assert.Equal(built.SignedLatest(i), stored.SignedLatest(i));
        }
        AssertSameLists(built.Countries, stored.Countries);
        AssertSameLists(built.Dyads, stored.Dyads);
        AssertSameLists(built.StateCountries, stored.StateCountries);
        AssertSameLists(built.StateDyads, stored.StateDyads);
        AssertSameLists(built.Organizations, stored.Organizations);
        AssertSameLists(built.Systems, stored.Systems);
        AssertSameLists(built.Kinds, stored.Kinds);
        AssertSameLists(built.Areas, stored.Areas);
        AssertSameLists(built.Statuses, stored.Statuses);
    }

    private static void AssertSameLists<TKey>(Dictionary<TKey, int[]> built, Dictionary<TKey, int[]> stored) where TKey : notnull
    {
        Assert.Equal(built.Keys.ToHashSet(), stored.Keys.ToHashSet());
        foreach (var (key, list) in built) Assert.Equal(list, stored[key]);
    }
}
