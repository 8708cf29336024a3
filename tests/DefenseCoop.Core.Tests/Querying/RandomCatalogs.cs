using System.Collections.Immutable;
using CsCheck;
using DefenseCoop.Data;
using NodaTime;

namespace DefenseCoop.Tests.Querying;

/// <summary>Generators of small random catalogs whose records collide often: few countries, few years, every date precision.</summary>
internal static class RandomCatalogs
{
    public static readonly CountryCode[] Countries = [.. new[] { "TR", "FI", "SE", "KZ", "UZ", "KG" }.Select(CountryCode.Parse)];
    public static readonly OrganizationId[] Organizations = [new("ssb"), new("patria"), new("baykar"), new("nato")];

    /// <summary>The home country of each organization: two Turkish, one Finnish, and an alliance that counts for none.</summary>
    public static readonly IReadOnlyDictionary<OrganizationId, CountryCode?> HomeCountries = new Dictionary<OrganizationId, CountryCode?>
    {
        [new("ssb")] = CountryCode.Parse("TR"), [new("patria")] = CountryCode.Parse("FI"), [new("baykar")] = CountryCode.Parse("TR"), [new("nato")] = null,
    };

    /// <summary>The countries a record counts for: its states, and unless only states are asked for, its organizations' home countries.</summary>
    public static IEnumerable<CountryCode> CountriesOf(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations, bool statesOnly) =>
        statesOnly ? states : states.Concat(organizations.Select(o => HomeCountries[o]).OfType<CountryCode>());
    public static readonly SystemId[] Systems = [new("tb2"), new("anka"), new("amv")];
    public static readonly SourceId[] Sources = [new("news"), new("nato")];

    private static Gen<T> OneOf<T>(T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static Gen<T[]> SubsetOf<T>(T[] items) => Gen.Int[0, (1 << items.Length) - 1].Select(mask => items.Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    private static Gen<TEnum> EnumValue<TEnum>() where TEnum : struct, Enum => OneOf(Enum.GetValues<TEnum>());

    /// <summary>A partial date in 2019–2024 of any precision and qualifier.</summary>
    public static readonly Gen<PartialDate> Date =
        Gen.Select(Gen.Int[2019, 2024], Gen.Int[1, 12], Gen.Int[1, 28], Gen.Int[0, 9]).Select((year, month, day, shape) => shape switch
        {
            0 or 1 => new PartialDate(year),
            2 => new PartialDate(year, null, null, (DateQualifier)(1 + day % 3)),
            3 or 4 => new PartialDate(year, month),
            5 => new PartialDate(year, month, null, (DateQualifier)(1 + day % 4)),
            _ => new PartialDate(year, month, day),
        });

    public static readonly Gen<PartialDate?> MaybeDate = Gen.Select(Gen.Int[0, 6], Date).Select((n, d) => n == 0 ? (PartialDate?)null : d);

    public static readonly Gen<LocalDate> Day = Gen.Select(Gen.Int[2018, 2025], Gen.Int[1, 12], Gen.Int[1, 28]).Select((y, m, d) => new LocalDate(y, m, d));

    private static Gen<AgreementParty> Party =>
        Gen.Select(Gen.Bool, OneOf(Countries), OneOf(Organizations), EnumValue<PartyRole>())
           .Select((isCountry, c, o, role) => isCountry ? new AgreementParty(c, null, role) : new AgreementParty(null, o, role));

    private static readonly Gen<Agreement> Agreement =
        Gen.Select(Party.Array[1, 4], EnumValue<AgreementKind>(), SubsetOf(Enum.GetValues<CooperationArea>()[..5]), SubsetOf(Systems), MaybeDate,
                Gen.Select(EnumValue<AgreementStatus>(), MaybeDate).Select((s, d) => new StatusChange(s, d, [Sources[0]])).Array[0, 3])
           .Select((parties, kind, areas, systems, signed, history) => new Agreement
           {
               Id = new AgreementId("a"), Title = "Agreement", Kind = kind, Parties = [.. parties], Areas = [.. areas],
               Systems = [.. systems], SignedOn = signed, Sources = [Sources[0]],
               StatusHistory = [.. history.OrderBy(s => s.Date is null).ThenBy(s => s.Date ?? default)],
           });

    private static readonly Gen<TradeFlow> Flow =
        Gen.Select(EnumValue<TradeKind>(), OneOf(Countries), Gen.Select(Gen.Bool, OneOf(Countries)).Select((none, c) => none ? (CountryCode?)null : c), MaybeDate,
                SubsetOf(Organizations), SubsetOf(Systems), Gen.Select(Gen.Int[0, 1000], Gen.Bool))
           .Select((kind, exporter, importer, period, organizations, systems, value) => new TradeFlow
           {
               Id = new TradeFlowId("t"), Kind = kind, Exporter = exporter, Importer = kind == TradeKind.BilateralTrade ? importer ?? Countries[0] : importer,
               Period = period, Organizations = [.. organizations], Systems = [.. systems], Sources = [Sources[0]],
               Value = new Money(value.Item1, value.Item2 ? CurrencyCode.Eur : CurrencyCode.Usd),
           });

    private static readonly Gen<Event> Event =
        Gen.Select(EnumValue<EventKind>(), MaybeDate, SubsetOf(Countries), SubsetOf(Organizations))
           .Select((kind, date, countries, organizations) => new Event
           {
               Id = new EventId("e"), Kind = kind, Title = "Event", Date = date, Countries = [.. countries], Organizations = [.. organizations], Sources = [Sources[0]],
           });

    private static readonly Gen<(CountryCode, SpendingMeasure, SourceId, int[], int)> SeriesData =
        Gen.Select(OneOf(Countries), EnumValue<SpendingMeasure>(), OneOf(Sources), SubsetOf([2019, 2020, 2021, 2022, 2023, 2024]), Gen.Int[0, 100]);

    private static SpendingSeries Series((CountryCode Country, SpendingMeasure Measure, SourceId Source, int[] Years, int Value) d, int index) =>
        new(new SeriesId($"s{index}"), d.Country, null, d.Measure,
            d.Measure is SpendingMeasure.LocalCurrencyCurrent or SpendingMeasure.LocalCurrencyConstant or SpendingMeasure.BudgetAllocation ? CurrencyCode.Eur : (CurrencyCode?)null,
            PriceBasis.Current, null, [], d.Source, [.. d.Years.Select(y => new SpendingPoint(y, d.Value + y % 7))]);

    public static Gen<CatalogContent> Content(int maxAgreements = 30, int maxFlows = 20, int maxSeries = 12, int maxEvents = 0) =>
        Gen.Select(Agreement.Array[0, maxAgreements], Flow.Array[0, maxFlows], SeriesData.Array[0, maxSeries], Event.Array[0, maxEvents]).Select((agreements, flows, series, events) => Make(
            agreements.Select((a, i) => a with { Id = new AgreementId($"a{i}"), Title = $"Agreement {i}" }),
            flows.Select((f, i) => f with { Id = new TradeFlowId($"t{i}") }),
            series.Select(Series),
            events.Select((e, i) => e with { Id = new EventId($"e{i}"), Title = $"Event {i}" })));

    public static CatalogContent Make(IEnumerable<Agreement> agreements, IEnumerable<TradeFlow> flows, IEnumerable<SpendingSeries> series, IEnumerable<Event>? events = null) => new(
        1, new DataVersion(2026, 1), new LocalDate(2026, 1, 1),
        [.. Sources.Select(s => new Source { Id = s, Kind = SourceKind.NewsReport, Publisher = s.Value.ToUpperInvariant(), Title = s.Value, Language = "en" })],
        [.. Countries.Select(c => new Country { Code = c, Alpha3 = c.Value + "X", Names = new Dictionary<string, string> { ["en"] = "Country " + c }, Sources = [Sources[0]] })],
        [.. Organizations.Select(o => new Organization
        {
            Id = o, Kind = HomeCountries[o] is null ? OrganizationKind.Alliance : OrganizationKind.Company, Name = o.Value, Country = HomeCountries[o], Sources = [Sources[0]],
        })],
        [],
        [.. Systems.Select(s => new DefenseSystem { Id = s, Name = s.Value, Category = SystemCategory.Other, Sources = [Sources[0]] })],
        // In id order, as the validator hands content to the catalog.
        [.. agreements.OrderBy(a => a.Id)], [.. series.OrderBy(s => s.Id)], [.. flows.OrderBy(f => f.Id)], [.. (events ?? []).OrderBy(e => e.Id)]);
}
