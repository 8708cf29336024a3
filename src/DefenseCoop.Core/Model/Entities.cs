using System.Collections.Immutable;

namespace DefenseCoop;

/// <summary>A claim a source makes about a record, kept with its sources (e.g. where two reports disagree).</summary>
/// <param name="Text">The claim, in this library's own words.</param>
/// <param name="Sources">The sources that make it.</param>
public sealed record AttributedNote(string Text, ImmutableArray<SourceId> Sources)
{
    /// <summary>Gets what the curator says of the note's cited pages beyond citing them (no date on the page, a fact inferred).</summary>
    public ImmutableArray<SourceCaveat> Caveats { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(AttributedNote? other) =>
        other is not null && Text == other.Text && ValueEquality.Same(Sources, other.Sources) && ValueEquality.Same(Caveats, other.Caveats);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Text, ValueEquality.Hash(Sources));
}

/// <summary>Anything in the catalog that cites its sources.</summary>
public interface ISourced
{
    /// <summary>Gets the sources of the record; never empty.</summary>
    ImmutableArray<SourceId> Sources { get; }
}

/// <summary>A publication or dataset that facts cite.</summary>
public sealed record Source
{
    /// <summary>Gets the stable id.</summary>
    public required SourceId Id { get; init; }
    /// <summary>Gets the kind of publication.</summary>
    public required SourceKind Kind { get; init; }
    /// <summary>Gets the publisher.</summary>
    public required string Publisher { get; init; }
    /// <summary>Gets the title as published, in its language.</summary>
    public required string Title { get; init; }
    /// <summary>Gets the publication date, to the precision known, if known.</summary>
    public PartialDate? Published { get; init; }
    /// <summary>Gets whether the page shows no publication date (so that a missing <see cref="Published"/> is the page's, not an omission).</summary>
    public bool PublicationDateNotShown { get; init; }
    /// <summary>Gets the language as a BCP 47 tag, e.g. <c>en</c> or <c>tr</c>.</summary>
    public required string Language { get; init; }
    /// <summary>Gets the address, where known.</summary>
    public string? Url { get; init; }
    /// <summary>Gets the author, where known.</summary>
    public string? Author { get; init; }
    /// <summary>Gets the edition of a dataset or publication, so that later editions can sit beside it.</summary>
    public string? Edition { get; init; }
    /// <summary>Gets the licence of a dataset.</summary>
    public string? Licence { get; init; }
    /// <summary>Gets the outlet a report says it draws on.</summary>
    public string? BasedOn { get; init; }
}

/// <summary>A name another dataset uses for a country.</summary>
/// <param name="Name">The name as that dataset spells it.</param>
/// <param name="Scheme">The dataset or usage.</param>
public sealed record CountryAlias(string Name, NameScheme Scheme);

/// <summary>A code another dataset uses for a country.</summary>
/// <param name="Scheme">The dataset.</param>
/// <param name="Code">The code as that dataset writes it.</param>
public sealed record DatasetCode(NameScheme Scheme, string Code);

/// <summary>A country's membership of an organization, with its dates.</summary>
/// <param name="Organization">The organization.</param>
/// <param name="Role">Member or candidate.</param>
/// <param name="From">When it began, where known.</param>
/// <param name="Until">When it ended, or <see langword="null"/> while it lasts.</param>
/// <param name="Sources">The sources.</param>
public sealed record Membership(OrganizationId Organization, MembershipRole Role, PartialDate? From, PartialDate? Until, ImmutableArray<SourceId> Sources) : ISourced
{
    /// <inheritdoc/>
    public bool Equals(Membership? other) =>
        other is not null && Organization == other.Organization && Role == other.Role && From == other.From && Until == other.Until
        && ValueEquality.Same(Sources, other.Sources);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Organization, Role, From, Until);
}

/// <summary>A UN M49 region or sub-region.</summary>
/// <param name="Code">The M49 numeric code.</param>
/// <param name="Name">The English name.</param>
public sealed record M49Area(int Code, string Name);

/// <summary>A state, current or historical.</summary>
public sealed record Country : ISourced
{
    /// <summary>Gets the code.</summary>
    public required CountryCode Code { get; init; }
    /// <summary>Gets the ISO 3166-1 alpha-3 code.</summary>
    public required string Alpha3 { get; init; }
    /// <summary>Gets the ISO 3166-1 numeric code, where one exists.</summary>
    public int? Numeric { get; init; }
    /// <summary>Gets the names by language tag (<c>en</c> always, <c>tr</c> and local languages where known).</summary>
    public required IReadOnlyDictionary<string, string> Names { get; init; }
    /// <summary>Gets the English short name.</summary>
    public string Name => Names["en"];
    /// <summary>Gets the English formal name (e.g. "the Republic of Türkiye"), where known.</summary>
    public string? FormalName { get; init; }
    /// <summary>Gets the UN M49 region (e.g. Asia), where one applies.</summary>
    public M49Area? Region { get; init; }
    /// <summary>Gets the UN M49 sub-region (e.g. Western Asia), where one applies.</summary>
    public M49Area? SubRegion { get; init; }
    /// <summary>Gets the main ISO 4217 currency, where known.</summary>
    public CurrencyCode? Currency { get; init; }
    /// <summary>Gets the first year a historical state existed, where recorded.</summary>
    public int? ExistedFrom { get; init; }
    /// <summary>Gets the last year a historical state existed; <see langword="null"/> for a state that exists today.</summary>
    public int? ExistedUntil { get; init; }
    /// <summary>Whether the state no longer exists.</summary>
    public bool IsHistorical => ExistedUntil is not null;
    /// <summary>Gets the states that succeeded a historical state.</summary>
    public ImmutableArray<CountryCode> Successors { get; init; } = [];
    /// <summary>Gets which of <see cref="Names"/> are the country's own languages.</summary>
    public ImmutableArray<string> LocalLanguages { get; init; } = [];
    /// <summary>Gets the names other datasets use.</summary>
    public ImmutableArray<CountryAlias> Aliases { get; init; } = [];
    /// <summary>Gets the codes other datasets use.</summary>
    public ImmutableArray<DatasetCode> Codes { get; init; } = [];
    /// <summary>Gets memberships of organizations, with dates.</summary>
    public ImmutableArray<Membership> Memberships { get; init; } = [];
    /// <inheritdoc/>
    public required ImmutableArray<SourceId> Sources { get; init; }

    /// <summary>The name in a language, or the English name when that language is not known.</summary>
    public string NameIn(string language) => Names.TryGetValue(language, out var name) ? name : Name;

    /// <summary>The code this country has in another dataset's scheme, if any.</summary>
    public string? CodeIn(NameScheme scheme) => Codes.FirstOrDefault(c => c.Scheme == scheme)?.Code;

    /// <inheritdoc/>
    public bool Equals(Country? other) =>
        other is not null && (ReferenceEquals(this, other)
        || Code == other.Code && Alpha3 == other.Alpha3 && Numeric == other.Numeric && ValueEquality.Same(Names, other.Names)
        && FormalName == other.FormalName && Equals(Region, other.Region) && Equals(SubRegion, other.SubRegion) && Currency == other.Currency
        && ExistedFrom == other.ExistedFrom && ExistedUntil == other.ExistedUntil && ValueEquality.Same(Successors, other.Successors)
        && ValueEquality.Same(LocalLanguages, other.LocalLanguages) && ValueEquality.Same(Aliases, other.Aliases)
        && ValueEquality.Same(Codes, other.Codes) && ValueEquality.Same(Memberships, other.Memberships) && ValueEquality.Same(Sources, other.Sources));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Alpha3, Numeric);

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Code})";
}

/// <summary>A company, agency, ministry, armed force, alliance or other body.</summary>
public sealed record Organization : ISourced
{
    /// <summary>Gets the stable id.</summary>
    public required OrganizationId Id { get; init; }
    /// <summary>Gets the kind of body.</summary>
    public required OrganizationKind Kind { get; init; }
    /// <summary>Gets the country it belongs to, if any.</summary>
    public CountryCode? Country { get; init; }
    /// <summary>Gets the English name.</summary>
    public required string Name { get; init; }
    /// <summary>Gets names in other languages by language tag.</summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = ImmutableDictionary<string, string>.Empty;
    /// <summary>Gets acronyms and other spellings, including those sources use.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
    /// <summary>Gets the parent body, if any.</summary>
    public OrganizationId? Parent { get; init; }
    /// <summary>Gets attributed notes.</summary>
    public ImmutableArray<AttributedNote> Notes { get; init; } = [];
    /// <inheritdoc/>
    public required ImmutableArray<SourceId> Sources { get; init; }

    /// <inheritdoc/>
    public bool Equals(Organization? other) =>
        other is not null && (ReferenceEquals(this, other)
        || Id == other.Id && Kind == other.Kind && Country == other.Country && Name == other.Name && ValueEquality.Same(Names, other.Names)
        && ValueEquality.Same(Aliases, other.Aliases) && Parent == other.Parent && ValueEquality.Same(Notes, other.Notes) && ValueEquality.Same(Sources, other.Sources));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Kind, Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A role a person held, as the sources describe it at the time of the acts recorded.</summary>
/// <param name="Title">The title, e.g. "President of the Defence Industry Agency".</param>
/// <param name="Organization">The body, if recorded.</param>
/// <param name="From">When the role began, where known.</param>
/// <param name="Until">When it ended, where known.</param>
/// <param name="Sources">The sources.</param>
public sealed record PersonRole(string Title, OrganizationId? Organization, PartialDate? From, PartialDate? Until, ImmutableArray<SourceId> Sources) : ISourced
{
    /// <inheritdoc/>
    public bool Equals(PersonRole? other) =>
        other is not null && Title == other.Title && Organization == other.Organization && From == other.From && Until == other.Until
        && ValueEquality.Same(Sources, other.Sources);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Title, Organization, From, Until);
}

/// <summary>A person who acts in the record.</summary>
public sealed record Person : ISourced
{
    /// <summary>Gets the stable id.</summary>
    public required PersonId Id { get; init; }
    /// <summary>Gets the name, correctly spelled.</summary>
    public required string Name { get; init; }
    /// <summary>Gets other spellings, including those sources use.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
    /// <summary>Gets the person's country, if recorded.</summary>
    public CountryCode? Country { get; init; }
    /// <summary>Gets the roles held.</summary>
    public ImmutableArray<PersonRole> Roles { get; init; } = [];
    /// <summary>Gets attributed notes.</summary>
    public ImmutableArray<AttributedNote> Notes { get; init; } = [];
    /// <inheritdoc/>
    public required ImmutableArray<SourceId> Sources { get; init; }

    /// <inheritdoc/>
    public bool Equals(Person? other) =>
        other is not null && (ReferenceEquals(this, other)
        || Id == other.Id && Name == other.Name && ValueEquality.Same(Aliases, other.Aliases) && Country == other.Country
        && ValueEquality.Same(Roles, other.Roles) && ValueEquality.Same(Notes, other.Notes) && ValueEquality.Same(Sources, other.Sources));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Name);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>A weapon system, platform or munition.</summary>
public sealed record DefenseSystem : ISourced
{
    /// <summary>Gets the stable id.</summary>
    public required SystemId Id { get; init; }
    /// <summary>Gets the name.</summary>
    public required string Name { get; init; }
    /// <summary>Gets other names and designations.</summary>
    public ImmutableArray<string> Aliases { get; init; } = [];
    /// <summary>Gets the category.</summary>
    public required SystemCategory Category { get; init; }
    /// <summary>Gets the manufacturer, if recorded.</summary>
    public OrganizationId? Manufacturer { get; init; }
    /// <summary>Gets the country of origin, if recorded.</summary>
    public CountryCode? Country { get; init; }
    /// <summary>Gets attributed notes.</summary>
    public ImmutableArray<AttributedNote> Notes { get; init; } = [];
    /// <inheritdoc/>
    public required ImmutableArray<SourceId> Sources { get; init; }

    /// <inheritdoc/>
    public bool Equals(DefenseSystem? other) =>
        other is not null && (ReferenceEquals(this, other)
        || Id == other.Id && Name == other.Name && ValueEquality.Same(Aliases, other.Aliases) && Category == other.Category
        && Manufacturer == other.Manufacturer && Country == other.Country && ValueEquality.Same(Notes, other.Notes) && ValueEquality.Same(Sources, other.Sources));

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Id, Name, Category);

    /// <inheritdoc/>
    public override string ToString() => Name;
}
