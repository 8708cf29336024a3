using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;

namespace DefenseCoop.Importers.Xlsx;

/// <summary>Resolves a cell's style index to the colours it shows: its fill and its font colour.</summary>
/// <remarks>
/// A colour is given one of three ways: an <c>rgb</c> value; an index into the legacy palette
/// (overridable in the stylesheet); or a theme colour, optionally lightened or darkened by a tint.
/// "Automatic" colours resolve to <see langword="null"/>, as do fills with no pattern.
/// </remarks>
internal sealed class XlsxStyles
{
    private readonly (XlsxColor? Fill, XlsxColor? Font)[] _byStyle;

    /// <summary>Resolves the styles of <paramref name="stylesheet"/> (absent: every cell has default colours), with the theme's colours.</summary>
    public XlsxStyles(Stylesheet? stylesheet, XlsxColor[] theme)
    {
        var palette = Palette(stylesheet);
        XlsxColor? ColorOf(ColorType? color) => color is null ? null : ResolveColor(color, palette, theme);

        var fills = stylesheet?.Fills?.Elements<Fill>()
            .Select(f => f.PatternFill is { } p && p.PatternType?.Value != PatternValues.None ? ColorOf(p.ForegroundColor) : null)
            .ToArray() ?? [];
        var fonts = stylesheet?.Fonts?.Elements<Font>().Select(f => ColorOf(f.Color)).ToArray() ?? [];
        _byStyle = stylesheet?.CellFormats?.Elements<CellFormat>()
            .Select(xf => (At(fills, xf.FillId?.Value), At(fonts, xf.FontId?.Value)))
            .ToArray() ?? [];
    }

    /// <summary>The fill and font colours of the style at <paramref name="styleIndex"/> (a cell's <c>s</c> attribute).</summary>
    public (XlsxColor? Fill, XlsxColor? Font) Resolve(uint styleIndex) => styleIndex < _byStyle.Length ? _byStyle[styleIndex] : default;

    private static XlsxColor? At(XlsxColor?[] colors, uint? index) => index is uint i && i < colors.Length ? colors[i] : null;

    private static XlsxColor? ResolveColor(ColorType color, XlsxColor[] palette, XlsxColor[] theme)
    {
        if (color.Auto?.Value == true) return null;
        XlsxColor? resolved =
            color.Rgb?.Value is { } rgb ? XlsxColor.FromHex(rgb)
            : color.Indexed?.Value is uint i ? (i < palette.Length ? palette[i] : null) // 64 and 65 are the system's foreground and background: automatic
            : color.Theme?.Value is uint t ? (t < theme.Length ? theme[t] : null)
            : null;
        return color.Tint?.Value is double tint ? resolved?.WithTint(tint) : resolved;
    }

    private static XlsxColor[] Palette(Stylesheet? stylesheet)
    {
        var custom = stylesheet?.Colors?.IndexedColors?.Elements<RgbColor>()
            .Select(c => XlsxColor.FromHex(c.Rgb?.Value) ?? default).ToArray();
        return custom is { Length: > 0 } ? custom : DefaultPalette;
    }

    // SpreadsheetML numbers theme colours lt1, dk1, lt2, dk2 (background first), while the theme
    // part lists them dk1, lt1, dk2, lt2: swap the first two pairs.
    /// <summary>The theme's colours in SpreadsheetML's order (lt1, dk1, lt2, dk2, accents, links); empty without a theme.</summary>
    public static XlsxColor[] ThemeColors(ThemePart? part)
    {
        if (part?.Theme?.ThemeElements?.ColorScheme is not { } scheme) return [];
        XlsxColor Of(A.Color2Type? c) =>
            XlsxColor.FromHex(c?.RgbColorModelHex?.Val?.Value ?? c?.SystemColor?.LastColor?.Value) ?? default;
        return
        [
            Of(scheme.Light1Color), Of(scheme.Dark1Color), Of(scheme.Light2Color), Of(scheme.Dark2Color),
            Of(scheme.Accent1Color), Of(scheme.Accent2Color), Of(scheme.Accent3Color), Of(scheme.Accent4Color),
            Of(scheme.Accent5Color), Of(scheme.Accent6Color), Of(scheme.Hyperlink), Of(scheme.FollowedHyperlinkColor),
        ];
    }

    // Excel's default 64-colour legacy palette (indices 0–63), used when the stylesheet does not override it.
    private static readonly XlsxColor[] DefaultPalette =
    [
        .. new[]
        {
            "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
            "000000", "FFFFFF", "FF0000", "00FF00", "0000FF", "FFFF00", "FF00FF", "00FFFF",
            "800000", "008000", "000080", "808000", "800080", "008080", "C0C0C0", "808080",
            "9999FF", "993366", "FFFFCC", "CCFFFF", "660066", "FF8080", "0066CC", "CCCCFF",
            "000080", "FF00FF", "FFFF00", "00FFFF", "800080", "800000", "008080", "0000FF",
            "00CCFF", "CCFFFF", "CCFFCC", "FFFF99", "99CCFF", "FF99CC", "CC99FF", "FFCC99",
            "3366FF", "33CCCC", "99CC00", "FFCC00", "FF9900", "FF6600", "666699", "969696",
            "003366", "339966", "003300", "333300", "993300", "993366", "333399", "333333",
        }.Select(hex => XlsxColor.FromHex(hex)!.Value),
    ];
}
