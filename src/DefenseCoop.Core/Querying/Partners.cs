using System.Collections.Immutable;

namespace DefenseCoop.Querying;

/// <summary>
/// Which records count in <see cref="DefenseCoopCatalog.Partners(CountryRef, int, int, PartnerKinds, bool)"/>:
/// agreements, trade flows and events of the kinds given. A record type named with no kinds counts in
/// every kind; a record type not named does not count.
/// </summary>
/// <example><code>
/// // Türkiye's partners in arms transfers and defence-industry agreements, 2015–2023:
/// var kinds = PartnerKinds.Of(TradeKind.ArmsTransfer).And(AgreementKind.DefenseIndustryCooperation);
/// var partners = DefenseCoopCatalog.Default.Partners("TR", 2015, 2023, kinds);
/// </code></example>
public sealed record PartnerKinds
{
    private PartnerKinds(ImmutableArray<AgreementKind>? agreements, ImmutableArray<TradeKind>? trade, ImmutableArray<EventKind>? events) =>
        (Agreements, Trade, Events) = (agreements, trade, events);

    /// <summary>Gets every record of every kind.</summary>
    public static PartnerKinds All { get; } = new([], [], []);

    /// <summary>Gets the agreement kinds that count (empty: every kind), or null when agreements do not count.</summary>
    public ImmutableArray<AgreementKind>? Agreements { get; }

    /// <summary>Gets the trade kinds that count (empty: every kind), or null when trade flows do not count.</summary>
    public ImmutableArray<TradeKind>? Trade { get; }

    /// <summary>Gets the event kinds that count (empty: every kind), or null when events do not count.</summary>
    public ImmutableArray<EventKind>? Events { get; }

    /// <summary>Agreements of the given kinds (of every kind when none is given), and nothing else.</summary>
    public static PartnerKinds Of(params ReadOnlySpan<AgreementKind> kinds) => new([.. kinds], null, null);

    /// <summary>Trade flows of the given kinds (of every kind when none is given), and nothing else.</summary>
    public static PartnerKinds Of(params ReadOnlySpan<TradeKind> kinds) => new(null, [.. kinds], null);

    /// <summary>Events of the given kinds (of every kind when none is given), and nothing else.</summary>
    public static PartnerKinds Of(params ReadOnlySpan<EventKind> kinds) => new(null, null, [.. kinds]);

    /// <summary>These kinds and agreements of the given kinds (of every kind when none is given).</summary>
    public PartnerKinds And(params ReadOnlySpan<AgreementKind> kinds) => new([.. Agreements ?? [], .. kinds], Trade, Events);

    /// <summary>These kinds and trade flows of the given kinds (of every kind when none is given).</summary>
    public PartnerKinds And(params ReadOnlySpan<TradeKind> kinds) => new(Agreements, [.. Trade ?? [], .. kinds], Events);

    /// <summary>These kinds and events of the given kinds (of every kind when none is given).</summary>
    public PartnerKinds And(params ReadOnlySpan<EventKind> kinds) => new(Agreements, Trade, [.. Events ?? [], .. kinds]);

    /// <inheritdoc/>
    public bool Equals(PartnerKinds? other) => other is not null
        && Same(Agreements, other.Agreements) && Same(Trade, other.Trade) && Same(Events, other.Events);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Agreements?.Length ?? -1, Trade?.Length ?? -1, Events?.Length ?? -1);

    private static bool Same<T>(ImmutableArray<T>? a, ImmutableArray<T>? b) =>
        a is null ? b is null : b is not null && a.Value.SequenceEqual(b.Value);
}

/// <summary>The one place that counts a country's partners, over the three queries of dated records.</summary>
internal static class PartnerCounts
{
    /// <summary>
    /// Every country that shares records with <paramref name="code"/>, most shared records first: within
    /// the years when given (each record by its own date, as <c>Within</c> filters), of the kinds given.
    /// </summary>
    public static IReadOnlyList<PartnerSummary> Count(DefenseCoopCatalog catalog, CountryCode code, (int From, int To)? years, PartnerKinds kinds, bool statesOnly)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        if (years is var (first, last)) YearRange.Check(first, last);
        var counts = new Dictionary<CountryCode, (int Agreements, int Flows, int Events)>();
        var seen = new HashSet<CountryCode>();
        void Add(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations, int which)
        {
            seen.Clear();
            seen.Add(code);
            foreach (var partner in statesOnly ? states : states.Concat(organizations.Select(catalog.HomeCountry).OfType<CountryCode>()))
            {
                if (!seen.Add(partner)) continue;
                var c = counts.GetValueOrDefault(partner);
                counts[partner] = which switch { 0 => c with { Agreements = c.Agreements + 1 }, 1 => c with { Flows = c.Flows + 1 }, _ => c with { Events = c.Events + 1 } };
            }
        }
        if (kinds.Agreements is { } agreementKinds)
            foreach (var agreement in Scope(catalog.Agreements.Involving(code), years, agreementKinds, statesOnly))
                Add(agreement.Countries, agreement.Organizations, 0);
        if (kinds.Trade is { } tradeKinds)
            foreach (var flow in Scope(catalog.Trade.Involving(code), years, tradeKinds, statesOnly))
                Add(new[] { flow.Exporter, flow.Importer }.OfType<CountryCode>(), flow.Organizations, 1);
        if (kinds.Events is { } eventKinds)
            foreach (var ev in Scope(catalog.Events.Involving(code), years, eventKinds, statesOnly))
                Add(ev.Countries, ev.Organizations, 2);
        return [.. counts.Select(p => new PartnerSummary(p.Key, p.Value.Agreements, p.Value.Flows, p.Value.Events))
            .OrderByDescending(p => p.Total).ThenByDescending(p => p.Agreements).ThenBy(p => p.Partner)];
    }

    private static TQuery Scope<TRecord, TKind, TQuery>(RecordQuery<TRecord, TKind, TQuery> query, (int From, int To)? years, ImmutableArray<TKind> kinds, bool statesOnly)
        where TRecord : class
        where TKind : struct, Enum
        where TQuery : RecordQuery<TRecord, TKind, TQuery>
    {
        var scoped = (TQuery)query;
        if (years is var (from, to)) scoped = scoped.Within(from, to);
        if (kinds.Length > 0) scoped = scoped.OfKind(kinds.AsSpan());
        return statesOnly ? scoped.StatesOnly() : scoped;
    }
}
