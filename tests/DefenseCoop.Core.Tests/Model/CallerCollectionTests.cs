using System.Collections.Immutable;

namespace DefenseCoop.Tests.Model;

/// <summary>A built catalog owns its collections: changing what a caller handed to the builder changes nothing in it.</summary>
public class CallerCollectionTests
{
    [Fact]
    public void RecordsAddedInCode_AreCopied_SoTheCallersCollectionsCannotChangeTheCatalog()
    {
        var names = new Dictionary<string, string> { ["en"] = "Example Arms" };
        var aliases = ImmutableArray.Create("EA");
        var records = new CatalogRecords
        {
            Organizations =
            [
                new Organization
                {
                    Id = new OrganizationId("example-arms"), Kind = OrganizationKind.Company, Country = CountryCode.Parse("FI"), Name = "Example Arms",
                    Names = names, Aliases = aliases, Sources = [new SourceId("report")],
                },
            ],
        };
        string file = Path.Combine(Path.GetTempPath(), $"defensecoop-base-{Guid.NewGuid():N}.json");
        File.WriteAllBytes(file, TestData.Bytes(TestData.Minimal()));
        DefenseCoopCatalog catalog;
        try
        {
            catalog = DefenseCoopCatalog.CreateBuilder().AddFile(file).AddRecords(records).Build();
        }
        finally
        {
            File.Delete(file);
        }

        names["en"] = "Testland";
        names["fi"] = "Testimaa";

        var organization = catalog.Organizations[new OrganizationId("example-arms")];
        Assert.Equal("Example Arms", organization.Names["en"]);
        Assert.False(organization.Names.ContainsKey("fi"));
        Assert.NotSame(names, organization.Names);
    }
}
