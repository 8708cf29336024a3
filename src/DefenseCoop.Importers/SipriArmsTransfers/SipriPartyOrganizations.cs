using System.Collections.Immutable;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>
/// The organizations that SIPRI's non-state suppliers and recipients become. A label is linked to an
/// organization of the catalog where its name matches (SIPRI's "NATO**" is the catalog's <c>nato</c>,
/// "European Union**" its <c>eu</c>); otherwise an organization <c>sipri-party-{name}</c> is made, of the
/// kind SIPRI's mark gives, with no home country, so that it counts for no country.
/// </summary>
internal sealed class SipriPartyOrganizations(ImportContext context)
{
    /// <summary>The prefix of the ids of the organizations made for SIPRI's labels.</summary>
    public const string IdPrefix = "sipri-party-";

    private const int NameLength = 60;

    private readonly Dictionary<string, Party> _byLabel = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>A non-state party: its organization, its kind, and the words its deals' ids use for it.</summary>
    public sealed class Party(OrganizationId id, OrganizationKind kind, string key, string label, bool inCatalog)
    {
        public OrganizationId Id { get; } = id;
        public OrganizationKind Kind { get; } = kind;
        public string Key { get; } = key;
        public string Label { get; } = label;
        public bool InCatalog { get; } = inCatalog;
        public SortedSet<SourceId> Sources { get; } = [];
    }

    /// <summary>The party a non-state label names, made on first use; <paramref name="source"/> is the file that names it.</summary>
    public Party For(string label, OrganizationKind kind, SourceId source)
    {
        if (!_byLabel.TryGetValue(label, out var party))
        {
            string name = SipriNonStateParties.NameOf(label);
            string key = SlugText.From(name, NameLength);
            if (key.Length == 0) key = "unnamed";
            if (Linked(label, name, kind) is { } known)
            {
                party = new Party(known.Id, known.Kind, key, label, inCatalog: true);
            }
            else
            {
                string id = IdPrefix + key;
                for (int copy = 2; !_ids.Add(id); copy++) id = $"{IdPrefix}{key}-{copy}";
                party = new Party(new OrganizationId(id), kind, key, label, inCatalog: context.Catalog.Organizations.Contains(new OrganizationId(id)));
            }
            _byLabel[label] = party;
        }
        party.Sources.Add(source);
        return party;
    }

    /// <summary>The organizations to add: those made for labels the catalog does not hold, each citing the files that name it.</summary>
    public ImmutableArray<Organization> Created() =>
        [.. _byLabel.Values.Where(p => !p.InCatalog).OrderBy(p => p.Id.Value, StringComparer.Ordinal).Select(p => new Organization
        {
            Id = p.Id,
            Kind = p.Kind,
            Name = Capitalized(SipriNonStateParties.NameOf(p.Label)),
            Aliases = [p.Label],
            Notes = [new AttributedNote(SipriNonStateParties.Describe(p.Label, p.Kind), [.. p.Sources])],
            Sources = [.. p.Sources],
        })];

    /// <summary>How many distinct labels of each kind were met.</summary>
    public IReadOnlyCollection<Party> Parties => _byLabel.Values;

    // An organization of the catalog that is this party: one that lists SIPRI's label among its aliases, or
    // one of a fitting kind whose name or alias is the label without its marks.
    private Organization? Linked(string label, string name, OrganizationKind kind)
    {
        if (context.Catalog.Organizations.TryGet(new OrganizationId(IdPrefix + (SlugText.From(name, NameLength) is { Length: > 0 } k ? k : "unnamed")), out _))
            return null; // made by an earlier import and saved with the catalog: reused under its own id
        Organization? match = null;
        foreach (var organization in context.Catalog.Organizations)
        {
            if (organization.Aliases.Contains(label, StringComparer.OrdinalIgnoreCase)) return organization;
            bool fits = kind == OrganizationKind.InternationalOrganization
                ? organization.Kind is OrganizationKind.InternationalOrganization or OrganizationKind.Alliance
                : organization.Kind == kind;
            if (fits && match is null && (organization.Name.Equals(name, StringComparison.OrdinalIgnoreCase) || organization.Aliases.Contains(name, StringComparer.OrdinalIgnoreCase)))
                match = organization;
        }
        return match;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
