using DefenseCoop.Data;
using NodaTime;

namespace DefenseCoop.Tests.Querying;

/// <summary>The index's edge cases, by name.</summary>
public class IndexEdgeCaseTests
{
    private static readonly SourceId S = new("news");
    private static readonly CountryCode TR = CountryCode.Parse("TR"), FI = CountryCode.Parse("FI"), SE = CountryCode.Parse("SE"), KZ = CountryCode.Parse("KZ");

    private static Agreement Make(string id, string? signed, params CountryCode[] parties) => new()
    {
        Id = new AgreementId(id), Title = id, Kind = AgreementKind.MemorandumOfUnderstanding, Sources = [S],
        Parties = [.. parties.Select(p => new AgreementParty(p, null, PartyRole.Party))], SignedOn = signed is null ? null : PartialDate.Parse(signed),
    };

    private static DefenseCoopCatalog Catalog(params Agreement[] agreements) => new(RandomCatalogs.Make(agreements, [], []));

    [Fact]
    public void EmptyCatalog_AnswersEveryQueryWithNothing()
    {
        var catalog = Catalog();
        Assert.Equal(0, catalog.Agreements.Count());
        Assert.False(catalog.Agreements.Between(TR, FI).Within(2020, 2025).InForceOn(new LocalDate(2024, 1, 1)).Any());
        Assert.Empty(catalog.Agreements.OrderBySigningDateDescending().Skip(3).Take(2));
        Assert.Empty(catalog.Trade.From(TR));
        Assert.Empty(catalog.Spending.Of(TR));
        Assert.Empty(catalog.Timeline(TR, FI));
        Assert.Empty(catalog.Partners(TR));
        Assert.Throws<InvalidOperationException>(() => catalog.Agreements.First());
    }

    [Fact]
    public void CountryWithNoRecords_HasNoPostingsButIsNotAnError()
    {
        var catalog = Catalog(Make("a", "2024", TR, FI));
        Assert.Empty(catalog.Agreements.Involving(KZ));
        Assert.Empty(catalog.Agreements.Between(TR, KZ));
        Assert.Equal(0, catalog.Trade.Involving(KZ).Count());
        Assert.Empty(catalog.Partners(KZ));
    }

    [Fact]
    public void AgreementWithSeveralParties_BelongsToEveryDyadItSpans()
    {
        var catalog = Catalog(Make("tri", "2024-05", TR, FI, SE), Make("pair", "2024-06", TR, FI));
        Assert.Equal(["tri", "pair"], catalog.Agreements.Between(TR, FI).Select(a => a.Id.Value));
        Assert.Equal(["tri"], catalog.Agreements.Between(FI, SE).Select(a => a.Id.Value));
        Assert.Equal(["tri"], catalog.Agreements.Between(SE, TR).Involving(FI).Select(a => a.Id.Value));
        Assert.Throws<ArgumentException>(() => catalog.Agreements.Between(TR, TR));
    }

    [Fact]
    public void YearAndMonthDates_AtRangeEdges_CountOnlyWhenWhollyInside()
    {
        var catalog = Catalog(Make("year", "2023", TR), Make("month", "2023-12", TR), Make("day", "2024-01-01", TR), Make("early", "early 2024", TR));
        string[] Ids(LocalDate from, LocalDate to) => [.. catalog.Agreements.Within(from, to).Select(a => a.Id.Value)];
        Assert.Equal(["year", "month"], Ids(new(2023, 1, 1), new(2023, 12, 31)));
        Assert.Equal(["month"], Ids(new(2023, 12, 1), new(2023, 12, 31)));
        Assert.Empty(Ids(new(2023, 12, 2), new(2023, 12, 31)));
        Assert.Equal(["month", "day"], Ids(new(2023, 12, 1), new(2024, 1, 1)));
        Assert.Equal(["day", "early"], Ids(new(2024, 1, 1), new(2024, 4, 30)));
        Assert.Equal(["day"], Ids(new(2024, 1, 1), new(2024, 4, 29)));
        Assert.Equal(["year", "month", "day", "early"], catalog.Agreements.Within(2023, 2024).Select(a => a.Id.Value));
    }

    [Fact]
    public void LongestPartialDate_EndingOneDayAfterTheRange_IsLeftOut()
    {
        // The year is the catalog's longest signing date: a range check may skip only what starts a full year before its end.
        var catalog = Catalog(Make("before", "2022-06-01", TR), Make("year", "2023", TR), Make("day", "2023-12-30", TR));
        string[] Ids(LocalDate from, LocalDate to) => [.. catalog.Agreements.Within(from, to).Select(a => a.Id.Value)];
        Assert.Equal(["before", "day"], Ids(new(2022, 1, 1), new(2023, 12, 30)));
        Assert.Equal(["before", "year", "day"], Ids(new(2022, 1, 1), new(2023, 12, 31)));
        Assert.Equal(1, catalog.Agreements.Within(new LocalDate(2023, 1, 1), new LocalDate(2023, 12, 30)).Count());
    }

    [Fact]
    public void StatusChangeOnTheQueryDate_TakesEffectThatDay()
    {
        var embargo = Make("embargo", "2019-10-14", FI, TR) with
        {
            StatusHistory = [new(AgreementStatus.InForce, PartialDate.Parse("2019-10-14"), [S]), new(AgreementStatus.Lifted, PartialDate.Parse("2023-01-25"), [S])],
        };
        var catalog = Catalog(embargo);
        Assert.False(catalog.Agreements.InForceOn(new LocalDate(2019, 10, 13)).Any());
        Assert.True(catalog.Agreements.InForceOn(new LocalDate(2019, 10, 14)).Any());
        Assert.True(catalog.Agreements.InForceOn(new LocalDate(2023, 1, 24)).Any());
        Assert.False(catalog.Agreements.InForceOn(new LocalDate(2023, 1, 25)).Any());
    }

    [Fact]
    public void LiftedInEarly2023_IsOutOfForceInJuneAndUncertainInFebruary()
    {
        var embargo = Make("embargo", "2019", FI, TR) with
        {
            StatusHistory = [new(AgreementStatus.InForce, PartialDate.Parse("2019"), [S]), new(AgreementStatus.Lifted, PartialDate.Parse("early 2023"), [S])],
        };
        var catalog = Catalog(embargo);
        Assert.Equal(InForceState.NotInForce, embargo.StateOn(new LocalDate(2023, 6, 1)));
        Assert.Equal(InForceState.Uncertain, embargo.StateOn(new LocalDate(2023, 2, 1)));
        Assert.Equal(InForceState.InForce, embargo.StateOn(new LocalDate(2021, 6, 1)));
        Assert.Equal(InForceState.Uncertain, embargo.StateOn(new LocalDate(2019, 6, 1)));
        Assert.Equal(InForceState.InForce, embargo.StateOn(new LocalDate(2019, 12, 31)));
        Assert.False(catalog.Agreements.InForceOn(new LocalDate(2023, 2, 1)).Any());
        Assert.True(catalog.Agreements.PossiblyInForceOn(new LocalDate(2023, 2, 1)).Any());
        Assert.False(catalog.Agreements.PossiblyInForceOn(new LocalDate(2023, 6, 1)).Any());
    }

    [Fact]
    public void Paging_SkipsAndTakesInTheQuerysOrder()
    {
        var catalog = Catalog([.. Enumerable.Range(1, 9).Select(i => Make($"a{i}", $"202{i % 5}-0{i}", TR)), Make("undated", null, TR)]);
        var all = catalog.Agreements.OrderBySigningDateDescending().Select(a => a.Id.Value).ToList();
        Assert.Equal("undated", all[^1]);
        Assert.Equal(all.Skip(2).Take(3), catalog.Agreements.OrderBySigningDateDescending().Skip(2).Take(3).Select(a => a.Id.Value));
        Assert.Equal(all.Skip(3).Take(1), catalog.Agreements.OrderBySigningDateDescending().Skip(1).Take(4).Skip(2).Take(1).Select(a => a.Id.Value));
        Assert.Equal(2, catalog.Agreements.Skip(8).Count());
        Assert.Throws<ArgumentOutOfRangeException>(() => catalog.Agreements.Skip(-1));
    }
}
