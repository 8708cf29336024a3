using System.Collections.Immutable;
using System.Text.Json;

namespace DefenseCoop.Panels;

/// <summary>
/// What the bundled release says it covers (<c>data/panel-coverage.json</c>, embedded beside the data file
/// and read on first use): the network and years its curated records cover, and the organizations whose
/// every member it lists. A panel applies it to a catalog of the same data version; for any other catalog
/// the caller states the coverage.
/// </summary>
internal sealed class ReleaseCoverage
{
    /// <summary>The logical name of the embedded statement.</summary>
    public const string ResourceName = "DefenseCoop.Data.panel-coverage.json";

    private ReleaseCoverage(DataVersion dataVersion, PanelCoverage records, ImmutableArray<(OrganizationId Organization, MembershipRole Role, string Statement)> memberships)
    {
        DataVersion = dataVersion;
        Records = records;
        CompleteMemberships = memberships;
    }

    /// <summary>Gets the data release the statement is about.</summary>
    public DataVersion DataVersion { get; }

    /// <summary>Gets what the curated agreements, events and trade records cover.</summary>
    public PanelCoverage Records { get; }

    /// <summary>Gets the organizations and roles whose every holder the release lists, with the statement that says so.</summary>
    public ImmutableArray<(OrganizationId Organization, MembershipRole Role, string Statement)> CompleteMemberships { get; }

    /// <summary>Gets the bundled statement.</summary>
    public static ReleaseCoverage Bundled => Holder.Instance;

    private static class Holder
    {
        internal static readonly ReleaseCoverage Instance = Read();
    }

    /// <summary>The statement, where it is about the data release <paramref name="version"/>; otherwise null.</summary>
    public static ReleaseCoverage? For(DataVersion version) => Bundled.DataVersion == version ? Bundled : null;

    private static ReleaseCoverage Read()
    {
        using var stream = typeof(ReleaseCoverage).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded coverage statement '{ResourceName}' is missing from {typeof(ReleaseCoverage).Assembly.GetName().Name}.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var records = root.GetProperty("records");
        var coverage = PanelCoverage.Network(
            [.. records.GetProperty("countries").EnumerateArray().Select(c => CountryCode.Parse(c.GetString()!))],
            records.GetProperty("from").GetInt32(), records.GetProperty("to").GetInt32(), records.GetProperty("statement").GetString()!);
        var memberships = root.GetProperty("memberships").EnumerateArray()
            .Select(m => (new OrganizationId(m.GetProperty("organization").GetString()!), Enum.Parse<MembershipRole>(m.GetProperty("role").GetString()!),
                m.GetProperty("statement").GetString()!))
            .ToImmutableArray();
        return new ReleaseCoverage(DataVersion.Parse(root.GetProperty("dataVersion").GetString()!), coverage, memberships);
    }
}
