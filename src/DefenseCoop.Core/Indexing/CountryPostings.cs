namespace DefenseCoop.Indexing;

/// <summary>
/// Builds the posting lists by country and by pair of countries twice over: from the states a record
/// names, and rolled up with the home countries of the organizations it names (a firm or an agency
/// counts for its country; an intergovernmental organization has none). Fed one record at a time:
/// its states and organizations, then <see cref="Post"/>.
/// </summary>
internal sealed class CountryPostings(Func<OrganizationId, CountryCode?> homeCountry)
{
    private readonly Postings.Builder<CountryCode> _countries = new(), _stateCountries = new();
    private readonly Postings.Builder<(CountryCode, CountryCode)> _dyads = new(), _stateDyads = new();
    private readonly List<CountryCode> _states = new(4), _rolledUp = new(4);

    /// <summary>Adds a state the current record names.</summary>
    public void AddState(CountryCode country)
    {
        if (!_states.Contains(country)) _states.Add(country);
    }

    /// <summary>Adds an organization the current record names: its home country, if it has one.</summary>
    public void AddOrganization(OrganizationId organization)
    {
        if (homeCountry(organization) is { } home && !_rolledUp.Contains(home)) _rolledUp.Add(home);
    }

    /// <summary>Posts the current record under its countries and pairs, each once, and starts the next.</summary>
    public void Post(int ordinal)
    {
        foreach (var state in _states)
            if (!_rolledUp.Contains(state)) _rolledUp.Add(state);
        PostUnder(_stateCountries, _stateDyads, _states, ordinal);
        PostUnder(_countries, _dyads, _rolledUp, ordinal);
        _states.Clear();
        _rolledUp.Clear();
    }

    private static void PostUnder(Postings.Builder<CountryCode> countries, Postings.Builder<(CountryCode, CountryCode)> dyads, List<CountryCode> present, int ordinal)
    {
        for (int i = 0; i < present.Count; i++)
        {
            countries.Add(present[i], ordinal);
            for (int j = i + 1; j < present.Count; j++) dyads.Add(AgreementIndex.Dyad(present[i], present[j]), ordinal);
        }
    }

    /// <summary>The lists per country, rolled up.</summary>
    public Dictionary<CountryCode, int[]> Countries() => _countries.ToDictionary();

    /// <summary>The lists per pair of countries, rolled up.</summary>
    public Dictionary<(CountryCode, CountryCode), int[]> Dyads() => _dyads.ToDictionary();

    /// <summary>The lists per country, states only.</summary>
    public Dictionary<CountryCode, int[]> StateCountries() => _stateCountries.ToDictionary();

    /// <summary>The lists per pair of countries, states only.</summary>
    public Dictionary<(CountryCode, CountryCode), int[]> StateDyads() => _stateDyads.ToDictionary();
}
