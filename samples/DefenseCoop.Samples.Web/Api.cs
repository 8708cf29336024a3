using System.Collections.Immutable;
using DefenseCoop.Querying;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DefenseCoop.Samples.Web;

/// <summary>A country in a list: enough to show it and to ask for more.</summary>
public sealed record CountryListItem(CountryCode Code, string Name, string Alpha3, bool IsHistorical);

/// <summary>The data release the API answers from.</summary>
public sealed record AboutResponse(string DataVersion);

/// <summary>A timeline with the sources its entries cite, so that a page can link every fact to its source.</summary>
public sealed record TimelineResponse(IReadOnlyList<CountryCode> Countries, IReadOnlyList<TimelineEntry> Entries, IReadOnlyList<Source> Sources);

/// <summary>One page of agreements (a query's <see cref="DefenseCoop.Querying.Page{T}"/> as the API writes it) and how many match in all.</summary>
public sealed record AgreementPageResponse(int Total, int Skip, int Take, IReadOnlyList<Agreement> Items);

/// <summary>Spending figures: every source's, series by series, or reconciled by a policy.</summary>
public sealed record SpendingResponse(ReconciliationPolicy? Policy, IReadOnlyList<SpendingSeriesView>? Series,
    IReadOnlyList<(SpendingKey Key, ImmutableArray<ReconciledObservation> Values)>? Reconciled, IReadOnlyList<Source> Sources);

/// <summary>Trade flows with their money totals (per currency and price basis) and their TIV, which is not money.</summary>
public sealed record TradeResponse(IReadOnlyList<TradeFlow> Flows, IReadOnlyList<TradeTotal> Totals, TrendIndicatorValue TivDelivered);

/// <summary>The API over the catalog.</summary>
internal static class Api
{
    public static void MapDefenseCoopApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .AddEndpointFilter(HttpCaching.Filter)
            .AddEndpointFilter(async (context, next) =>
            {
                try
                {
                    return await next(context);
                }
                catch (BadParameterException e)
                {
                    return Problem(e.Parameter, e.Message, e.Suggestions);
                }
                catch (UnknownIdException e)
                {
                    return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: $"Not found: '{e.Parameter}'.");
                }
            })
            .ProducesValidationProblem()
            .CacheOutput();

        api.MapGet("/about", (DefenseCoopCatalog catalog) => TypedResults.Ok(new AboutResponse(catalog.DataVersion.ToString())))
            .WithSummary("The data release the API answers from: a fixed answer, the baseline of the load test.");
        api.MapGet("/countries", SearchCountries)
            .WithSummary("Countries whose name, alias or code matches q (any language, without diacritics); all countries without q.");
        api.MapGet("/countries/{country}", (DefenseCoopCatalog catalog, string country) => TypedResults.Ok(Parameters.Country(catalog, country, "country")))
            .WithSummary("A country with its names, codes and memberships; {country} is any name or code.");
        api.MapGet("/countries/{country}/partners", (DefenseCoopCatalog catalog, string country, string? from, string? to) =>
            {
                var code = Parameters.Country(catalog, country, "country").Code;
                var (first, last) = Parameters.YearRange(from, to, nameof(from), nameof(to));
                return TypedResults.Ok(CatalogQueries.Partners(catalog, code, first, last));
            })
            .WithSummary("Every partner of the country, most shared records first; within years, only records dated in them.");
        api.MapGet("/countries/{country}/timeline", (DefenseCoopCatalog catalog, string country) =>
            {
                var code = Parameters.Country(catalog, country, "country").Code;
                return TypedResults.Ok(Timeline(catalog, [code], catalog.Timeline(code)));
            })
            .WithSummary("Everything recorded about a country, in date order, with the sources cited.");
        api.MapGet("/dyads/{a}/{b}/timeline", (DefenseCoopCatalog catalog, string a, string b) =>
            {
                var first = Parameters.Country(catalog, a, "a").Code;
                var second = Parameters.Country(catalog, b, "b").Code;
                if (first == second) throw new BadParameterException("b", $"A dyad needs two different countries; both are {first}.");
                return TypedResults.Ok(Timeline(catalog, [first, second], catalog.Timeline(first, second)));
            })
            .WithSummary("Everything recorded between two countries, in date order, with the sources cited.");
        api.MapGet("/agreements", Agreements)
            .WithSummary("Agreements matching every filter given, a page at a time.");
        api.MapGet("/spending", Spending)
            .WithSummary("Spending figures of a measure over years, every source's or reconciled by a policy.");
        api.MapGet("/trade", Trade)
            .WithSummary("Trade flows by country and direction, on either clock: when ordered, when delivered.");
        api.MapGet("/sources/{id}", (DefenseCoopCatalog catalog, string id) => TypedResults.Ok(catalog.Sources[Parameters.SourceById(catalog, id, "id")]))
            .WithSummary("A source: publisher, title, date, language, address; an unknown id is a 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    /// <summary>A 400 problem naming the parameter; where the client probably meant a country, its <c>suggestions</c>.</summary>
    internal static ValidationProblem Problem(string parameter, string message, IReadOnlyList<CountrySuggestion>? suggestions = null) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parameter] = [message] }, detail: message, title: $"Invalid parameter '{parameter}'.",
            extensions: suggestions is { Count: > 0 } ? new Dictionary<string, object?> { ["suggestions"] = suggestions } : null);

    private static Ok<IReadOnlyList<CountryListItem>> SearchCountries(DefenseCoopCatalog catalog, string? q)
    {
        if (q?.Length > Parameters.MaxText) throw new BadParameterException(nameof(q), $"A search has at most {Parameters.MaxText} characters.");
        return TypedResults.Ok<IReadOnlyList<CountryListItem>>([.. CatalogQueries.Search(catalog, q).Select(c => new CountryListItem(c.Code, c.Name, c.Alpha3, c.IsHistorical))]);
    }

    private static TimelineResponse Timeline(DefenseCoopCatalog catalog, IReadOnlyList<CountryCode> countries, IReadOnlyList<TimelineEntry> entries) =>
        new(countries, entries, Sources(catalog, entries.SelectMany(e => e.Sources)));

    private static IReadOnlyList<Source> Sources(DefenseCoopCatalog catalog, IEnumerable<SourceId> ids) =>
        [.. ids.Distinct().Order().Select(id => catalog.Sources[id])];

    private static Ok<AgreementPageResponse> Agreements(DefenseCoopCatalog catalog,
        string? country, string? partner, string? organization, string? system, string? kind, string? area, string? status,
        string? signedFrom, string? signedTo, string? inForceOn, string? possiblyInForceOn, string? order, string? skip, string? take)
    {
        var query = catalog.Agreements;
        var first = Parameters.OptionalCountry(catalog, country, nameof(country));
        var second = Parameters.OptionalCountry(catalog, partner, nameof(partner));
        if (second is not null && first is null) throw new BadParameterException(nameof(partner), "A partner needs a country: give both, as country=TR&partner=FI.");
        if (first is not null && second is not null)
        {
            if (first.Code == second.Code) throw new BadParameterException(nameof(partner), $"A dyad needs two different countries; both are {first.Code}.");
            query = query.Between(first.Code, second.Code);
        }
        else if (first is not null) query = query.Involving(first.Code);
        if (!string.IsNullOrWhiteSpace(organization))
        {
            var found = catalog.Organizations.Resolve(organization) ?? throw new BadParameterException(nameof(organization), $"'{organization}' is not an organization this catalog knows.");
            query = query.Involving(found.Id);
        }
        if (!string.IsNullOrWhiteSpace(system))
        {
            var found = catalog.Systems.Resolve(system) ?? throw new BadParameterException(nameof(system), $"'{system}' is not a defence system this catalog knows.");
            query = query.Involving(found.Id);
        }
        if (Parameters.Enums<AgreementKind>(kind, nameof(kind)) is { Length: > 0 } kinds) query = query.OfKind(kinds);
        if (Parameters.Enums<CooperationArea>(area, nameof(area)) is { Length: > 0 } areas) query = query.InArea(areas);
        if (Parameters.Enums<AgreementStatus>(status, nameof(status)) is { Length: > 0 } statuses) query = query.WithStatus(statuses);
        var from = Parameters.Date(signedFrom, nameof(signedFrom));
        var to = Parameters.Date(signedTo, nameof(signedTo));
        if (from is { } f && to is { } t && t.Latest < f.Earliest) throw new BadParameterException(nameof(signedTo), $"The range ends ({t}) before it begins ({f}).");
        if (from is not null || to is not null)
            query = query.Within(from?.Earliest ?? new NodaTime.LocalDate(Parameters.MinYear, 1, 1), to?.Latest ?? new NodaTime.LocalDate(Parameters.MaxYear, 12, 31));
        if (Parameters.Day(inForceOn, nameof(inForceOn)) is { } day) query = query.InForceOn(day);
        if (Parameters.Day(possiblyInForceOn, nameof(possiblyInForceOn)) is { } possibleDay) query = query.PossiblyInForceOn(possibleDay);
        if (Parameters.Descending(order, nameof(order))) query = query.OrderBySigningDateDescending();
        int skipCount = Parameters.Count(skip, nameof(skip), 0, int.MaxValue);
        int takeCount = Parameters.Count(take, nameof(take), 20, 100);
        var page = query.Skip(skipCount).Take(takeCount);
        return TypedResults.Ok(new AgreementPageResponse(page.Total, page.Offset, takeCount, page.ToList()));
    }

    private static Ok<SpendingResponse> Spending(DefenseCoopCatalog catalog,
        string? country, string? organization, string? measure, string? from, string? to, string? publisher, string? source, string? policy)
    {
        var query = catalog.Spending;
        if (!string.IsNullOrWhiteSpace(country))
            query = query.Of([.. country.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => Parameters.Country(catalog, c, nameof(country)).Code)]);
        if (!string.IsNullOrWhiteSpace(organization))
        {
            var found = catalog.Organizations.Resolve(organization) ?? throw new BadParameterException(nameof(organization), $"'{organization}' is not an organization this catalog knows.");
            query = query.OfOrganization(found.Id);
        }
        if (Parameters.Enums<SpendingMeasure>(measure, nameof(measure)) is { Length: > 0 } measures) query = query.Measure(measures);
        var (fromYear, toYear) = Parameters.YearRange(from, to, nameof(from), nameof(to));
        if (fromYear is not null || toYear is not null) query = query.Within(fromYear ?? Parameters.MinYear, toYear ?? Parameters.MaxYear);
        if (!string.IsNullOrWhiteSpace(publisher)) query = query.FromPublisher(publisher);
        if (!string.IsNullOrWhiteSpace(source)) query = query.FromSource(Parameters.Source(catalog, source, nameof(source)));
        var chosen = Parameters.Policy(catalog, policy, nameof(policy));
        if (chosen is null)
        {
            var series = query.Series();
            return TypedResults.Ok(new SpendingResponse(null, series, null, Sources(catalog, series.SelectMany(s => s.Observations).Select(o => o.Source))));
        }
        var reconciled = query.Reconcile(chosen).Series();
        return TypedResults.Ok(new SpendingResponse(chosen, null, reconciled, Sources(catalog, reconciled.SelectMany(s => s.Values).SelectMany(v => v.From).Select(o => o.Source))));
    }

    private static Ok<TradeResponse> Trade(DefenseCoopCatalog catalog,
        string? country, string? exporter, string? importer, string? partner, string? kind,
        string? orderedFrom, string? orderedTo, string? deliveredFrom, string? deliveredTo)
    {
        var query = catalog.Trade;
        var involved = Parameters.OptionalCountry(catalog, country, nameof(country));
        var other = Parameters.OptionalCountry(catalog, partner, nameof(partner));
        if (other is not null && involved is null) throw new BadParameterException(nameof(partner), "A partner needs a country: give both, as country=TR&partner=FI.");
        if (involved is not null && other is not null)
        {
            if (involved.Code == other.Code) throw new BadParameterException(nameof(partner), $"A dyad needs two different countries; both are {involved.Code}.");
            query = query.Between(involved.Code, other.Code);
        }
        else if (involved is not null) query = query.Involving(involved.Code);
        if (Parameters.OptionalCountry(catalog, exporter, nameof(exporter)) is { } from) query = query.From(from.Code);
        if (Parameters.OptionalCountry(catalog, importer, nameof(importer)) is { } to) query = query.To(to.Code);
        if (Parameters.Enums<TradeKind>(kind, nameof(kind)) is { Length: > 0 } kinds) query = query.OfKind(kinds);
        var ordered = Parameters.YearRange(orderedFrom, orderedTo, nameof(orderedFrom), nameof(orderedTo));
        var delivered = Parameters.YearRange(deliveredFrom, deliveredTo, nameof(deliveredFrom), nameof(deliveredTo));
        // The library's two clocks: a deal by its order year or delivery years, any other flow by its period.
        if (ordered.From is not null || ordered.To is not null) query = query.OrderedWithin(ordered.From ?? 1, ordered.To ?? 9999);
        if (delivered.From is not null || delivered.To is not null) query = query.DeliveredWithin(delivered.From ?? 1, delivered.To ?? 9999);
        var flows = query.ToList();
        var totals = query.Totals();
        var tiv = query.TivDelivered();
        return TypedResults.Ok(new TradeResponse(flows, totals, tiv));
    }
}
