using System.Collections.Frozen;
using System.Collections.Immutable;

namespace DefenseCoop;

/// <summary>
/// Makes the records a caller hands the builder (<see cref="DefenseCoopCatalogBuilder.AddRecords"/>, an
/// importer's output) the catalog's own: a collection typed as an interface may be the caller's mutable
/// one (a <see cref="Dictionary{TKey, TValue}"/> as an organization's <c>Names</c>), which the caller could
/// change after the catalog is built. Such a collection is copied into a frozen one; a collection that is
/// already immutable, and a record with nothing to copy, are kept as they are, so the copy costs nothing
/// for records made by this library's readers. <see cref="ImmutableArray{T}"/> members need no copy.
/// </summary>
internal static class CallerRecords
{
    /// <summary>The records, with every caller-owned collection copied.</summary>
    public static CatalogRecords Owned(CatalogRecords records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var countries = OwnAll(records.Countries, Owned);
        var organizations = OwnAll(records.Organizations, Owned);
        return countries == records.Countries && organizations == records.Organizations
            ? records
            : records with { Countries = countries, Organizations = organizations };
    }

    private static Country Owned(Country country) =>
        Frozen(country.Names) is var names && ReferenceEquals(names, country.Names) ? country : country with { Names = names };

    private static Organization Owned(Organization organization) =>
        Frozen(organization.Names) is var names && ReferenceEquals(names, organization.Names) ? organization : organization with { Names = names };

    /// <summary>The dictionary itself if it is immutable (or null, which validation reports), else a frozen copy.</summary>
    internal static IReadOnlyDictionary<string, string> Frozen(IReadOnlyDictionary<string, string> names) =>
        names is null or FrozenDictionary<string, string> or ImmutableDictionary<string, string> or ImmutableSortedDictionary<string, string>
            ? names!
            : names.ToFrozenDictionary(StringComparer.Ordinal);

    // The array itself when no record changed, so that an unchanged array is not copied either.
    private static ImmutableArray<T> OwnAll<T>(ImmutableArray<T> records, Func<T, T> own) where T : class
    {
        if (records.IsDefaultOrEmpty) return records;
        ImmutableArray<T>.Builder? copy = null;
        for (int i = 0; i < records.Length; i++)
        {
            var record = records[i];
            var owned = record is null ? record! : own(record);
            if (copy is null && !ReferenceEquals(owned, record))
            {
                copy = ImmutableArray.CreateBuilder<T>(records.Length);
                for (int j = 0; j < i; j++) copy.Add(records[j]);
            }
            copy?.Add(owned);
        }
        return copy is null ? records : copy.MoveToImmutable();
    }
}

/// <summary>An importer whose records are made the catalog's own (<see cref="CallerRecords"/>) as they are read.</summary>
internal sealed class OwningImporter(IDataImporter importer) : IDataImporter
{
    public IDataImporter Importer { get; } = importer;

    public string Name => Importer.Name;

    public CatalogRecords Import(ImportContext context) => CallerRecords.Owned(Importer.Import(context));

    public async ValueTask<CatalogRecords> ImportAsync(ImportContext context, CancellationToken cancellationToken) =>
        CallerRecords.Owned(await Importer.ImportAsync(context, cancellationToken).ConfigureAwait(false));
}
