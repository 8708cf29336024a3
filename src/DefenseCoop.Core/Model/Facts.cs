using System.Collections.Immutable;

namespace DefenseCoop;

/// <summary>A party to an agreement: a country or an organization, in a role.</summary>
/// <param name="Country">The country, when the party is a state.</param>
/// <param name="Organization">The organization, when the party is a body.</param>
/// <param name="Role">The role it plays.</param>
public sealed record AgreementParty(CountryCode? Country, OrganizationId? Organization, PartyRole Role)
{
    /// <inheritdoc/>
    public override string ToString() => $"{(object?)Country ?? Organization} ({Role})";
}

/// <summary>A person who signed an agreement, in the role held when signing.</summary>
/// <param name="Person">The person.</param>
/// <param name="Title">The title held when signing.</param>
/// <param name="Organization">The body signed for, if recorded.</param>
/// <param name="Country">The country signed for, if recorded.</param>
public sealed record Signatory(PersonId Person, string Title, OrganizationId? Organization, CountryCode? Country);

/// <summary>A dated, sourced change in an agreement's status.</summary>
/// <param name="Status">The new status.</param>
/// <param name="Date">When, to the precision known; <see langword="null"/> when no source dates it.</param>
/// <param name="Sources">The sources.</param>
public sealed record StatusChange(AgreementStatus Status, PartialDate? Date, ImmutableArray<SourceId> Sources) : ISourced
{
    /// <summary>Gets what the curator says of the change's cited pages beyond citing them (no date on the page, a fact inferred).</summary>
    public ImmutableArray<SourceCaveat> Caveats { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(StatusChange? other) =>
        other is not null && Status == other.Status && Date == other.Date && ValueEquality.Same(Sources, other.Sources) && ValueEquality.Same(Caveats, other.Caveats);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Status, Date, ValueEquality.Hash(Sources));
}

/// <summary>An agreement, protocol, memorandum, contract, ratification or embargo.</summary>
public sealed record Agreement : ISourced
{
    /// <summary>Gets the stable id.</summary>
    public required AgreementId Id { get; init; }
    /// <summary>Gets the title, in this library's words.</summary>
    public required string Title { get; init; }
    /// <summary>Gets the kind.</summary>
    public required AgreementKind Kind { get; init; }
    /// <summary>Gets the parties with their roles.</summary>
    public required ImmutableArray<AgreementParty> Parties { get; init; }
    /// <summary>Gets the signatories in their roles.</summary>
    public ImmutableArray<Signatory> Signatories { get; init; } = [];
    /// <summary>Gets when it was signed (for an embargo, imposed; for a ratification, voted), to the precision known.</summary>
    public PartialDate? SignedOn { get; init; }
    /// <summary>Gets where it was signed, if known.</summary>
    public string? Place { get; init; }
    /// <summary>Gets the status history in date order.</summary>
    public ImmutableArray<StatusChange> StatusHistory { get; init; } = [];
    /// <summary>Gets the areas of cooperation it covers.</summary>
    public ImmutableArray<CooperationArea> Areas { get; init; } = [];
    /// <summary>Gets the systems it concerns.</summary>
    public ImmutableArray<SystemId> Systems { get; init; } = [];
    /// <summary>Gets the agreement this one implements or belongs to.</summary>
    public AgreementId? PartOf { get; init; }
    /// <summary>Gets its value, where known.</summary>
    public Money? Value { get; init; }

    /// <summary>
    /// Gets every figure the pages report for the agreement's value, each with its sources, where they
    /// disagree; empty where one figure (<see cref="Value"/>, citing the record's sources) is all there is.
    /// </summary>
    /// <remarks>The first figure is <see cref="Value"/>, the one that totals use, so that a contract counts once.</remarks>
    public ImmutableArray<ReportedValue> ReportedValues { get; init; } = [];
    /// <summary>Gets attributed notes.</summary>
    public ImmutableArray<AttributedNote> Notes { get; init; } = [];
    /// <inheritdoc/>
    public required ImmutableArray<SourceId> Sources { get; init; }

    /// <summary>Gets what the curator says of cited pages beyond citing them (no date on the page, a fact inferred).</summary>
    public ImmutableArray<SourceCaveat> Caveats { get; init; } = [];

    /// <summary>Gets the distinct countries among the parties, in order of appearance.</summary>
    public IEnumerable<CountryCode> Countries => Parties.Where(p => p.Country is not null).Select(p => p.Country!.Value).Distinct();

    /// <summary>Gets the distinct organizations among the parties, in order of appearance.</summary>
    public IEnumerable<OrganizationId> Organizations => Parties.Where(p => p.Organization is not null).Select(p => p.Organization!.Value).Distinct();

    /// <inheritdoc/>
    public bool Equals(Agreement? other) =>
        other is not null && (ReferenceEquals(this, other)
        || Id == other.Id && Title == other.Title && Kind == other.Kind && ValueEquality.Same(Parties, other.Parties)
        && ValueEquality.Same(Signatories, other.Signatories) && SignedOn == other.SignedOn && Place == other.Place
        && ValueEquality.Same(StatusHistory, other.StatusHistory) && ValueEquality.Same(Areas, other.Areas) && ValueEquality.Same(Systems, other.Systems)
        && PartOf == other.PartOf && Value == other.Value && ValueEquality.Same(ReportedValues, other.ReportedValues)
        && ValueEquality.Same(Notes, other.Notes) && ValueEquality.Same(Sources, other.Sources) && ValueEquality.Same(Caveats, other.Caveats));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Title, Kind, SignedOn);

    /// <inheritdoc/>
    public override string ToString() => $"{SignedOn?.ToString() ?? "undated"} {Title}";
}

/// <summary>One series of spending figures: one country (or organization), one measure, one source.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.SpendingSeriesConverter))]
public sealed class SpendingSeries : ISourced, IEquatable<SpendingSeries>
{
    /// <summary>Creates a series. Importers use this; the loader validates the same invariants for data files.</summary>
    /// <param name="id">The stable id.</param>
    /// <param name="country">The country, or <see langword="null"/> for an organization's total.</param>
    /// <param name="organization">The organization whose total this is, if not a country's.</param>
    /// <param name="measure">The measure.</param>
    /// <param name="currency">The currency of a money measure.</param>
    /// <param name="basis">The price basis of a money measure.</param>
    /// <param name="component">What a budget line is for.</param>
    /// <param name="systems">The systems a budget line concerns.</param>
    /// <param name="source">The source.</param>
    /// <param name="points">The figures; years must be distinct and increasing.</param>
    /// <param name="notes">Attributed notes.</param>
    /// <exception cref="ArgumentException">Neither or both of country and organization are given, or the years are not distinct and increasing.</exception>
    public SpendingSeries(SeriesId id, CountryCode? country, OrganizationId? organization, SpendingMeasure measure, CurrencyCode? currency,
        PriceBasis basis, string? component, ImmutableArray<SystemId> systems, SourceId source, ReadOnlySpan<SpendingPoint> points, ImmutableArray<AttributedNote> notes = default)
    {
        if ((country is null) == (organization is null))
            throw new ArgumentException("A spending series belongs to exactly one country or one organization.", nameof(country));
        for (int i = 1; i < points.Length; i++)
            if (points[i].Year <= points[i - 1].Year)
                throw new ArgumentException($"Series {id}: years must be distinct and increasing ({points[i - 1].Year} then {points[i].Year}).", nameof(points));
        Id = id;
        Country = country;
        Organization = organization;
        Measure = measure;
        Currency = currency;
        Basis = basis;
        Component = component;
        Systems = systems.IsDefault ? [] : systems;
        Source = source;
        Notes = notes.IsDefault ? [] : notes;
        var observations = ImmutableArray.CreateBuilder<SpendingObservation>(points.Length);
        foreach (var point in points) observations.Add(new SpendingObservation(this, point.Year, point.Value, point.Estimate, point.Uncertain));
        Observations = observations.MoveToImmutable();
    }

    /// <summary>Gets the stable id.</summary>
    public SeriesId Id { get; }
    /// <summary>Gets the country, or <see langword="null"/> for an organization's total.</summary>
    public CountryCode? Country { get; }
    /// <summary>Gets the organization whose total this is (e.g. NATO), if not a country's.</summary>
    public OrganizationId? Organization { get; }
    /// <summary>Gets the measure.</summary>
    public SpendingMeasure Measure { get; }
    /// <summary>Gets the currency of money measures.</summary>
    public CurrencyCode? Currency { get; }
    /// <summary>Gets the price basis of money measures.</summary>
    public PriceBasis Basis { get; }
    /// <summary>Gets what a budget line is for.</summary>
    public string? Component { get; }
    /// <summary>Gets the systems a budget line concerns.</summary>
    public ImmutableArray<SystemId> Systems { get; }
    /// <summary>Gets the source.</summary>
    public SourceId Source { get; }
    /// <summary>Gets the observations in year order; a year the source does not give is absent, never 0.</summary>
    public ImmutableArray<SpendingObservation> Observations { get; }
    /// <summary>Gets attributed notes.</summary>
    public ImmutableArray<AttributedNote> Notes { get; }
    /// <inheritdoc/>
    ImmutableArray<SourceId> ISourced.Sources => [Source];

    /// <summary>Whether <paramref name="other"/> has the same fields and the same figures, year by year.</summary>
    /// <param name="other">The series to compare with.</param>
    public bool Equals(SpendingSeries? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || Id != other.Id || Country != other.Country || Organization != other.Organization || Measure != other.Measure
            || Currency != other.Currency || Basis != other.Basis || Component != other.Component || Source != other.Source
            || !ValueEquality.Same(Systems, other.Systems) || !ValueEquality.Same(Notes, other.Notes) || Observations.Length != other.Observations.Length)
            return false;
        // Figures by their own fields: an observation's Series is this series, and comparing it would come back here.
        for (int i = 0; i < Observations.Length; i++)
        {
            var (a, b) = (Observations[i], other.Observations[i]);
            if (a.Year != b.Year || a.Value != b.Value || a.Estimate != b.Estimate || a.Uncertain != b.Uncertain) return false;
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SpendingSeries);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Measure, Source, Observations.Length);

    /// <inheritdoc/>
    public override string ToString() => $"{Id}: {(object?)Country ?? Organization} {Measure} [{Source}]";
}

/// <summary>A figure to put in a <see cref="SpendingSeries"/>.</summary>
/// <param name="Year">The year.</param>
/// <param name="Value">The value, in units (not thousands or millions), percent points for shares.</param>
/// <param name="Estimate">The source flags it as an estimate.</param>
/// <param name="Uncertain">The source flags it as uncertain.</param>
public readonly record struct SpendingPoint(int Year, decimal Value, bool Estimate = false, bool Uncertain = false);

/// <summary>One figure of a <see cref="SpendingSeries"/>: a country's value of a measure in a year, from one source.</summary>
/// <param name="Series">The series it belongs to, which holds its country, measure, currency and source.</param>
/// <param name="Year">The year.</param>
/// <param name="Value">The value, in units (not thousands or millions), percent points for shares.</param>
/// <param name="Estimate">The source flags it as an estimate.</param>
/// <param name="Uncertain">The source flags it as uncertain.</param>
[System.Text.Json.Serialization.JsonConverter(typeof(Serialization.SpendingObservationConverter))]
public readonly record struct SpendingObservation(SpendingSeries Series, int Year, decimal Value, bool Estimate = false, bool Uncertain = false)
{
    /// <summary>Gets the country, or <see langword="null"/> for an organization's total.</summary>
    public CountryCode? Country => Series.Country;
    /// <summary>Gets the measure.</summary>
    public SpendingMeasure Measure => Series.Measure;
    /// <summary>Gets the currency of a money measure.</summary>
    public CurrencyCode? Currency => Series.Currency;
    /// <summary>Gets the budget line, if any.</summary>
    public string? Component => Series.Component;
    /// <summary>Gets the source.</summary>
    public SourceId Source => Series.Source;

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(object?)Country ?? Series.Organization} {Year} {Measure}{(Component is null ? "" : $" [{Component}]")}: {Value:#,0.##}{(Currency is null ? "" : $" {Currency}")}{(Estimate ? " (estimate)" : "")} [{Source}]";
}

/// <summary>A person taking part in an event, in a role.</summary>
/// <param name="Person">The person.</param>
/// <param name="Title">The role held, if recorded.</param>
public sealed record Participant(PersonId Person, string? Title);

/// <summary>Something that happened that is neither an agreement nor a flow: a meeting, an exhibition, a statement, a request.</summary>
public sealed record Event : ISourced
{
    /// <summary>Gets the stable id.</summary>
    public required EventId Id { get; init; }
    /// <summary>Gets the kind.</summary>
    public required EventKind Kind { get; init; }
    /// <summary>Gets the title, in this library's words.</summary>
    public required string Title { get; init; }
    /// <summary>Gets when it happened (or began), to the precision known.</summary>
    public PartialDate? Date { get; init; }
    /// <summary>Gets when it ended, for events over several days.</summary>
    public PartialDate? Until { get; init; }
    /// <summary>Gets where it happened.</summary>
    public string? Place { get; init; }
    /// <summary>Gets the countries involved.</summary>
    public ImmutableArray<CountryCode> Countries { get; init; } = [];
    /// <summary>Gets the organizations involved.</summary>
    public ImmutableArray<OrganizationId> Organizations { get; init; } = [];
    /// <summary>Gets the people involved, in their roles.</summary>
    public ImmutableArray<Participant> People { get; init; } = [];
    /// <summary>Gets the systems involved.</summary>
    public ImmutableArray<SystemId> Systems { get; init; } = [];
    /// <summary>Gets related agreements.</summary>
    public ImmutableArray<AgreementId> Agreements { get; init; } = [];
    /// <summary>Gets attributed notes.</summary>
    public ImmutableArray<AttributedNote> Notes { get; init; } = [];
    /// <inheritdoc/>
    public required ImmutableArray<SourceId> Sources { get; init; }

    /// <summary>Gets what the curator says of cited pages beyond citing them (no date on the page, a fact inferred).</summary>
    public ImmutableArray<SourceCaveat> Caveats { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(Event? other) =>
        other is not null && (ReferenceEquals(this, other)
        || Id == other.Id && Kind == other.Kind && Title == other.Title && Date == other.Date && Until == other.Until && Place == other.Place
        && ValueEquality.Same(Countries, other.Countries) && ValueEquality.Same(Organizations, other.Organizations) && ValueEquality.Same(People, other.People)
        && ValueEquality.Same(Systems, other.Systems) && ValueEquality.Same(Agreements, other.Agreements) && ValueEquality.Same(Notes, other.Notes)
        && ValueEquality.Same(Sources, other.Sources) && ValueEquality.Same(Caveats, other.Caveats));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Title, Date);

    /// <inheritdoc/>
    public override string ToString() => $"{Date?.ToString() ?? "undated"} {Title}";
}
