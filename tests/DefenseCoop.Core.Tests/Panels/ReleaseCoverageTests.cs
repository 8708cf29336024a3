using DefenseCoop.Panels;

namespace DefenseCoop.Tests.Panels;

/// <summary>The bundled coverage statement (data/panel-coverage.tsv) is about the bundled release, and what it claims holds.</summary>
public class ReleaseCoverageTests
{
    [Fact]
    public void Statement_IsAboutTheBundledRelease()
    {
        // A new release must state its coverage again: a statement of another release is never applied.
        Assert.Equal(DefenseCoopCatalog.Default.DataVersion, ReleaseCoverage.Bundled.DataVersion);
        Assert.Same(ReleaseCoverage.Bundled, ReleaseCoverage.For(DefenseCoopCatalog.Default.DataVersion));
        Assert.Null(ReleaseCoverage.For(new DataVersion(2026, 1)));
    }

    [Fact]
    public void EveryCuratedAgreement_IsInTheNetworkTheStatementNames()
    {
        var catalog = DefenseCoopCatalog.Default;
        var network = ReleaseCoverage.Bundled.Records.Countries;
        Assert.Equal(["TR"], network.Select(c => c.Value));
        // Türkiye's agreements of the covered years are the network; the others (other countries' records,
        // earlier years) are outside the statement, and a panel leaves them null.
        Assert.Contains(catalog.Agreements, a => network.Any(c => catalog.Involvement(a, c) is not null) && a.SignedOn?.Year >= ReleaseCoverage.Bundled.Records.FromYear);
    }

    [Fact]
    public void EveryMembershipStatedComplete_ListsItsHolders()
    {
        var catalog = DefenseCoopCatalog.Default;
        foreach (var (organization, role, statement) in ReleaseCoverage.Bundled.CompleteMemberships)
        {
            Assert.False(string.IsNullOrWhiteSpace(statement));
            Assert.True(catalog.Members(organization).Count(m => m.Membership.Role == role) >= 32, $"{organization} {role}: the release claims every holder.");
        }
    }

    [Theory]
    [InlineData("dataVersion\t2026\nrecords\tTR\t2015\t2025\tx", 1)]
    [InlineData("dataVersion\t2026.2\nrecords\tTR\t2015\tx", 2)]
    [InlineData("dataVersion\t2026.2\nrecords\tTR\t2015\t2025\tx\nmembership\tnato\tAlly\tx", 3)]
    public void AMalformedStatement_IsRefused_NamingTheLine(string text, int line)
    {
        Assert.Contains($"({line})", Assert.Throws<InvalidDataException>(() => ReleaseCoverage.Parse(text)).Message);
        Assert.Contains("'records'", Assert.Throws<InvalidDataException>(() => ReleaseCoverage.Parse("dataVersion\t2026.2")).Message);
    }
}
