using System.Collections.Immutable;
using DefenseCoop.Data;
using DefenseCoop.Tests.Querying;
using CsCheck;

namespace DefenseCoop.Tests.Model;

/// <summary>Records compare by value: read back from their JSON or from the snapshot, every kind equals what was written.</summary>
public class ValueEqualityTests
{
    private static void AssertSameRecords(CatalogContent expected, CatalogContent actual)
    {
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Countries, actual.Countries);
        Assert.Equal(expected.Organizations, actual.Organizations);
        Assert.Equal(expected.People, actual.People);
        Assert.Equal(expected.Systems, actual.Systems);
        Assert.Equal(expected.Agreements, actual.Agreements);
        Assert.Equal(expected.Spending, actual.Spending);
        Assert.Equal(expected.Trade, actual.Trade);
        Assert.Equal(expected.Events, actual.Events);
        // Equal records hash alike, so that they can key a dictionary.
        Assert.Equal(expected.Agreements.Select(a => a.GetHashCode()), actual.Agreements.Select(a => a.GetHashCode()));
        Assert.Equal(expected.Spending.Select(s => s.GetHashCode()), actual.Spending.Select(s => s.GetHashCode()));
    }

    [Fact]
    public void EveryKind_ReadBackFromItsJson_EqualsTheOriginal()
    {
        var catalog = DefenseCoopCatalog.Default;
        using var file = new MemoryStream();
        catalog.Save(file);
        var reloaded = DefenseCoopCatalog.Load(new MemoryStream(file.ToArray()));
        Assert.NotEmpty(catalog.Content.Events);
        AssertSameRecords(catalog.Content, reloaded.Content);
        // Not the same instances: the equality is of values.
        Assert.NotSame(catalog.Content.Agreements[0], reloaded.Content.Agreements[0]);
    }

    [Fact]
    public void EveryKind_ReadBackFromTheSnapshot_EqualsTheOriginal()
    {
        var json = DefenseCoopCatalog.LoadBytes(DefenseCoopCatalog.ReadEmbedded(), DefenseCoopCatalog.ResourceName, DataLimits.Default, TestContext.Current.CancellationToken).Content;
        var read = Snapshot.TryRead(Snapshot.Write(json), "snapshot");
        Assert.NotNull(read);
        AssertSameRecords(json, read);
    }

    [Fact]
    public void RandomContent_ReadBackFromTheSnapshot_EqualsTheOriginal() =>
        RandomCatalogs.Content(maxEvents: 5).Sample(content =>
        {
            var read = Snapshot.TryRead(Snapshot.Write(content), "random");
            Assert.NotNull(read);
            AssertSameRecords(content, read);
        }, iter: 100);

    [Fact]
    public void ADifferentItemInAList_MakesRecordsUnequal()
    {
        var agreement = DefenseCoopCatalog.Default.Agreements.First(a => a.StatusHistory.Length > 0 && a.Sources.Length > 0);
        var copy = agreement with { Sources = [.. agreement.Sources] };
        Assert.Equal(agreement, copy);
        Assert.NotEqual(agreement, copy with { Sources = [.. agreement.Sources, new SourceId("another-page")] });
        var change = agreement.StatusHistory[0];
        Assert.NotEqual(agreement, agreement with { StatusHistory = agreement.StatusHistory.SetItem(0, change with { Caveats = [new SourceCaveat(change.Sources[0], DateNotOnPage: true)] }) });
        // A default array is an empty one.
        Assert.Equal(new AttributedNote("n", []), new AttributedNote("n", default));

        var series = DefenseCoopCatalog.Default.Content.Spending[0];
        var points = series.Observations.Select(o => new SpendingPoint(o.Year, o.Value, o.Estimate, o.Uncertain)).ToArray();
        var same = new SpendingSeries(series.Id, series.Country, series.Organization, series.Measure, series.Currency, series.Basis, series.Component, series.Systems, series.Source, points, series.Notes);
        Assert.Equal(series, same);
        Assert.Equal(series.Observations[0], same.Observations[0]);
        points[^1] = points[^1] with { Value = points[^1].Value + 1 };
        Assert.NotEqual(series, new SpendingSeries(series.Id, series.Country, series.Organization, series.Measure, series.Currency, series.Basis, series.Component, series.Systems, series.Source, points, series.Notes));
    }

    [Fact]
    public void Names_CompareByContent_WhateverTheDictionary()
    {
        var country = DefenseCoopCatalog.Default.Countries["TR"];
        var copy = country with { Names = new Dictionary<string, string>(country.Names) };
        Assert.Equal(country, copy);
        Assert.NotEqual(country, country with { Names = ImmutableDictionary.CreateRange(country.Names).SetItem("en", "Turkey") });
    }
}
