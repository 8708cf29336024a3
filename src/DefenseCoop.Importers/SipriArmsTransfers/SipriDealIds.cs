using System.Security.Cryptography;
using System.Text;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>
/// Gives each deal of one register an id derived from its content, because SIPRI publishes no deal key
/// that lasts from one release to the next (the row numbers of its web exports do not).
/// </summary>
/// <remarks>
/// <para>The id is <c>sipri-at-{supplier}-{recipient}-{order year}-{designation}-{hash}</c>: the
/// countries' codes in lower case (a party that is not a state by its name as slug words, e.g. <c>united-nations</c>), the designation as slug words (at most 40 characters), and the first
/// 8 hexadecimal digits of the SHA-256 of the record's fields (trimmed, joined by U+001F, UTF-8).
/// Example: <c>sipri-at-tr-kg-2021-bayraktar-tb2-1a2b3c4d</c>.</para>
/// <para>The same row therefore gets the same id in every release that carries it unchanged; a row SIPRI
/// revises (a delivery added, a TIV corrected) gets a new id. The register repeats a few rows verbatim;
/// the second and later copies get <c>-2</c>, <c>-3</c>, ... in file order.</para>
/// </remarks>
internal sealed class SipriDealIds
{
    private const int DesignationLength = 40;
    private const int HashBytes = 4;

    private readonly Dictionary<string, int> _issued = new(StringComparer.Ordinal);

    /// <summary>The id of the next deal read; <paramref name="supplier"/> and <paramref name="recipient"/> are the parties' id words (<see cref="SipriParty.Key"/>).</summary>
    public TradeFlowId Next(string supplier, string recipient, int orderYear, string designation, IReadOnlyList<string> fields)
    {
        string words = SlugText.From(designation, DesignationLength);
        string id = string.Join('-', new[] { "sipri-at", supplier, recipient, orderYear.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), words, Hash(fields) }
            .Where(part => part.Length > 0));
        int copy = _issued[id] = _issued.GetValueOrDefault(id) + 1;
        return new TradeFlowId(copy == 1 ? id : $"{id}-{copy}");
    }

    private static string Hash(IReadOnlyList<string> fields)
    {
        byte[] text = Encoding.UTF8.GetBytes(string.Join('\u001F', fields.Select(f => f.Trim())));
        return Convert.ToHexStringLower(SHA256.HashData(text), 0, HashBytes);
    }
}
