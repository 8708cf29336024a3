using DefenseCoop.Data;
using DefenseCoop.Importers;

namespace DefenseCoop.DataCompiler.Import;

/// <summary>
/// Re-creates <c>data/imports/</c> from the public datasets that may be redistributed: the ISO and COW
/// country codes, NATO's defence expenditure tables, and COW's state system membership (the panels' frame). Only this step needs the raw files; the
/// compiler builds the release from what it wrote, which is committed.
/// </summary>
public static class ImportStep
{
    /// <summary>The NATO workbook, relative to the raw folder.</summary>
    public const string NatoFile = "nato-defence-expenditure/240617-def-exp-2024-TABLES-en.xlsx";

    /// <summary>Each imported file, by its path under <c>data/imports/</c>, and the bytes it should hold.</summary>
    /// <param name="rawDirectory">The folder of raw datasets.</param>
    /// <param name="dataDirectory">The data folder, whose curated files name the countries NATO's tables use.</param>
    public static IReadOnlyDictionary<string, byte[]> Run(string rawDirectory, string dataDirectory)
    {
        var countries = ModelWriter.Serialize(CountryImport.Run(rawDirectory));
        // NATO's rows resolve against the curated data and the countries just imported.
        var catalog = DefenseCoopCatalog.LoadBytes(ReleaseCompiler.Compile(dataDirectory, ("imports/countries.json", countries)), "catalog", DataLimits.Default);
        var nato = new NatoDefenceExpenditureImporter(Path.Combine(rawDirectory, NatoFile)).Import(new ImportContext(catalog));
        return new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["countries.json"] = countries,
            ["nato-defence-expenditure-2024.json"] = ModelWriter.Serialize(ModelWriter.Write(nato)),
            [StateSystemImport.OutputFile] = StateSystemImport.Run(rawDirectory),
        };
    }
}
