using System.Collections.Frozen;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>
/// The suppliers and recipients of SIPRI's files that are not states, and what kind of party each is.
/// The catalog's countries are states only; these become organizations (see <see cref="SipriPartyOrganizations"/>).
/// </summary>
internal static class SipriNonStateParties
{
    // SIPRI marks armed non-state actors with one asterisk ("Hezbollah (Lebanon)*", "Libya HoR*") and
    // international organisations with two ("United Nations**", "NATO**", "African Union**").
    private const string ActorMark = "*", OrganizationMark = "**";

    // Unmarked labels that are not states either: parties SIPRI could not identify, and secessionist or
    // unrecognised entities that neither ISO 3166 nor the Correlates of War state system lists.
    private static readonly FrozenDictionary<string, OrganizationKind> Unmarked = new Dictionary<string, OrganizationKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["unknown recipient(s)"] = OrganizationKind.UnknownParty,
        ["unknown supplier(s)"] = OrganizationKind.UnknownParty,
        ["Katanga"] = OrganizationKind.UnrecognizedState,          // secessionist state in Congo, 1960–1963
        ["Biafra"] = OrganizationKind.UnrecognizedState,           // secessionist state in Nigeria, 1967–1970
        ["Northern Cyprus"] = OrganizationKind.UnrecognizedState,  // recognised by Türkiye alone
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the label names something other than a state.</summary>
    public static bool Contains(string label) => KindOf(label) is not null;

    /// <summary>The kind of party a label names, or <see langword="null"/> for a label that should name a state.</summary>
    public static OrganizationKind? KindOf(string label) =>
        label.EndsWith(OrganizationMark, StringComparison.Ordinal) ? OrganizationKind.InternationalOrganization
        : label.EndsWith(ActorMark, StringComparison.Ordinal) ? OrganizationKind.ArmedNonStateActor
        : Unmarked.TryGetValue(label, out var kind) ? kind
        : null;

    /// <summary>The label without SIPRI's marks: "Hezbollah (Lebanon)*" → "Hezbollah (Lebanon)".</summary>
    public static string NameOf(string label) => label.TrimEnd('*').TrimEnd();

    /// <summary>What SIPRI's label says of the party, for an organization's note.</summary>
    public static string Describe(string label, OrganizationKind kind) => kind switch
    {
        OrganizationKind.InternationalOrganization => $"SIPRI's arms-transfer files name it '{label}', marking an international organization.",
        OrganizationKind.ArmedNonStateActor => $"SIPRI's arms-transfer files name it '{label}', marking an armed non-state actor.",
        OrganizationKind.UnknownParty => $"SIPRI's arms-transfer files use '{label}' where they could not identify the party.",
        _ => $"SIPRI's arms-transfer files name it '{label}', an entity that is not a state of the catalog.",
    };
}
