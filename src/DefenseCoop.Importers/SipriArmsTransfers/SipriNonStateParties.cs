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

    // Parties SIPRI could not identify. They carry no mark, but are not states either.
    private static readonly FrozenSet<string> Unidentified =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "unknown recipient(s)", "unknown supplier(s)");

    /// <summary>Whether the register's label names something other than a state.</summary>
    public static bool Contains(string label) => label.EndsWith(Mark) || Unidentified.Contains(label);
}
