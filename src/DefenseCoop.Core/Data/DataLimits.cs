namespace DefenseCoop;

/// <summary>Bounds on what a data file may contain, so that hostile input cannot exhaust memory or stack.</summary>
public sealed record DataLimits
{
    /// <summary>The default limits: 64 MiB, nesting depth 32, strings of at most 64 KiB characters.</summary>
    public static DataLimits Default { get; } = new();

    /// <summary>Gets the largest file accepted, in bytes.</summary>
    public long MaxFileBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Gets the deepest nesting of objects and arrays accepted.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Gets the longest string value accepted, in characters.</summary>
    public int MaxStringLength { get; init; } = 64 * 1024;
}
