using System.Text;
using NodaTime;

namespace DefenseCoop.Data;

// The snapshot's container: the header, the table of sections, and each section encoded or decoded whole
// (the layout is in Snapshot.cs's summary; the fields of each kind are in its format file).
internal static partial class Snapshot
{
    /// <summary>Writes validated content as a snapshot.</summary>
    public static byte[] Write(CatalogContent content)
    {
        // The index as the catalog builds it from these records, stored so that it need not be built again.
        var index = Indexing.StoredAgreementIndex.Of(new DefenseCoopCatalog(content).AgreementIndex, content.Agreements);
        var sections = new byte[SnapshotSections.Count][];
        for (int i = 0; i < sections.Length; i++)
        {
            using var section = new MemoryStream();
            using (var w = new BinaryWriter(section, Encoding.UTF8, leaveOpen: true))
                new Writer(w).Section((SnapshotSections.Kind)i, content, index);
            sections[i] = section.ToArray();
        }
        using var file = new MemoryStream();
        using (var w = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            w.Write(0UL); // the checksum, written once what it covers is
            w.Write(content.SchemaVersion);
            w.Write(content.DataVersion.Year);
            w.Write(content.DataVersion.Release);
            w.Write(content.Released.Year);
            w.Write((byte)content.Released.Month);
            w.Write((byte)content.Released.Day);
            foreach (var section in sections)
            {
                w.Write(section.Length);
                w.Write(Checksum(section));
            }
            foreach (var section in sections) w.Write(section);
        }
        var result = file.ToArray();
        BitConverter.TryWriteBytes(result.AsSpan(10), Checksum(result.AsSpan(PreambleLength, SectionsStart - PreambleLength)));
        return result;
    }

    /// <inheritdoc cref="TryRead(Stream, string)"/>
    public static CatalogContent? TryRead(byte[] bytes, string file) => TryRead(new MemoryStream(bytes, writable: false), file);

    /// <summary>
    /// Opens a snapshot, reading only its header and its table of sections, or returns null when it is of
    /// another format version or damaged (wrong magic, wrong header checksum, sections that do not fill it
    /// exactly): the caller then falls back to the JSON file. The content keeps the stream, which must be
    /// seekable, and reads each section from it when its kind is first read.
    /// </summary>
    /// <param name="snapshot">The snapshot (the embedded resource's stream, say).</param>
    /// <param name="file">The name records are traced to (<see cref="DefenseCoopCatalog.OriginOf"/>).</param>
    public static CatalogContent? TryRead(Stream snapshot, string file)
    {
        if (!snapshot.CanSeek || snapshot.Length < SectionsStart) return null;
        var start = new byte[SectionsStart];
        snapshot.Position = 0;
        snapshot.ReadExactly(start);
        if (!start.AsSpan(0, 6).SequenceEqual(Magic) || BitConverter.ToInt32(start, 6) != FormatVersion) return null;
        if (BitConverter.ToUInt64(start, 10) != Checksum(start.AsSpan(PreambleLength))) return null;
        using var r = new BinaryReader(new MemoryStream(start, PreambleLength, HeaderLength + TableLength, writable: false), Encoding.UTF8);
        int schema = r.ReadInt32();
        var version = new DataVersion(r.ReadInt32(), r.ReadInt32());
        int year = r.ReadInt32(), month = r.ReadByte(), day = r.ReadByte();
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month)) return null;
        var sections = new SnapshotSections.Section[SnapshotSections.Count];
        long offset = SectionsStart;
        for (int i = 0; i < sections.Length; i++)
        {
            int length = r.ReadInt32();
            if (length < 0) return null;
            sections[i] = new(offset, length, r.ReadUInt64());
            offset += length;
        }
        return offset == snapshot.Length
            ? new CatalogContent(schema, version, new LocalDate(year, month, day), new SnapshotSections(snapshot, sections, file))
            : null;
    }

    /// <summary>Decodes the records of one kind from its section's bytes.</summary>
    /// <exception cref="InvalidDataException">The section does not decode to exactly its length.</exception>
    internal static Array Decode(SnapshotSections.Kind kind, byte[] section, Dictionary<string, string> strings) =>
        InSection(kind, section, strings, reader => reader.Records(kind));

    /// <summary>Decodes the stored agreement index from its section's bytes.</summary>
    /// <exception cref="InvalidDataException">The section does not decode to exactly its length.</exception>
    internal static Indexing.StoredAgreementIndex DecodeIndex(byte[] section, Dictionary<string, string> strings) =>
        InSection(SnapshotSections.Kind.AgreementIndex, section, strings, reader => reader.AgreementIndex());

    private static T InSection<T>(SnapshotSections.Kind kind, byte[] section, Dictionary<string, string> strings, Func<Reader, T> read)
    {
        try
        {
            using var stream = new MemoryStream(section, writable: false);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            var result = read(new Reader(r, strings));
            if (stream.Position != stream.Length) throw new FormatException("It ends before its section does.");
            return result;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException or OverflowException or IOException)
        {
            throw new InvalidDataException($"The snapshot's {kind} section does not decode: {e.Message}", e);
        }
    }
}
