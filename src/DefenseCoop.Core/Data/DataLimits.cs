namespace DefenseCoop;

/// <summary>Bounds on what a data file may contain, so that hostile input cannot exhaust memory or stack.</summary>
/// <remarks>
/// <para>Every data file is checked against the limits before it is deserialized: files loaded with
/// <see cref="DefenseCoopCatalog.Load"/> and <see cref="DefenseCoopCatalog.LoadFile"/> (which take
/// limits as an argument), files added to a <see cref="DefenseCoopCatalogBuilder"/> (set with
/// <see cref="DefenseCoopCatalogBuilder.WithLimits"/>, the bundled release included), also where a
/// dependency-injection registration configures that builder. A file over a limit is refused
/// with a <see cref="DefenseCoopDataException"/> whose issue has the rule <see cref="DataRule.LimitExceeded"/>
/// (nesting too deep is reported as <see cref="DataRule.MalformedJson"/>, as the JSON reader reports it).</para>
/// <para>The defaults — 64 MiB, nesting depth 32, tokens of at most 65,536 characters — are far above
/// what the format needs (the bundled release is under 1 MiB, nests 6 deep, and its longest text is a
/// few hundred characters) and far below what would strain a process.</para>
/// </remarks>
public sealed record DataLimits
{
    private readonly long _maxFileBytes = 64L * 1024 * 1024;
    private readonly int _maxDepth = 32;
    private readonly int _maxStringLength = 64 * 1024;
    private readonly int _maxIssues = 1000;

    /// <summary>The default limits: files of at most 64 MiB, nesting depth 32, strings of at most 65,536 (64 Ki) characters.</summary>
    public static DataLimits Default { get; } = new();

    /// <summary>Gets the largest file accepted, in bytes. Default: 67,108,864 (64 MiB).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public long MaxFileBytes
    {
        get => _maxFileBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxFileBytes = value;
        }
    }

    /// <summary>
    /// Gets the deepest nesting of objects and arrays accepted: the document's top-level object counts
    /// as 1, so <c>{"a": [1]}</c> has depth 2. Default: 32.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxDepth = value;
        }
    }

    /// <summary>
    /// Gets the longest string accepted, in UTF-16 characters after unescaping. It applies to every
    /// string in the file — values, property names, and the contents of properties the format does
    /// not define and the loader otherwise ignores — and to the text of every number. Default: 65,536.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int MaxStringLength
    {
        get => _maxStringLength;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxStringLength = value;
        }
    }

    /// <summary>
    /// Gets the most problems listed in a <see cref="DefenseCoopDataException"/>; those found beyond
    /// are only counted, by rule (<see cref="DefenseCoopDataException.OmittedIssues"/>), so that the
    /// report of a file with millions of faults stays small. Default: 1,000.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value set is zero or negative.</exception>
    public int MaxIssues
    {
        get => _maxIssues;
        init
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
            _maxIssues = value;
        }
    }
}
