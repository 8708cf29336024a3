using System.Text.Json.Nodes;
using DefenseCoop.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace DefenseCoop.Tests.DependencyInjection;

/// <summary>A clock stopped at one instant, as NodaTime.Testing's FakeClock would be.</summary>
internal sealed class FixedClock(Instant now) : IClock
{
    public FixedClock() : this(Instant.FromUtc(2025, 6, 2, 12, 0)) { }

    public Instant GetCurrentInstant() => now;
}

/// <summary><c>InForceToday</c> and <c>PossiblyInForceToday</c>: "today" comes from the injected <see cref="IClock"/>, in UTC.</summary>
public sealed class TodayTests
{
    // The minimal catalog's one agreement is signed (and so in force) from 2025-06-02.
    private static readonly DefenseCoopCatalog Catalog = TestData.Load(TestData.Minimal());

    [Theory]
    [InlineData(2025, 6, 1, 23, 59, 0)]   // already 2 June in Ankara (UTC+3), not yet in UTC
    [InlineData(2025, 6, 2, 0, 0, 1)]
    [InlineData(2030, 1, 1, 0, 0, 1)]
    public void InForceToday_UsesTheClocksDateInUtc(int year, int month, int day, int hour, int minute, int expected)
    {
        var clock = new FixedClock(Instant.FromUtc(year, month, day, hour, minute));

        Assert.Equal(expected, Catalog.Agreements.InForceToday(clock).Count());
        Assert.Equal(expected, Catalog.Agreements.PossiblyInForceToday(clock).Count());
        Assert.Equal(Catalog.Agreements.InForceOn(new LocalDate(year, month, day)).ToList(), Catalog.Agreements.InForceToday(clock).ToList());
    }

    [Fact]
    public void PossiblyInForceToday_IncludesAgreementsWhoseStartMayFallEitherSideOfToday()
    {
        var data = TestData.Minimal();
        data["agreements"]![0]!["signed"] = "2025-06";
        data["agreements"]![0]!["status"]![0]!["date"] = "2025-06";
        var catalog = TestData.Load(data);
        var midJune = new FixedClock(Instant.FromUtc(2025, 6, 15, 8, 0));

        Assert.False(catalog.Agreements.InForceToday(midJune).Any());
        Assert.Single(catalog.Agreements.PossiblyInForceToday(midJune));
        Assert.Single(catalog.Agreements.InForceToday(new FixedClock(Instant.FromUtc(2025, 7, 1, 0, 0))));
    }

    [Fact]
    public void InForceToday_NullClock_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Catalog.Agreements.InForceToday(null!));
        Assert.Throws<ArgumentNullException>(() => Catalog.Agreements.PossiblyInForceToday(null!));
    }

    [Fact]
    public void AddDefenseCoop_RegistersTheSystemClockOnlyIfAbsent()
    {
        var clock = new FixedClock();
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(clock);
        services.AddDefenseCoop();
        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<IClock>());

        using var other = new ServiceCollection().AddDefenseCoop().Services.BuildServiceProvider();
        Assert.Same(SystemClock.Instance, other.GetRequiredService<IClock>());
    }

    [Fact]
    public void InjectedClock_DrivesTodaysQueries()
    {
        string file = Path.Combine(Directory.CreateTempSubdirectory("defensecoop-today-").FullName, "data.json");
        File.WriteAllBytes(file, TestData.Bytes(TestData.Minimal()));
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(new FixedClock(Instant.FromUtc(2025, 6, 1, 12, 0)));
        services.AddDefenseCoop(c => c.AddFile(file));
        services.AddSingleton<AgreementsToday>();
        using var provider = services.BuildServiceProvider();

        Assert.Empty(provider.GetRequiredService<AgreementsToday>().Between(CountryCode.Parse("TR"), CountryCode.Parse("FI")));

        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    /// <summary>What an application's service looks like: the catalog and the clock, both injected.</summary>
    private sealed class AgreementsToday(DefenseCoopCatalog catalog, IClock clock)
    {
        public IReadOnlyList<Agreement> Between(CountryCode a, CountryCode b) => catalog.Agreements.Between(a, b).InForceToday(clock).ToList();
    }
}
