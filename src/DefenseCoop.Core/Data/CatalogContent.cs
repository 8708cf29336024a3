using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Data;

/// <summary>Validated records, ready to index: every reference in them resolves, and each kind is in (ordinal) id order.</summary>
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
    /// <summary>Each record and the file it came from, by the record's key (<see cref="DataValidator.KeyOf"/>).</summary>
    public IReadOnlyDictionary<(DataValidator.Target, string), (object Record, string File)> Origins { get; init; } =
        new Dictionary<(DataValidator.Target, string), (object, string)>();
}
