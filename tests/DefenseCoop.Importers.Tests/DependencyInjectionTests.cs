using DefenseCoop.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;

namespace DefenseCoop.Importers.Tests;

/// <summary>The importers through dependency injection: <c>services.AddDefenseCoop(c => c.AddSipriMilex(path))</c> and the others, the same extensions as on the catalog builder.</summary>
public sealed class DependencyInjectionTests
{
    private static DefenseCoopCatalog Resolve(Action<DefenseCoopCatalogBuilder> configure)
    {
        var services = new ServiceCollection();
        services.AddDefenseCoop(configure);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<DefenseCoopCatalog>();
    }

    [Fact]
    public void AddSipriMilex_ImportsAsTheCatalogBuilderDoes()
    {
        string path = RawData.Fixture("sipri-milex-mini.xlsx");
        var expected = DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriMilex(path).Build();

        var catalog = Resolve(b => b.AddSipriMilex(path));

        var source = new SourceId("sipri-milex-2025");
        Assert.Equal(expected.Spending.FromSource(source).Count(), catalog.Spending.FromSource(source).Count());
        Assert.True(catalog.Spending.FromSource(source).Any());
        Assert.Equal(path, catalog.OriginOf(catalog.Spending.FromSource(source).First()));
        Assert.Equal(DefenseCoopCatalog.Default.Agreements.Count(), catalog.Agreements.Count());
    }

    [Fact]
    public void AddSipriArmsTransfersAndAddCowNmc_Chain_AndBothImport()
    {
        string register = RawData.Fixture("sipri-trade-register-sample.csv");
        string nmc = RawData.Fixture("cow-nmc-sample.csv");
        var expected = DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriArmsTransfers(register).AddCowNmc(nmc).Build();

        var catalog = Resolve(b => b.AddSipriArmsTransfers(register).AddCowNmc(nmc));

        Assert.Equal(expected.Trade.OfKind(TradeKind.ArmsTransfer).Count(), catalog.Trade.OfKind(TradeKind.ArmsTransfer).Count());
        Assert.Equal(register, catalog.OriginOf(catalog.Trade.OfKind(TradeKind.ArmsTransfer).First(f => catalog.OriginOf(f) != DefenseCoopCatalog.ResourceName)));
        var nmcSource = new SourceId("cow-nmc-6");
        Assert.Equal(expected.Spending.FromSource(nmcSource).Count(), catalog.Spending.FromSource(nmcSource).Count());
        Assert.True(catalog.Spending.FromSource(nmcSource).Any());
    }

    [Fact]
    public void AddSipriArmsTransfers_WithTheAnnualTables_ImportsThemWithTheRegister()
    {
        var files = new SipriArmsTransfersFiles
        {
            TradeRegister = RawData.Fixture("sipri-trade-register-sample.csv"), SupplierTable = RawData.Fixture("sipri-tiv-supplier-sample.csv"),
        };
        var expected = DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriArmsTransfers(files).Build();

        var catalog = Resolve(b => b.AddSipriArmsTransfers(files));

        Assert.True(catalog.Trade.OfKind(TradeKind.ArmsTransferVolume).Any());
        Assert.Equal(expected.Trade.OfKind(TradeKind.ArmsTransferVolume).Count(), catalog.Trade.OfKind(TradeKind.ArmsTransferVolume).Count());
        Assert.Equal(expected.Trade.OfKind(TradeKind.ArmsTransfer).Count(), catalog.Trade.OfKind(TradeKind.ArmsTransfer).Count());
    }

    [Fact]
    public void AddNatoDefenceExpenditure_ImportsOntoTheConfiguredDataFile()
    {
        var source = new SourceId("nato-defence-expenditure-2024");
        string release = ReleaseWithout(source);
        string workbook = RawData.Fixture("nato-mini.xlsx");

        var catalog = Resolve(b => b.AddFile(release).AddNatoDefenceExpenditure(workbook));

        Assert.True(catalog.Spending.FromSource(source).Any());
        Assert.Equal(workbook, catalog.OriginOf(catalog.Spending.FromSource(source).First()));
        Assert.Equal(release, catalog.OriginOf(catalog.Countries["TR"]));
        File.Delete(release);
    }

    [Fact]
    public void MalformedDataset_ThrowsTheImportersFullExceptionAtFirstResolveAndFromValidate()
    {
        string path = RawData.Fixture("cow-nmc-malformed.csv");
        var expected = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddCowNmc(path).Build());
        var services = new ServiceCollection();
        services.AddDefenseCoop(c => c.AddCowNmc(path));
        using var provider = services.BuildServiceProvider();

        Assert.Equal(expected.Issues, Assert.Throws<DefenseCoopDataException>(() => provider.ValidateDefenseCoop()).Issues);
        Assert.Equal(expected.Issues, Assert.Throws<DefenseCoopDataException>(() => provider.GetRequiredService<DefenseCoopCatalog>()).Issues);
    }

    [Fact]
    public void ImporterExtensions_CheckTheirArgumentsWhenCalled()
    {
        var builder = DefenseCoopCatalog.CreateBuilder();
        Assert.Throws<ArgumentException>(() => builder.AddSipriMilex(""));
        Assert.Throws<ArgumentNullException>(() => builder.AddSipriArmsTransfers((string)null!));
        Assert.Throws<ArgumentNullException>(() => builder.AddSipriArmsTransfers((SipriArmsTransfersFiles)null!));
        Assert.Throws<ArgumentException>(() => builder.AddCowNmc(""));
        Assert.Throws<ArgumentNullException>(() => ((DefenseCoopCatalogBuilder)null!).AddNatoDefenceExpenditure("x.xlsx"));
        Assert.Throws<ArgumentException>(() => Resolve(b => b.AddCowNmc("")));
    }

    [Fact]
    public void RegisteredImporter_ReadsItsFileOncePerCatalogBuilt()
    {
        string nmc = RawData.Fixture("cow-nmc-sample.csv");
        var services = new ServiceCollection();
        services.AddDefenseCoop(c => c.AddCowNmc(nmc));
        using var first = services.BuildServiceProvider();
        using var second = services.BuildServiceProvider();

        var a = first.GetRequiredService<DefenseCoopCatalog>();
        var b = second.GetRequiredService<DefenseCoopCatalog>();

        Assert.NotSame(a, b);
        Assert.Equal(a.Spending.FromSource(new SourceId("cow-nmc-6")).Count(), b.Spending.FromSource(new SourceId("cow-nmc-6")).Count());
        Assert.Same(a, first.GetRequiredService<DefenseCoopCatalog>());
    }

    // The bundled release carries NATO's 2024 edition; import onto a copy without it.
    private static string ReleaseWithout(SourceId source)
    {
        using var bundled = new MemoryStream();
        DefenseCoopCatalog.Default.Save(bundled);
        var data = JsonNode.Parse(bundled.ToArray())!.AsObject();
        data["spending"] = new JsonArray([.. data["spending"]!.AsArray().Where(s => (string?)s!["source"] != source.Value).Select(s => s!.DeepClone())]);
        data["sources"] = new JsonArray([.. data["sources"]!.AsArray().Where(s => (string?)s!["id"] != source.Value).Select(s => s!.DeepClone())]);
        string file = Path.Combine(Directory.CreateTempSubdirectory("defensecoop-di-").FullName, "release-without-nato.json");
        File.WriteAllText(file, data.ToJsonString());
        return file;
    }

    [Fact]
    public void AddImporterWithLimits_AppliesThem_InTheBuilderAndThroughDependencyInjection()
    {
        var tight = new ImportLimits { MaxRows = 3 };
        string workbook = RawData.Fixture("sipri-milex-mini.xlsx"), nato = RawData.Fixture("nato-mini.xlsx");
        string register = RawData.Fixture("sipri-trade-register-sample.csv"), nmc = RawData.Fixture("cow-nmc-sample.csv");
        var refusals = new List<DefenseCoopDataException>
        {
            Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriMilex(workbook, tight).Build()),
            Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddNatoDefenceExpenditure(nato, tight).Build()),
            Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriArmsTransfers(register, tight).Build()),
            Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddCowNmc(nmc, tight).Build()),
            Assert.Throws<DefenseCoopDataException>(() => Resolve(b => b.AddSipriMilex(workbook, tight))),
            Assert.Throws<DefenseCoopDataException>(() => Resolve(b => b.AddNatoDefenceExpenditure(nato, tight))),
            Assert.Throws<DefenseCoopDataException>(() => Resolve(b => b.AddSipriArmsTransfers(register, tight))),
            Assert.Throws<DefenseCoopDataException>(() => Resolve(b => b.AddCowNmc(nmc, tight))),
        };
        Assert.All(refusals, e => Assert.Contains(e.Issues, i => i.Rule == DataRule.LimitExceeded && i.Message.Contains("ImportLimits.MaxRows", StringComparison.Ordinal)));
    }
}
