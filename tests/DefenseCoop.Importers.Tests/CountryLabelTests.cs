using DefenseCoop.Importers.Csv;
using DefenseCoop.Importers.SipriArmsTransfers;

namespace DefenseCoop.Importers.Tests;

/// <summary>
/// Every country label of SIPRI's TIV tables resolves to a catalog country, or is on an explicit list.
/// (The register, military expenditure, NATO and COW files are checked by importing them whole: their
/// importers refuse a label they cannot resolve.)
/// </summary>
public sealed class CountryLabelTests
{
    // Rows of the TIV tables that are totals, not countries.
    private static readonly HashSet<string> Totals = ["Total", "Others", "Total world import"];

    [Theory]
    [InlineData("sipri-arms-transfers/recipient_1950-2023.csv", "Recipient", 0)]
    [InlineData("sipri-arms-transfers/supplier_1950-2023.csv", "Supplier", 3)]
    public void EveryLabelOfTheTivTables_ResolvesOrIsListed(string file, string header, int column)
    {
        string path = RawData.Require(file);
        using var reader = CsvReader.Open(path, TextEncodings.Windows1252);
        var rows = reader.ReadAll().SkipWhile(r => r.Count <= column || r[column] != header).Skip(1).ToList();
        Assert.True(rows.Count > 100, $"{file}: the table's rows were not found under the '{header}' header.");
        var unresolved = rows.Select(r => r[column].Trim()).Where(l => l.Length > 0)
            .Where(l => !Totals.Contains(l) && !SipriNonStateParties.Contains(l) && DefenseCoopCatalog.Default.Countries.Resolve(l) is null)
            .ToList();
        Assert.True(unresolved.Count == 0, $"{file}: {string.Join(", ", unresolved)}");
    }
}
