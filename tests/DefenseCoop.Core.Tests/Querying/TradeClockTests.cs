using System.Text.Json.Nodes;

namespace DefenseCoop.Tests.Querying;

/// <summary>Order year and delivery years are two clocks; annual volumes spread from deals are labelled estimates.</summary>
public class TradeClockTests
{
    private static DefenseCoopCatalog Deals()
    {
        var data = TestData.Minimal();
        JsonObject Deal(string id, int ordered, int[] delivered, decimal tiv) => new()
        {
            ["id"] = id, ["kind"] = "ArmsTransfer", ["exporter"] = "TR", ["importer"] = "FI", ["period"] = ordered.ToString(System.Globalization.CultureInfo.InvariantCulture), ["commodity"] = "drones",
            ["deal"] = new JsonObject
            {
                ["designation"] = id, ["orderYear"] = ordered, ["deliveryYears"] = new JsonArray([.. delivered.Select(y => JsonValue.Create(y))]), ["tivDelivered"] = tiv,
            },
            ["sources"] = new JsonArray("report"),
        };
        data["trade"] = new JsonArray(Deal("old", 2011, [2014, 2015, 2016], 30), Deal("new", 2016, [2017], 10), Deal("undelivered", 2016, [], 0));
        return TestData.Load(data);
    }

    [Fact]
    public void OrderedWithin_And_DeliveredWithin_ReadTheirOwnClock()
    {
        var trade = Deals().Trade;

        Assert.Equal(["new", "undelivered"], trade.OrderedWithin(2015, 2017).Select(f => f.Id.Value).Order());
        Assert.Equal(["new", "old"], trade.DeliveredWithin(2015, 2017).Select(f => f.Id.Value).Order());
        Assert.Equal(["old"], trade.DeliveredWithin(2014, 2014).OrderedWithin(2000, 2012).Select(f => f.Id.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => trade.DeliveredWithin(2017, 2015));
    }

    [Fact]
    public void TivByYear_SpreadsEachDealOverItsDeliveryYears_AsAnEstimate()
    {
        var annual = Deals().Trade.TivByYear(2015, 2018);

        Assert.Equal([(2015, 10m, 1), (2016, 10m, 1), (2017, 10m, 1), (2018, 0m, 0)], annual.Select(a => (a.Year, a.Tiv.Millions, a.Deals)));
        Assert.All(annual, a => Assert.True(a.Estimate));
    }

    [Fact]
    public void AFlowWithoutADeal_IsOnBothClocksInItsPeriod_AndAnUndatedOneOnNeither()
    {
        var data = TestData.Minimal();
        data["trade"] = JsonNode.Parse("""
            [{ "id": "delivery-2022", "kind": "Delivery", "exporter": "TR", "importer": "FI", "period": "2022-05", "commodity": "vehicles", "sources": ["report"] },
             { "id": "undated", "kind": "ContractValue", "exporter": "TR", "importer": "FI", "commodity": "vehicles", "sources": ["report"] }]
            """);
        var trade = TestData.Load(data).Trade;

        Assert.Equal(["delivery-2022"], trade.OrderedWithin(2022, 2022).Select(f => f.Id.Value));
        Assert.Equal(["delivery-2022"], trade.DeliveredWithin(2020, 2023).Select(f => f.Id.Value));
        Assert.Empty(trade.DeliveredWithin(2021, 2021));
        Assert.Empty(trade.OrderedWithin(2023, 2030));
        // The same rule as Years for a flow without a deal: its period.
        Assert.Equal(trade.Within(2022, 2022).Select(f => f.Id), trade.OrderedWithin(2022, 2022).Select(f => f.Id));
    }

    [Fact]
    public void TivByPartner_CountsWholeDealsInsideTheRange_AndSpreadsTheOthersAsEstimates()
    {
        var exports = Deals().Trade.From("TR");

        var whole = Assert.Single(exports.TivByPartner(2014, 2017));
        Assert.Equal((CountryCode.Parse("FI"), 40m, 2, false), (whole.Partner, whole.Tiv.Millions, whole.Deals, whole.Estimate));
        var part = Assert.Single(exports.TivByPartner(2015, 2017));
        Assert.Equal((20m + 10m, true), (part.Tiv.Millions, part.Estimate));
        Assert.Equal(exports.TivByPartner(2015, 2017).Single().Tiv.Millions, exports.TivByYear(2015, 2017).Sum(a => a.Tiv.Millions));
        Assert.Equal(CountryCode.Parse("TR"), Deals().Trade.To("FI").TivByPartner(2014, 2017).Single().Partner);
        Assert.Throws<InvalidOperationException>(() => Deals().Trade.TivByPartner(2014, 2017));
    }

    [Fact]
    public void DateRanges_ReachingTheCalendarsLastDay_AreAnsweredNotOverflowed()
    {
        var catalog = TestData.Load(TestData.Minimal());
        var last = new NodaTime.LocalDate(9999, 12, 31);
        Assert.Single(catalog.Agreements.Within(2025, 9999));
        Assert.Single(catalog.Trade.Within(2000, 9999));
        Assert.Single(catalog.Events.Within(new NodaTime.LocalDate(2000, 1, 1), last));
    }
}
