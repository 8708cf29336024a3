using System.Text;

namespace DefenseCoop.Importers.Csv;

/// <summary>The text encodings of the datasets the importers read.</summary>
internal static class TextEncodings
{
    /// <summary>Gets Windows-1252 (Western European), which SIPRI's CSV exports use.</summary>
    /// <remarks>.NET (Core) ships only Unicode and Latin-1 by default; the code-page provider is part of the runtime and only needs registering.</remarks>
    public static Encoding Windows1252 => Windows1252Holder.Instance;

    /// <summary>Gets UTF-8 that throws on invalid bytes rather than silently turning them into U+FFFD.</summary>
    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
