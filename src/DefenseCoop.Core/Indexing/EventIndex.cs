using System.Collections.Frozen;
using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// Posting lists over the events, in date order (undated last): per country (states and, rolled up,
/// the home countries of the organizations taking part), per pair of countries, per organization,
/// system and kind; dates as an array for range windows.
/// </summary>
internal sealed class EventIndex : IRecordIndex<Event, EventKind>
{
    private readonly LocalDate[] _dateEarliest;

    public EventIndex(IEnumerable<Event> events, Func<OrganizationId, CountryCode?> homeCountry)
    {
        Records = DateOrder.Sort([.. events.OrderBy(e => e.Id)], e => e.Date);
        int dated = 0;
        while (dated < Records.Length && Records[dated].Date is not null) dated++;
        DatedCount = dated;
        _dateEarliest = new LocalDate[dated];
        for (int i = 0; i < dated; i++) _dateEarliest[i] = Records[i].Date!.Value.Earliest;

        var byCountry = new CountryPostings(homeCountry);
        var organizations = new Postings.Builder<OrganizationId>();
        var systems = new Postings.Builder<SystemId>();
        var kinds = new Postings.Builder<EventKind>();
        for (int ordinal = 0; ordinal < Records.Length; ordinal++)
        {
            var e = Records[ordinal];
            foreach (var country in e.Countries) byCountry.AddState(country);
            foreach (var organization in e.Organizations.Distinct())
            {
                organizations.Add(organization, ordinal);
                byCountry.AddOrganization(organization);
            }
            byCountry.Post(ordinal);
            foreach (var system in e.Systems.Distinct()) systems.Add(system, ordinal);
            kinds.Add(e.Kind, ordinal);
        }
        Countries = byCountry.Countries().ToFrozenDictionary();
        Dyads = byCountry.Dyads().ToFrozenDictionary();
        StateCountries = byCountry.StateCountries().ToFrozenDictionary();
        StateDyads = byCountry.StateDyads().ToFrozenDictionary();
        Organizations = organizations.ToDictionary().ToFrozenDictionary();
        Systems = systems.ToDictionary().ToFrozenDictionary();
        Kinds = kinds.ToDictionary().ToFrozenDictionary();
        Bits = new PostingBits(Records.Length, () => [.. Countries.Values, .. Dyads.Values, .. StateCountries.Values, .. StateDyads.Values,
            .. Organizations.Values, .. Systems.Values, .. Kinds.Values]);
    }

    /// <inheritdoc/>
    public Func<Event[]> RecordSource => _recordSource ??= () => Records;

    private Func<Event[]>? _recordSource;

    /// <summary>Gets the bitmaps of the dense posting lists.</summary>
    public PostingBits Bits { get; }

    public Event[] Records { get; }
    public int DatedCount { get; }
    public FrozenDictionary<CountryCode, int[]> Countries { get; }
    public FrozenDictionary<(CountryCode, CountryCode), int[]> Dyads { get; }
    public FrozenDictionary<CountryCode, int[]> StateCountries { get; }
    public FrozenDictionary<(CountryCode, CountryCode), int[]> StateDyads { get; }
    public FrozenDictionary<OrganizationId, int[]> Organizations { get; }
    public FrozenDictionary<SystemId, int[]> Systems { get; }
    public FrozenDictionary<EventKind, int[]> Kinds { get; }

    IReadOnlyDictionary<CountryCode, int[]> IPostingIndex<EventKind>.CountryPostings => Countries;
    IReadOnlyDictionary<CountryCode, int[]> IPostingIndex<EventKind>.StateCountryPostings => StateCountries;
    IReadOnlyDictionary<(CountryCode, CountryCode), int[]> IPostingIndex<EventKind>.DyadPostings => Dyads;
    IReadOnlyDictionary<(CountryCode, CountryCode), int[]> IPostingIndex<EventKind>.StateDyadPostings => StateDyads;
    IReadOnlyDictionary<OrganizationId, int[]> IPostingIndex<EventKind>.OrganizationPostings => Organizations;
    IReadOnlyDictionary<SystemId, int[]> IPostingIndex<EventKind>.SystemPostings => Systems;
    IReadOnlyDictionary<EventKind, int[]> IPostingIndex<EventKind>.KindPostings => Kinds;

    (int From, int To) IPostingIndex<EventKind>.DateWindow(LocalDate from, LocalDate to) => DateWindow(from, to);

    Func<int, bool> IPostingIndex<EventKind>.EndsBy(LocalDate to)
    {
        var records = Records;
        return ordinal => records[ordinal].Date!.Value.Latest <= to;
    }

    /// <summary>The ordinals of events whose earliest day lies within the range; their latest day is checked per candidate.</summary>
    public (int From, int To) DateWindow(LocalDate from, LocalDate to) =>
        (DateOrder.LowerBound(_dateEarliest, from), DateOrder.UpperBound(_dateEarliest, to));
}
