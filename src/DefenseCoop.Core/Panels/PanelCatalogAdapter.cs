using System.Globalization;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Panels;

/// <summary>
/// Everything panels ask of the catalog, in one place: the records they count, the figures they read, the
/// answers of the catalog's own queries they reuse (TIV by year, reconciled spending), and its country
/// lookups. The panels' code reads records through this class only.
/// </summary>
internal sealed class PanelCatalogAdapter(DefenseCoopCatalog catalog)
{
    /// <summary>Gets the catalog's data release.</summary>
    public DataVersion DataVersion => catalog.DataVersion;

    /// <summary>Gets the day the catalog's data was released.</summary>
    public LocalDate Released => catalog.Released;

    /// <summary>The country of each COW code of <paramref name="system"/>, from the countries' COW codes.</summary>
    /// <exception cref="InvalidOperationException">A state of the system is no country of the catalog; the message lists them.</exception>
    public IReadOnlyDictionary<int, CountryCode> CountriesByCowCode(StateSystem system)
    {
        var byCode = new Dictionary<int, CountryCode>();
        foreach (var country in catalog.Countries)
            foreach (var code in country.Codes)
                if (code.Scheme == NameScheme.Cow && int.TryParse(code.Code, NumberStyles.None, CultureInfo.InvariantCulture, out int cow))
                    byCode.TryAdd(cow, country.Code);
        var missing = system.Spells.Select(s => (s.CowCode, s.Abbreviation)).Distinct().Where(s => !byCode.ContainsKey(s.CowCode)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"The catalog (data {catalog.DataVersion}) has no country with the COW code of {missing.Count} state(s) of {system.Name}: " +
                $"{string.Join(", ", missing.Select(m => $"{m.Abbreviation} {m.CowCode}"))}. A panel's frame needs every state; build the catalog with the bundled release (AddBundled).");
        return byCode;
    }

    /// <summary>The country a panel names, by the catalog's rules for queries.</summary>
    /// <exception cref="ArgumentException">No country of the catalog is named so; the message names the closest.</exception>
    public CountryCode CountryOf(CountryRef country, string parameter) => catalog.CountryOf(country, parameter);

    /// <summary>The country of an ISO 3166-1 alpha-2 or alpha-3 code, or null.</summary>
    public CountryCode? CountryOfIsoCode(string code)
    {
        if (CountryCode.TryParse(code, out var alpha2)) return catalog.Countries.Contains(alpha2) ? alpha2 : (CountryCode?)null;
        return code.Length == 3 ? catalog.Countries.FirstOrDefault(c => string.Equals(c.Alpha3, code, StringComparison.OrdinalIgnoreCase))?.Code : null;
    }

    /// <summary>The English name of a country of the catalog.</summary>
    public string NameOf(CountryCode country) => catalog.Countries[country].Name;

    /// <summary>A source of the catalog, or null.</summary>
    public Source? SourceOf(SourceId id) => catalog.Sources.TryGet(id, out var source) ? source : null;

    /// <summary>
    /// Every agreement of the kinds (all when none), with the countries it counts for as <c>Agreements.Between</c>
    /// and <c>Involving</c> count them: its state parties and the home countries of its organizations, or its
    /// state parties alone when <paramref name="statesOnly"/> is set.
    /// </summary>
    public IEnumerable<(Agreement Record, List<CountryCode> Countries)> Agreements(IReadOnlyCollection<AgreementKind> kinds, bool statesOnly)
    {
        var query = kinds.Count == 0 ? catalog.Agreements : catalog.Agreements.OfKind(kinds);
        foreach (var agreement in query) yield return (agreement, CountriesOf(agreement.Countries, agreement.Organizations, statesOnly));
    }

    /// <summary>Every event of the kinds (all when none), with the countries it counts for, as for agreements.</summary>
    public IEnumerable<(Event Record, List<CountryCode> Countries)> Events(IReadOnlyCollection<EventKind> kinds, bool statesOnly)
    {
        var query = kinds.Count == 0 ? catalog.Events : catalog.Events.OfKind(kinds);
        foreach (var ev in query) yield return (ev, CountriesOf(ev.Countries, ev.Organizations, statesOnly));
    }

    private List<CountryCode> CountriesOf(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations, bool statesOnly)
    {
        var countries = new List<CountryCode>(4);
        foreach (var state in states)
            if (!countries.Contains(state)) countries.Add(state);
        if (statesOnly) return countries;
        foreach (var organization in organizations)
            if (catalog.HomeCountry(organization) is { } home && !countries.Contains(home)) countries.Add(home);
        return countries;
    }

    /// <summary>Every flow that records an arms-transfer register's deal, in the catalog's order (the order <c>TivByYear</c> adds them in).</summary>
    public IEnumerable<TradeFlow> Deals() => catalog.Trade.Where(f => f.Deal is not null);

    /// <summary>The TIV a country delivered as supplier in each year, as <c>Trade.From(country).TivByYear</c> gives it.</summary>
    public IReadOnlyList<AnnualTiv> TivExported(CountryCode country, int fromYear, int toYear) => catalog.Trade.From(country).TivByYear(fromYear, toYear);

    /// <summary>The TIV a country received in each year, as <c>Trade.To(country).TivByYear</c> gives it.</summary>
    public IReadOnlyList<AnnualTiv> TivImported(CountryCode country, int fromYear, int toYear) => catalog.Trade.To(country).TivByYear(fromYear, toYear);

    /// <summary>The publishers' annual TIV tables loaded (<see cref="TradeKind.ArmsTransferVolume"/> figures): the years they span and their sources; null years when none is loaded.</summary>
    public (int? From, int? To, IReadOnlyCollection<SourceId> Sources) PublishedTivTables()
    {
        int? from = null, to = null;
        var sources = new HashSet<SourceId>();
        foreach (var flow in catalog.Trade.OfKind(TradeKind.ArmsTransferVolume))
        {
            if (flow.Tiv is null || flow.Period is not { } period) continue;
            from = Math.Min(from ?? int.MaxValue, period.Earliest.Year);
            to = Math.Max(to ?? int.MinValue, period.Latest.Year);
            sources.UnionWith(flow.Sources);
        }
        return (from, to, sources);
    }

    /// <summary>Every country's figures of a measure, one per country, year and comparable series, as <c>Spending.Measure(measure).Reconcile(policy)</c> gives them.</summary>
    public IEnumerable<ReconciledObservation> Spending(SpendingMeasure measure, ReconciliationPolicy policy) =>
        catalog.Spending.Measure(measure).Reconcile(policy).Where(o => o.Key.Country is not null);

    /// <summary>The countries that hold or held a membership of an organization, with its dates.</summary>
    public IReadOnlyList<(Country Country, Membership Membership)> Members(OrganizationId organization) => catalog.Members(organization);

    /// <summary>Whether the catalog has the organization.</summary>
    public bool HasOrganization(OrganizationId organization) => catalog.Organizations.Contains(organization);
}
