using DefenseCoop.Data;

namespace DefenseCoop.Tests.Data;

// The export round trip reuses the coverage test's samples (one record of every kind with every field given)
// and the catalog that supports them, so that both tests hold the same records.
public partial class FormatCoverageTests
{
    /// <summary>A catalog of <paramref name="record"/> and the records it refers to (sources, countries, organizations, people, systems).</summary>
    internal static CatalogContent SupportingCatalog(object record) => Supporting(record);
}
