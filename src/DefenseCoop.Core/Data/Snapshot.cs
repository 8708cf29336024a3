using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text;
using NodaTime;

namespace DefenseCoop.Data;

/// <summary>
/// The compact binary form of a validated release, which the data compiler writes beside the JSON file
/// and the library reads for <see cref="DefenseCoopCatalog.Default"/> without parsing or validating again
/// (as NodaTime reads its compiled time-zone database). The JSON file stays the published format; a
/// user's own files always take the JSON path with its full validation.
/// </summary>
/// <remarks>
/// Layout: the magic bytes <c>DCSNAP</c>, the format version (a 32-bit integer), the FNV-1a 64-bit checksum
/// of what follows up to the first section, the header (schema version, data version, release date), and
/// a table of the sections: the byte length and checksum of each. Then the sections: one per kind of
/// record (its count, then its records, each field in declaration order), then the agreement index's
/// (<see cref="Indexing.StoredAgreementIndex"/>). A reader refuses (returns null for) a snapshot of another
/// format version, whose header checksum does not match or whose sections do not fill it exactly; the
/// caller then reads the JSON file instead. A section is read, checked and decoded when its kind is first
/// read (<see cref="SnapshotSections"/>), so that opening a release costs the same whatever its size; a
/// section whose checksum does not match then throws. One writer and one reader per format version: a
/// change to the model bumps <see cref="FormatVersion"/>.
/// </remarks>
internal static partial class Snapshot
{
    /// <summary>The logical name of the embedded snapshot.</summary>
    public const string ResourceName = "DefenseCoop.Data.defensecoop.snapshot";

    /// <summary>The format this reader and writer speak.</summary>
    public const int FormatVersion = 3;

    private static ReadOnlySpan<byte> Magic => "DCSNAP"u8;

    private const int PreambleLength = 6 + 4 + 8;
    private const int HeaderLength = 4 + 4 + 4 + 4 + 1 + 1;
    private const int TableLength = SnapshotSections.Count * (4 + 8);

    /// <summary>Where the first section starts.</summary>
    private const int SectionsStart = PreambleLength + HeaderLength + TableLength;

    /// <summary>FNV-1a, 64 bits: enough to tell a damaged or foreign payload, and no package to depend on.</summary>
    public static ulong Checksum(ReadOnlySpan<byte> bytes)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in bytes)
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private sealed partial class Writer(BinaryWriter w)
    {
        public void Section(SnapshotSections.Kind kind, CatalogContent c, Indexing.StoredAgreementIndex index)
        {
            switch (kind)
            {
                case SnapshotSections.Kind.Sources: Array(c.Sources, Source); break;
                case SnapshotSections.Kind.Countries: Array(c.Countries, Country); break;
                case SnapshotSections.Kind.Organizations: Array(c.Organizations, Organization); break;
                case SnapshotSections.Kind.People: Array(c.People, Person); break;
                case SnapshotSections.Kind.Systems: Array(c.Systems, System); break;
                case SnapshotSections.Kind.Agreements: Array(c.Agreements, Agreement); break;
                case SnapshotSections.Kind.Spending: Array(c.Spending, Series); break;
                case SnapshotSections.Kind.Trade: Array(c.Trade, Trade); break;
                case SnapshotSections.Kind.Events: Array(c.Events, Event); break;
                default: AgreementIndex(index); break;
            }
        }

        private void Array<T>(ImmutableArray<T> items, Action<T> item)
        {
            if (items.IsDefault) { w.Write(0); return; }
            w.Write(items.Length);
            foreach (var x in items) item(x);
        }

        private void Strings(ImmutableArray<string> items) => Array(items, w.Write);

        private void Opt(string? s)
        {
            w.Write(s is not null);
            if (s is not null) w.Write(s);
        }

        private void Opt(int? i)
        {
            w.Write(i.HasValue);
            if (i is { } v) w.Write(v);
        }

        private void Opt(decimal? d)
        {
            w.Write(d.HasValue);
            if (d is { } v) w.Write(v);
        }

        private void Date(LocalDate d)
        {
            w.Write(d.Year);
            w.Write((byte)d.Month);
            w.Write((byte)d.Day);
        }

        private void Partial(PartialDate? d)
        {
            w.Write(d.HasValue);
            if (d is not { } p) return;
            w.Write(p.Year);
            w.Write((byte)(p.Month ?? 0));
            w.Write((byte)(p.Day ?? 0));
            w.Write((int)p.Qualifier);
        }

        private void Sources(ImmutableArray<SourceId> ids) => Array(ids, id => w.Write(id.Value));

        private void Notes(ImmutableArray<AttributedNote> notes) => Array(notes, n => { w.Write(n.Text); Sources(n.Sources); Caveats(n.Caveats); });

        private void Names(IReadOnlyDictionary<string, string> names)
        {
            var pairs = names.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
            w.Write(pairs.Count);
            foreach (var (key, value) in pairs) { w.Write(key); w.Write(value); }
        }

        private void Country(CountryCode? c) => Opt(c?.Value);

        private void Org(OrganizationId? o) => Opt(o?.Value);

        private void Money(Money? m)
        {
            w.Write(m.HasValue);
            if (m is not { } v) return;
            w.Write(v.Amount);
            w.Write(v.Currency.Value);
            Opt(v.Basis.BaseYear);
            w.Write((int)v.Bound);
        }

        private void Tiv(TrendIndicatorValue? t) => Opt(t?.Millions);

        private void Caveats(ImmutableArray<SourceCaveat> caveats) =>
            Array(caveats, c => { w.Write(c.Source.Value); w.Write(c.DateNotOnPage); Opt(c.Inferred); });

        private void Reported(ImmutableArray<ReportedValue> values) => Array(values, v => { Money(v.Value); Sources(v.Sources); Caveats(v.Caveats); });
    }

    // Reads in exactly the writer's order. Written without lambdas or LINQ: each method is compiled once at
    // start-up, so the fewer and plainer they are, the sooner the catalog is ready.
    private sealed partial class Reader(BinaryReader r, Dictionary<string, string> strings)
    {
        // Ids and codes recur in many records; one string each (shared by every section of a snapshot)
        // keeps the catalog as small as the JSON path's.
        private readonly Dictionary<string, string> _strings = strings;

        public Array Records(SnapshotSections.Kind kind)
        {
            int count = Count();
            switch (kind)
            {
                case SnapshotSections.Kind.Sources: { var items = new Source[count]; for (int i = 0; i < count; i++) items[i] = Source(); return items; }
                case SnapshotSections.Kind.Countries: { var items = new Country[count]; for (int i = 0; i < count; i++) items[i] = Country(); return items; }
                case SnapshotSections.Kind.Organizations: { var items = new Organization[count]; for (int i = 0; i < count; i++) items[i] = Organization(); return items; }
                case SnapshotSections.Kind.People: { var items = new Person[count]; for (int i = 0; i < count; i++) items[i] = Person(); return items; }
                case SnapshotSections.Kind.Systems: { var items = new DefenseSystem[count]; for (int i = 0; i < count; i++) items[i] = System(); return items; }
                case SnapshotSections.Kind.Agreements: { var items = new Agreement[count]; for (int i = 0; i < count; i++) items[i] = Agreement(); return items; }
                case SnapshotSections.Kind.Spending: { var items = new SpendingSeries[count]; for (int i = 0; i < count; i++) items[i] = Series(); return items; }
                case SnapshotSections.Kind.Trade: { var items = new TradeFlow[count]; for (int i = 0; i < count; i++) items[i] = Trade(); return items; }
                case SnapshotSections.Kind.Events: { var items = new Event[count]; for (int i = 0; i < count; i++) items[i] = Event(); return items; }
                default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of record.");
            }
        }

        private static ImmutableArray<T> Wrap<T>(T[] items) => global::System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(items);

        private int Count()
        {
            int n = r.ReadInt32();
            if (n < 0 || n > r.BaseStream.Length - r.BaseStream.Position) throw new FormatException("A count runs past the end of the snapshot.");
            return n;
        }

        private string Str()
        {
            var s = r.ReadString();
            if (s.Length > 64) return s;
            if (_strings.TryGetValue(s, out var shared)) return shared;
            _strings.Add(s, s);
            return s;
        }

        private string? OptStr() => r.ReadBoolean() ? Str() : null;

        private int? OptInt() => r.ReadBoolean() ? r.ReadInt32() : null;

        private decimal? OptDec() => r.ReadBoolean() ? r.ReadDecimal() : null;

        private LocalDate Date() => new(r.ReadInt32(), r.ReadByte(), r.ReadByte());

        private PartialDate? Partial()
        {
            if (!r.ReadBoolean()) return null;
            int year = r.ReadInt32();
            int month = r.ReadByte(), day = r.ReadByte();
            var qualifier = (DateQualifier)r.ReadInt32();
            return new PartialDate(year, month == 0 ? null : month, day == 0 ? null : day, qualifier);
        }

        private CountryCode? OptCountry() => r.ReadBoolean() ? CountryCode.Parse(Str()) : (CountryCode?)null;

        private OrganizationId? OptOrg() => r.ReadBoolean() ? new OrganizationId(Str()) : (OrganizationId?)null;

        private CurrencyCode? OptCurrency() => r.ReadBoolean() ? CurrencyCode.Parse(Str()) : (CurrencyCode?)null;

        private PriceBasis Basis() => OptInt() is { } year ? PriceBasis.Constant(year) : PriceBasis.Current;

        private ImmutableArray<string> Strings()
        {
            var items = new string[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = Str();
            return Wrap(items);
        }

        private ImmutableArray<SourceId> Sources()
        {
            var items = new SourceId[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = new SourceId(Str());
            return Wrap(items);
        }

        private ImmutableArray<SystemId> Systems()
        {
            var items = new SystemId[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = new SystemId(Str());
            return Wrap(items);
        }

        private ImmutableArray<OrganizationId> Organizations()
        {
            var items = new OrganizationId[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = new OrganizationId(Str());
            return Wrap(items);
        }

        private ImmutableArray<CountryCode> Countries()
        {
            var items = new CountryCode[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = CountryCode.Parse(Str());
            return Wrap(items);
        }

        private ImmutableArray<AttributedNote> Notes()
        {
            var items = new AttributedNote[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = new AttributedNote(Str(), Sources()) { Caveats = Caveats() };
            return Wrap(items);
        }

        private IReadOnlyDictionary<string, string> Names()
        {
            int n = Count();
            var names = new Dictionary<string, string>(n, StringComparer.Ordinal);
            for (int i = 0; i < n; i++) names[Str()] = Str();
            // Frozen, as the JSON path's: a record's few names make a small frozen dictionary, cheap to build.
            return names.ToFrozenDictionary(StringComparer.Ordinal);
        }

        private Money? Money()
        {
            if (!r.ReadBoolean()) return null;
            decimal amount = r.ReadDecimal();
            var currency = CurrencyCode.Parse(Str());
            var basis = Basis();
            return new Money(amount, currency, basis, (ValueBound)r.ReadInt32());
        }

        private TrendIndicatorValue? Tiv() => OptDec() is { } millions ? new TrendIndicatorValue(millions) : null;

        private ImmutableArray<SourceCaveat> Caveats()
        {
            var items = new SourceCaveat[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = new SourceCaveat(new SourceId(Str()), r.ReadBoolean(), OptStr());
            return Wrap(items);
        }

        private ImmutableArray<ReportedValue> Reported()
        {
            var items = new ReportedValue[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = new ReportedValue(Money()!.Value, Sources()) { Caveats = Caveats() };
            return Wrap(items);
        }
    }
}
