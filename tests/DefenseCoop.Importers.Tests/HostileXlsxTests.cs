using System.Text.RegularExpressions;
using static DefenseCoop.Importers.Tests.HostileFiles;

namespace DefenseCoop.Importers.Tests;

/// <summary>
/// Workbooks broken in the ways real and hostile files are: each is refused with a
/// <see cref="DefenseCoopDataException"/> whose issue names the file, the part or sheet and cell, and
/// the rule, never with another exception, and no figure is silently lost.
/// </summary>
public sealed class HostileXlsxTests
{
    private const string Mini = "sipri-milex-mini.xlsx";
    private const string GdpPart = "xl/worksheets/sheet7.xml"; // the sheet 'Share of GDP'

    private static IReadOnlyList<DataIssue> Refuse(TempFile file) => Refusal(new SipriMilexImporter(file.Path));

    private static string Gdp(string change, string with) => change; // readability of InlineData only

    [Fact]
    public void TruncatedPart_IsAnIssueNamingThePartAndSheet()
    {
        using var file = WithPart(Mini, GdpPart, xml => xml[..(xml.Length / 2)]);
        var issue = Single(Refuse(file), "part /xl/worksheets/sheet7.xml", DataRule.InvalidValue);
        Assert.Contains("'Share of GDP'", issue.Message);
        Assert.Contains("not well-formed XML", issue.Message);
    }

    [Theory]
    [InlineData("xl/workbook.xml")]
    [InlineData("xl/sharedStrings.xml")]
    [InlineData("xl/styles.xml")]
    [InlineData(GdpPart)]
    public void BillionLaughs_IsRefusedWithoutExpandingTheEntities(string part)
    {
        const string Dtd = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">" +
            "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">" +
            "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\"><!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>";
        using var file = WithPart(Mini, part, xml => xml.ReplaceOnce("?>", "?>" + Dtd));
        var issue = Single(Refuse(file), $"part /{part}", DataRule.InvalidValue);
        Assert.Contains("DTD", issue.Message);
    }

    [Fact]
    public void ShareTooLargeToScale_IsAnIssueAtItsCell()
    {
        // 7.9E+28 is a decimal; times 100 (fraction to percent) it is not.
        using var file = WithPart(Mini, GdpPart, xml => xml.ReplaceOnce("<x:v>0.0125</x:v></x:c><x:c r=\"D10\">", "<x:v>7.9E+28</x:v></x:c><x:c r=\"D10\">"));
        var issue = Single(Refuse(file), "'Share of GDP'!C10", DataRule.InvalidValue);
        Assert.Contains("beyond the range", issue.Message);
    }

    [Fact]
    public void CellReferenceBeyondTheLastColumn_IsAnIssueAtThatReference()
    {
        using var file = WithPart(Mini, GdpPart, xml => xml.ReplaceOnce("r=\"C6\"", "r=\"AAAAA6\""));
        var issue = Single(Refuse(file), "'Share of GDP'!AAAAA6", DataRule.InvalidValue);
        Assert.Equal(6, issue.Line);
        Assert.Contains("A1:XFD1048576", issue.Message);
    }

    [Fact]
    public void SheetWhoseRelationshipIsMissing_IsAnIssueAtTheSheet()
    {
        using var file = WithPart(Mini, "xl/workbook.xml", xml => xml.ReplaceOnce("r:id=\"Re5a60de86be04816\"", "r:id=\"Rnothing\""));
        var issue = Single(Refuse(file), "'Share of GDP'", DataRule.MissingValue);
        Assert.Contains("Rnothing", issue.Message);
    }

    [Fact]
    public void MissingPart_IsAnIssueNotAnInvalidOperation()
    {
        using var file = Workbook(Parts(Mini).Where(p => p.Name != GdpPart));
        var issue = Single(Refuse(file), "part /xl/_rels/workbook.xml.rels", DataRule.MissingValue);
        Assert.Contains("/xl/worksheets/sheet7.xml", issue.Message);
    }

    [Fact]
    public void Directory_IsAnIssueNotAnAccessError()
    {
        string directory = Directory.CreateTempSubdirectory("defensecoop-").FullName;
        try
        {
            var issue = Assert.Single(Refusal(new SipriMilexImporter(directory)));
            Assert.Equal((directory, "workbook", DataRule.InvalidValue), (issue.File, issue.Path, issue.Rule));
            Assert.Contains("directory", issue.Message);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public void SharedStringIndexOutOfRange_ForALabelOrAValue_IsAnIssueAtTheCell()
    {
        using var file = WithPart(Mini, GdpPart, xml => xml
            .ReplaceOnce("<x:c r=\"A10\" t=\"s\"><x:v>15</x:v>", "<x:c r=\"A10\" t=\"s\"><x:v>999</x:v>")
            .ReplaceOnce("<x:c r=\"C15\" t=\"s\"><x:v>27</x:v>", "<x:c r=\"C15\" t=\"s\"><x:v>998</x:v>"));
        var issues = Refuse(file);
        Assert.Contains("999", Single(issues, "'Share of GDP'!A10", DataRule.InvalidValue).Message);
        Assert.Contains("998", Single(issues, "'Share of GDP'!C15", DataRule.InvalidValue).Message);
    }

    [Fact]
    public void StyleIndexOutOfRange_IsAnIssueAtTheCell_SoNoEstimateMarkIsLost()
    {
        using var file = WithPart(Mini, GdpPart, xml => xml.ReplaceOnce("<x:c r=\"E10\" s=\"2\">", "<x:c r=\"E10\" s=\"4000\">"));
        var issue = Single(Refuse(file), "'Share of GDP'!E10", DataRule.InvalidValue);
        Assert.Contains("4000", issue.Message);
    }

    [Fact]
    public void CellFormatWithAFontTheStylesheetLacks_IsAnIssueAtTheStylesheet()
    {
        using var file = WithPart(Mini, "xl/styles.xml", xml => Regex.Replace(xml, "fontId=\"[0-9]+\"", "fontId=\"77\""));
        var issue = Single(Refuse(file), "part /xl/styles.xml", DataRule.InvalidValue);
        Assert.Contains("font 77", issue.Message);
    }

    [Fact]
    public void RepeatedCell_IsAnIssue_NotASilentChoiceOfOne()
    {
        using var file = WithPart(Mini, GdpPart, xml => xml.ReplaceOnce("<x:c r=\"D10\"><x:v>0.015</x:v></x:c>", "<x:c r=\"D10\"><x:v>0.015</x:v></x:c><x:c r=\"D10\"><x:v>0.5</x:v></x:c>"));
        Assert.Contains("increasing column order", Single(Refuse(file), "'Share of GDP'!D10", DataRule.InvalidValue).Message);
    }

    [Fact]
    public void RowsOutOfOrder_AreAnIssue()
    {
        using var file = WithPart(Mini, GdpPart, xml => xml.ReplaceOnce("<x:row r=\"11\">", "<x:row r=\"9\">"));
        Assert.Contains("after row 10", Single(Refuse(file), "'Share of GDP' row 9", DataRule.InvalidValue).Message);
    }

    [Fact]
    public void UnknownCellType_IsAnIssueAtTheCell()
    {
        using var file = WithPart(Mini, GdpPart, xml => xml.ReplaceOnce("<x:c r=\"D10\">", "<x:c r=\"D10\" t=\"zzz\">"));
        Assert.Contains("'zzz'", Single(Refuse(file), "'Share of GDP'!D10", DataRule.InvalidValue).Message);
    }

    [Fact]
    public void FormulaWithoutCachedValue_IsAnIssueAtTheCell()
    {
        using var file = WithPart(Mini, GdpPart, xml => xml.ReplaceOnce("<x:c r=\"D10\"><x:v>0.015</x:v></x:c>", "<x:c r=\"D10\"><x:f>C10*1.2</x:f></x:c>"));
        var issue = Single(Refuse(file), "'Share of GDP'!D10", DataRule.MissingValue);
        Assert.Contains("=C10*1.2", issue.Message);
    }

    [Fact]
    public void HeaderYearEnteredAsADate_IsAnIssueAtTheHeaderCell()
    {
        // 44197 is 1 January 2021 as a spreadsheet day number: formatted 'yyyy', it shows 2021.
        using var file = WithPart(Mini, GdpPart, xml => xml.ReplaceOnce("<x:c r=\"C6\" s=\"6\"><x:v>2021</x:v>", "<x:c r=\"C6\" s=\"6\"><x:v>44197</x:v>"));
        var issue = Single(Refuse(file), "'Share of GDP'!C6", DataRule.InvalidValue);
        Assert.Contains("44197", issue.Message);
    }

    [Fact]
    public void HeaderYearWrittenAsDecimalText_IsReadAsThatYear()
    {
        using var file = WithPart(Mini, GdpPart, xml => xml.ReplaceOnce("<x:c r=\"C6\" s=\"6\"><x:v>2021</x:v>", "<x:c r=\"C6\" s=\"6\" t=\"str\"><x:v>2021.0</x:v>"));
        var changed = Import(new SipriMilexImporter(file.Path));
        var original = Import(new SipriMilexImporter(RawData.Fixture(Mini)));
        static List<(string, int, decimal)> Figures(DefenseCoopCatalog catalog) =>
            [.. catalog.Spending.Measure(SpendingMeasure.ShareOfGdp).Select(o => (o.Series.Id.Value, o.Year, o.Value))];
        Assert.Equal(Figures(original), Figures(changed));
        Assert.Contains(Figures(changed), f => f.Item2 == 2021);
    }

    [Fact]
    public void NotAZip_IsAnIssueAtTheWorkbook()
    {
        using var file = new TempFile("PK\u0003\u0004 and then nothing a zip has"u8.ToArray(), ".xlsx");
        var issue = Assert.Single(Refusal(new NatoDefenceExpenditureImporter(file.Path)));
        Assert.Equal(("workbook", DataRule.InvalidValue), (issue.Path, issue.Rule));
    }
}
