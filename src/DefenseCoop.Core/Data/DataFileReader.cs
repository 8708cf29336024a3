using System.Text;
using System.Text.Json;

namespace DefenseCoop.Data;

/// <summary>
/// Reads a data file into the format's transfer objects in one pass of a <see cref="Utf8JsonReader"/>,
/// checking on the way what <see cref="DataFragment.Parse"/> asks of every file: UTF-8 text, nesting
/// and string lengths within the limits, no property name repeated in an object. It is the fast path
/// for well-formed files only. At the first thing it does not expect (a syntax error, a value of the
/// wrong type, a property the format does not define, an escaped property name, anything over a limit)
/// it gives up, and the serializer reads the file instead and reports the problem with its path. Of any
/// file both accept, both make the same objects; a test holds them to it.
/// </summary>
/// <remarks>
/// The serializer's general machinery (a stack of frames, a property cache, a converter per value and
/// an extension-data property on every object) is most of the cost of reading a large file; reading
/// the format's few known shapes directly costs less than half as much (benchmarks/README.md, "Loading").
/// </remarks>
internal ref partial struct DataFileReader
{
    private Utf8JsonReader _reader;
    private readonly ReadOnlySpan<byte> _utf8;
    private readonly int _maxString;
    private readonly List<Range> _names = []; // the property names of the open objects, innermost last

    // Short strings repeat: codes, enum names, dates and the ids of referenced records. One instance of
    // each serves every occurrence, so a file makes fewer strings and the catalog keeps fewer.
    private const int SharedLength = 32, MaxShared = 65_536;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _shared =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private DataFileReader(ReadOnlySpan<byte> utf8, DataLimits limits)
    {
        _utf8 = utf8;
        _maxString = limits.MaxStringLength;
        _reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = limits.MaxDepth });
    }

    /// <summary>The file's transfer objects; null if the file needs the serializer to read and judge it.</summary>
    public static DataFileDto? TryRead(ReadOnlySpan<byte> utf8, DataLimits limits)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8)) return null;
        var reader = new DataFileReader(utf8, limits);
        try
        {
            reader.Next();
            var file = reader.ObjectAt<DataFileDto>(DataFileMembers);
            // Only white space may follow the document (the reader throws on anything else).
            return file is null || reader._reader.Read() ? null : file;
        }
        catch (Exception e) when (e is GiveUpException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Thrown to leave the fast path; never escapes <see cref="TryRead"/>.</summary>
    private sealed class GiveUpException : Exception;

    private delegate bool Members<T>(ref DataFileReader reader, T dto);

    private ReadOnlySpan<byte> PropertyName => _reader.ValueSpan;

    private void Next()
    {
        if (!_reader.Read()) throw new GiveUpException();
    }

    private T? ObjectAt<T>(Members<T> members) where T : Dto, new()
    {
        if (_reader.TokenType == JsonTokenType.Null) return null;
        if (_reader.TokenType != JsonTokenType.StartObject) throw new GiveUpException();
        var dto = new T();
        int first = _names.Count;
        while (true)
        {
            Next();
            if (_reader.TokenType == JsonTokenType.EndObject) break;
            var name = _reader.ValueSpan;
            if (_reader.ValueIsEscaped || name.Length > _maxString) throw new GiveUpException();
            for (int i = first; i < _names.Count; i++)
                if (_utf8[_names[i]].SequenceEqual(name)) throw new GiveUpException();
            int at = (int)_reader.TokenStartIndex + 1; // after the opening quote
            _names.Add(at..(at + name.Length));
            if (!members(ref this, dto)) throw new GiveUpException();
        }
        _names.RemoveRange(first, _names.Count - first);
        return dto;
    }

    private T? Object<T>(Members<T> members) where T : Dto, new()
    {
        Next();
        return ObjectAt(members);
    }

    private List<T?>? Objects<T>(Members<T> members) where T : Dto, new()
    {
        if (!StartArray()) return null;
        var list = new List<T?>();
        for (Next(); _reader.TokenType != JsonTokenType.EndArray; Next()) list.Add(ObjectAt(members));
        return list;
    }

    private bool Replaces(RecordDto dto)
    {
        if (!PropertyName.SequenceEqual("replaces"u8)) return false;
        dto.Replaces = Bool();
        return true;
    }

    private string? String()
    {
        Next();
        return StringAt();
    }

    private string? StringAt(bool share = true) => _reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => Text(share),
        _ => throw new GiveUpException(),
    };

    // A record's own id appears once in a file: sharing it would only crowd out strings that repeat.
    private string? Id()
    {
        Next();
        return StringAt(share: false);
    }

    // A string within the limit, counted in characters after unescaping, as DataFragment counts it.
    private string Text(bool share)
    {
        var utf8 = _reader.ValueSpan;
        if (share && !_reader.ValueIsEscaped && utf8.Length <= SharedLength)
        {
            Span<char> chars = stackalloc char[SharedLength];
            var value = chars[..Encoding.UTF8.GetChars(utf8, chars)]; // the file is valid UTF-8, checked first
            if (value.Length > _maxString) throw new GiveUpException();
            if (_shared.TryGetValue(value, out var shared)) return shared;
            var made = new string(value);
            if (_shared.Dictionary.Count < MaxShared) _shared.Dictionary.Add(made, made);
            return made;
        }
        string text = _reader.GetString()!;
        if ((_reader.ValueIsEscaped || utf8.Length > _maxString) && text.Length > _maxString) throw new GiveUpException();
        return text;
    }

    private int? Int()
    {
        Next();
        if (_reader.TokenType == JsonTokenType.Null) return null;
        return IntAt();
    }

    private int IntAt() =>
        _reader.TokenType == JsonTokenType.Number && _reader.ValueSpan.Length <= _maxString && _reader.TryGetInt32(out int value) ? value : throw new GiveUpException();

    private decimal? Decimal()
    {
        Next();
        if (_reader.TokenType == JsonTokenType.Null) return null;
        return DecimalAt();
    }

    private decimal DecimalAt() =>
        _reader.TokenType == JsonTokenType.Number && _reader.ValueSpan.Length <= _maxString && _reader.TryGetDecimal(out decimal value) ? value : throw new GiveUpException();

    private bool? Bool()
    {
        Next();
        return _reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw new GiveUpException(),
        };
    }

    // Moves to the next value: true at the start of an array, false at null.
    private bool StartArray()
    {
        Next();
        return _reader.TokenType switch
        {
            JsonTokenType.StartArray => true,
            JsonTokenType.Null => false,
            _ => throw new GiveUpException(),
        };
    }

    private List<string?>? Strings()
    {
        if (!StartArray()) return null;
        var list = new List<string?>();
        for (Next(); _reader.TokenType != JsonTokenType.EndArray; Next()) list.Add(StringAt());
        return list;
    }

    // A fact's sources: each entry a source id, or an object that adds the curator's caveats.
    private List<CitationDto?>? Citations()
    {
        if (!StartArray()) return null;
        var list = new List<CitationDto?>();
        for (Next(); _reader.TokenType != JsonTokenType.EndArray; Next())
            list.Add(_reader.TokenType == JsonTokenType.String ? new CitationDto { Source = StringAt() } : ObjectAt<CitationDto>(CitationMembers));
        return list;
    }

    private List<int>? Ints()
    {
        if (!StartArray()) return null;
        var list = new List<int>();
        for (Next(); _reader.TokenType != JsonTokenType.EndArray; Next()) list.Add(IntAt());
        return list;
    }

    private List<decimal>? Decimals()
    {
        if (!StartArray()) return null;
        var list = new List<decimal>();
        for (Next(); _reader.TokenType != JsonTokenType.EndArray; Next()) list.Add(DecimalAt());
        return list;
    }

    // Names by language: the serializer's dictionary, with its default comparer. A name whose key the
    // dictionary already holds (the same bytes, or text its comparer equates) is left to the serializer.
    private SortedDictionary<string, string?>? Names()
    {
        Next();
        if (_reader.TokenType == JsonTokenType.Null) return null;
        if (_reader.TokenType != JsonTokenType.StartObject) throw new GiveUpException();
        var names = new SortedDictionary<string, string?>();
        for (Next(); _reader.TokenType != JsonTokenType.EndObject; Next())
        {
            if (_reader.ValueIsEscaped || _reader.ValueSpan.Length > _maxString) throw new GiveUpException();
            string key = _reader.GetString()!;
            if (!names.TryAdd(key, String())) throw new GiveUpException();
        }
        return names;
    }

    // ---- the format's objects, property by property (docs/data-format.md) ----

    private static bool DataFileMembers(ref DataFileReader r, DataFileDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("schemaVersion"u8)) d.SchemaVersion = r.Int();
        else if (name.SequenceEqual("dataVersion"u8)) d.DataVersion = r.String();
        else if (name.SequenceEqual("released"u8)) d.Released = r.String();
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Objects<SourceDto>(SourceMembers);
        else if (name.SequenceEqual("countries"u8)) d.Countries = r.Objects<CountryDto>(CountryMembers);
        else if (name.SequenceEqual("organizations"u8)) d.Organizations = r.Objects<OrganizationDto>(OrganizationMembers);
        else if (name.SequenceEqual("people"u8)) d.People = r.Objects<PersonDto>(PersonMembers);
        else if (name.SequenceEqual("systems"u8)) d.Systems = r.Objects<SystemDto>(SystemMembers);
        else if (name.SequenceEqual("agreements"u8)) d.Agreements = r.Objects<AgreementDto>(AgreementMembers);
        else if (name.SequenceEqual("spending"u8)) d.Spending = r.Objects<SpendingDto>(SpendingMembers);
        else if (name.SequenceEqual("trade"u8)) d.Trade = r.Objects<TradeDto>(TradeMembers);
        else if (name.SequenceEqual("events"u8)) d.Events = r.Objects<EventDto>(EventMembers);
        else return false;
        return true;
    }

    private static bool NoteMembers(ref DataFileReader r, NoteDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("text"u8)) d.Text = r.String();
        else if (name.SequenceEqual("sources"u8)) d.Sources = r.Citations();
        else return false;
        return true;
    }

    private static bool CitationMembers(ref DataFileReader r, CitationDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("source"u8)) d.Source = r.String();
        else if (name.SequenceEqual("dateNotOnPage"u8)) d.DateNotOnPage = r.Bool();
        else if (name.SequenceEqual("inferred"u8)) d.Inferred = r.String();
        else return false;
        return true;
    }

    private static bool ReportedValueMembers(ref DataFileReader r, ReportedValueDto d)
    {
        if (r.PropertyName.SequenceEqual("sources"u8)) d.Sources = r.Citations();
        else return MoneyMembers(ref r, d);
        return true;
    }

    private static bool MoneyMembers(ref DataFileReader r, MoneyDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("amount"u8)) d.Amount = r.Decimal();
        else if (name.SequenceEqual("currency"u8)) d.Currency = r.String();
        else if (name.SequenceEqual("basis"u8)) d.Basis = r.String();
        else if (name.SequenceEqual("baseYear"u8)) d.BaseYear = r.Int();
        else if (name.SequenceEqual("bound"u8)) d.Bound = r.String();
        else return false;
        return true;
    }

    private static bool QuantityMembers(ref DataFileReader r, QuantityDto d)
    {
        var name = r.PropertyName;
        if (name.SequenceEqual("amount"u8)) d.Amount = r.Decimal();
        else if (name.SequenceEqual("maxAmount"u8)) d.MaxAmount = r.Decimal();
        else if (name.SequenceEqual("unit"u8)) d.Unit = r.String();
        else return false;
        return true;
    }
}
