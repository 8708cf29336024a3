using System.Collections.Immutable;
using System.Globalization;

namespace DefenseCoop.Panels;

/// <summary>
/// What the bundled release says it covers (<c>data/panel-coverage.tsv</c>, embedded beside the data file
/// and read on first use): the network and years its curated records cover, and the organizations whose
/// every member it lists. A panel applies it to a catalog of the same data version; for any other catalog
/// the caller states the coverage.
/// </summary>
internal sealed class ReleaseCoverage
{
    /// <summary>The logical name of the embedded statement.</summary>
    public const string ResourceName = "DefenseCoop.Data.panel-coverage.tsv";

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
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads the statement's tab-separated lines (see the file's comments).</summary>
    /// <exception cref="InvalidDataException">A line is malformed, or the release or its records are not stated; the message names the line.</exception>
    internal static ReleaseCoverage Parse(string text)
    {
        DataVersion? version = null;
        PanelCoverage? records = null;
        var memberships = ImmutableArray.CreateBuilder<(OrganizationId, MembershipRole, string)>();
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split('\t');
            try
            {
                switch (fields)
                {
                    case ["dataVersion", var release]:
                        version = DataVersion.Parse(release);
                        break;
                    case ["records", var countries, var from, var to, var statement]:
                        records = PanelCoverage.Network([.. countries.Split(',').Select(CountryCode.Parse)],
                            int.Parse(from, CultureInfo.InvariantCulture), int.Parse(to, CultureInfo.InvariantCulture), statement);
                        break;
                    case ["membership", var organization, var role, var statement]:
                        memberships.Add((new OrganizationId(organization), Enum.Parse<MembershipRole>(role), statement));
                        break;
                    default:
                        throw new FormatException("expected 'dataVersion', 'records' or 'membership' and their fields, separated by tabs");
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                throw new InvalidDataException($"{ResourceName}({i + 1}): {e.Message}", e);
            }
        }
        return new ReleaseCoverage(version ?? throw new InvalidDataException($"{ResourceName}: no 'dataVersion' line."),
            records ?? throw new InvalidDataException($"{ResourceName}: no 'records' line."), memberships.ToImmutable());
    }
}
