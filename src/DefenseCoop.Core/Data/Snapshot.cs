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
/// of the payload, then the payload: the header and every record of every kind, each field in
/// declaration order. A reader refuses (returns null for) a snapshot of another format version or whose
/// checksum does not match; the caller then reads the JSON file instead. One writer and one reader per
/// format version: a change to the model bumps <see cref="FormatVersion"/>.
/// </remarks>
internal static class Snapshot
{
    /// <summary>The logical name of the embedded snapshot.</summary>
    public const string ResourceName = "DefenseCoop.Data.defensecoop.snapshot";

    /// <summary>The format this reader and writer speak.</summary>
    public const int FormatVersion = 2;

    private static ReadOnlySpan<byte> Magic => "DCSNAP"u8;

    private const int HeaderLength = 6 + 4 + 8;

    /// <summary>Writes validated content as a snapshot.</summary>
    public static byte[] Write(CatalogContent content)
    {
        using var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            var writer = new Writer(w);
            writer.Content(content);
        }
        var body = payload.ToArray();
        var result = new byte[HeaderLength + body.Length];
        Magic.CopyTo(result);
        BitConverter.TryWriteBytes(result.AsSpan(6), FormatVersion);
        BitConverter.TryWriteBytes(result.AsSpan(10), Checksum(body));
        body.CopyTo(result, HeaderLength);
        return result;
    }

    /// <summary>
    /// Reads a snapshot, or returns null when it is of another format version or damaged (wrong magic,
    /// wrong checksum, truncated): the caller then falls back to the JSON file.
    /// </summary>
    /// <param name="bytes">The snapshot.</param>
    /// <param name="file">The name records are traced to (<see cref="DefenseCoopCatalog.OriginOf"/>).</param>
    public static CatalogContent? TryRead(byte[] bytes, string file)
    {
        if (bytes.Length < HeaderLength || !bytes.AsSpan(0, 6).SequenceEqual(Magic)) return null;
        if (BitConverter.ToInt32(bytes, 6) != FormatVersion) return null;
        if (BitConverter.ToUInt64(bytes, 10) != Checksum(bytes.AsSpan(HeaderLength))) return null;
        try
        {
            using var stream = new MemoryStream(bytes, HeaderLength, bytes.Length - HeaderLength, writable: false);
            using var r = new BinaryReader(stream, Encoding.UTF8);
            var content = new Reader(r).Content(file);
            return stream.Position == stream.Length ? content : null;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or FormatException or OverflowException or IOException)
        {
            return null;
        }
    }

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

    private sealed class Writer(BinaryWriter w)
    {
        public void Content(CatalogContent c)
        {
            w.Write(c.SchemaVersion);
            w.Write(c.DataVersion.Year);
            w.Write(c.DataVersion.Release);
            Date(c.Released);
            Array(c.Sources, Source);
            Array(c.Countries, Country);
            Array(c.Organizations, Organization);
            Array(c.People, Person);
            Array(c.Systems, System);
            Array(c.Agreements, Agreement);
            Array(c.Spending, Series);
            Array(c.Trade, Trade);
            Array(c.Events, Event);
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

        private void Source(Source s)
        {
            w.Write(s.Id.Value); w.Write((int)s.Kind); w.Write(s.Publisher); w.Write(s.Title); Partial(s.Published); w.Write(s.Language);
            Opt(s.Url); Opt(s.Author); Opt(s.Edition); Opt(s.Licence); Opt(s.BasedOn); w.Write(s.PublicationDateNotShown);
        }

        private void Caveats(ImmutableArray<SourceCaveat> caveats) =>
            Array(caveats, c => { w.Write(c.Source.Value); w.Write(c.DateNotOnPage); Opt(c.Inferred); });

        private void Reported(ImmutableArray<ReportedValue> values) => Array(values, v => { Money(v.Value); Sources(v.Sources); Caveats(v.Caveats); });

        private void Area(M49Area? a)
        {
            w.Write(a is not null);
            if (a is null) return;
            w.Write(a.Code);
            w.Write(a.Name);
        }

        private void Country(Country c)
        {
            w.Write(c.Code.Value); w.Write(c.Alpha3); Opt(c.Numeric); Names(c.Names); Opt(c.FormalName); Area(c.Region); Area(c.SubRegion);
            Opt(c.Currency?.Value); Opt(c.ExistedFrom); Opt(c.ExistedUntil);
            Array(c.Successors, s => w.Write(s.Value));
            Strings(c.LocalLanguages);
            Array(c.Aliases, a => { w.Write(a.Name); w.Write((int)a.Scheme); });
            Array(c.Codes, d => { w.Write((int)d.Scheme); w.Write(d.Code); });
            Array(c.Memberships, m => { w.Write(m.Organization.Value); w.Write((int)m.Role); Partial(m.From); Partial(m.Until); Sources(m.Sources); });
            Sources(c.Sources);
        }

        private void Organization(Organization o)
        {
            w.Write(o.Id.Value); w.Write((int)o.Kind); Country(o.Country); w.Write(o.Name); Names(o.Names); Strings(o.Aliases); Org(o.Parent);
            Notes(o.Notes); Sources(o.Sources);
        }

        private void Person(Person p)
        {
            w.Write(p.Id.Value); w.Write(p.Name); Strings(p.Aliases); Country(p.Country);
            Array(p.Roles, r => { w.Write(r.Title); Org(r.Organization); Partial(r.From); Partial(r.Until); Sources(r.Sources); });
            Notes(p.Notes); Sources(p.Sources);
        }

        private void System(DefenseSystem s)
        {
            w.Write(s.Id.Value); w.Write(s.Name); Strings(s.Aliases); w.Write((int)s.Category); Org(s.Manufacturer); Country(s.Country);
            Notes(s.Notes); Sources(s.Sources);
        }

        private void Agreement(Agreement a)
        {
            w.Write(a.Id.Value); w.Write(a.Title); w.Write((int)a.Kind);
            Array(a.Parties, p => { Country(p.Country); Org(p.Organization); w.Write((int)p.Role); });
            Array(a.Signatories, s => { w.Write(s.Person.Value); w.Write(s.Title); Org(s.Organization); Country(s.Country); });
            Partial(a.SignedOn); Opt(a.Place);
            Array(a.StatusHistory, c => { w.Write((int)c.Status); Partial(c.Date); Sources(c.Sources); Caveats(c.Caveats); });
            Array(a.Areas, x => w.Write((int)x));
            Array(a.Systems, x => w.Write(x.Value));
            Opt(a.PartOf?.Value); Money(a.Value); Reported(a.ReportedValues); Notes(a.Notes); Sources(a.Sources); Caveats(a.Caveats);
        }

        private void Series(SpendingSeries s)
        {
            w.Write(s.Id.Value); Country(s.Country); Org(s.Organization); w.Write((int)s.Measure); Opt(s.Currency?.Value); Opt(s.Basis.BaseYear);
            Opt(s.Component); Array(s.Systems, x => w.Write(x.Value)); w.Write(s.Source.Value);
            Array(s.Observations, o => { w.Write(o.Year); w.Write(o.Value); w.Write(o.Estimate); w.Write(o.Uncertain); });
            Notes(s.Notes);
        }

        private void Trade(TradeFlow t)
        {
            w.Write(t.Id.Value); w.Write((int)t.Kind); Country(t.Exporter); Country(t.Importer); Org(t.ExporterOrganization); Org(t.ImporterOrganization);
            Partial(t.Period); Money(t.Value); Reported(t.ReportedValues); Tiv(t.Tiv);
            w.Write(t.Quantity.HasValue);
            if (t.Quantity is { } q) { w.Write(q.Amount); w.Write(q.Unit); Opt(q.MaxAmount); }
            Opt(t.Commodity);
            Array(t.Organizations, x => w.Write(x.Value));
            Array(t.Systems, x => w.Write(x.Value));
            w.Write(t.Deal is not null);
            if (t.Deal is { } d)
            {
                w.Write(d.Designation); Opt(d.Description); Opt(d.OrderYear); w.Write(d.OrderYearUncertain); Opt(d.NumberOrdered); w.Write(d.NumberOrderedUncertain);
                Opt(d.NumberDelivered); w.Write(d.NumberDeliveredUncertain); Array(d.DeliveryYears, w.Write); Opt(d.Status); Opt(d.Comments);
                Tiv(d.TivPerUnit); Tiv(d.TivOfOrder); Tiv(d.TivDelivered);
            }
            Notes(t.Notes); Sources(t.Sources); Caveats(t.Caveats);
        }

        private void Event(Event e)
        {
            w.Write(e.Id.Value); w.Write((int)e.Kind); w.Write(e.Title); Partial(e.Date); Partial(e.Until); Opt(e.Place);
            Array(e.Countries, x => w.Write(x.Value));
            Array(e.Organizations, x => w.Write(x.Value));
            Array(e.People, p => { w.Write(p.Person.Value); Opt(p.Title); });
            Array(e.Systems, x => w.Write(x.Value));
            Array(e.Agreements, x => w.Write(x.Value));
            Notes(e.Notes); Sources(e.Sources); Caveats(e.Caveats);
        }
    }

    // Reads in exactly the writer's order. Written without lambdas or LINQ: each method is compiled once at
    // start-up, so the fewer and plainer they are, the sooner the catalog is ready.
    private sealed class Reader(BinaryReader r)
    {
        // Ids and codes recur in many records; one string each keeps the catalog as small as the JSON path's.
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

        public CatalogContent Content(string file)
        {
            int schema = r.ReadInt32();
            var version = new DataVersion(r.ReadInt32(), r.ReadInt32());
            var released = Date();
            var sources = new Source[Count()];
            for (int i = 0; i < sources.Length; i++) sources[i] = Source();
            var countries = new Country[Count()];
            for (int i = 0; i < countries.Length; i++) countries[i] = Country();
            var organizations = new Organization[Count()];
            for (int i = 0; i < organizations.Length; i++) organizations[i] = Organization();
            var people = new Person[Count()];
            for (int i = 0; i < people.Length; i++) people[i] = Person();
            var systems = new DefenseSystem[Count()];
            for (int i = 0; i < systems.Length; i++) systems[i] = System();
            var agreements = new Agreement[Count()];
            for (int i = 0; i < agreements.Length; i++) agreements[i] = Agreement();
            var spending = new SpendingSeries[Count()];
            for (int i = 0; i < spending.Length; i++) spending[i] = Series();
            var trade = new TradeFlow[Count()];
            for (int i = 0; i < trade.Length; i++) trade[i] = Trade();
            var events = new Event[Count()];
            for (int i = 0; i < events.Length; i++) events[i] = Event();

            var origins = new Dictionary<(DataValidator.Target, string), (object, string)>(
                sources.Length + countries.Length + organizations.Length + people.Length + systems.Length + agreements.Length + spending.Length + trade.Length + events.Length);
            AddOrigins(origins, sources, file); AddOrigins(origins, countries, file); AddOrigins(origins, organizations, file);
            AddOrigins(origins, people, file); AddOrigins(origins, systems, file); AddOrigins(origins, agreements, file);
            AddOrigins(origins, spending, file); AddOrigins(origins, trade, file); AddOrigins(origins, events, file);
            return new CatalogContent(schema, version, released, Wrap(sources), Wrap(countries), Wrap(organizations), Wrap(people), Wrap(systems),
                Wrap(agreements), Wrap(spending), Wrap(trade), Wrap(events)) { Origins = origins };
        }

        private static void AddOrigins(Dictionary<(DataValidator.Target, string), (object, string)> origins, object[] records, string file)
        {
            foreach (var record in records)
                if (DataValidator.KeyOf(record) is { } key) origins[key] = (record, file);
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
            // Read-only as the JSON path's, without building a frozen dictionary per record at start-up.
            return new global::System.Collections.ObjectModel.ReadOnlyDictionary<string, string>(names);
        }

        private M49Area? Area() => r.ReadBoolean() ? new M49Area(r.ReadInt32(), Str()) : null;

        private Money? Money()
        {
            if (!r.ReadBoolean()) return null;
            decimal amount = r.ReadDecimal();
            var currency = CurrencyCode.Parse(Str());
            var basis = Basis();
            return new Money(amount, currency, basis, (ValueBound)r.ReadInt32());
        }

        private TrendIndicatorValue? Tiv() => OptDec() is { } millions ? new TrendIndicatorValue(millions) : null;

        private Source Source() => new()
        {
            Id = new SourceId(Str()), Kind = (SourceKind)r.ReadInt32(), Publisher = Str(), Title = Str(), Published = Partial(), Language = Str(),
            Url = OptStr(), Author = OptStr(), Edition = OptStr(), Licence = OptStr(), BasedOn = OptStr(), PublicationDateNotShown = r.ReadBoolean(),
        };

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

        private Country Country()
        {
            var code = CountryCode.Parse(Str());
            string alpha3 = Str();
            int? numeric = OptInt();
            var names = Names();
            string? formal = OptStr();
            var region = Area();
            var subRegion = Area();
            var currency = OptCurrency();
            int? from = OptInt(), until = OptInt();
            var successors = Countries();
            var languages = Strings();
            var aliases = new CountryAlias[Count()];
            for (int i = 0; i < aliases.Length; i++) aliases[i] = new CountryAlias(Str(), (NameScheme)r.ReadInt32());
            var codes = new DatasetCode[Count()];
            for (int i = 0; i < codes.Length; i++) codes[i] = new DatasetCode((NameScheme)r.ReadInt32(), Str());
            var memberships = new Membership[Count()];
            for (int i = 0; i < memberships.Length; i++)
                memberships[i] = new Membership(new OrganizationId(Str()), (MembershipRole)r.ReadInt32(), Partial(), Partial(), Sources());
            return new Country
            {
                Code = code, Alpha3 = alpha3, Numeric = numeric, Names = names, FormalName = formal, Region = region, SubRegion = subRegion,
                Currency = currency, ExistedFrom = from, ExistedUntil = until, Successors = successors, LocalLanguages = languages,
                Aliases = Wrap(aliases), Codes = Wrap(codes), Memberships = Wrap(memberships), Sources = Sources(),
            };
        }

        private Organization Organization() => new()
        {
            Id = new OrganizationId(Str()), Kind = (OrganizationKind)r.ReadInt32(), Country = OptCountry(), Name = Str(), Names = Names(),
            Aliases = Strings(), Parent = OptOrg(), Notes = Notes(), Sources = Sources(),
        };

        private Person Person()
        {
            var id = new PersonId(Str());
            string name = Str();
            var aliases = Strings();
            var country = OptCountry();
            var roles = new PersonRole[Count()];
            for (int i = 0; i < roles.Length; i++) roles[i] = new PersonRole(Str(), OptOrg(), Partial(), Partial(), Sources());
            return new Person { Id = id, Name = name, Aliases = aliases, Country = country, Roles = Wrap(roles), Notes = Notes(), Sources = Sources() };
        }

        private DefenseSystem System() => new()
        {
            Id = new SystemId(Str()), Name = Str(), Aliases = Strings(), Category = (SystemCategory)r.ReadInt32(), Manufacturer = OptOrg(),
            Country = OptCountry(), Notes = Notes(), Sources = Sources(),
        };

        private Agreement Agreement()
        {
            var id = new AgreementId(Str());
            string title = Str();
            var kind = (AgreementKind)r.ReadInt32();
            var parties = new AgreementParty[Count()];
            for (int i = 0; i < parties.Length; i++) parties[i] = new AgreementParty(OptCountry(), OptOrg(), (PartyRole)r.ReadInt32());
            var signatories = new Signatory[Count()];
            for (int i = 0; i < signatories.Length; i++) signatories[i] = new Signatory(new PersonId(Str()), Str(), OptOrg(), OptCountry());
            var signed = Partial();
            string? place = OptStr();
            var history = new StatusChange[Count()];
            for (int i = 0; i < history.Length; i++) history[i] = new StatusChange((AgreementStatus)r.ReadInt32(), Partial(), Sources()) { Caveats = Caveats() };
            var areas = new CooperationArea[Count()];
            for (int i = 0; i < areas.Length; i++) areas[i] = (CooperationArea)r.ReadInt32();
            var systems = Systems();
            var partOf = OptStr() is { } whole ? new AgreementId(whole) : (AgreementId?)null;
            return new Agreement
            {
                Id = id, Title = title, Kind = kind, Parties = Wrap(parties), Signatories = Wrap(signatories), SignedOn = signed, Place = place,
                StatusHistory = Wrap(history), Areas = Wrap(areas), Systems = systems, PartOf = partOf, Value = Money(), ReportedValues = Reported(),
                Notes = Notes(), Sources = Sources(), Caveats = Caveats(),
            };
        }

        private SpendingSeries Series()
        {
            var id = new SeriesId(Str());
            var country = OptCountry();
            var organization = OptOrg();
            var measure = (SpendingMeasure)r.ReadInt32();
            var currency = OptCurrency();
            var basis = Basis();
            string? component = OptStr();
            var systems = Systems();
            var source = new SourceId(Str());
            var points = new SpendingPoint[Count()];
            for (int i = 0; i < points.Length; i++) points[i] = new SpendingPoint(r.ReadInt32(), r.ReadDecimal(), r.ReadBoolean(), r.ReadBoolean());
            return new SpendingSeries(id, country, organization, measure, currency, basis, component, systems, source, points, Notes());
        }

        private TradeFlow Trade()
        {
            var id = new TradeFlowId(Str());
            var kind = (TradeKind)r.ReadInt32();
            var exporter = OptCountry();
            var importer = OptCountry();
            var exporterOrganization = OptOrg();
            var importerOrganization = OptOrg();
            var period = Partial();
            var value = Money();
            var reported = Reported();
            var tiv = Tiv();
            Quantity? quantity = r.ReadBoolean() ? new Quantity(r.ReadDecimal(), Str(), OptDec()) : null;
            string? commodity = OptStr();
            var organizations = Organizations();
            var systems = Systems();
            ArmsTransferDeal? deal = null;
            if (r.ReadBoolean())
            {
                deal = new ArmsTransferDeal
                {
                    Designation = Str(), Description = OptStr(), OrderYear = OptInt(), OrderYearUncertain = r.ReadBoolean(), NumberOrdered = OptInt(),
                    NumberOrderedUncertain = r.ReadBoolean(), NumberDelivered = OptInt(), NumberDeliveredUncertain = r.ReadBoolean(), DeliveryYears = Years(),
                    Status = OptStr(), Comments = OptStr(), TivPerUnit = Tiv(), TivOfOrder = Tiv(), TivDelivered = Tiv(),
                };
            }
            return new TradeFlow
            {
                Id = id, Kind = kind, Exporter = exporter, Importer = importer, ExporterOrganization = exporterOrganization, ImporterOrganization = importerOrganization,
                Period = period, Value = value, ReportedValues = reported, Tiv = tiv, Quantity = quantity, Commodity = commodity,
                Organizations = organizations, Systems = systems, Deal = deal, Notes = Notes(), Sources = Sources(), Caveats = Caveats(),
            };
        }

        private ImmutableArray<int> Years()
        {
            var items = new int[Count()];
            for (int i = 0; i < items.Length; i++) items[i] = r.ReadInt32();
            return Wrap(items);
        }

        private Event Event()
        {
            var id = new EventId(Str());
            var kind = (EventKind)r.ReadInt32();
            string title = Str();
            var date = Partial();
            var until = Partial();
            string? place = OptStr();
            var countries = Countries();
            var organizations = Organizations();
            var people = new Participant[Count()];
            for (int i = 0; i < people.Length; i++) people[i] = new Participant(new PersonId(Str()), OptStr());
            var systems = Systems();
            var agreements = new AgreementId[Count()];
            for (int i = 0; i < agreements.Length; i++) agreements[i] = new AgreementId(Str());
            return new Event
            {
                Id = id, Kind = kind, Title = title, Date = date, Until = until, Place = place, Countries = countries, Organizations = organizations,
                People = Wrap(people), Systems = systems, Agreements = Wrap(agreements), Notes = Notes(), Sources = Sources(), Caveats = Caveats(),
            };
        }
    }
}
