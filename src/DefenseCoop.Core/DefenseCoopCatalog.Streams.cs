using DefenseCoop.Data;

namespace DefenseCoop;

// Reading a data file whole, within DataLimits.MaxFileBytes, for the loaders and the builder.
public sealed partial class DefenseCoopCatalog
{
    internal static async Task<byte[]> ReadBoundedAsync(Stream stream, string name, DataLimits limits, CancellationToken cancellationToken)
    {
        // As ReadBounded: a stream that knows its length is read straight into one array of its size.
        if (stream.CanSeek && stream.Length - stream.Position is var length and <= int.MaxValue)
        {
            if (length > limits.MaxFileBytes) throw TooLarge(name, limits);
            var bytes = new byte[length];
            int read = await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read < bytes.Length) return bytes[..read];
            var probe = new byte[1];
            if (await stream.ReadAsync(probe, cancellationToken).ConfigureAwait(false) == 0) return bytes;
            using var rest = new MemoryStream();
            rest.Write(bytes);
            rest.Write(probe);
            return await ReadToEndAsync(stream, rest, name, limits, cancellationToken).ConfigureAwait(false);
        }
        using var buffer = new MemoryStream();
        return await ReadToEndAsync(stream, buffer, name, limits, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadToEndAsync(Stream stream, MemoryStream buffer, string name, DataLimits limits, CancellationToken cancellationToken)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes) throw TooLarge(name, limits);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length > limits.MaxFileBytes) throw TooLarge(name, limits);
        return buffer.ToArray();
    }

    internal static byte[] ReadBounded(Stream stream, string name, DataLimits limits)
    {
        // A file (any stream that knows its length) is read straight into one array of its size.
        if (stream.CanSeek && stream.Length - stream.Position is var length and <= int.MaxValue)
        {
            if (length > limits.MaxFileBytes) throw TooLarge(name, limits);
            var bytes = new byte[length];
            int read = stream.ReadAtLeast(bytes, bytes.Length, throwOnEndOfStream: false);
            if (read < bytes.Length) return bytes[..read];
            int next = stream.ReadByte();
            if (next < 0) return bytes;
            // Still growing: go on as for a stream of unknown length.
            using var rest = new MemoryStream();
            rest.Write(bytes);
            rest.WriteByte((byte)next);
            return ReadToEnd(stream, rest, name, limits);
        }
        using var buffer = new MemoryStream();
        return ReadToEnd(stream, buffer, name, limits);
    }

    private static byte[] ReadToEnd(Stream stream, MemoryStream buffer, string name, DataLimits limits)
    {
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limits.MaxFileBytes) throw TooLarge(name, limits);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length > limits.MaxFileBytes) throw TooLarge(name, limits);
        return buffer.ToArray();
    }

    private static DefenseCoopDataException TooLarge(string name, DataLimits limits) =>
        new([new DataIssue(name, "$", null, DataRule.LimitExceeded, $"The data is larger than the limit of {limits.MaxFileBytes:N0} bytes.")]);
}
