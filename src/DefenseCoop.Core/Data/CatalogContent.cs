using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Data;

/// <summary>Validated records, ready to index. Every reference in them resolves.</summary>
internal sealed record CatalogContent(
    int SchemaVersion,
    DataVersion DataVersion,
    LocalDate Released,
    ImmutableArray<Source> Sources,
    ImmutableArray<Country> Countries,
    ImmutableArray<Organization> Organizations,
    ImmutableArray<Person> People,
    ImmutableArray<DefenseSystem> Systems,
    ImmutableArray<Agreement> Agreements,
    ImmutableArray<SpendingSeries> Spending,
    ImmutableArray<TradeFlow> Trade,
    ImmutableArray<Event> Events)
{
    /// <summary>The file each record came from, by reference.</summary>
    public IReadOnlyDictionary<object, string> Origins { get; init; } = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
}
