using System.Text.Json.Nodes;
using DefenseCoop.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DefenseCoop.Tests.DependencyInjection;

/// <summary>Registration: the three tests of Microsoft.Extensions.Caching.Memory's CacheServiceExtensionsTests, then ours.</summary>
public sealed class DefenseCoopServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("defensecoop-di-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, JsonObject body)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, TestData.Bytes(body));
        return path;
    }

    private string WriteOverlay(string name, JsonObject body)
    {
        body["schemaVersion"] = 1;
        body["dataVersion"] = "2026.1";
        body["released"] = "2026-11-23";
        return Write(name, body);
    }

    private static JsonObject OwnSource() => JsonNode.Parse("""{ "id": "our-desk", "kind": "OfficialStatement", "publisher": "Our desk", "title": "Our notes", "language": "en" }""")!.AsObject();

    private static JsonObject Deal(string id, string title, bool? replaces = null)
    {
        var deal = JsonNode.Parse($$"""
            { "id": "{{id}}", "title": "{{title}}", "kind": "ProcurementContract", "signed": "2026-02",
              "parties": [{ "country": "FI", "role": "Recipient" }, { "organization": "patria", "role": "Party" }, { "country": "TR", "role": "Supplier" }],
              "systems": ["bayraktar-tb2"], "sources": ["our-desk"] }
            """)!.AsObject();
        if (replaces is not null) deal["replaces"] = replaces;
        return deal;
    }

    // ---- after Microsoft.Extensions.Caching.Memory's CacheServiceExtensionsTests ----

    [Fact]
    public void AddDefenseCoop_RegistersCatalogAsSingleton()
    {
        var services = new ServiceCollection();

        services.AddDefenseCoop();

        var catalog = services.FirstOrDefault(d => d.ServiceType == typeof(DefenseCoopCatalog));
        Assert.NotNull(catalog);
        Assert.Equal(ServiceLifetime.Singleton, catalog.Lifetime);
        var clock = services.FirstOrDefault(d => d.ServiceType == typeof(IClock));
        Assert.NotNull(clock);
        Assert.Equal(ServiceLifetime.Singleton, clock.Lifetime);
    }

    [Fact]
    public void AddDefenseCoop_DoesNotReplaceUserRegisteredServices()
    {
        var services = new ServiceCollection();
        var own = TestData.Load(TestData.Minimal());
        services.AddScoped(_ => own);
        services.AddScoped<IClock, FixedClock>();

        services.AddDefenseCoop();
        services.AddDefenseCoop(c => c.RequireMinimumDataVersion(new DataVersion(2026, 1)));

        using var provider = services.BuildServiceProvider();
        var catalog = Assert.Single(services, d => d.ServiceType == typeof(DefenseCoopCatalog));
        Assert.Equal(ServiceLifetime.Scoped, catalog.Lifetime);
        using var scope = provider.CreateScope();
        Assert.Same(own, scope.ServiceProvider.GetRequiredService<DefenseCoopCatalog>());
        var clock = Assert.Single(services, d => d.ServiceType == typeof(IClock));
        Assert.Equal(ServiceLifetime.Scoped, clock.Lifetime);
        Assert.IsType<FixedClock>(scope.ServiceProvider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddDefenseCoop_AllowsChaining()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddDefenseCoop().Services);
    }

    [Fact]
    public void AddDefenseCoop_WithAction_AllowsChaining()
    {
        var services = new ServiceCollection();

        Assert.Same(services, services.AddDefenseCoop(_ => { }).Services);
        Assert.Same(services, services.AddDefenseCoop().ConfigureCatalog((_, c) => c.AddOverlay("ours.json")).Services);
    }

    // ---- with and without options ----

    [Fact]
    public void AddDefenseCoop_WithoutOptions_ResolvesTheDefaultCatalogItself()
    {
        using var provider = new ServiceCollection().AddDefenseCoop().Services.BuildServiceProvider();

        Assert.Same(DefenseCoopCatalog.Default, provider.GetRequiredService<DefenseCoopCatalog>());
        Assert.Same(NodaTime.SystemClock.Instance, provider.GetRequiredService<IClock>());
    }

    [Fact]
    public void AddDefenseCoop_WithOptionsThatReadNoOtherFile_StillSharesTheDefaultCatalog()
    {
        using var provider = new ServiceCollection()
            .AddDefenseCoop(c => c.RequireMinimumDataVersion(new DataVersion(2026, 1)).WithLimits(new DataLimits()))
            .Services.BuildServiceProvider();

        Assert.Same(DefenseCoopCatalog.Default, provider.GetRequiredService<DefenseCoopCatalog>());
    }

    [Fact]
    public void AddDefenseCoop_WithAFile_LoadsThatFileInsteadOfTheBundledRelease()
    {
        var data = TestData.Minimal();
        data["dataVersion"] = "2027.2";
        string file = Write("newer.json", data);

        using var provider = new ServiceCollection().AddDefenseCoop(c => c.AddFile(file)).Services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<DefenseCoopCatalog>();
        Assert.Equal(new DataVersion(2027, 2), catalog.DataVersion);
        Assert.Equal(2, catalog.Countries.Count);
        Assert.Equal(file, catalog.OriginOf(catalog.Countries["TR"]));
        Assert.Same(catalog, provider.GetRequiredService<DefenseCoopCatalog>());
    }

    [Fact]
    public void AddDefenseCoop_WithLimits_AppliesThemToTheFilesRead()
    {
        string file = Write("data.json", TestData.Minimal());

        using var provider = new ServiceCollection()
            .AddDefenseCoop(c => c.AddFile(file).WithLimits(new DataLimits { MaxStringLength = 10 }))
            .Services.BuildServiceProvider();

        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => provider.GetRequiredService<DefenseCoopCatalog>()).Issues);
        Assert.Equal((file, DataRule.LimitExceeded), (issue.File, issue.Rule));
    }

    [Fact]
    public void AddDefenseCoop_Twice_IsHarmlessAndConfigurationsCompose()
    {
        var newer = TestData.Minimal();
        newer["dataVersion"] = "2027.1";
        string newerFile = Write("newer.json", newer);
        var services = new ServiceCollection();

        services.AddDefenseCoop(c => c.RequireMinimumDataVersion(new DataVersion(2099, 1)));
        services.AddDefenseCoop();
        services.AddDefenseCoop(c => c.AddFile(newerFile).RequireMinimumDataVersion(new DataVersion(2027, 1)));

        Assert.Single(services, d => d.ServiceType == typeof(DefenseCoopCatalog));
        Assert.Single(services, d => d.ServiceType == typeof(IClock));
        using var provider = services.BuildServiceProvider();
        var catalog = provider.GetRequiredService<DefenseCoopCatalog>();
        Assert.Equal(new DataVersion(2027, 1), catalog.DataVersion);
        Assert.Same(catalog, provider.GetRequiredService<DefenseCoopCatalog>());
    }

    [Fact]
    public void AddDefenseCoop_ConfigureRunsOnceAtFirstResolve()
    {
        int runs = 0;
        var services = new ServiceCollection();
        services.AddDefenseCoop(_ => runs++);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(0, runs);

        provider.ValidateDefenseCoop();
        provider.GetRequiredService<DefenseCoopCatalog>();
        provider.GetRequiredService<DefenseCoopCatalog>();

        Assert.Equal(1, runs);
    }

    [Fact]
    public void AddDefenseCoop_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => ((IServiceCollection)null!).AddDefenseCoop());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddDefenseCoop(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddDefenseCoop().ConfigureCatalog(null!));
        Assert.Throws<ArgumentNullException>(() => ((IDefenseCoopBuilder)null!).ConfigureCatalog((_, _) => { }));
        Assert.Throws<ArgumentNullException>(() => ((IServiceProvider)null!).ValidateDefenseCoop());
    }

    // ---- overlays ----

    [Fact]
    public void AddOverlay_MixesOverlayRecordsWithTheBundledRelease()
    {
        const string replacedId = "tr-fi-2025-defence-industry-mou";
        string ours = WriteOverlay("ours.json", new()
        {
            ["sources"] = new JsonArray(OwnSource()),
            ["agreements"] = new JsonArray(Deal("our-tb2-deal", "Our TB2 deal"), Deal(replacedId, "Our reading of the memorandum", replaces: true)),
        });

        using var provider = new ServiceCollection().AddDefenseCoop(c => c.AddOverlay(ours)).Services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<DefenseCoopCatalog>();
        Assert.NotSame(DefenseCoopCatalog.Default, catalog);
        Assert.Equal(DefenseCoopCatalog.Default.Agreements.Count() + 1, catalog.Agreements.Count());
        var deal = catalog.Agreements.Between("TR", "FI").Within(2026).Single(a => a.Id.Value == "our-tb2-deal");
        Assert.Equal(ours, catalog.OriginOf(deal));
        var replaced = catalog.Agreements.Single(a => a.Id.Value == replacedId);
        Assert.Equal("Our reading of the memorandum", replaced.Title);
        Assert.Equal(ours, catalog.OriginOf(replaced));
        Assert.Equal("DefenseCoop.Data.defensecoop.json", catalog.OriginOf(catalog.Countries["TR"]));
        Assert.NotEqual("Our reading of the memorandum", DefenseCoopCatalog.Default.Agreements.Single(a => a.Id.Value == replacedId).Title);
    }

    [Fact]
    public void AddOverlay_FromSeveralCalls_AppliesInOrderRegistered()
    {
        string first = WriteOverlay("first.json", new() { ["sources"] = new JsonArray(OwnSource()), ["agreements"] = new JsonArray(Deal("our-tb2-deal", "First")) });
        var second = new JsonObject { ["agreements"] = new JsonArray(Deal("our-tb2-deal", "Second", replaces: true)) };
        string secondFile = WriteOverlay("second.json", second);
        var services = new ServiceCollection();

        services.AddDefenseCoop(c => c.AddOverlay(first));
        services.AddDefenseCoop(c => c.RequireMinimumDataVersion(new DataVersion(2026, 1)).AddOverlay(secondFile));

        using var provider = services.BuildServiceProvider();
        var deal = provider.GetRequiredService<DefenseCoopCatalog>().Agreements.Single(a => a.Id.Value == "our-tb2-deal");
        Assert.Equal("Second", deal.Title);
    }

    [Fact]
    public void InvalidOverlay_ThrowsTheLoadersFullExceptionAtFirstResolveAndFromValidate()
    {
        var deal = Deal("our-deal", "Our deal");
        deal["kind"] = "Treaty";
        deal["parties"]![0]!["country"] = "XX";
        string overlay = WriteOverlay("broken.json", new() { ["sources"] = new JsonArray(OwnSource()), ["agreements"] = new JsonArray(deal) });
        var expected = Assert.Throws<DefenseCoopDataException>(() => DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(overlay).Build());
        Assert.Equal(2, expected.Issues.Length);

        using var provider = new ServiceCollection().AddDefenseCoop(c => c.AddOverlay(overlay)).Services.BuildServiceProvider();

        var atResolve = Assert.Throws<DefenseCoopDataException>(() => provider.GetRequiredService<DefenseCoopCatalog>());
        Assert.Equal(expected.Issues, atResolve.Issues);
        Assert.Equal(expected.Message, atResolve.Message);
        var atValidate = Assert.Throws<DefenseCoopDataException>(() => provider.ValidateDefenseCoop());
        Assert.Equal(expected.Issues, atValidate.Issues);
    }

    [Fact]
    public void MalformedOverlay_ThrowsAtFirstResolveNotAtRegistration()
    {
        string overlay = Path.Combine(_directory, "malformed.json");
        File.WriteAllText(overlay, """{ "schemaVersion": 1, "dataVersion": "2026.1", "released": "2026-11-23", "agreements": [ """);
        var services = new ServiceCollection();
        services.AddDefenseCoop(c => c.AddOverlay(overlay));
        using var provider = services.BuildServiceProvider();

        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => provider.ValidateDefenseCoop()).Issues);
        Assert.Equal((overlay, DataRule.MalformedJson), (issue.File, issue.Rule));
    }

    [Fact]
    public void MissingOverlay_ThrowsFileNotFoundAtFirstResolve()
    {
        using var provider = new ServiceCollection().AddDefenseCoop(c => c.AddOverlay(Path.Combine(_directory, "absent.json"))).Services.BuildServiceProvider();

        Assert.Throws<FileNotFoundException>(() => provider.GetRequiredService<DefenseCoopCatalog>());
    }

    // ---- importers through the builder ----

    [Fact]
    public void AddImporter_RunsAgainstTheReleaseAndOverlaysOncePerCatalog()
    {
        var importer = new CountingImporter();
        var services = new ServiceCollection();
        services.AddDefenseCoop().ConfigureCatalog((_, c) => c.AddImporter(importer));
        using var provider = services.BuildServiceProvider();

        provider.ValidateDefenseCoop();
        var catalog = provider.GetRequiredService<DefenseCoopCatalog>();

        Assert.Equal(1, importer.Runs);
        Assert.Equal(DefenseCoopCatalog.Default.Countries.Count, importer.CountriesSeen);
        var source = catalog.Sources[new SourceId("counting-importer")];
        Assert.Equal("counting.csv", catalog.OriginOf(source));
    }

    // ---- the minimum data version ----

    [Fact]
    public void RequireMinimumDataVersion_NewerThanTheData_IsRefusedNamingBothVersions()
    {
        using var provider = new ServiceCollection().AddDefenseCoop(c => c.RequireMinimumDataVersion(new DataVersion(2099, 3))).Services.BuildServiceProvider();

        var e = Assert.Throws<DefenseCoopDataException>(() => provider.GetRequiredService<DefenseCoopCatalog>());

        var issue = Assert.Single(e.Issues);
        Assert.Equal(("DefenseCoop.Data.defensecoop.json", "$.dataVersion", DataRule.InvalidValue), (issue.File, issue.Path, issue.Rule));
        Assert.Contains($"release {DefenseCoopCatalog.Default.DataVersion}", issue.Message);
        Assert.Contains("release 2099.3", issue.Message);
        Assert.Contains("RequireMinimumDataVersion", issue.Message);
        Assert.Throws<DefenseCoopDataException>(() => provider.ValidateDefenseCoop());
    }

    [Fact]
    public void RequireMinimumDataVersion_OfADataFile_NamesTheFile()
    {
        string file = Write("old.json", TestData.Minimal());
        using var provider = new ServiceCollection()
            .AddDefenseCoop(c => c.AddFile(file).RequireMinimumDataVersion(new DataVersion(2026, 2)))
            .Services.BuildServiceProvider();

        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() => provider.GetRequiredService<DefenseCoopCatalog>()).Issues);
        Assert.Equal(file, issue.File);
        Assert.Contains("release 2026.1, older than release 2026.2", issue.Message);
    }

    [Fact]
    public void RequireMinimumDataVersion_OnTheCatalogBuilder_RefusesAnOlderReleaseAndAcceptsItsOwn()
    {
        string file = Write("old.json", TestData.Minimal());

        var issue = Assert.Single(Assert.Throws<DefenseCoopDataException>(() =>
            DefenseCoopCatalog.CreateBuilder().AddFile(file).RequireMinimumDataVersion(new DataVersion(2026, 2)).Build()).Issues);
        Assert.Equal(file, issue.File);
        Assert.Contains("release 2026.1, older than release 2026.2", issue.Message);
        var catalog = DefenseCoopCatalog.CreateBuilder().AddFile(file).RequireMinimumDataVersion(new DataVersion(2026, 1)).Build();
        Assert.Equal(new DataVersion(2026, 1), catalog.DataVersion);
    }

    [Fact]
    public void AddDefenseCoop_OverlayWithoutARelease_StartsFromTheBundledRelease_AsTheCatalogBuilderWithAddBundledDoes()
    {
        string ours = WriteOverlay("ours.json", new() { ["sources"] = new JsonArray(OwnSource()), ["agreements"] = new JsonArray(Deal("our-tb2-deal", "Ours")) });
        var built = DefenseCoopCatalog.CreateBuilder().AddBundled().AddOverlay(ours).Build();

        using var implicitRelease = new ServiceCollection().AddDefenseCoop(c => c.AddOverlay(ours)).Services.BuildServiceProvider();
        using var explicitRelease = new ServiceCollection().AddDefenseCoop(c => c.AddBundled().AddOverlay(ours)).Services.BuildServiceProvider();

        foreach (var catalog in new[] { implicitRelease.GetRequiredService<DefenseCoopCatalog>(), explicitRelease.GetRequiredService<DefenseCoopCatalog>() })
        {
            Assert.Equal(built.Agreements.Select(a => a.Id), catalog.Agreements.Select(a => a.Id));
            Assert.Equal(DefenseCoopCatalog.ResourceName, catalog.OriginOf(catalog.Countries[CountryCode.Parse("TR")]));
            Assert.Equal(ours, catalog.OriginOf(catalog.Agreements.Single(a => a.Id.Value == "our-tb2-deal")));
        }
    }

    // ---- validation ----

    [Fact]
    public void ValidateDefenseCoop_WithoutRegistration_SaysSo()
    {
        using var provider = new ServiceCollection().BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.ValidateDefenseCoop());
    }

    private sealed class CountingImporter : IDataImporter
    {
        public int Runs { get; private set; }

        public int CountriesSeen { get; private set; }

        public string Name => "counting.csv";

        public CatalogRecords Import(ImportContext context)
        {
            Runs++;
            CountriesSeen = context.Countries.Count;
            return new CatalogRecords
            {
                Sources = [new Source { Id = new SourceId("counting-importer"), Kind = SourceKind.Dataset, Publisher = "Counting", Title = "Counted", Language = "en" }],
            };
        }
    }
}
