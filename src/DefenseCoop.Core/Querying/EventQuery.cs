using DefenseCoop.Indexing;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over the catalog's events (meetings, exhibitions, statements, requests...), in
/// date order with undated events last. Each filter returns a new query; nothing runs until the query
/// is enumerated or counted.
/// </summary>
/// <remarks>
/// Filters on countries, pairs of countries, organizations, systems and kinds are answered from posting
/// lists and intersected smallest first; a date range narrows the walk to a window of the date-ordered
/// events. A country takes part in an event as a state or through an organization based in it (a company
/// at an exhibition counts for its country), unless <see cref="RecordQuery{TRecord, TKind, TQuery}.StatesOnly"/> is asked for.
/// </remarks>
public sealed class EventQuery : RecordQuery<Event, EventKind, EventQuery>
{
    internal EventQuery(DefenseCoopCatalog catalog) : this(catalog, RecordFilter<EventKind>.None) { }

    private EventQuery(DefenseCoopCatalog catalog, RecordFilter<EventKind> shared) : base(catalog, shared) { }

    private protected override EventQuery With(RecordFilter<EventKind> shared) => new(Catalog, shared);

    private protected override QueryPlan<Event> CreatePlan()
    {
        var index = Catalog.EventIndex;
        return SharedParts(index).ToPlan(index.RecordSource, index.Records.Length, index.Bits, index.DatedCount, descending: false);
    }
}
