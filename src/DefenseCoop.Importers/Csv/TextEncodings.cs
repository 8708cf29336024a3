using System.Text;

namespace DefenseCoop.Importers.Csv;

/// <summary>The text encodings of the datasets the importers read, and how a file's encoding is decided.</summary>
internal static class TextEncodings
{
    /// <summary>Gets Windows-1252 (Western European), which SIPRI's CSV exports use.</summary>
    /// <remarks>.NET (Core) ships only Unicode and Latin-1 by default; the code-page provider is part of the runtime and only needs registering.</remarks>
    public static Encoding Windows1252 => Windows1252Holder.Instance;

    /// <summary>Gets UTF-8 that throws on invalid bytes rather than silently turning them into U+FFFD.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Opens a text file in the encoding its content shows: a Unicode byte-order mark decides (UTF-8,
    /// UTF-16 or UTF-32, either byte order); without one, a file in a single-byte <paramref name="withoutMark"/>
    /// (such as Windows-1252) whose bytes are all valid UTF-8 is read as UTF-8, since legacy text with
    /// accents is almost never valid UTF-8 and a UTF-8 file read as Windows-1252 turns every accent into
    /// two wrong letters. Otherwise <paramref name="withoutMark"/> applies. Unicode encodings throw on
    /// invalid bytes (a <see cref="DecoderFallbackException"/> while reading).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The path is a directory, or may not be read.</exception>
    public static TextReader OpenText(string path, Encoding withoutMark)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(withoutMark);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        try
        {
            Span<byte> head = stackalloc byte[4];
            int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var (marked, markLength) = FromByteOrderMark(head[..read]);
            Encoding encoding = marked ?? WithoutMark(withoutMark, NeedsUtf8Check(withoutMark) && IsUtf8(stream));
            stream.Position = markLength;
            return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: BufferSize);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a text file as <see cref="OpenText"/> does, for asynchronous reading: the file is opened for
    /// asynchronous I/O, and the look for a byte-order mark and the check for UTF-8 are awaited.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The path is a directory, or may not be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<TextReader> OpenTextAsync(string path, Encoding withoutMark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(withoutMark);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        try
        {
            byte[] head = new byte[4];
            int read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            var (marked, markLength) = FromByteOrderMark(head.AsSpan(0, read));
            Encoding encoding = marked ?? WithoutMark(withoutMark, NeedsUtf8Check(withoutMark) && await IsUtf8Async(stream, cancellationToken).ConfigureAwait(false));
            stream.Position = markLength;
            return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: BufferSize);
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private const int BufferSize = 64 * 1024;

    /// <summary>Whether a file without a mark, to be read in <paramref name="withoutMark"/>, must be checked for UTF-8 first: legacy single-byte text.</summary>
    private static bool NeedsUtf8Check(Encoding withoutMark) => withoutMark.IsSingleByte;

    /// <summary>The encoding of a file without a mark, given whether all its bytes are valid UTF-8.</summary>
    private static Encoding WithoutMark(Encoding withoutMark, bool allUtf8) =>
        allUtf8 || withoutMark is UTF8Encoding ? StrictUtf8 : withoutMark;

    private static (Encoding? Encoding, int Length) FromByteOrderMark(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8, 3),
        [0xFF, 0xFE, 0x00, 0x00] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0x00, 0x00, 0xFE, 0xFF] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2),
        _ => (null, 0),
    };

    /// <summary>Whether the whole stream, from its start, is valid UTF-8; read in blocks, so a long file costs no memory.</summary>
    private static bool IsUtf8(Stream stream)
    {
        stream.Position = 0;
        var check = new Utf8Check();
        byte[] buffer = new byte[BufferSize];
        int read;
        while ((read = stream.Read(buffer)) > 0)
            if (!check.Add(buffer.AsSpan(0, read))) return false;
        return check.End();
    }

    /// <summary>Whether the whole stream, from its start, is valid UTF-8, as <see cref="IsUtf8"/>; each block is awaited, and cancellation is checked between them.</summary>
    private static async ValueTask<bool> IsUtf8Async(Stream stream, CancellationToken cancellationToken)
    {
        stream.Position = 0;
        var check = new Utf8Check();
        byte[] buffer = new byte[BufferSize];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            if (!check.Add(buffer.AsSpan(0, read))) return false;
        return check.End();
    }

    /// <summary>Decodes blocks of bytes as strict UTF-8, keeping a character split between blocks.</summary>
    private sealed class Utf8Check
    {
        private readonly Decoder _decoder = StrictUtf8.GetDecoder();

        /// <summary>Whether the block continues valid UTF-8.</summary>
        public bool Add(ReadOnlySpan<byte> block) => Decodes(block, flush: false);

        /// <summary>Whether the bytes so far end as valid UTF-8 (no character cut short).</summary>
        public bool End() => Decodes([], flush: true);

        private bool Decodes(ReadOnlySpan<byte> block, bool flush)
        {
            try
            {
                _decoder.GetCharCount(block, flush);
                return true;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }
    }

    private static class Windows1252Holder
    {
        internal static readonly Encoding Instance = Create();

        private static Encoding Create()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }
}
