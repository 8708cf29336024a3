using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using A = DocumentFormat.OpenXml.Drawing;

namespace DefenseCoop.Importers.Xlsx;

/// <summary>Resolves a cell's style index to the colours it shows: its fill and its font colour.</summary>
/// <remarks>
/// <para>A colour is given one of three ways: an <c>rgb</c> value; an index into the legacy palette
/// (overridable in the stylesheet); or a theme colour, optionally lightened or darkened by a tint.
/// "Automatic" colours resolve to <see langword="null"/>, as do fills with no pattern.</para>
/// <para>The stylesheet is read as a stream of its fonts, fills, cell formats and palette entries, one
/// small element at a time, so that it costs what it resolves to and not a document tree.</para>
/// </remarks>
internal sealed class XlsxStyles
{
    private readonly (XlsxColor? Fill, XlsxColor? Font)[] _byStyle;

    /// <summary>Resolves the styles of <paramref name="part"/> (absent: every cell has default colours), with the theme's colours.</summary>
    public XlsxStyles(WorkbookStylesPart? part, XlsxColor[] theme)
    {
        var fills = new List<ColorSpec?>();
        var fonts = new List<ColorSpec?>();
        var formats = new List<(uint? Fill, uint? Font)>();
        var custom = new List<XlsxColor>();
        if (part is not null)
        {
            // The stylesheet's sections are its root's children (depth 1): fonts, fills, cellXfs, colors.
            // Fonts and fills also occur in differential formats (dxfs), which are not cells' styles.
            Type? section = null;
            bool indexedColors = false;
            using var reader = OpenXmlReader.Create(part);
            while (reader.Read())
            {
                if (!reader.IsStartElement) continue;
                var type = reader.ElementType;
                switch (reader.Depth)
                {
                    case 1:
                        section = type;
                        break;
                    case 2 when section == typeof(Fonts) && type == typeof(Font):
                        fonts.Add(ColorSpec.Of(((Font)reader.LoadCurrentElement()!).Color));
                        break;
                    case 2 when section == typeof(Fills) && type == typeof(Fill):
                        var fill = (Fill)reader.LoadCurrentElement()!;
                        fills.Add(fill.PatternFill is { } p && p.PatternType?.Value != PatternValues.None ? ColorSpec.Of(p.ForegroundColor) : null);
                        break;
                    case 2 when section == typeof(CellFormats) && type == typeof(CellFormat):
                        var xf = (CellFormat)reader.LoadCurrentElement()!;
                        formats.Add((xf.FillId?.Value, xf.FontId?.Value));
                        break;
                    case 2 when section == typeof(Colors):
                        indexedColors = type == typeof(IndexedColors);
                        break;
                    case 3 when section == typeof(Colors) && indexedColors && type == typeof(RgbColor):
                        custom.Add(XlsxColor.FromHex(((RgbColor)reader.LoadCurrentElement()!).Rgb?.Value) ?? default);
                        break;
                }
            }
        }
        XlsxColor[] palette = custom.Count > 0 ? [.. custom] : DefaultPalette;
        var fillColors = fills.Select(c => c?.Resolve(palette, theme)).ToArray();
        var fontColors = fonts.Select(c => c?.Resolve(palette, theme)).ToArray();
        _byStyle = [.. formats.Select(xf => (At(fillColors, xf.Fill), At(fontColors, xf.Font)))];
        // A format whose font or fill the stylesheet lacks would read as uncoloured: report the first.
        int broken = formats.FindIndex(xf => xf.Fill >= fills.Count || xf.Font >= fonts.Count);
        if (broken >= 0)
            Problem = string.Create(CultureInfo.InvariantCulture,
                $"Cell format {broken} refers to fill {formats[broken].Fill} and font {formats[broken].Font}, but the stylesheet has {fills.Count} fills and {fonts.Count} fonts (numbered from 0).");
    }

    /// <summary>Gets what is wrong with the stylesheet, if anything: a cell format that refers to a font or fill it does not have.</summary>
    public string? Problem { get; }

    /// <summary>Gets the number of cell formats, which a cell's style index must be below (index 0 is the default, even without a stylesheet).</summary>
    public int Count => _byStyle.Length;

    /// <summary>The fill and font colours of the style at <paramref name="styleIndex"/> (a cell's <c>s</c> attribute).</summary>
    public (XlsxColor? Fill, XlsxColor? Font) Resolve(uint styleIndex) => styleIndex < _byStyle.Length ? _byStyle[styleIndex] : default;

    private static XlsxColor? At(XlsxColor?[] colors, uint? index) => index is uint i && i < colors.Length ? colors[i] : null;

    /// <summary>
    /// A colour as the stylesheet gives it, kept until the palette (which the stylesheet lists last) is
    /// known: <c>auto</c>, <c>rgb</c>, <c>indexed</c> or <c>theme</c>, and a tint.
    /// </summary>
    private readonly record struct ColorSpec(bool Auto, string? Rgb, uint? Indexed, uint? Theme, double? Tint)
    {
        public static ColorSpec? Of(ColorType? color) =>
            color is null ? null : new ColorSpec(color.Auto?.Value == true, color.Rgb?.Value, color.Indexed?.Value, color.Theme?.Value, color.Tint?.Value);

        public XlsxColor? Resolve(XlsxColor[] palette, XlsxColor[] theme)
        {
            if (Auto) return null;
            XlsxColor? resolved =
                Rgb is { } rgb ? XlsxColor.FromHex(rgb)
                : Indexed is uint i ? (i < palette.Length ? palette[i] : null) // 64 and 65 are the system's foreground and background: automatic
                : Theme is uint t ? (t < theme.Length ? theme[t] : null)
                : null;
            return Tint is double tint ? resolved?.WithTint(tint) : resolved;
        }
    }

    // SpreadsheetML numbers theme colours lt1, dk1, lt2, dk2 (background first), while the theme
    // part lists them dk1, lt1, dk2, lt2: swap the first two pairs.
    /// <summary>The theme's colours in SpreadsheetML's order (lt1, dk1, lt2, dk2, accents, links); empty without a theme.</summary>
    public static XlsxColor[] ThemeColors(ThemePart? part)
    {
        if (part is null) return [];
        // The colour scheme is a child of the theme's elements (depth 2); read it alone.
        A.ColorScheme? scheme = null;
        bool inElements = false;
        using (var reader = OpenXmlReader.Create(part))
        {
            while (scheme is null && reader.Read())
            {
                if (!reader.IsStartElement) continue;
                if (reader.Depth == 1) inElements = reader.ElementType == typeof(A.ThemeElements);
                else if (reader.Depth == 2 && inElements && reader.ElementType == typeof(A.ColorScheme)) scheme = (A.ColorScheme)reader.LoadCurrentElement()!;
            }
        }
        if (scheme is null) return [];
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
