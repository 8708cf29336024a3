using DefenseCoop.Data;

namespace DefenseCoop;

// Which release the catalog starts from, and the oldest release the caller accepts. The same builder is
// what a dependency-injection registration configures, so these rules hold in both.
public sealed partial class DefenseCoopCatalogBuilder
{
    private DataVersion? _minimumDataVersion;
    private string? _releaseName;
    private int _releasesAdded;
    private bool _bundledAdded;

    /// <summary>
    /// Requires the catalog's data release to be <paramref name="minimum"/> or newer: <see cref="Build"/>
    /// and <see cref="BuildAsync"/> refuse an older one with a <see cref="DefenseCoopDataException"/> naming
    /// both versions. The release checked is the catalog's <see cref="DefenseCoopCatalog.DataVersion"/>, that
    /// of the bundled release or of the file added with <see cref="AddFile"/>. A later call replaces an earlier one.
    /// </summary>
    /// <param name="minimum">The oldest release accepted, e.g. <c>new DataVersion(2026, 1)</c> or <c>DataVersion.Parse("2026.1")</c>.</param>
    /// <returns>The same builder, for chaining.</returns>
    public DefenseCoopCatalogBuilder RequireMinimumDataVersion(DataVersion minimum)
    {
        _minimumDataVersion = minimum;
        return this;
    }

    /// <summary>Whether a release (the bundled one or a data file) was added, as opposed to only overlays, records or importers.</summary>
    internal bool HasRelease => _releasesAdded > 0;

    /// <summary>
    /// Whether the catalog would be exactly <see cref="DefenseCoopCatalog.Default"/>: the bundled release
    /// alone, read with the default limits. Then the loaded catalog can be shared instead of read again.
    /// </summary>
    internal bool IsBundledAlone => _bundledAdded && _releasesAdded == 1 && _files.Count == 1 && _importers.Count == 0 && _limits == DataLimits.Default;

    /// <summary>
    /// Puts the bundled release first unless a release was added: a registration that adds only overlays,
    /// records or importers builds on the bundled release, and one that adds a file of its own uses that.
    /// </summary>
    internal void StartFromBundledUnlessARelease()
    {
        if (HasRelease) return;
        AddBundled();
        var bundled = _files[^1];
        _files.RemoveAt(_files.Count - 1);
        _files.Insert(0, bundled);
    }

    /// <summary>Returns <paramref name="catalog"/> if its release is at least the minimum required.</summary>
    /// <exception cref="DefenseCoopDataException">The release is older than <see cref="RequireMinimumDataVersion"/> asks.</exception>
    internal DefenseCoopCatalog CheckVersion(DefenseCoopCatalog catalog)
    {
        if (_minimumDataVersion is not { } minimum || catalog.DataVersion >= minimum) return catalog;
        string file = _releaseName ?? DefenseCoopCatalog.ResourceName;
        string remedy = _bundledAdded
            ? "Update the DefenseCoop.Core package, or add a newer release with AddFile instead of the bundled one."
            : "Add a newer release with AddFile.";
        throw new DefenseCoopDataException([new DataIssue(file, "$.dataVersion", null, DataRule.InvalidValue,
            $"The data is release {catalog.DataVersion}, older than release {minimum} that this application requires (RequireMinimumDataVersion). {remedy}")]);
    }

    private void NoteRelease(string name, bool bundled)
    {
        _releaseName ??= name;
        _releasesAdded++;
        _bundledAdded |= bundled;
    }
}
