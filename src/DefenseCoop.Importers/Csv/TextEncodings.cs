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
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024);
        try
        {
            Span<byte> head = stackalloc byte[4];
            int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var (marked, markLength) = FromByteOrderMark(head[..read]);
            Encoding encoding = marked
                ?? (withoutMark.IsSingleByte && IsUtf8(stream) ? StrictUtf8 : withoutMark is UTF8Encoding ? StrictUtf8 : withoutMark);
            stream.Position = markLength;
            return new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

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
        var decoder = StrictUtf8.GetDecoder();
        byte[] buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0) decoder.GetCharCount(buffer.AsSpan(0, read), flush: false);
            decoder.GetCharCount([], flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
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
