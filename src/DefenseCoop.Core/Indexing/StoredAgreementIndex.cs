using NodaTime;

namespace DefenseCoop.Indexing;

/// <summary>
/// What an <see cref="AgreementIndex"/> is made of apart from the records: the order of its ordinals,
/// the signing days and the posting lists. The snapshot of a release stores it (<c>Data/SnapshotIndex.cs</c>),
/// so that opening the release does not read every agreement to index it again.
/// </summary>
/// <param name="DateOrder">For each ordinal, the position of its agreement in id order.</param>
/// <param name="SignedEarliest">The first day each dated ordinal's signing date may be.</param>
/// <param name="SignedLatest">The last day each dated ordinal's signing date may be.</param>
/// <param name="Countries">The ordinals per country, organizations rolled up to their home countries.</param>
/// <param name="Dyads">The ordinals per pair of countries, rolled up.</param>
/// <param name="StateCountries">The ordinals per country taking part as a state.</param>
/// <param name="StateDyads">The ordinals per pair of countries taking part as states.</param>
/// <param name="Organizations">The ordinals per organization.</param>
/// <param name="Systems">The ordinals per system.</param>
/// <param name="Kinds">The ordinals per kind.</param>
/// <param name="Areas">The ordinals per area of cooperation.</param>
/// <param name="Statuses">The ordinals per status in the history.</param>
internal sealed record StoredAgreementIndex(
    int[] DateOrder,
    LocalDate[] SignedEarliest,
    LocalDate[] SignedLatest,
    Dictionary<CountryCode, int[]> Countries,
    Dictionary<(CountryCode, CountryCode), int[]> Dyads,
    Dictionary<CountryCode, int[]> StateCountries,
    Dictionary<(CountryCode, CountryCode), int[]> StateDyads,
    Dictionary<OrganizationId, int[]> Organizations,
    Dictionary<SystemId, int[]> Systems,
    Dictionary<AgreementKind, int[]> Kinds,
    Dictionary<CooperationArea, int[]> Areas,
    Dictionary<AgreementStatus, int[]> Statuses)
{
    /// <summary>The stored form of an index built from <paramref name="agreements"/> (in id order, as content holds them).</summary>
    public static StoredAgreementIndex Of(AgreementIndex index, IReadOnlyList<Agreement> agreements)
    {
        var position = new Dictionary<Agreement, int>(agreements.Count, ReferenceEqualityComparer.Instance);
        for (int i = 0; i < agreements.Count; i++) position.Add(agreements[i], i);
        var order = new int[index.Count];
        for (int i = 0; i < order.Length; i++) order[i] = position[index.Records[i]];
        var earliest = new LocalDate[index.DatedCount];
        var latest = new LocalDate[index.DatedCount];
        for (int i = 0; i < earliest.Length; i++) (earliest[i], latest[i]) = (index.SignedEarliest(i), index.SignedLatest(i));
        return new(order, earliest, latest, index.Countries, index.Dyads, index.StateCountries, index.StateDyads,
            index.Organizations, index.Systems, index.Kinds, index.Areas, index.Statuses);
    }
}
