using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace DefenseCoop.Data;

/// <summary>
/// A snapshot's sections, each decoded on its first read and kept: the records of one kind, or the
/// stored agreement index. Decoding takes a lock, so that every thread gets the same records (a record
/// is one object however it is reached); a kind read before costs nothing more than a field read in
/// <see cref="CatalogContent"/>.
/// </summary>
internal sealed class SnapshotSections(byte[] bytes, (int Offset, int Length)[] sections, string file)
{
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
            var records = _records[(int)kind] ??= Snapshot.Decode(kind, bytes, sections[(int)kind], _strings);
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
            stored = _index ??= Snapshot.DecodeIndex(bytes, sections[(int)Kind.AgreementIndex], _strings);
        return new Indexing.AgreementIndex(stored, agreements);
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
