using System.Collections.Immutable;

namespace DefenseCoop.Tests.Data;

public class RoundTripTests
{
    [Fact]
    public void Save_WritesAFileThatLoadsToTheSameCatalog()
    {
        var catalog = DefenseCoopCatalog.Default;
        using var first = new MemoryStream();
        catalog.Save(first);
        var reloaded = DefenseCoopCatalog.Load(new MemoryStream(first.ToArray()));
        using var second = new MemoryStream();
        reloaded.Save(second);
        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(catalog.Agreements.Select(a => a.Id), reloaded.Agreements.Select(a => a.Id));
        Assert.Equal(catalog.Spending.Select(o => (o.Series.Id, o.Year, o.Value)), reloaded.Spending.Select(o => (o.Series.Id, o.Year, o.Value)));
        Assert.Equal(catalog.Countries.Count, reloaded.Countries.Count);
    }

    [Fact]
    public void AddRecords_ValidatesRecordsMadeInCodeWithTheRestOfTheData()
    {
        var source = new Source { Id = new("own"), Kind = SourceKind.OfficialStatement, Publisher = "Us", Title = "Our deal", Language = "en" };
        var deal = new Agreement
        {
            Id = new("our-deal"), Title = "Our deal", Kind = AgreementKind.ProcurementContract, Sources = [source.Id], SignedOn = PartialDate.Parse("2026-01"),
            Parties = [new AgreementParty(CountryCode.Parse("TR"), null, PartyRole.Supplier), new AgreementParty(CountryCode.Parse("FI"), null, PartyRole.Recipient)],
        };
        var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords { Sources = [source], Agreements = [deal] }, "ours").Build();
        Assert.Contains(catalog.Agreements.Between("TR", "FI"), a => a.Id == deal.Id);

        var broken = deal with { Id = new("broken"), Parties = [new AgreementParty(CountryCode.Parse("QQ"), null, PartyRole.Party)] };
        var e = Assert.Throws<DefenseCoopDataException>(() =>
            DefenseCoopCatalog.CreateBuilder().AddBundled().AddRecords(new CatalogRecords { Sources = [source], Agreements = [broken] }, "ours").Build());
        var issue = Assert.Single(e.Issues);
        Assert.Equal(("ours", "$.agreements[0].parties[0].country", DataRule.UnknownReference), (issue.File, issue.Path, issue.Rule));
    }
}
