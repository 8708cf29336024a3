using System.Collections;
using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable collection of records with lookup by key and by name: every name, alias and code a
/// record carries resolves, case- and diacritic-insensitively ("Türkiye", "Turkiye", "TURKEY").
/// </summary>
/// <typeparam name="TKey">The record's key (a code or a typed id).</typeparam>
/// <typeparam name="TRecord">The record.</typeparam>
public sealed class RecordCollection<TKey, TRecord> : IReadOnlyList<TRecord>
    where TKey : struct, IEquatable<TKey>
    where TRecord : class
{
    private readonly ImmutableArray<TRecord> _items;
    private readonly Dictionary<TKey, TRecord> _byKey;
    private readonly Func<TRecord, IEnumerable<string>> _names;
    private Names? _byName;
    private Dictionary<string, TRecord>? _byKeyText;
    private readonly string _kind;

    internal RecordCollection(ImmutableArray<TRecord> items, Func<TRecord, TKey> key, Func<TRecord, IEnumerable<string>> names, string kind)
    {
        _items = items;
        _kind = kind;
        _names = names;
        // A plain dictionary, never written after this: a frozen one costs more to build and, per key type,
        // to compile at start-up than its faster reads save.
        _byKey = new Dictionary<TKey, TRecord>(items.Length);
        foreach (var item in items) _byKey[key(item)] = item;
    }

    // The name lookup is built on first use: a catalog whose people or systems are never looked up by
    // name never pays for normalising their names. Two threads may both build it; either may be kept.
    private Names ByName => _byName ??= new Names(_items, _names);

    private sealed class Names
    {
        public Names(ImmutableArray<TRecord> items, Func<TRecord, IEnumerable<string>> names)
        {
            // A name two records share resolves to neither: guessing would silently pick the wrong one.
            // Plain loops and dictionaries: a frozen dictionary and LINQ per record type cost more to
            // compile at start-up, when the first query names a country, than their faster reads save.
            var byName = new Dictionary<string, TRecord?>(StringComparer.Ordinal);
            var ownNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                ownNames.Clear();
                foreach (var raw in names(item))
                {
                    string name = NameKey(raw);
                    if (name.Length == 0 || !ownNames.Add(name)) continue;
                    byName[name] = byName.TryGetValue(name, out var other) && !ReferenceEquals(other, item) ? null : item;
                }
            }
            var map = new Dictionary<string, TRecord>(byName.Count, StringComparer.Ordinal);
            var ambiguous = new List<string>();
            foreach (var (name, record) in byName)
            {
                if (record is null) ambiguous.Add(name);
                else map.Add(name, record);
            }
            ambiguous.Sort(StringComparer.Ordinal);
            Map = map;
            Ambiguous = [.. ambiguous];
        }

        public Dictionary<string, TRecord> Map { get; }

        public ImmutableArray<string> Ambiguous { get; }
    }

    /// <summary>Gets the record with <paramref name="key"/>.</summary>
    /// <exception cref="KeyNotFoundException">No record has that key.</exception>
    public TRecord this[TKey key] =>
        _byKey.TryGetValue(key, out var record) ? record : throw new KeyNotFoundException($"No {_kind} has the key '{key}'.");

    /// <summary>
    /// Gets the record whose key is <paramref name="keyOrName"/> (<c>Countries["FI"]</c>), or whose name,
    /// alias or code it is by the rules of <see cref="Resolve"/> (<c>Countries["Finland"]</c>).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="keyOrName"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No record has that key or name, or the name is ambiguous; the message names the closest records.</exception>
    public TRecord this[string keyOrName]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(keyOrName);
            return (ByKeyText.TryGetValue(keyOrName, out var record) ? record : Resolve(keyOrName)) ?? throw new KeyNotFoundException(
                $"No {_kind} has the key or name '{keyOrName}'; the closest are: {string.Join(", ", Closest(keyOrName, 3).Select(r => $"'{Describe(r)}'"))}.");
        }
    }

    // Keys as text, built on first use as the name lookup is.
    private Dictionary<string, TRecord> ByKeyText => _byKeyText ??= _byKey.ToDictionary(p => p.Key.ToString()!, p => p.Value, StringComparer.OrdinalIgnoreCase);

    private string Describe(TRecord record) => _names(record).FirstOrDefault() ?? record.ToString() ?? "";

    /// <summary>Gets the record at <paramref name="index"/> in key order.</summary>
    public TRecord this[int index] => _items[index];

    /// <summary>Gets the number of records.</summary>
    public int Count => _items.Length;

    /// <summary>Gets the records in key order.</summary>
    public ImmutableArray<TRecord> All => _items;

    /// <summary>Gets the normalised names that more than one record carries, which <see cref="Resolve"/> refuses to guess between.</summary>
    public ImmutableArray<string> AmbiguousNames => ByName.Ambiguous;

    /// <summary>Whether a record has <paramref name="key"/>.</summary>
    public bool Contains(TKey key) => _byKey.ContainsKey(key);

    /// <summary>Gets the record with <paramref name="key"/>, if any.</summary>
    public bool TryGet(TKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TRecord? record) => _byKey.TryGetValue(key, out record);

    /// <summary>
    /// Finds the record one of whose names, aliases or codes is <paramref name="name"/>, ignoring case,
    /// diacritics, punctuation and spacing; <see langword="null"/> when none matches or the name is ambiguous.
    /// </summary>
    public TRecord? Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ByName.Map.TryGetValue(NameKey(name), out var record) ? record : null;
    }

    /// <summary>The comparison key of a name: lower case, without diacritics, punctuation or repeated spaces.</summary>
    /// <summary>
    /// Finds the record with a name, alias or code by the rules of <see cref="Resolve"/>.
    /// </summary>
    /// <param name="name">The name to look up.</param>
    /// <param name="record">The record found, or null.</param>
    /// <returns>Whether exactly one record has the name.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public bool TryResolve(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TRecord? record)
    {
        record = Resolve(name);
        return record is not null;
    }

    /// <summary>The records whose names are closest to <paramref name="name"/> in spelling, nearest first.</summary>
    internal IReadOnlyList<TRecord> Closest(string name, int count)
    {
        string key = NameKey(name);
        return [.. ByName.Map
            .Select(p => (Record: p.Value, Distance: EditDistance(key, p.Key), p.Key))
            .OrderBy(p => p.Distance).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Record).Distinct().Take(count)];
    }

    // Levenshtein distance, one row at a time.
    private static int EditDistance(string a, string b)
    {
        Span<int> row = b.Length < 256 ? stackalloc int[b.Length + 1] : new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }

    internal static string NameKey(string name)
    {
        var text = new StringBuilder(name.Length);
        bool space = false;
        foreach (char c in name.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && text.Length > 0) text.Append(' ');
                space = false;
                char lower = char.ToLowerInvariant(c);
                text.Append(Folding.GetValueOrDefault(lower, lower));
            }
            else if (c != '\'' && c != '’')
            {
                space = true;
            }
        }
        return text.ToString();
    }

    // Canonical decomposition strips most marks, but not in globalization-invariant mode, and never
    // for letters without a decomposition (ı, ø, ł, ə): fold the Latin letters used in country and
    // company names explicitly so that resolution behaves the same everywhere.
    private static readonly Dictionary<char, char> Folding = BuildFolding();

    private static Dictionary<char, char> BuildFolding()
    {
        var folding = new Dictionary<char, char>();
        foreach (var (letters, letter) in new (string Letters, char Base)[]
        {
            ("àáâãäåāăą", 'a'), ("çćĉċč", 'c'), ("ďđ", 'd'), ("èéêëēĕėęěə", 'e'), ("ĝğġģ", 'g'), ("ĥħ", 'h'),
            ("ìíîïĩīĭįıİ", 'i'), ("ĵ", 'j'), ("ķ", 'k'), ("ĺļľŀł", 'l'), ("ñńņň", 'n'), ("òóôõöøōŏő", 'o'),
            ("ŕŗř", 'r'), ("śŝşšș", 's'), ("ţťŧț", 't'), ("ùúûüũūŭůűų", 'u'), ("ŵ", 'w'), ("ýÿŷ", 'y'), ("źżž", 'z'),
        })
        {
            foreach (char c in letters)
                if (char.IsLetter(c)) folding.TryAdd(c, letter);
        }
        return folding;
    }

    /// <summary>Returns a struct enumerator over the records in key order.</summary>
    public ImmutableArray<TRecord>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<TRecord> IEnumerable<TRecord>.GetEnumerator() => ((IEnumerable<TRecord>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)_items).GetEnumerator();
}
