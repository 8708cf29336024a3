using System.Text;
using DefenseCoop.Data;

namespace DefenseCoop.Tests.Data;

// Records made in code are checked as models, not written to the file format and read back: every sample
// and every change, given as records, must be accepted and come out as the same file gives them.
public partial class FormatCoverageTests
{
    private static readonly byte[] HeaderOnly = Encoding.UTF8.GetBytes("""{ "schemaVersion": 1, "dataVersion": "2026.9", "released": "2026-12-01" }""");

    [Theory, MemberData(nameof(EveryField))]
    public void EveryField_GivenAsRecords_IsValidatedAsModels_ToWhatTheFileGives(string kindName, string field)
    {
        var (sample, changes) = Kinds[KindNamed(kindName)];
        foreach (var record in new[] { sample, changes[field](sample) })
        {
            var content = Supporting(record);
            var fromFile = DataValidator.ValidateFile(
                DataFragment.Parse("coverage.json", ModelWriter.Serialize(ModelWriter.Write(content)), DataLimits.Default), strict: false, DataLimits.Default);
            var fromRecords = DataValidator.ValidateFiles(
                [DataFragment.Parse("header.json", HeaderOnly, DataLimits.Default), DataFragment.FromRecords("records", RecordsOf(content))], DataLimits.Default);

            Assert.Equal(record, Find(fromRecords, record));
            Assert.Equal(fromFile.Sources, fromRecords.Sources);
            Assert.Equal(fromFile.Countries, fromRecords.Countries);
            Assert.Equal(fromFile.Organizations, fromRecords.Organizations);
            Assert.Equal(fromFile.People, fromRecords.People);
            Assert.Equal(fromFile.Systems, fromRecords.Systems);
            Assert.Equal(fromFile.Agreements, fromRecords.Agreements);
            Assert.Equal(fromFile.Spending, fromRecords.Spending);
            Assert.Equal(fromFile.Trade, fromRecords.Trade);
            Assert.Equal(fromFile.Events, fromRecords.Events);
            Assert.Equal("records", fromRecords.Origins[DataValidator.KeyOf(record)!.Value].File);
        }
    }

    internal static CatalogRecords RecordsOf(CatalogContent content) => new()
    {
        Sources = content.Sources, Countries = content.Countries, Organizations = content.Organizations, People = content.People,
        Systems = content.Systems, Agreements = content.Agreements, Spending = content.Spending, Trade = content.Trade, Events = content.Events,
    };
}
