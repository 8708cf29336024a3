using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// What the indexes of dated records with parties (agreements, trade flows, events) have in common, so
/// that one planner answers the filters they share: records in date order (undated last), posting lists
/// per country, pair of countries, organization, system and kind, and a window of ordinals for a date range.
/// </summary>
/// <typeparam name="TRecord">The record.</typeparam>
/// <typeparam name="TKind">The record's kind.</typeparam>
internal interface IRecordIndex<TRecord, TKind> : IPostingIndex<TKind> where TKind : notnull
{
    /// <summary>Gets the records by ordinal: dated ones in date order, then the undated.</summary>
    TRecord[] Records { get; }

    /// <summary>Gets <see cref="Records"/> as a function made once, which a plan calls only when it reads a record.</summary>
    Func<TRecord[]> RecordSource { get; }

    /// <summary>Gets how many records are dated; they hold ordinals 0..DatedCount-1.</summary>
    int DatedCount { get; }
}

/// <summary>
/// The part of <see cref="IRecordIndex{TRecord, TKind}"/> the shared filters plan from: postings, the date window
/// and the date test, without the record type, so that the filters' planning is compiled once per kind of record
/// rather than run as code shared by every record type (which looks its interface up at each call).
/// </summary>
/// <typeparam name="TKind">The record's kind.</typeparam>
internal interface IPostingIndex<TKind> where TKind : notnull
{
    /// <summary>Gets the bitmaps of the dense posting lists.</summary>
    PostingBits Bits { get; }

    /// <summary>Gets the records per country, as a state or through an organization based in it.</summary>
    IReadOnlyDictionary<CountryCode, int[]> CountryPostings { get; }

    /// <summary>Gets the records per country taking part as a state.</summary>
    IReadOnlyDictionary<CountryCode, int[]> StateCountryPostings { get; }

    /// <summary>Gets the records per pair of countries (<see cref="AgreementIndex.Dyad"/>), organizations counting for their home countries.</summary>
    IReadOnlyDictionary<(CountryCode, CountryCode), int[]> DyadPostings { get; }

    /// <summary>Gets the records per pair of countries taking part as states.</summary>
    IReadOnlyDictionary<(CountryCode, CountryCode), int[]> StateDyadPostings { get; }

    /// <summary>Gets the records per organization.</summary>
    IReadOnlyDictionary<OrganizationId, int[]> OrganizationPostings { get; }

    /// <summary>Gets the records per system.</summary>
    IReadOnlyDictionary<SystemId, int[]> SystemPostings { get; }

    /// <summary>Gets the records per kind.</summary>
    IReadOnlyDictionary<TKind, int[]> KindPostings { get; }

    /// <summary>The ordinals whose date may start within <paramref name="from"/>..<paramref name="to"/>: a window, since ordinals follow the date.</summary>
    (int From, int To) DateWindow(LocalDate from, LocalDate to);

    /// <summary>
    /// The test, by dated ordinal, that a record's date also ends by <paramref name="to"/> (the window
    /// admits dates that start in range).
    /// </summary>
    Func<int, bool> EndsBy(LocalDate to);
}
