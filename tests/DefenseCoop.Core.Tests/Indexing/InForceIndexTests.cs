using CsCheck;
using DefenseCoop.Indexing;
using DefenseCoop.Tests.Querying;
using NodaTime;

namespace DefenseCoop.Tests.Indexing;

/// <summary>The in-force intervals give, for every agreement and day, what the rule itself gives.</summary>
public class InForceIndexTests
{
    // Every day from before the earliest bound to after the latest one, around each bound of each change.
    private static IEnumerable<LocalDate> DaysAround(Agreement agreement)
    {
        var bounds = agreement.StatusHistory.Where(c => c.Date is not null).SelectMany(c => new[] { c.Date!.Value.Earliest, c.Date!.Value.Latest })
            .Concat(agreement.SignedOn is { } s ? [s.Earliest, s.Latest] : []);
        foreach (var bound in bounds)
            for (int offset = -2; offset <= 2; offset++) yield return bound.PlusDays(offset);
        yield return new LocalDate(1900, 1, 1);
        yield return new LocalDate(2100, 1, 1);
    }

    private static void Check(Agreement[] records)
    {
        var index = new InForceIndex(records);
        var days = records.SelectMany(DaysAround).Distinct().ToList();
        foreach (var day in days)
        {
            int certain = 0, possible = 0;
            for (int ordinal = 0; ordinal < records.Length; ordinal++)
            {
                var state = records[ordinal].StateOn(day);
                Assert.Equal(state == InForceState.InForce, index.Contains(ordinal, day, possibly: false));
                Assert.Equal(state != InForceState.NotInForce, index.Contains(ordinal, day, possibly: true));
                if (state == InForceState.InForce) certain++;
                if (state != InForceState.NotInForce) possible++;
            }
            Assert.Equal(certain, index.Count(day, possibly: false));
            Assert.Equal(possible, index.Count(day, possibly: true));
            Assert.Equal(Enumerable.Range(0, records.Length).Where(o => records[o].StateOn(day) == InForceState.InForce), index.Ordinals(day, possibly: false));
            Assert.Equal(Enumerable.Range(0, records.Length).Where(o => records[o].StateOn(day) != InForceState.NotInForce), index.Ordinals(day, possibly: true));
        }
    }

    [Fact]
    public void Intervals_EqualTheRule_OnTheBundledRelease() => Check(DefenseCoopCatalog.Default.AgreementIndex.Records);

    [Fact]
    public void Intervals_EqualTheRule_OnRandomCatalogs() =>
        RandomCatalogs.Content(maxAgreements: 40).Sample(content => Check([.. content.Agreements]), iter: 300);

    [Fact]
    public void Intervals_EqualTheRule_ForAgreementsWithManyChanges()
    {
        // Beyond the number of bounds the index splits into intervals, an agreement is tested with the rule itself.
        var source = new SourceId("news");
        StatusChange Change(int i) => new(i % 2 == 0 ? AgreementStatus.InForce : AgreementStatus.Suspended,
            i % 3 == 0 ? new PartialDate(2000 + i / 12, 1 + i % 12) : new PartialDate(2000 + i / 12, 1 + i % 12, 1 + i % 28), [source]);
        Agreement Make(string id, int changes) => new()
        {
            Id = new AgreementId(id), Title = id, Kind = AgreementKind.DefenseCooperationAgreement, Parties = [], Sources = [source],
            SignedOn = new PartialDate(2000), StatusHistory = [.. Enumerable.Range(0, changes).Select(Change)],
        };
        Check([Make("a-few", 3), Make("b-many", 80), Make("c-some", 10), Make("d-many", 200)]);
    }

    [Fact]
    public void Count_OfInForceOnAlone_EqualsTheListed()
    {
        var catalog = DefenseCoopCatalog.Default;
        foreach (var day in new[] { new LocalDate(2010, 1, 1), new LocalDate(2021, 6, 1), new LocalDate(2023, 2, 1), new LocalDate(2025, 7, 1) })
        {
            Assert.Equal(catalog.Agreements.InForceOn(day).ToList().Count, catalog.Agreements.InForceOn(day).Count());
            Assert.Equal(catalog.Agreements.PossiblyInForceOn(day).ToList().Count, catalog.Agreements.PossiblyInForceOn(day).Count());
            Assert.Equal(catalog.Agreements.AsEnumerable().Count(a => a.StateOn(day) == InForceState.InForce), catalog.Agreements.InForceOn(day).Count());
        }
    }
}
