using DefenseCoop.Importers.Xlsx;

namespace DefenseCoop.Importers.Tests;

public sealed class XlsxTests
{
    private static XlsxSheet Read(string fixture, string sheet)
    {
        using var workbook = Open(RawData.Fixture(fixture));
        return workbook.ReadSheet(sheet) ?? throw new InvalidOperationException($"No sheet '{sheet}'.");
    }

    private static XlsxWorkbook Open(string path) => XlsxWorkbook.Open(path, new WorkbookIssues(path), ImportLimits.Default);

    private static XlsxCell Cell(XlsxSheet sheet, string reference)
    {
        Assert.True(XlsxReference.TryParse(reference, out int row, out int column));
        return Assert.Single(sheet.Rows, r => r.Number == row)[column];
    }

    [Fact]
    public void SheetNames_AreInWorkbookOrder_AndAnUnknownSheetIsNull()
    {
        using var workbook = Open(RawData.Fixture("nato-mini.xlsx"));
        Assert.Equal(["TABLE1", "TABLE2", "TABLE3", "TABLE4", "TABLE5", "TABLE6", "TABLE7", "TABLE8a", "TABLE8b"], workbook.SheetNames);
        Assert.Null(workbook.ReadSheet("TABLE9"));
        Assert.Null(workbook.ReadSheet("table1")); // names are case-sensitive
    }

    [Fact]
    public void ReadSheet_ReadsSharedAndInlineStringsNumbersAndErrors()
    {
        var table = Read("nato-mini.xlsx", "TABLE1");
        Assert.Equal((XlsxCellKind.Text, "Norway*   (Kroner)"), (Cell(table, "C12").Kind, Cell(table, "C12").Text));
        Assert.Equal((XlsxCellKind.Number, "2021"), (Cell(table, "D8").Kind, Cell(table, "D8").Text));
        Assert.Equal((XlsxCellKind.Text, "2024e"), (Cell(table, "G8").Kind, Cell(table, "G8").Text));
        Assert.Equal((XlsxCellKind.Error, "#REF!"), (Cell(table, "D15").Kind, Cell(table, "D15").Text));
        Assert.True(Cell(table, "F13").TryGetNumber(out decimal liras));
        Assert.Equal(450000.25m, liras);
        Assert.False(Cell(table, "C13").TryGetNumber(out _));
        Assert.True(Cell(table, "Z11").IsBlank); // beyond the row's last cell

        var footnotes = Read("sipri-milex-mini.xlsx", "Footnotes");
        Assert.Equal("Figures for these countries do not include military pensions.", Cell(footnotes, "B5").Text); // inline string
    }

    [Fact]
    public void TryGetNumber_KeepsTheStoredDigits_IncludingExponents()
    {
        var gdp = Read("sipri-milex-mini.xlsx", "Share of GDP");
        Assert.Equal("1.95E-2", Cell(gdp, "F15").Text);
        Assert.True(Cell(gdp, "F15").TryGetNumber(out decimal share));
        Assert.Equal(0.0195m, share);
    }

    [Fact]
    public void Fill_ResolvesRgbAndThemeColourWithTint()
    {
        var table = Read("nato-mini.xlsx", "TABLE2");
        Assert.Equal(new XlsxColor(0x00, 0x40, 0x8B), Cell(table, "D8").Fill);  // rgb FF00408B
        Assert.Equal(new XlsxColor(0xF2, 0xF2, 0xF2), Cell(table, "D11").Fill); // theme 0 (white), tint -0.05
        Assert.Null(Cell(table, "C11").Fill);                                     // no pattern
    }

    [Fact]
    public void Font_ResolvesPaletteAndRgbColours()
    {
        var constant = Read("sipri-milex-mini.xlsx", "Constant (2022) US$");
        var blue = Cell(constant, "E10").Font;     // palette index 12
        var red = Cell(constant, "F15").Font;      // palette index 10
        var black = Cell(constant, "D10").Font;    // palette index 8
        Assert.Equal((new XlsxColor(0, 0, 0xFF), new XlsxColor(0xFF, 0, 0), new XlsxColor(0, 0, 0)), (blue, red, black));
        Assert.True(blue!.Value.IsBlue);
        Assert.True(red!.Value.IsRed);
        Assert.False(black!.Value.IsBlue || black.Value.IsRed);

        var rgb = Cell(Read("sipri-milex-mini.xlsx", "Current US$"), "D10").Font;
        Assert.Equal("#0070C0", rgb.ToString());
        Assert.True(rgb!.Value.IsBlue);
    }

    [Theory]
    [InlineData(0.0, "#808080")]
    [InlineData(0.5, "#C0C0C0")]
    [InlineData(-0.5, "#404040")]
    [InlineData(-1.0, "#000000")]
    public void WithTint_MovesLuminanceTowardsWhiteOrBlack(double tint, string expected) =>
        Assert.Equal(expected, new XlsxColor(0x80, 0x80, 0x80).WithTint(tint).ToString());

    [Fact]
    public void Open_FileThatIsNotAWorkbook_ThrowsDataException()
    {
        string path = Path.Combine(Path.GetTempPath(), $"not-a-workbook-{Guid.NewGuid():N}.xlsx");
        File.WriteAllText(path, "plain text");
        try
        {
            var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => Open(path)).Issues);
            Assert.Equal((path, DataRule.InvalidValue), (issue.File, issue.Rule));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("A1", 1, 1)]
    [InlineData("D12", 12, 4)]
    [InlineData("AB207", 207, 28)]
    [InlineData("CB81", 81, 80)]
    public void Reference_FormatsAndParses(string reference, int row, int column)
    {
        Assert.True(XlsxReference.TryParse(reference, out int r, out int c));
        Assert.Equal((row, column), (r, c));
        Assert.Equal(reference, XlsxReference.Format(row, column));
    }

    [Theory]
    [InlineData("XFD1048576", true)]
    [InlineData("XFE1", false)]
    [InlineData("AAAAA6", false)]
    [InlineData("A1048577", false)]
    [InlineData("A0", false)]
    [InlineData("A99999999999", false)]
    [InlineData("1A", false)]
    public void Reference_BeyondTheSheetsBounds_DoesNotParse(string reference, bool parses) =>
        Assert.Equal(parses, XlsxReference.TryParse(reference, out _, out _));

    [Theory]
    [InlineData("Türkiye   (Liras)", "Türkiye", "Liras")]
    [InlineData("Czechia*   (Koruny)", "Czechia", "Koruny")]
    [InlineData("Romania*   (New Lei)", "Romania", "New Lei")]
    [InlineData("Estonia*", "Estonia", null)]
    [InlineData("  NATO\u00a0Europe and   Canada ", "NATO Europe and Canada", null)]
    public void SheetLabel_Split_StripsDecorations(string label, string name, string? qualifier) =>
        Assert.Equal((name, qualifier), SheetLabel.Split(label));

    [Theory]
    [InlineData("Euros", null, "EUR")]
    [InlineData("Liras     ", "TR", "TRY")]
    [InlineData("Kroner", "NO", "NOK")]
    [InlineData("Kroner", "DK", "DKK")]
    [InlineData("Kroner", "SE", "SEK")]
    [InlineData("CFA Francs", "SN", "XOF")]
    [InlineData("CFA Francs", "CM", "XAF")]
    [InlineData("Krónur", "IS", "ISK")]
    [InlineData("Roubles", "SU", "SUR")] // the one user of "Roubles" without an entry of its own: the USSR
    [InlineData("Dollars", null, null)]   // shared by many: the country decides
    [InlineData("Dubloons", "ES", null)]
    public void CurrencyNames_Resolve(string name, string? country, string? expected) =>
        Assert.Equal(expected, CurrencyNames.Resolve(name, country is null ? default(CountryCode?) : CountryCode.Parse(country))?.Value);
}
