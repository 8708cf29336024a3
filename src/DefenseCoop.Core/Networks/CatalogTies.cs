using DefenseCoop.Querying;

namespace DefenseCoop.Networks;

/// <summary>A tie that one record makes in one year: between every pair of its parties, or from a source to a target.</summary>
/// <param name="Year">The year the record falls in.</param>
/// <param name="Parties">The distinct nodes tied; when <paramref name="Ordered"/>, the source and the target.</param>
/// <param name="Ordered">Whether the tie runs from the first party to the second (trade), rather than among all.</param>
/// <param name="Weight">What the record adds to each tie's weight.</param>
internal readonly record struct Tie(int Year, NetworkNode[] Parties, bool Ordered, double Weight);

/// <summary>
/// The catalog's records as ties: the one place where networks read the catalog's queries, so that a
/// change to the query surface meets the networks here only.
/// </summary>
internal static class CatalogTies
{
    public static NetworkNode Country(DefenseCoopCatalog catalog, CountryRef country, string parameter)
    {
        var code = catalog.CountryOf(country, parameter);
        return new NetworkNode(code.Value, catalog.Countries[code].Name, NetworkNodeKind.Country);
    }

    public static NetworkNode Organization(DefenseCoopCatalog catalog, OrganizationId organization, string parameter)
    {
        if (catalog.Organizations.TryGet(organization, out var found))
            return new NetworkNode(found.Id.Value, found.Name, NetworkNodeKind.Organization);
        var closest = catalog.Organizations.Closest(organization.Value, 3).Select(o => $"{o.Id} ({o.Name})");
        throw new ArgumentException($"'{organization}' is not an organization of this catalog (data {catalog.DataVersion}); the closest are: {string.Join(", ", closest)}.", parameter);
    }

    public static NetworkNode Party(DefenseCoopCatalog catalog, string countryOrOrganization, string parameter)
    {
        ArgumentNullException.ThrowIfNull(countryOrOrganization, parameter);
        return catalog.Involved(countryOrOrganization, parameter) switch
        {
            CountryCode country => Country(catalog, country, parameter),
            OrganizationId organization => Organization(catalog, organization, parameter),
            _ => throw new ArgumentException($"'{countryOrOrganization}' names a defence system; a network's records involve countries and organizations.", parameter),
        };
    }

    public static IEnumerable<Tie> Read(DefenseCoopCatalog catalog, NetworkSpec spec)
    {
        var nodes = new Nodes(catalog, spec);
        var focus = spec.Focus;
        bool statesOnly = spec.StatesOnly || (spec.OrganizationsAsNodes && focus?.Kind == NetworkNodeKind.Country);

        if (spec.AgreementKinds is { } agreementKinds)
        {
            var query = catalog.Agreements;
            if (agreementKinds.Length > 0) query = query.OfKind(agreementKinds);
            if (spec.Areas.Length > 0) query = query.InArea(spec.Areas);
            if (focus is not null) query = focus.Kind == NetworkNodeKind.Country ? query.Involving(CountryCode.Parse(focus.Id)) : query.Involving(new OrganizationId(focus.Id));
            if (statesOnly) query = query.StatesOnly();
            foreach (var agreement in query)
                if (agreement.SignedOn is { } signed && nodes.Parties(agreement.Countries, agreement.Organizations) is { Length: > 1 } parties)
                    yield return new Tie(signed.Year, parties, false, 1);
        }

        if (spec.EventKinds is { } eventKinds)
        {
            var query = catalog.Events;
            if (eventKinds.Length > 0) query = query.OfKind(eventKinds);
            if (focus is not null) query = focus.Kind == NetworkNodeKind.Country ? query.Involving(CountryCode.Parse(focus.Id)) : query.Involving(new OrganizationId(focus.Id));
            if (statesOnly) query = query.StatesOnly();
            foreach (var ev in query)
                if (ev.Date is { } date && nodes.Parties(ev.Countries, ev.Organizations) is { Length: > 1 } parties)
                    yield return new Tie(date.Year, parties, false, 1);
        }

        if (spec.TradeKinds is { } tradeKinds)
        {
            var query = catalog.Trade;
            if (tradeKinds.Length > 0) query = query.OfKind(tradeKinds);
            if (focus is not null) query = focus.Kind == NetworkNodeKind.Country ? query.Involving(CountryCode.Parse(focus.Id)) : query.Involving(new OrganizationId(focus.Id));
            if (statesOnly) query = query.StatesOnly();
            foreach (var flow in query)
                foreach (var tie in TradeTies(flow, nodes, spec))
                    yield return tie;
        }
    }

    private static IEnumerable<Tie> TradeTies(TradeFlow flow, Nodes nodes, NetworkSpec spec)
    {
        if (nodes.Side(flow.Exporter, flow.ExporterOrganization) is not { } from || nodes.Side(flow.Importer, flow.ImporterOrganization) is not { } to || from == to)
            yield break;
        double? tiv = flow.Deal?.TivDelivered is { Millions: > 0 } delivered ? (double)delivered.Millions : null;
        if (spec.Weighting == EdgeWeighting.Tiv && tiv is null) yield break;
        NetworkNode[] parties = [from, to];
        if (spec.TradeYear == TradeYear.Delivery && flow.Deal is { DeliveryYears.Length: > 0 } deal)
        {
            // The register gives a deal's delivered TIV as one total: each delivery year gets an equal share.
            double share = spec.Weighting == EdgeWeighting.Tiv ? tiv!.Value / deal.DeliveryYears.Length : 1;
            foreach (int year in deal.DeliveryYears.Distinct())
                yield return new Tie(year, parties, flow.IsDirected, share * deal.DeliveryYears.Count(y => y == year));
        }
        else if (flow.Period is { } period)
        {
            yield return new Tie(period.Year, parties, flow.IsDirected, spec.Weighting == EdgeWeighting.Tiv ? tiv!.Value : 1);
        }
    }

    /// <summary>The node each party of a record stands for, made once per party.</summary>
    private sealed class Nodes(DefenseCoopCatalog catalog, NetworkSpec spec)
    {
        private readonly Dictionary<CountryCode, NetworkNode> _countries = [];
        private readonly Dictionary<OrganizationId, NetworkNode?> _organizations = [];

        public NetworkNode[] Parties(IEnumerable<CountryCode> countries, IEnumerable<OrganizationId> organizations)
        {
            var parties = new List<NetworkNode>();
            foreach (var country in countries) Add(parties, Country(country));
            if (!spec.StatesOnly)
                foreach (var organization in organizations) if (Organization(organization) is { } node) Add(parties, node);
            return [.. parties];
        }

        /// <summary>The node of one side of a flow: its state, or else its organization when that counts as a node or for a country.</summary>
        public NetworkNode? Side(CountryCode? country, OrganizationId? organization) =>
            country is { } code ? Country(code) : organization is { } id && !spec.StatesOnly ? Organization(id) : null;

        private static void Add(List<NetworkNode> parties, NetworkNode node)
        {
            if (!parties.Contains(node)) parties.Add(node);
        }

        private NetworkNode Country(CountryCode code)
        {
            if (!_countries.TryGetValue(code, out var node))
                _countries[code] = node = new NetworkNode(code.Value, catalog.Countries[code].Name, NetworkNodeKind.Country);
            return node;
        }

        // An organization is a node of its own, or counts for its home country; an intergovernmental one, for none.
        private NetworkNode? Organization(OrganizationId id)
        {
            if (_organizations.TryGetValue(id, out var node)) return node;
            var organization = catalog.Organizations[id];
            node = spec.OrganizationsAsNodes ? new NetworkNode(id.Value, organization.Name, NetworkNodeKind.Organization)
                : organization.Country is { } home ? Country(home)
                : null;
            return _organizations[id] = node;
        }
    }
}
