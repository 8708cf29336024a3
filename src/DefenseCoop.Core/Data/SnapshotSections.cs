using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace DefenseCoop.Data;

/// <summary>
/// A snapshot's sections, each read from the snapshot's stream, checked against its checksum and decoded
/// on its first read, and kept: the records of one kind, or the stored agreement index. Decoding takes a
/// lock, so that every thread gets the same records (a record is one object however it is reached); a
/// kind read before costs nothing more than a field read in <see cref="CatalogContent"/>.
/// </summary>
/// <param name="snapshot">The whole snapshot, seekable; kept open, as the embedded resource it is lives as long as the process.</param>
/// <param name="sections">Where each section is, and its checksum.</param>
/// <param name="file">The name records are traced to.</param>
internal sealed class SnapshotSections(Stream snapshot, SnapshotSections.Section[] sections, string file)
{
    /// <summary>Where a section starts in the snapshot, how long it is, and its checksum.</summary>
    public readonly record struct Section(long Offset, int Length, ulong Checksum);

    /// <summary>The sections, in the snapshot's order.</summary>
    public enum Kind { Sources, Countries, Organizations, People, Systems, Agreements, Spending, Trade, Events, AgreementIndex }

    /// <summary>How many sections a snapshot has.</summary>
    public const int Count = (int)Kind.AgreementIndex + 1;

    private readonly Lock _lock = new();
    private readonly Array?[] _records = new Array?[(int)Kind.AgreementIndex];
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private Indexing.StoredAgreementIndex? _index;

    /// <summary>The records of one kind, in id order, decoded on the first call.</summary>
    /// <exception cref="InvalidDataException">The section does not decode.</exception>
    public ImmutableArray<T> Records<T>(Kind kind)
    {
        lock (_lock)
        {
            var records = _records[(int)kind] ??= Snapshot.Decode(kind, Bytes(kind), _strings);
            return ImmutableCollectionsMarshal.AsImmutableArray((T[])records);
        }
    }

    /// <summary>Whether a section has been decoded (for tests of what a first query reads).</summary>
    public bool IsDecoded(Kind kind)
    {
        lock (_lock) return kind == Kind.AgreementIndex ? _index is not null : _records[(int)kind] is not null;
    }

    /// <summary>The agreement index of <paramref name="agreements"/>, from its stored lists; the agreements are read when a query first reads one.</summary>
    public Indexing.AgreementIndex AgreementIndex(Func<IReadOnlyList<Agreement>> agreements)
    {
        Indexing.StoredAgreementIndex stored;
        lock (_lock)
            stored = _index ??= Snapshot.DecodeIndex(Bytes(Kind.AgreementIndex), _strings);
        return new Indexing.AgreementIndex(stored, agreements);
    }

    // A section's bytes, checked; called under the lock, which also keeps the stream's position ours.
    private byte[] Bytes(Kind kind)
    {
        var section = sections[(int)kind];
        var bytes = new byte[section.Length];
        snapshot.Position = section.Offset;
        snapshot.ReadExactly(bytes);
        if (Snapshot.Checksum(bytes) != section.Checksum)
            throw new InvalidDataException($"The snapshot of '{file}' is damaged: its {kind} section does not match its checksum.");
        return bytes;
    }

    /// <summary>Every record of <paramref name="content"/> (which reads these sections) with the snapshot's name: all come from the one file.</summary>
    public IReadOnlyDictionary<(DataValidator.Target, string), (object Record, string File)> Origins(CatalogContent content)
    {
        var origins = new Dictionary<(DataValidator.Target, string), (object, string)>();
        Add(origins, content.Sources); Add(origins, content.Countries); Add(origins, content.Organizations);
        Add(origins, content.People); Add(origins, content.Systems); Add(origins, content.Agreements);
        Add(origins, content.Spending); Add(origins, content.Trade); Add(origins, content.Events);
        return origins;
    }

    private void Add<T>(Dictionary<(DataValidator.Target, string), (object, string)> origins, ImmutableArray<T> records) where T : class
    {
        foreach (var record in records)
            if (DataValidator.KeyOf(record) is { } key) origins[key] = (record, file);
    }
}
