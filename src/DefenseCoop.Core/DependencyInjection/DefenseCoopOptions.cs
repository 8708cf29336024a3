namespace DefenseCoop.Extensions.DependencyInjection;

/// <summary>
/// What <see cref="DefenseCoopServiceCollectionExtensions.AddDefenseCoop(Microsoft.Extensions.DependencyInjection.IServiceCollection, Action{DefenseCoopOptions})"/>
/// configures: which data release the registered <see cref="DefenseCoopCatalog"/> is built from, the
/// oldest release the application accepts, and the limits on the files it reads.
/// </summary>
/// <remarks>
/// Every delegate passed to <c>AddDefenseCoop</c> runs, in the order registered, on one fresh instance
/// when the catalog is first resolved; the catalog is then built from a snapshot and nothing can change
/// it afterwards. Overlays and importers are added on the <see cref="IDefenseCoopBuilder"/>, not here.
/// </remarks>
public sealed class DefenseCoopOptions
{
    private DataVersion? _minimumDataVersion;
    private DataLimits _limits = DataLimits.Default;

    /// <summary>
    /// Gets or sets the path of a data file (a newer release, say) to use instead of the release bundled
    /// with the package; <see langword="null"/> (the default) for the bundled release. A relative path is
    /// resolved against the current directory when the catalog is built.
    /// </summary>
    public string? DataFile { get; set; }

    /// <summary>
    /// Gets or sets the oldest data release the application accepts, as <c>YYYY.N</c> (e.g. <c>"2026.1"</c>);
    /// <see langword="null"/> (the default) accepts any. When the data loaded (the bundled release or
    /// <see cref="DataFile"/>) is older, resolving the catalog throws a <see cref="DefenseCoopDataException"/>
    /// naming both versions.
    /// </summary>
    /// <remarks>To set it from a <see cref="DataVersion"/>, assign <c>version.ToString()</c>.</remarks>
    /// <exception cref="ArgumentException">The value set is not of the form <c>YYYY.N</c>.</exception>
    public string? RequireMinimumDataVersion
    {
        get => _minimumDataVersion?.ToString();
        set
        {
            if (value is null) _minimumDataVersion = null;
            else if (DataVersion.TryParse(value, out var version)) _minimumDataVersion = version;
            else throw new ArgumentException($"'{value}' is not a data version: expected YYYY.N, e.g. 2026.1.", nameof(value));
        }
    }

    /// <summary>Gets <see cref="RequireMinimumDataVersion"/> as a comparable version.</summary>
    internal DataVersion? MinimumDataVersion => _minimumDataVersion;

    /// <summary>
    /// Gets or sets the bounds on every data file read to build the catalog (<see cref="DataFile"/>, the
    /// overlays, and the bundled release when it is read again alongside them); <see cref="DataLimits.Default"/>
    /// unless set. See <see cref="DataLimits"/> for the defaults.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value set is null.</exception>
    public DataLimits Limits
    {
        get => _limits;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            _limits = value;
        }
    }
}
