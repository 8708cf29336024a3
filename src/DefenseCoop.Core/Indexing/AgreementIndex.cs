using System.Collections.Frozen;
using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// The agreements in signing-date order (undated last), with posting lists of ordinals per country,
/// dyad, organization, system, kind, area and status, and an interval index of when each may be in
/// force. Built once per catalog; read-only afterwards, so safe from many threads.
/// </summary>
internal sealed class AgreementIndex
{
    private const int BlockSize = 64;

    private readonly LocalDate[] _signedEarliest;
    private readonly LocalDate[] _signedLatest;
    private readonly int _longestSigningDays;
    private readonly int[] _forceByStart;
    private readonly LocalDate[] _forceStart;
    private readonly LocalDate[] _forceEnd;
    private readonly LocalDate[] _blockMaxEnd;

    /// <param name="agreements">The agreements in id order, as validated content holds them: agreements signed on the same date stay in it.</param>
    /// <param name="homeCountry">The country an organization party counts for, or null (an intergovernmental organization counts for none).</param>
    public AgreementIndex(IEnumerable<Agreement> agreements, Func<OrganizationId, CountryCode?> homeCountry)
    {
        Records = DateOrder.Sort([.. agreements], a => a.SignedOn);
        int dated = 0;
        while (dated < Records.Length && Records[dated].SignedOn is not null) dated++;
        DatedCount = dated;
        _signedEarliest = new LocalDate[dated];
        _signedLatest = new LocalDate[dated];
        for (int i = 0; i < dated; i++)
        {
            (_signedEarliest[i], _signedLatest[i]) = (Records[i].SignedOn!.Value.Earliest, Records[i].SignedOn!.Value.Latest);
            _longestSigningDays = Math.Max(_longestSigningDays, Period.DaysBetween(_signedEarliest[i], _signedLatest[i]));
        }
        All = new int[Records.Length];
        for (int i = 0; i < All.Length; i++) All[i] = i;

        // One pass over the records fills every posting list; a key repeated within a record is kept once.
        var countries = new Postings.Builder<CountryCode>();
        var dyads = new Postings.Builder<(CountryCode, CountryCode)>();
        var stateCountries = new Postings.Builder<CountryCode>();
        var stateDyads = new Postings.Builder<(CountryCode, CountryCode)>();
        var organizations = new Postings.Builder<OrganizationId>();
        var systems = new Postings.Builder<SystemId>();
        var kinds = new Postings.Builder<AgreementKind>();
        var areas = new Postings.Builder<CooperationArea>();
        var statuses = new Postings.Builder<AgreementStatus>();
        var partyCountries = new List<CountryCode>(4);
        var rolledUp = new List<CountryCode>(4);
        var spans = new List<(int Ordinal, LocalDate Start, LocalDate End)>(Records.Length);
        for (int ordinal = 0; ordinal < Records.Length; ordinal++)
        {
            var agreement = Records[ordinal];
            partyCountries.Clear();
            foreach (var party in agreement.Parties)
                if (party.Country is { } country && !partyCountries.Contains(country)) partyCountries.Add(country);
            rolledUp.Clear();
            rolledUp.AddRange(partyCountries);
            foreach (var party in agreement.Parties)
            {
                if (party.Organization is not { } organization) continue;
                organizations.Add(organization, ordinal);
                if (homeCountry(organization) is { } home && !rolledUp.Contains(home)) rolledUp.Add(home);
            }
            AddCountries(stateCountries, stateDyads, partyCountries, ordinal);
            AddCountries(countries, dyads, rolledUp, ordinal);
            foreach (var system in agreement.Systems) systems.Add(system, ordinal);
            kinds.Add(agreement.Kind, ordinal);
            foreach (var area in agreement.Areas) areas.Add(area, ordinal);
            foreach (var change in agreement.StatusHistory) statuses.Add(change.Status, ordinal);
            if (Envelope(agreement) is { } envelope) spans.Add((ordinal, envelope.Start, envelope.End));
        }
        Countries = countries.ToDictionary().ToFrozenDictionary();
        Dyads = dyads.ToDictionary().ToFrozenDictionary();
        StateCountries = stateCountries.ToDictionary().ToFrozenDictionary();
        StateDyads = stateDyads.ToDictionary().ToFrozenDictionary();
        Organizations = organizations.ToDictionary().ToFrozenDictionary();
        Systems = systems.ToDictionary().ToFrozenDictionary();
        Kinds = kinds.ToDictionary().ToFrozenDictionary();
        Areas = areas.ToDictionary().ToFrozenDictionary();
        Statuses = statuses.ToDictionary().ToFrozenDictionary();

        // When each agreement may be in force: from the earliest possible start until every change has
        // certainly happened (open if the last one starts it). The exact state is checked per candidate.
        var starts = new LocalDate[spans.Count];
        for (int i = 0; i < starts.Length; i++) starts[i] = spans[i].Start;
        var bySpanStart = spans.ToArray();
        Array.Sort(starts, bySpanStart);
        _forceStart = starts;
        _forceByStart = new int[bySpanStart.Length];
        _forceEnd = new LocalDate[bySpanStart.Length];
        for (int i = 0; i < bySpanStart.Length; i++) (_forceByStart[i], _forceEnd[i]) = (bySpanStart[i].Ordinal, bySpanStart[i].End);
        _blockMaxEnd = new LocalDate[(_forceEnd.Length + BlockSize - 1) / BlockSize];
        for (int block = 0; block < _blockMaxEnd.Length; block++)
        {
            var max = _forceEnd[block * BlockSize];
            for (int i = block * BlockSize + 1; i < Math.Min(_forceEnd.Length, (block + 1) * BlockSize); i++)
                if (_forceEnd[i] > max) max = _forceEnd[i];
            _blockMaxEnd[block] = max;
        }
    }

    /// <summary>Posts a record under each of its countries and each pair of them; the countries are distinct.</summary>
    internal static void AddCountries(Postings.Builder<CountryCode> countries, Postings.Builder<(CountryCode, CountryCode)> dyads, List<CountryCode> present, int ordinal)
    {
        for (int i = 0; i < present.Count; i++)
        {
            countries.Add(present[i], ordinal);
            for (int j = i + 1; j < present.Count; j++) dyads.Add(Dyad(present[i], present[j]), ordinal);
        }
    }

    // When an agreement may be in force, by the rule of AgreementInForce: from the earliest day of the first
    // dated change that starts it (or of its signing, if no change is dated), to the latest day of any
    // change (or open if the last one starts it).
    private static (LocalDate Start, LocalDate End)? Envelope(Agreement agreement)
    {
        LocalDate? start = null;
        LocalDate maxLatest = default;
        bool any = false, lastStarts = false;
        foreach (var change in agreement.StatusHistory)
        {
            if (change.Date is not { } date || AgreementInForce.Effect(change.Status) is not { } starts) continue;
            if (starts && start is null) start = date.Earliest;
            var latest = date.Latest;
            if (!any || latest > maxLatest) maxLatest = latest;
            any = true;
            lastStarts = starts;
        }
        if (!any && agreement.SignedOn is { } signed) return (signed.Earliest, LocalDate.MaxIsoValue);
        if (start is null) return null;
        return (start.Value, lastStarts ? LocalDate.MaxIsoValue : maxLatest);
    }

    /// <summary>Gets the agreements by ordinal.</summary>
    public Agreement[] Records { get; }

    /// <summary>Gets how many agreements have a signing date; they hold ordinals 0..DatedCount-1.</summary>
    public int DatedCount { get; }

    /// <summary>Gets every ordinal.</summary>
    public int[] All { get; }

    public FrozenDictionary<CountryCode, int[]> Countries { get; }
    public FrozenDictionary<(CountryCode, CountryCode), int[]> Dyads { get; }
    public FrozenDictionary<CountryCode, int[]> StateCountries { get; }
    public FrozenDictionary<(CountryCode, CountryCode), int[]> StateDyads { get; }
    public FrozenDictionary<OrganizationId, int[]> Organizations { get; }
    public FrozenDictionary<SystemId, int[]> Systems { get; }
    public FrozenDictionary<AgreementKind, int[]> Kinds { get; }
    public FrozenDictionary<CooperationArea, int[]> Areas { get; }
    public FrozenDictionary<AgreementStatus, int[]> Statuses { get; }

    /// <summary>The unordered pair key of two countries.</summary>
    public static (CountryCode, CountryCode) Dyad(CountryCode a, CountryCode b) => a.CompareTo(b) <= 0 ? (a, b) : (b, a);

    /// <summary>The ordinals whose signing date may start within <paramref name="from"/>..<paramref name="to"/>: a window, since ordinals follow the date.</summary>
    public (int From, int To) SignedWindow(LocalDate from, LocalDate to)
    {
        var earliest = _signedEarliest.AsSpan();
        return (DateOrder.LowerBound(earliest, from), DateOrder.LowerBound(earliest, to.PlusDays(1)));
    }

    /// <summary>The last day the signing date of dated ordinal <paramref name="ordinal"/> may be, kept beside the
    /// earliest so that a date-range check reads an array instead of the record.</summary>
    public LocalDate SignedLatest(int ordinal) => _signedLatest[ordinal];

    /// <summary>
    /// The first ordinal whose signing date may end after <paramref name="date"/>: every one before it
    /// starts early enough that even the longest partial date in the catalog (a year, say) ends by then,
    /// so a range check need not read its latest day.
    /// </summary>
    public int EndsBy(LocalDate date)
    {
        int bound = date.ToDateOnly().DayNumber - _longestSigningDays + 1;
        return bound <= DateOnly.MinValue.DayNumber ? 0 : DateOrder.LowerBound(_signedEarliest, LocalDate.FromDateOnly(DateOnly.FromDayNumber(bound)));
    }

    /// <summary>The ordinals of agreements that may be in force on <paramref name="date"/>, ascending.</summary>
    public int[] PossiblyInForce(LocalDate date)
    {
        int started = DateOrder.LowerBound(_forceStart, date.PlusDays(1));
        // A bitmap of ordinals puts the candidates in ascending order in one pass, instead of a sort.
        var bits = new ulong[(Records.Length + 63) >> 6];
        int count = 0;
        for (int block = 0; block * BlockSize < started; block++)
        {
            if (_blockMaxEnd[block] < date) continue;
            int stop = Math.Min(started, (block + 1) * BlockSize);
            for (int i = block * BlockSize; i < stop; i++)
            {
                if (_forceEnd[i] < date) continue;
                int ordinal = _forceByStart[i];
                bits[ordinal >> 6] |= 1UL << ordinal;
                count++;
            }
        }
        var result = new int[count];
        int n = 0;
        for (int word = 0; word < bits.Length; word++)
        {
            for (ulong w = bits[word]; w != 0; w &= w - 1)
                result[n++] = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(w);
        }
        return result;
    }
}
