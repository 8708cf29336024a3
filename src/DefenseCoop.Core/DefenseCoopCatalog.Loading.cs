using DefenseCoop.Data;

namespace DefenseCoop;

// Loading: the bundled release (from its snapshot, or its JSON file) and data files from streams or disk.
public sealed partial class DefenseCoopCatalog
{
    /// <summary>Loads the bundled release afresh (what <see cref="Default"/> holds).</summary>
    /// <remarks>
    /// From the compiler's snapshot of the release, which was validated when it was compiled and is read
    /// without validating again (its format version and checksum guard it); from the JSON file, with full
    /// validation, if the snapshot is absent, of another format version or damaged. The two give equal catalogs.
    /// </remarks>
    internal static DefenseCoopCatalog LoadBundled()
    {
        // The resource stays open: the catalog reads each section from it when its kind is first read.
        var snapshot = OpenResource(Snapshot.ResourceName);
        if (snapshot is not null && Snapshot.TryRead(snapshot, ResourceName) is { } content) return new DefenseCoopCatalog(content);
        snapshot?.Dispose();
        return LoadBytes(ReadEmbedded(), ResourceName, DataLimits.Default);
    }

    internal static byte[] ReadEmbedded() =>
        ReadResource(ResourceName)
            ?? throw new InvalidOperationException($"The embedded data file '{ResourceName}' is missing from {ReleaseAssemblyName}.");

    /// <summary>
    /// Opens one of the bundled release's resources (the JSON file, <see cref="ResourceName"/>, or its
    /// snapshot), or returns null if there is none. They live in the resource-only assembly
    /// DefenseCoop.Core.Data, not in this one, so that every build of this library (IL and each
    /// ReadyToRun image) reads the same single copy.
    /// </summary>
    internal static Stream? OpenResource(string name) => Core.Data.ReleaseResources.Open(name);

    private static string ReleaseAssemblyName => typeof(Core.Data.ReleaseResources).Assembly.GetName().Name!;

    private static byte[]? ReadResource(string name)
    {
        using var stream = OpenResource(name);
        if (stream is null) return null;
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return bytes;
    }

    /// <summary>
    /// Loads a catalog from a data file in a stream. Reads the stream to its end and leaves it open.
    /// </summary>
    /// <param name="stream">The UTF-8 JSON data file.</param>
    /// <param name="name">A name for the data in error messages (a file name, say).</param>
    /// <param name="limits">Bounds on size, depth and string length; <see cref="DataLimits.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid; the exception lists every problem.</exception>
    public static DefenseCoopCatalog Load(Stream stream, string name = "stream", DataLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= DataLimits.Default;
        return LoadBytes(ReadBounded(stream, name, limits), name, limits);
    }

    /// <summary>Loads a catalog from a data file on disk.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>; the message names the path.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid; the exception lists every problem.</exception>
    public static DefenseCoopCatalog LoadFile(string path, DataLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var stream = OpenDataFile(path);
        return Load(stream, path, limits);
    }

    /// <summary>
    /// Loads a catalog from a data file in a stream, reading the stream asynchronously. Reads the stream
    /// to its end and leaves it open. Parsing and validation, which need no I/O, run on the calling
    /// thread once the data is read.
    /// </summary>
    /// <param name="stream">The UTF-8 JSON data file.</param>
    /// <param name="name">A name for the data in error messages (a file name, say).</param>
    /// <param name="limits">Bounds on size, depth and string length; <see cref="DataLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the reading, and the loading before parsing and before validation.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid; the exception lists every problem.</exception>
    public static async Task<DefenseCoopCatalog> LoadAsync(Stream stream, string name = "stream", DataLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        limits ??= DataLimits.Default;
        var bytes = await ReadBoundedAsync(stream, name, limits, cancellationToken).ConfigureAwait(false);
        return LoadBytes(bytes, name, limits, cancellationToken);
    }

    /// <summary>Loads a catalog from a data file on disk, reading the file asynchronously.</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Bounds on size, depth and string length; <see cref="DataLimits.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the reading, and the loading before parsing and before validation.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>; the message names the path.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="DefenseCoopDataException">The data is invalid; the exception lists every problem.</exception>
    public static async Task<DefenseCoopCatalog> LoadFileAsync(string path, DataLimits? limits = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        cancellationToken.ThrowIfCancellationRequested();
        await using var stream = OpenDataFile(path, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return await LoadAsync(stream, path, limits, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens a data file for reading, unbuffered (it is read in one call into an array of its size).</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>; the message names the full path.</exception>
    internal static FileStream OpenDataFile(string path, FileOptions options = FileOptions.None)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, options);
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"The data file '{Path.GetFullPath(path)}' does not exist.", path, e);
        }
        catch (DirectoryNotFoundException e)
        {
            throw new FileNotFoundException($"The data file '{Path.GetFullPath(path)}' does not exist: its folder is missing.", path, e);
        }
    }

    internal static DefenseCoopCatalog LoadBytes(ReadOnlyMemory<byte> utf8, string name, DataLimits limits, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var fragment = DataFragment.Parse(name, utf8, limits);
        cancellationToken.ThrowIfCancellationRequested();
        return new DefenseCoopCatalog(DataValidator.ValidateFile(fragment, strict: false, limits));
    }
}
