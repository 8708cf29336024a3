using System.Collections.Immutable;

namespace DefenseCoop.Networks;

/// <summary>
/// An immutable description of a cooperation network over time: which records make ties (agreements,
/// trade flows, events, of which kinds), whose records, over which years, cut into which periods,
/// directed or not, weighted by what. Each call returns a new query; <see cref="Build"/> makes the graphs.
/// </summary>
/// <remarks>
/// <para>A record ties its parties. An agreement or an event ties every pair of the countries taking part
/// (as states, or through their firms and agencies, which count for their home country); an
/// intergovernmental organization counts for no country. A trade flow ties its exporter to its importer; a
/// country's total (no importer) and a publisher's annual volume tie nothing. With
/// <see cref="OrganizationsAsNodes"/> every organization is a node of its own instead; with
/// <see cref="StatesOnly"/> only states' own parts count.</para>
/// <para>A record falls in the year it was signed (agreements), happened (events) or covers (trade, or the
/// years of delivery, see <see cref="TradeClock"/>); undated records fall in no year. A directed graph
/// gives an agreement, an event or a bilateral trade total a tie each way.</para>
/// </remarks>
/// <example><code>
/// var network = catalog.Networks.Agreements().Events().Involving("TR").Within(2015, 2025).Build();
/// foreach (var graph in network)
///     Console.WriteLine($"{graph.From}: {graph.Measures().Of("TR")?.Betweenness:0.000}");
/// </code></example>
public sealed class NetworkQuery
{
    private readonly DefenseCoopCatalog _catalog;

    internal NetworkQuery(DefenseCoopCatalog catalog) : this(catalog, new NetworkSpec()) { }

    private NetworkQuery(DefenseCoopCatalog catalog, NetworkSpec spec)
    {
        _catalog = catalog;
        Spec = spec;
    }

    internal NetworkSpec Spec { get; }

    private NetworkQuery With(NetworkSpec spec) => new(_catalog, spec);

    /// <summary>Agreements of the given kinds make ties; of every kind when none is given.</summary>
    public NetworkQuery Agreements(params ReadOnlySpan<AgreementKind> kinds) => With(Spec with { AgreementKinds = [.. Spec.AgreementKinds ?? [], .. kinds] });

    /// <summary>Trade flows of the given kinds make ties; of every kind when none is given.</summary>
    public NetworkQuery Trade(params ReadOnlySpan<TradeKind> kinds) => With(Spec with { TradeKinds = [.. Spec.TradeKinds ?? [], .. kinds] });

    /// <summary>Events of the given kinds make ties; of every kind when none is given.</summary>
    public NetworkQuery Events(params ReadOnlySpan<EventKind> kinds) => With(Spec with { EventKinds = [.. Spec.EventKinds ?? [], .. kinds] });

    /// <summary>Only agreements that cover any of the areas make ties (trade flows and events have no areas and are not affected).</summary>
    public NetworkQuery InArea(params ReadOnlySpan<CooperationArea> areas) => With(Spec with { Areas = Spec.Areas.AddRange(areas) });

    /// <summary>The records of one country only (as a state, or through its organizations unless <see cref="StatesOnly"/>): its own network, with the ties among its partners that those records make.</summary>
    /// <exception cref="ArgumentException"><paramref name="country"/> is not a country of the catalog.</exception>
    public NetworkQuery Involving(CountryRef country) => With(Spec with { Focus = CatalogTies.Country(_catalog, country, nameof(country)) });

    /// <summary>The records of one country (by code or any name <c>Countries.Resolve</c> knows), or else of one organization (by id or name).</summary>
    /// <exception cref="ArgumentException"><paramref name="countryOrOrganization"/> names no country or organization of the catalog.</exception>
    public NetworkQuery Involving(string countryOrOrganization) => With(Spec with { Focus = CatalogTies.Party(_catalog, countryOrOrganization, nameof(countryOrOrganization)) });

    /// <summary>The records of one organization only.</summary>
    /// <exception cref="ArgumentException"><paramref name="organization"/> is not an organization of the catalog; the message names the closest ones.</exception>
    public NetworkQuery Involving(OrganizationId organization) => With(Spec with { Focus = CatalogTies.Organization(_catalog, organization, nameof(organization)) });

    /// <summary>
    /// The years covered, <paramref name="fromYear"/> to <paramref name="toYear"/> inclusive, each record by its own
    /// date as every query's <c>Within</c> takes it. Without it, the years of the chosen records.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is empty (<paramref name="toYear"/> before <paramref name="fromYear"/>) or a year is outside 1–9999.</exception>
    public NetworkQuery Within(int fromYear, int toYear)
    {
        if (fromYear is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(fromYear), fromYear, "A year is between 1 and 9999.");
        if (toYear is < 1 or > 9999) throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "A year is between 1 and 9999.");
        if (toYear < fromYear) throw new ArgumentOutOfRangeException(nameof(toYear), toYear, $"The range is empty: it ends ({toYear}) before it begins ({fromYear}).");
        return With(Spec with { From = fromYear, To = toYear });
    }

    /// <summary>One graph a year (the default).</summary>
    public NetworkQuery PerYear() => With(Spec with { WindowYears = 1 });

    /// <summary>One graph for each run of <paramref name="years"/> consecutive years within the range, a record counting in every window that holds its year.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="years"/> is below 1.</exception>
    public NetworkQuery SlidingWindow(int years) =>
        years < 1 ? throw new ArgumentOutOfRangeException(nameof(years), years, "A window is at least one year long.") : With(Spec with { WindowYears = years });

    /// <summary>One graph of the whole range.</summary>
    public NetworkQuery WholeRange() => With(Spec with { WindowYears = 0 });

    /// <summary>Directed ties: trade from exporter to importer; agreements, events and bilateral totals both ways.</summary>
    public NetworkQuery Directed() => With(Spec with { Directed = true });

    /// <summary>What a tie's weight adds up: records (the default) or SIPRI's TIV, for trade only.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="weighting"/> is not a defined value.</exception>
    public NetworkQuery WeightBy(EdgeWeighting weighting) => Enum.IsDefined(weighting)
        ? With(Spec with { Weighting = weighting })
        : throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "Not a weighting.");

    /// <summary>Which year a trade record falls in: its period (the default; a deal's order year) or its deliveries.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is not a defined value.</exception>
    public NetworkQuery TradeClock(TradeYear year) => Enum.IsDefined(year)
        ? With(Spec with { TradeYear = year })
        : throw new ArgumentOutOfRangeException(nameof(year), year, "Not a trade clock.");

    /// <summary>Only states' own parts in records count; their firms and agencies do not.</summary>
    public NetworkQuery StatesOnly() => With(Spec with { StatesOnly = true });

    /// <summary>Every organization taking part is a node of its own, instead of counting for its home country.</summary>
    public NetworkQuery OrganizationsAsNodes() => With(Spec with { OrganizationsAsNodes = true });

    /// <summary>Makes the graphs, one per period, in period order. A period without ties is a graph with no nodes.</summary>
    /// <exception cref="InvalidOperationException">
    /// No kind of record was chosen; <see cref="EdgeWeighting.Tiv"/> with agreements or events;
    /// <see cref="StatesOnly"/> with <see cref="OrganizationsAsNodes"/>; or a window longer than the range.
    /// </exception>
    public NetworkSeries Build()
    {
        Spec.Validate();
        return NetworkAssembler.Build(Spec, CatalogTies.Read(_catalog, Spec));
    }

    /// <inheritdoc/>
    public override string ToString() => Spec.ToString();
}

/// <summary>What a <see cref="NetworkQuery"/> asks for; null kinds: that family of records is not used, empty: every kind.</summary>
internal sealed record NetworkSpec
{
    public ImmutableArray<AgreementKind>? AgreementKinds { get; init; }
    public ImmutableArray<TradeKind>? TradeKinds { get; init; }
    public ImmutableArray<EventKind>? EventKinds { get; init; }
    public ImmutableArray<CooperationArea> Areas { get; init; } = [];
    public NetworkNode? Focus { get; init; }
    public int? From { get; init; }
    public int? To { get; init; }
    public int WindowYears { get; init; } = 1;
    public bool Directed { get; init; }
    public EdgeWeighting Weighting { get; init; } = EdgeWeighting.Records;
    public TradeYear TradeYear { get; init; } = TradeYear.Period;
    public bool StatesOnly { get; init; }
    public bool OrganizationsAsNodes { get; init; }

    public void Validate()
    {
        if (AgreementKinds is null && TradeKinds is null && EventKinds is null)
            throw new InvalidOperationException("No kind of record was chosen: call Agreements(), Trade() or Events() (with kinds, or none for every kind).");
        if (Weighting == EdgeWeighting.Tiv && (AgreementKinds is not null || EventKinds is not null))
            throw new InvalidOperationException("Weighting by TIV applies to arms-transfer deals only; agreements and events have no TIV. Weight by records, or choose trade alone.");
        if (StatesOnly && OrganizationsAsNodes)
            throw new InvalidOperationException("StatesOnly() leaves organizations out, and OrganizationsAsNodes() makes them nodes: choose one.");
        if (From is { } from && To is { } to && WindowYears > to - from + 1)
            throw new InvalidOperationException($"A window of {WindowYears} years does not fit in {from}–{to}.");
    }
}
