using System.Globalization;

namespace DefenseCoop.Importers.Xlsx;

/// <summary>An opaque RGB colour, resolved from a workbook's styles (direct RGB, legacy palette index, or theme colour with tint).</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
internal readonly record struct XlsxColor(byte R, byte G, byte B)
{
    /// <summary>Parses <c>RRGGBB</c> or <c>AARRGGBB</c> hex, as <c>rgb</c> attributes and theme parts write colours.</summary>
    public static XlsxColor? FromHex(string? hex)
    {
        if (hex is null || !(hex.Length is 6 or 8)) return null;
        return uint.TryParse(hex.AsSpan(hex.Length - 6), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint rgb)
            ? new XlsxColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb)
            : null;
    }

    /// <summary>Whether red clearly dominates (e.g. <c>#FF0000</c>, <c>#C00000</c>): how spreadsheets mark "uncertain" or "warning".</summary>
    public bool IsRed => R >= 0x80 && G < 0x80 && B < 0x80;

    /// <summary>Whether blue clearly dominates (e.g. <c>#0000FF</c>, <c>#0070C0</c>).</summary>
    public bool IsBlue => B >= 0x80 && R < 0x80 && G < 0xA0;

    /// <summary>
    /// Lightens (positive) or darkens (negative) the colour by <paramref name="tint"/> in −1..1, as
    /// ECMA-376 §18.8.19 defines it: the luminance in HLS space moves towards white or black.
    /// </summary>
    public XlsxColor WithTint(double tint)
    {
        if (tint == 0) return this;
        var (h, l, s) = ToHls();
        l = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
        return FromHls(h, Math.Clamp(l, 0, 1), s);
    }

    /// <summary>Formats as <c>#RRGGBB</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"#{R:X2}{G:X2}{B:X2}");

    private (double H, double L, double S) ToHls()
    {
        double r = R / 255.0, g = G / 255.0, b = B / 255.0;
        double max = Math.Max(r, Math.Max(g, b)), min = Math.Min(r, Math.Min(g, b));
        double l = (max + min) / 2;
        if (max == min) return (0, l, 0);
        double d = max - min;
        double s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
        double h = max == r ? (g - b) / d + (g < b ? 6 : 0) : max == g ? (b - r) / d + 2 : (r - g) / d + 4;
        return (h / 6, l, s);
    }

    private static XlsxColor FromHls(double h, double l, double s)
    {
        if (s == 0)
        {
            byte grey = ToByte(l);
            return new XlsxColor(grey, grey, grey);
        }
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s;
        double p = 2 * l - q;
        return new XlsxColor(ToByte(Hue(p, q, h + 1.0 / 3)), ToByte(Hue(p, q, h)), ToByte(Hue(p, q, h - 1.0 / 3)));
    }

    private static double Hue(double p, double q, double t)
    {
        if (t < 0) t += 1;
        if (t > 1) t -= 1;
        return t < 1.0 / 6 ? p + (q - p) * 6 * t : t < 0.5 ? q : t < 2.0 / 3 ? p + (q - p) * (2.0 / 3 - t) * 6 : p;
    }

    private static byte ToByte(double unit) => (byte)Math.Round(Math.Clamp(unit, 0, 1) * 255);
}
