using System.Text;

namespace DefenseCoop.Importers.Xlsx;

/// <summary>Cleans the row labels of statistical tables, which carry layout and footnote decorations.</summary>
internal static class SheetLabel
{
    /// <summary>
    /// Collapses runs of white space (non-breaking spaces included) into one space, trims, and drops
    /// <c>*</c> footnote markers: <c>"Czechia*   "</c> → <c>"Czechia"</c>.
    /// </summary>
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            if (c == '*') continue;
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && result.Length > 0) result.Append(' ');
            space = false;
            result.Append(c);
        }
        return result.ToString();
    }

    /// <summary>
    /// Splits a cleaned label into its name and a trailing parenthesised qualifier, such as the
    /// currency NATO adds: <c>"Türkiye   (Liras)"</c> → (<c>"Türkiye"</c>, <c>"Liras"</c>).
    /// </summary>
    public static (string Name, string? Qualifier) Split(string label)
    {
        string text = Clean(label);
        int open = text.LastIndexOf('(');
        if (open <= 0 || !text.EndsWith(')')) return (text, null);
        return (text[..open].TrimEnd(), text[(open + 1)..^1].Trim());
    }
}
