using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using DefenseCoop.Querying;
using DefenseCoop.Serialization;
using NodaTime;

namespace DefenseCoop.Tests.Serialization;

/// <summary>
/// The web shape of the model (docs/json-contract.md): every public model type and query result is in
/// the context, is written in the contract's plain values, and reads back to what was written.
/// </summary>
public class JsonContractTests
{
    private static readonly DefenseCoopJsonContext Context = DefenseCoopJsonContext.Default;
    private static readonly DefenseCoopCatalog Catalog = DefenseCoopCatalog.Default;

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Context.GetTypeInfo<T>());

    private static T Read<T>(string json) => JsonSerializer.Deserialize(json, Context.GetTypeInfo<T>())!;

    /// <summary>Writes, reads back and writes again: the two texts must be equal, and the value read is returned.</summary>
    private static T RoundTrip<T>(T value)
    {
        string first = Write(value);
        var back = Read<T>(first);
        Assert.Equal(first, Write(back));
        return back;
    }

    // Configuration, services, the catalog and its query machinery are not data on the wire; nor is the
    // way a caller names a country in a query (a CountryRef is resolved to a code before anything is sent).
    private static readonly HashSet<Type> NotOnTheWire =
    [
        typeof(DefenseCoopCatalog), typeof(DefenseCoopCatalogBuilder), typeof(ImportContext), typeof(DataLimits), typeof(CountryRef),
        typeof(DefenseCoopDataException), typeof(UnknownCountryException), typeof(RecordCollection<,>), typeof(DefenseCoopJsonContext),
        // The query skeleton's generic types: each closed page (Page<Agreement>...) and query is in the contract.
        typeof(Query<>), typeof(RecordQuery<,,>), typeof(Page<>),
        // A query's argument, and a timeline's enumerator (the timeline itself is written as its entries).
        typeof(PartnerKinds), typeof(Timeline.Enumerator),
    ];

    [Fact]
    public void EveryPublicModelTypeAndResult_IsInTheContract()
    {
        var missing = typeof(DefenseCoopCatalog).Assembly.GetExportedTypes()
            .Where(t => t.Namespace is "DefenseCoop" or "DefenseCoop.Querying")
            .Where(t => t is { IsInterface: false } && !(t.IsAbstract && t.IsSealed) && !NotOnTheWire.Contains(t))
            .Where(t => Context.GetTypeInfo(t) is null)
            .Select(t => t.Name)
            .ToList();
        Assert.True(missing.Count == 0, "Not in the JSON contract: " + string.Join(", ", missing));
    }

    [Fact]
    public void ValuesAreWrittenAsTheirPlainText()
    {
        Assert.Equal("\"TR\"", Write(new CountryCode?(CountryCode.Parse("TR"))));
        Assert.Equal("\"EUR\"", Write(CurrencyCode.Eur));
        Assert.Equal("\"tr-fi-2025-defence-industry-mou\"", Write(new AgreementId("tr-fi-2025-defence-industry-mou")));
        Assert.Equal("\"early 2023\"", Write(PartialDate.Parse("early 2023")));
        Assert.Equal("\"2023-03\"", Write(new PartialDate(2023, 3)));
        Assert.Equal("\"2026-11-23\"", Write(new LocalDate(2026, 11, 23)));
        Assert.Equal("\"2026.1\"", Write(new DataVersion(2026, 1)));
        Assert.Equal("\"constant 2015\"", Write(PriceBasis.Constant(2015)));
        Assert.Equal("\"MemorandumOfUnderstanding\"", Write(AgreementKind.MemorandumOfUnderstanding));
        Assert.Equal("""{"amount":1700000000,"currency":"USD","basis":"current","bound":"AtLeast"}""",
            Write(new Money(1_700_000_000m, CurrencyCode.Usd, PriceBasis.Current, ValueBound.AtLeast)));
        Assert.Equal("""{"millions":7.2}""", Write(new TrendIndicatorValue(7.2m)));
        Assert.Equal("""{"amount":40,"unit":"%","maxAmount":60}""", Write(new Quantity(40, "%", 60)));
        Assert.Equal("\"prefer nato-defence-expenditure-2024, then sipri-milex\"",
            Write(ReconciliationPolicy.Prefer(new SourceId("nato-defence-expenditure-2024"), new SourceId("sipri-milex"))));
    }

    [Fact]
    public void Values_RoundTrip()
    {
        foreach (var text in new[] { "2025-06-02", "2023-03", "2023", "early 2023", "mid 2023-03", "late 2025-05", "approximately 2022", "approximately 2022-02-28" })
            Assert.Equal(PartialDate.Parse(text), RoundTrip(PartialDate.Parse(text)));
        Assert.Equal(new CountryCode?(CountryCode.Parse("FI")), RoundTrip(new CountryCode?(CountryCode.Parse("FI"))));
        Assert.Null(RoundTrip((CountryCode?)null));
        Assert.Equal(new SourceId("nato-defence-expenditure-2024"), RoundTrip(new SourceId("nato-defence-expenditure-2024")));
        Assert.Equal(new OrganizationId("ssb"), RoundTrip(new OrganizationId("ssb")));
        Assert.Equal(new SystemId("bayraktar-tb2"), RoundTrip(new SystemId("bayraktar-tb2")));
        Assert.Equal(new PersonId("haluk-gorgun"), RoundTrip(new PersonId("haluk-gorgun")));
        Assert.Equal(new EventId("navy-tech-2025"), RoundTrip(new EventId("navy-tech-2025")));
        Assert.Equal(new TradeFlowId("fi-exports-2023"), RoundTrip(new TradeFlowId("fi-exports-2023")));
        Assert.Equal(new SeriesId("fi-gdp"), RoundTrip(new SeriesId("fi-gdp")));
        Assert.Equal(new LocalDate(2024, 2, 29), RoundTrip(new LocalDate(2024, 2, 29)));
        Assert.Equal(new DataVersion(2026, 1), RoundTrip(new DataVersion(2026, 1)));
        Assert.Equal(PriceBasis.Constant(2023), RoundTrip(PriceBasis.Constant(2023)));
        Assert.Equal(PriceBasis.Current, RoundTrip(PriceBasis.Current));
        var money = new Money(6_266_375_658.98m, CurrencyCode.Usd, PriceBasis.Constant(2015), ValueBound.Approximately);
        Assert.Equal(money, RoundTrip(money));
        Assert.Equal(new Money(5m, CurrencyCode.Eur), Read<Money>("""{"amount":5,"currency":"EUR"}"""));
        Assert.Equal(new Quantity(12_000, "t"), RoundTrip(new Quantity(12_000, "t")));
        Assert.Equal(new TrendIndicatorValue(9m), RoundTrip(new TrendIndicatorValue(9m)));
        Assert.Equal(new SpendingPoint(2023, 2.41m, Estimate: true), RoundTrip(new SpendingPoint(2023, 2.41m, Estimate: true)));
        foreach (var policy in new[] { ReconciliationPolicy.Minimum, ReconciliationPolicy.Maximum, ReconciliationPolicy.Median, ReconciliationPolicy.Prefer(new SourceId("a"), new SourceId("b")) })
            Assert.Equal(policy.ToString(), RoundTrip(policy).ToString());
    }

    [Fact]
    public void EveryEnumValue_RoundTripsByName()
    {
        // The contract's enums: those of the model and the query results (panels and networks have their own outputs).
        var enums = typeof(DefenseCoopCatalog).Assembly.GetExportedTypes().Where(t => t.IsEnum && t.Namespace is "DefenseCoop" or "DefenseCoop.Querying").ToList();
        Assert.NotEmpty(enums);
        foreach (var type in enums)
        {
            var info = Context.GetTypeInfo(type)!;
            foreach (var value in Enum.GetValues(type))
            {
                string json = JsonSerializer.Serialize(value, info);
                Assert.Equal($"\"{Enum.GetName(type, value)}\"", json);
                Assert.Equal(value, JsonSerializer.Deserialize(json, info));
            }
        }
    }

    [Fact]
    public void ReferenceRecordsOfTheBundledRelease_RoundTrip()
    {
        foreach (var country in Catalog.Countries)
            Assert.Equal(country.Code, RoundTrip(country).Code);
        foreach (var organization in Catalog.Organizations) RoundTrip(organization);
        foreach (var person in Catalog.People) RoundTrip(person);
        foreach (var system in Catalog.Systems) RoundTrip(system);
        foreach (var source in Catalog.Sources) RoundTrip(source);
        RoundTrip(Catalog.Countries.All.ToList());
        var members = Catalog.Members(new OrganizationId("nato"));
        Assert.NotEmpty(members);
        var back = RoundTrip(members);
        Assert.Equal(members.Select(m => (m.Country.Code, m.Membership.From)), back.Select(m => (m.Country.Code, m.Membership.From)));
    }

    [Fact]
    public void FactsOfTheBundledRelease_RoundTrip()
    {
        var agreements = Catalog.Agreements.ToList();
        Assert.NotEmpty(agreements);
        foreach (var agreement in agreements)
        {
            var back = RoundTrip(agreement);
            Assert.Equal(agreement.Id, back.Id);
            Assert.Equal(agreement.SignedOn, back.SignedOn);
            Assert.Equal(agreement.Value, back.Value);
            Assert.Equal(agreement.Parties, back.Parties);
            Assert.Equal(agreement.StatusHistory.Select(s => (s.Status, s.Date)), back.StatusHistory.Select(s => (s.Status, s.Date)));
        }
        foreach (var flow in Catalog.Trade)
        {
            var back = RoundTrip(flow);
            Assert.Equal((flow.Id, flow.Kind, flow.Exporter, flow.Importer, flow.Period, flow.Value, flow.Quantity), (back.Id, back.Kind, back.Exporter, back.Importer, back.Period, back.Value, back.Quantity));
        }
        foreach (var ev in Catalog.Events) Assert.Equal((ev.Id, ev.Date, ev.Until), (RoundTrip(ev).Id, RoundTrip(ev).Date, RoundTrip(ev).Until));
        RoundTrip(agreements);
        RoundTrip(Catalog.Trade.ToList());
    }

    [Fact]
    public void SpendingSeriesAndObservations_RoundTrip_WithoutCycles()
    {
        var observations = Catalog.Spending.ToList();
        Assert.NotEmpty(observations);
        foreach (var series in observations.Select(o => o.Series).Distinct())
        {
            var back = RoundTrip(series);
            Assert.Equal((series.Id, series.Country, series.Organization, series.Measure, series.Currency, series.Basis, series.Component, series.Source),
                (back.Id, back.Country, back.Organization, back.Measure, back.Currency, back.Basis, back.Component, back.Source));
            Assert.Equal(series.Observations.Select(o => (o.Year, o.Value, o.Estimate, o.Uncertain)), back.Observations.Select(o => (o.Year, o.Value, o.Estimate, o.Uncertain)));
        }
        foreach (var observation in observations)
        {
            var back = RoundTrip(observation);
            Assert.Equal((observation.Series.Id, observation.Country, observation.Measure, observation.Currency, observation.Series.Basis, observation.Component, observation.Source, observation.Year, observation.Value, observation.Estimate, observation.Uncertain),
                (back.Series.Id, back.Country, back.Measure, back.Currency, back.Series.Basis, back.Component, back.Source, back.Year, back.Value, back.Estimate, back.Uncertain));
        }
        // The observation names its series; it does not nest it.
        var json = JsonNode.Parse(Write(observations[0]))!.AsObject();
        Assert.Equal(observations[0].Series.Id.Value, (string?)json["series"]);
        Assert.DoesNotContain(json, p => p.Value is JsonObject or JsonArray);
    }

    [Fact]
    public void QueryResults_RoundTrip()
    {
        var partners = Catalog.Partners("TR");
        Assert.Equal(partners, RoundTrip(partners));

        foreach (var timeline in new IReadOnlyList<TimelineEntry>[] { Catalog.Timeline("TR", "FI"), Catalog.Timeline("TR"), Catalog.Timeline("FI") })
        {
            var back = RoundTrip(timeline);
            Assert.Equal(timeline.Select(e => (e.Date, e.Kind, e.Summary, e.Record.GetType(), e.StatusChange?.Status)), back.Select(e => (e.Date, e.Kind, e.Summary, e.Record.GetType(), e.StatusChange?.Status)));
            Assert.Equal(timeline.Select(e => string.Join(",", e.Sources)), back.Select(e => string.Join(",", e.Sources)));
        }

        var finland = Catalog.Spending.Of("FI").Measure(SpendingMeasure.CurrentUsd, SpendingMeasure.ShareOfGdp);
        var views = RoundTrip(finland.Series());
        Assert.Equal(finland.Series().Select(v => v.Key), views.Select(v => v.Key));
        foreach (var policy in new[] { ReconciliationPolicy.Median, ReconciliationPolicy.Prefer(new SourceId("nato-defence-expenditure-2024")) })
        {
            var reconciled = finland.Reconcile(policy).ToList();
            Assert.NotEmpty(reconciled);
            var back = RoundTrip(reconciled);
            Assert.Equal(reconciled.Select(r => (r.Key, r.Year, r.Value, r.Policy.ToString(), r.From.Length)), back.Select(r => (r.Key, r.Year, r.Value, r.Policy.ToString(), r.From.Length)));
            var series = finland.Reconcile(policy).Series();
            Assert.Equal(series.Select(s => (s.Key, s.Values.Length)), RoundTrip(series).Select(s => (s.Key, s.Values.Length)));
        }

        var totals = Catalog.Trade.From("FI").Totals();
        Assert.NotEmpty(totals);
        Assert.Equal(totals, RoundTrip(totals));
    }

    [Fact]
    public void ConstructedRecords_RoundTrip_IncludingDealsAndOrganizationTotals()
    {
        var flow = new TradeFlow
        {
            Id = "tr-kg-tb2", Kind = TradeKind.ArmsTransfer, Exporter = CountryCode.Parse("TR"), Importer = CountryCode.Parse("KG"), Period = new PartialDate(2021),
            Systems = [new SystemId("bayraktar-tb2")], Sources = [new SourceId("sipri-trade-register")],
            Deal = new ArmsTransferDeal
            {
                Designation = "Bayraktar TB2", Description = "UAV", OrderYear = 2021, OrderYearUncertain = true, NumberOrdered = 3,
                NumberDelivered = 3, DeliveryYears = [2021, 2022], Status = "New", TivPerUnit = new(2.4m), TivOfOrder = new(7.2m), TivDelivered = new(7.2m),
            },
        };
        var back = RoundTrip(flow);
        Assert.Equal(flow.Deal.DeliveryYears, back.Deal!.DeliveryYears);
        Assert.Equal((flow.Deal.TivDelivered, flow.Deal.OrderYearUncertain, flow.Deal.NumberOrdered), (back.Deal.TivDelivered, back.Deal.OrderYearUncertain, back.Deal.NumberOrdered));

        var nato = new SpendingSeries("nato-total", null, new OrganizationId("nato"), SpendingMeasure.ConstantUsd, CurrencyCode.Usd, PriceBasis.Constant(2015),
            "equipment", [new SystemId("f-35")], "nato-defence-expenditure-2024", [new SpendingPoint(2023, 1.5e12m, Estimate: true), new SpendingPoint(2024, 1.6e12m, Uncertain: true)],
            [new AttributedNote("A note.", [new SourceId("nato-defence-expenditure-2024")])]);
        var series = RoundTrip(nato);
        Assert.Equal((nato.Organization, nato.Component, nato.Basis), (series.Organization, series.Component, series.Basis));
        Assert.Equal(nato.Systems, series.Systems);
        Assert.Equal("A note.", series.Notes.Single().Text);
        Assert.Equal(nato.Observations[1].Uncertain, RoundTrip(nato.Observations[1]).Uncertain);

        var issue = new DataIssue("our-deals.json", "$.agreements[0].kind", 14, DataRule.InvalidEnumValue, "'Mou' is not one of ...");
        Assert.Equal(issue, RoundTrip(issue));
        var records = RoundTrip(new CatalogRecords { Trade = [flow], Spending = [nato] });
        Assert.Equal(flow.Id, records.Trade.Single().Id);

        var entry = new TimelineEntry(new PartialDate(2024), TimelineEntryKind.Event, "A series", nato);
        Assert.IsType<SpendingSeries>(RoundTrip(entry).Record);
    }

    [Fact]
    public void QueryTypes_AreWrittenAsTheirResults_AndCannotBeRead()
    {
        var query = Catalog.Agreements.Between("TR", "FI");
        Assert.Equal(Write(query.ToList()), Write(query));
        Assert.Equal(Write(query.ToList().Take(1).ToList()), Write(query.Take(1)));
        Assert.Equal(Write(Catalog.Trade.From("FI").ToList()), Write(Catalog.Trade.From("FI")));
        Assert.Equal(Write(Catalog.Spending.Of("FI").ToList()), Write(Catalog.Spending.Of("FI")));
        Assert.Equal(Write(Catalog.Spending.Of("FI").Reconcile(ReconciliationPolicy.Median).ToList()), Write(Catalog.Spending.Of("FI").Reconcile(ReconciliationPolicy.Median)));
        Assert.Throws<NotSupportedException>(() => Read<AgreementQuery>("[]"));
    }

    [Fact]
    public void TheContractHoldsInAnotherApplicationsResolverChain()
    {
        // As ASP.NET Core uses it: the application's options, the context first in the chain.
        var options = new JsonSerializerOptions();
        options.TypeInfoResolverChain.Insert(0, Context);
        var agreement = Catalog.Agreements.Between("TR", "FI").OfKind(AgreementKind.ArmsEmbargo).Single();
        Assert.Equal(Write(agreement), JsonSerializer.Serialize(agreement, options.GetTypeInfo(typeof(Agreement))));
        Assert.Equal(Write(Catalog.Timeline("TR", "FI")), JsonSerializer.Serialize(Catalog.Timeline("TR", "FI"), options.GetTypeInfo(typeof(IReadOnlyList<TimelineEntry>))));
    }

    [Fact]
    public void NothingIsWrittenInTheModelsInternalShape()
    {
        string json = Write(Catalog.Agreements.ToList()) + Write(Catalog.Timeline("TR")) + Write(Catalog.Spending.Of("FI").ToList()) + Write(Catalog.Countries.All.ToList());
        Assert.DoesNotContain("\"Value\"", json);
        Assert.DoesNotContain("{\"value\":\"", json);
        Assert.DoesNotContain("calendar", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"earliest\"", json);
        Assert.DoesNotContain(":null", json);
        Assert.Contains("\"date\":\"early 2023\"", Write(Catalog.Timeline("TR", "FI")));
    }

    [Theory]
    [InlineData("\"Tr-\"", typeof(AgreementId))]
    [InlineData("\"TUR\"", typeof(CountryCode))]
    [InlineData("42", typeof(CountryCode))]
    [InlineData("\"2023-13\"", typeof(PartialDate))]
    [InlineData("\"early 2023-03-01\"", typeof(PartialDate))]
    [InlineData("\"2023-02-30\"", typeof(LocalDate))]
    [InlineData("\"constant 15\"", typeof(PriceBasis))]
    [InlineData("\"prefer\"", typeof(ReconciliationPolicy))]
    [InlineData("\"Mou\"", typeof(AgreementKind))]
    [InlineData("""{"series":"s","country":"FI","organization":"nato","measure":"ShareOfGdp","basis":"current","source":"x","year":2023,"value":1}""", typeof(SpendingObservation))]
    [InlineData("""{"series":"s","country":"FI","measure":"Share","basis":"current","source":"x","year":2023,"value":1}""", typeof(SpendingObservation))]
    [InlineData("""{"id":"s","country":"FI","measure":"ShareOfGdp","basis":"current","source":"x","observations":[{"year":2024,"value":1},{"year":2023,"value":1}]}""", typeof(SpendingSeries))]
    [InlineData("""{"kind":"Event","summary":"x","recordType":"planet","record":{}}""", typeof(TimelineEntry))]
    [InlineData("""{"kind":"Event","summary":"x","record":{}}""", typeof(TimelineEntry))]
    [InlineData("""{"series":"s","country":"FI","measure":"ShareOfGdp","basis":"current","source":"x","year":"last","value":1}""", typeof(SpendingObservation))]
    [InlineData("""{"series":"s","country":"FI","measure":"ShareOfGdp","basis":"current","source":"x","value":1}""", typeof(SpendingObservation))]
    public void MalformedValues_AreRefusedWithAJsonException(string json, Type type)
    {
        var e = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.GetTypeInfo(type)!));
        Assert.False(string.IsNullOrEmpty(e.Message));
    }

    [Fact]
    public void ARefusedEnumValue_IsNamedInTheException_WithTheNamesThatWouldDo()
    {
        var e = Assert.Throws<JsonException>(() => Read<AgreementKind>("\"Mou\""));
        Assert.Contains("'Mou'", e.Message, StringComparison.Ordinal);
        Assert.Contains("MemorandumOfUnderstanding", e.Message, StringComparison.Ordinal);
        // Numbers and another case are refused too: the contract writes and reads names.
        Assert.Contains("3", Assert.Throws<JsonException>(() => Read<AgreementKind>("3")).Message, StringComparison.Ordinal);
        Assert.Contains("'procurementContract'", Assert.Throws<JsonException>(() => Read<AgreementKind>("\"procurementContract\"")).Message, StringComparison.Ordinal);

        // Inside a record, the value is named and the path says where it was.
        var json = JsonNode.Parse(Write(Catalog.Agreements.First()))!.AsObject();
        json["kind"] = "Treaty";
        var inRecord = Assert.Throws<JsonException>(() => Read<Agreement>(json.ToJsonString()));
        Assert.Contains("'Treaty'", inRecord.Message, StringComparison.Ordinal);
        Assert.Equal("$.kind", inRecord.Path);
    }

    [Fact]
    public void ATimelineEntryMayNameItsRecordTypeAfterTheRecord()
    {
        var entry = Catalog.Timeline("TR", "FI")[0];
        var json = JsonNode.Parse(Write(entry))!.AsObject();
        string type = (string)json["recordType"]!;
        json.Remove("recordType");
        json.Add("recordType", type);
        var back = Read<TimelineEntry>(json.ToJsonString());
        Assert.Equal(entry.Record.GetType(), back.Record.GetType());
    }

    [Fact]
    public void SpendingSerializesWithoutTheContextToo_WithoutCycles()
    {
        // The series and the observation carry their converters, so a serializer given no context
        // (reflection, outside trimmed apps) writes them in the contract's shape instead of failing.
        string json = JsonSerializer.Serialize(Catalog.Spending.Of("FI").ToList());
        var first = JsonNode.Parse(json)![0]!.AsObject();
        Assert.Equal(Catalog.Spending.Of("FI").First().Series.Id.Value, (string?)first["series"]);
    }
}
