using System.Globalization;
using System.Text;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>Turns free text such as a weapon designation into words of an id: lower-case ASCII letters and digits joined by hyphens.</summary>
internal static class SlugText
{
    /// <summary>
    /// The text as slug words, diacritics removed ("Bü-181 Bestmann" → <c>bu-181-bestmann</c>), cut at a
    /// word boundary to at most <paramref name="maxLength"/> characters; empty when no letter or digit remains.
    /// </summary>
    public static string From(string text, int maxLength)
    {
        var slug = new StringBuilder(text.Length);
        bool pendingHyphen = false;
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’') continue;
            string letters = Fold(char.ToLowerInvariant(c));
            if (letters.Length == 0)
            {
                pendingHyphen = slug.Length > 0;
                continue;
            }
            if (pendingHyphen) slug.Append('-');
            pendingHyphen = false;
            slug.Append(letters);
        }
        if (slug.Length <= maxLength) return slug.ToString();
        string cut = slug.ToString(0, maxLength);
        int lastHyphen = cut.LastIndexOf('-');
        return lastHyphen > 0 ? cut[..lastHyphen] : cut;
    }

    // Letters that have no canonical decomposition into an ASCII letter and a mark.
    private static string Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
        'ı' => "i",
        'ø' => "o",
        'ł' => "l",
        'đ' or 'ð' => "d",
        'ħ' => "h",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        _ => "",
    };
}
