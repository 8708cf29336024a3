using DefenseCoop.Querying;

namespace DefenseCoop;

// Counting partners and telling how a country takes part in a record.
public sealed partial class DefenseCoopCatalog
{
    private static (AgreementQuery, TradeQuery, EventQuery) Scoped(AgreementQuery agreements, TradeQuery flows, EventQuery events, bool statesOnly) =>
        statesOnly ? (agreements.StatesOnly(), flows.StatesOnly(), events.StatesOnly()) : (agreements, flows, events);

    private IReadOnlyList<PartnerSummary> Partners(CountryRef country, (int From, int To)? years, bool statesOnly)
    {
        var code = CountryOf(country, nameof(country));
        var counts = new Dictionary<CountryCode, (int Agreements, int Flows, int Events)>();
        var seen = new HashSet<CountryCode>();
        void Add(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations, int which)
        {
            seen.Clear();
            seen.Add(code);
            foreach (var partner in statesOnly ? states : states.Concat(organizations.Select(HomeCountry).OfType<CountryCode>()))
            {
                if (!seen.Add(partner)) continue;
                var c = counts.GetValueOrDefault(partner);
                counts[partner] = which switch { 0 => c with { Agreements = c.Agreements + 1 }, 1 => c with { Flows = c.Flows + 1 }, _ => c with { Events = c.Events + 1 } };
            }
        }
        var (agreementQuery, tradeQuery, eventQuery) = (Agreements.Involving(code), Trade.Involving(code), Events.Involving(code));
        if (years is var (from, to))
            (agreementQuery, tradeQuery, eventQuery) = (agreementQuery.SignedWithin(from, to), tradeQuery.Years(from, to), eventQuery.Within(from, to));
        var (agreements, flows, events) = Scoped(agreementQuery, tradeQuery, eventQuery, statesOnly);
        foreach (var agreement in agreements) Add(agreement.Countries, agreement.Organizations, 0);
        foreach (var flow in flows) Add(new[] { flow.Exporter, flow.Importer }.OfType<CountryCode>(), flow.Organizations, 1);
        foreach (var ev in events) Add(ev.Countries, ev.Organizations, 2);
        return [.. counts.Select(p => new PartnerSummary(p.Key, p.Value.Agreements, p.Value.Flows, p.Value.Events))
            .OrderByDescending(p => p.Total).ThenByDescending(p => p.Agreements).ThenBy(p => p.Partner)];
    }

    private PartyLevel? Involvement(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations, CountryCode country) =>
        states.Contains(country) ? PartyLevel.State
        : organizations.Any(o => HomeCountry(o) == country) ? PartyLevel.Organization
        : null;
}
