namespace DefenseCoop.Importers.Tests;

/// <summary>
/// A deal has two clocks: the year it was ordered and the years it was delivered. Filters name the
/// clock, and annual volumes spread from the register say that they are estimates.
/// </summary>
public sealed class TradeTimeAxesTests
{
    private static readonly Lazy<DefenseCoopCatalog> Register = new(() => DefenseCoopCatalog.CreateBuilder()
        .AddBundled()
        .AddSipriArmsTransfers(RawData.Require("sipri-arms-transfers/trade-register.csv"))
        .Build());

    // SIPRI's supplier table (supplier_1950-2023.csv): Türkiye's exports 2015–2023, in millions of TIV.
    private static readonly int[] PublishedTurkishExports = [225, 244, 179, 249, 276, 265, 487, 535, 609];

    [Fact]
    public void Real_OrderedAndDeliveredWithin_AreDifferentQuestions()
    {
        var exports = Register.Value.Trade.From("TR").OfKind(TradeKind.ArmsTransfer);

        // The register's deals (curated transfers without a deal are on both clocks in their period).
        var ordered = exports.OrderedWithin(2015, 2023).Where(f => f.Deal is not null).ToList();
        var delivered = exports.DeliveredWithin(2015, 2023).Where(f => f.Deal is not null).ToList();

        Assert.All(ordered, f => Assert.InRange(f.Deal!.OrderYear!.Value, 2015, 2023));
        Assert.All(delivered, f => Assert.Contains(f.Deal!.DeliveryYears, y => y is >= 2015 and <= 2023));
        // Deals ordered before 2015 and delivered inside the window count only on the delivery clock.
        Assert.Contains(delivered, f => f.Deal!.OrderYear < 2015);
        Assert.Equal(exports.Within(2015, 2023).Where(f => f.Deal is not null).Select(f => f.Id), ordered.Select(f => f.Id));
    }

    [Fact]
    public void Real_TivByYear_SpreadFromTheRegister_IsAnEstimateCloseToSipriTotals()
    {
        var annual = Register.Value.Trade.From("TR").OfKind(TradeKind.ArmsTransfer).TivByYear(2015, 2023);

        Assert.Equal(Enumerable.Range(2015, 9), annual.Select(a => a.Year));
        Assert.All(annual, a => Assert.True(a.Estimate));
        decimal total = annual.Sum(a => a.Tiv.Millions);
        decimal published = PublishedTurkishExports.Sum();
        // The order-year filter the register's Years() applies misses 872 m TIV of this; the delivery clock finds it.
        Assert.InRange(total, published * 0.9m, published * 1.1m);
        decimal orderedWholeTiv = Register.Value.Trade.From("TR").OfKind(TradeKind.ArmsTransfer).OrderedWithin(2015, 2023).TivDelivered().Millions;
        Assert.True(Math.Abs(total - published) < Math.Abs(orderedWholeTiv - published), $"spread {total}, by order year {orderedWholeTiv}, published {published}");
    }
}
