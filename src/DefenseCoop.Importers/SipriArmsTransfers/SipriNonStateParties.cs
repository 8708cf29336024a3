using System.Collections.Frozen;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>
/// The register's suppliers and recipients that are not states. The catalog's countries are states
/// only, so the importer skips their deals and counts them (see <see cref="SipriArmsTransfersSummary.SkippedByParty"/>).
/// </summary>
internal static class SipriNonStateParties
{
    // SIPRI marks armed non-state actors with one asterisk ("Hezbollah (Lebanon)*", "Libya HoR*") and
    // international organisations with two ("United Nations**", "NATO**", "African Union**").
    private const char Mark = '*';

    // Unmarked labels that are not states either: parties SIPRI could not identify, and secessionist or
    // unrecognised entities that neither ISO 3166 nor the Correlates of War state system lists.
    private static readonly FrozenSet<string> Unmarked = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "unknown recipient(s)", "unknown supplier(s)",
        "Katanga",          // secessionist state in Congo, 1960–1963
        "Biafra",           // secessionist state in Nigeria, 1967–1970
        "Northern Cyprus"); // recognised by Türkiye alone

    /// <summary>Whether the register's label names something other than a state.</summary>
    public static bool Contains(string label) => label.EndsWith(Mark) || Unmarked.Contains(label);
}
