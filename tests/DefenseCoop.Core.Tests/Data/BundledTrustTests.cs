namespace DefenseCoop.Tests.Data;

/// <summary>AddBundled takes the compiled release as Default holds it; what is added to it is validated in full.</summary>
public class BundledTrustTests
{
    [Fact]
    public void AddBundled_SharesDefaultsRecords_InsteadOfReadingTheReleaseAgain()
    {
        var built = DefenseCoopCatalog.CreateBuilder().AddBundled().Build();
        var first = DefenseCoopCatalog.Default.Content;
        Assert.Same(first.Agreements[0], built.Content.Agreements[0]);
        Assert.Same(first.Spending[^1], built.Content.Spending[^1]);
        Assert.Equal(first.Trade, built.Content.Trade);
        Assert.Equal((first.DataVersion, first.Released), (built.DataVersion, built.Content.Released));
        Assert.Equal(DefenseCoopCatalog.ResourceName, built.OriginOf(built.Countries["TR"]));
    }

    [Fact]
    public void RecordsAddedToTheBundledRelease_AreValidatedAgainstIt()
    {
        var source = new Source { Id = new("own-note"), Kind = SourceKind.OfficialStatement, Publisher = "Us", Title = "Ours", Language = "en" };
        var bundledSource = DefenseCoopCatalog.Default.Sources.First();
        var good = new Agreement
        {
            Id = new("our-own-deal"), Title = "Ours", Kind = AgreementKind.ProcurementContract, Sources = [source.Id, bundledSource.Id],
            Parties = [new AgreementParty(CountryCode.Parse("TR"), null, PartyRole.Supplier)],
        };
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords { Sources = [source], Agreements = [good] }, "ours").Build();
        Assert.Equal(good, catalog.Agreements.Single(a => a.Id == good.Id));

        // A bundled id used again, and a reference to nothing, are refused as for any file.
        var again = good with { Id = DefenseCoopCatalog.Default.Agreements.First().Id, Systems = [new SystemId("no-such-system")] };
        var e = Assert.Throws<DefenseCoopDataException>(() =>
            DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords { Sources = [source], Agreements = [again] }, "ours").Build());
        Assert.Equal([DataRule.DuplicateId, DataRule.UnknownReference], e.Issues.Select(i => i.Rule).Order());
        Assert.Contains(e.Issues, i => i.Rule == DataRule.DuplicateId && i.Message.Contains(DefenseCoopCatalog.ResourceName, StringComparison.Ordinal));
    }

    private sealed class RecordsImporter(string name, CatalogRecords records) : IDataImporter
    {
        public string Name => name;

        public CatalogRecords Import(ImportContext context) => records;
    }

    [Fact]
    public void ImportersRecords_AreCheckedAgainstTheFilesValidatedOnce_WhichKeepTheirOrigins()
    {
        var source = new Source { Id = new("own-note"), Kind = SourceKind.OfficialStatement, Publisher = "Us", Title = "Ours", Language = "en" };
        var deal = new Agreement
        {
            Id = new("our-own-deal"), Title = "Ours", Kind = AgreementKind.ProcurementContract, Sources = [source.Id],
            Parties = [new AgreementParty(CountryCode.Parse("TR"), null, PartyRole.Supplier)],
        };
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords { Sources = [source] }, "ours")
            .AddImporter(new RecordsImporter("importer", new CatalogRecords { Agreements = [deal] })).Build();
        Assert.Equal("ours", catalog.OriginOf(catalog.Sources[source.Id]));
        Assert.Equal("importer", catalog.OriginOf(catalog.Agreements.Single(a => a.Id == deal.Id)));
        Assert.Equal(DefenseCoopCatalog.ResourceName, catalog.OriginOf(catalog.Countries["TR"]));

        // An importer's record that reuses an id of the files is refused, naming the file that has it.
        var again = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords { Sources = [source] }, "ours")
            .AddImporter(new RecordsImporter("importer", new CatalogRecords { Sources = [source] })).Build());
        var issue = Assert.Single(again.Issues);
        Assert.Equal(("importer", DataRule.DuplicateId), (issue.File, issue.Rule));
        Assert.Contains("already used at ours", issue.Message, StringComparison.Ordinal);
    }
}
