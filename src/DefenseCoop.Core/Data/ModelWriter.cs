using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime.Text;

namespace DefenseCoop.Data;

/// <summary>
/// Turns records back into the file format, the inverse of <see cref="DataValidator"/>'s parsing: what
/// <c>Save</c>, the data compiler and the release diff write. Validation never goes through it: records
/// made in code are checked as the model records they are.
/// </summary>
internal static partial class ModelWriter
{
    private static readonly DataJsonContext WriterContext = new(new JsonSerializerOptions(DataJsonContext.Default.Options)
    {
        WriteIndented = true,
        NewLine = "\n",
        // Names in Turkish, Finnish and Cyrillic stay readable in the file; it is data, never HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Writes data in the file format, the same bytes for the same data.</summary>
    public static byte[] Serialize(DataFileDto data) => JsonSerializer.SerializeToUtf8Bytes(data, WriterContext.DataFileDto);

    /// <summary>Writes a whole catalog: its header, then its records as a fragment would hold them.</summary>
    public static DataFileDto Write(CatalogContent content)
    {
        var file = Write(new CatalogRecords
        {
            Sources = content.Sources, Countries = content.Countries, Organizations = content.Organizations, People = content.People,
            Systems = content.Systems, Agreements = content.Agreements, Spending = content.Spending, Trade = content.Trade, Events = content.Events,
        });
        file.SchemaVersion = content.SchemaVersion;
        file.DataVersion = content.DataVersion.ToString();
        file.Released = LocalDatePattern.Iso.Format(content.Released);
        return file;
    }

    /// <summary>Writes records without a header, as a fragment to validate or merge.</summary>
    public static DataFileDto Write(CatalogRecords records) => new()
    {
        Sources = List(records.Sources, Source),
        Countries = List(records.Countries, Country),
        Organizations = List(records.Organizations, Organization),
        People = List(records.People, Person),
        Systems = List(records.Systems, System),
        Agreements = List(records.Agreements, Agreement),
        Spending = List(records.Spending, Spending),
        Trade = List(records.Trade, Trade),
        Events = List(records.Events, Event),
    };

    /// <summary>Writes one record of any kind, as a fragment holding it alone.</summary>
    public static DataFileDto WriteRecord(object record) => record switch
    {
        Source s => new() { Sources = [Source(s)] },
        Country c => new() { Countries = [Country(c)] },
        Organization o => new() { Organizations = [Organization(o)] },
        Person p => new() { People = [Person(p)] },
        DefenseSystem s => new() { Systems = [System(s)] },
        Agreement a => new() { Agreements = [Agreement(a)] },
        SpendingSeries s => new() { Spending = [Spending(s)] },
        TradeFlow t => new() { Trade = [Trade(t)] },
        Event e => new() { Events = [Event(e)] },
        _ => throw new ArgumentException($"{record.GetType().Name} is not a kind of record the data format holds.", nameof(record)),
    };

    private static List<TDto?>? List<T, TDto>(ImmutableArray<T> items, Func<T, TDto> map) where TDto : class =>
        items.IsDefaultOrEmpty ? null : [.. items.Select(map)];

    private static List<string?>? Strings<T>(ImmutableArray<T> items) =>
        items.IsDefaultOrEmpty ? null : [.. items.Select(i => (string?)i!.ToString())];

    private static string? Text(PartialDate? date) => date?.ToString();

    // A fact's sources, each as its id, or as an object where the record keeps a caveat about that page.
    private static List<CitationDto?>? Citations(ImmutableArray<SourceId> sources, ImmutableArray<SourceCaveat> caveats) =>
        List(sources, id => caveats.FirstOrDefault(c => c.Source == id) is { } c
            ? new CitationDto { Source = id.Value, DateNotOnPage = c.DateNotOnPage ? true : null, Inferred = c.Inferred }
            : new CitationDto { Source = id.Value });

    // One figure is "value"; several, each with its sources, are "reportedValues" (the first is the value).
    private static (MoneyDto? Value, List<ReportedValueDto?>? Reported) Values(Money? value, ImmutableArray<ReportedValue> reported) =>
        reported.IsDefaultOrEmpty
            ? (Money(value), null)
            : (null, [.. reported.Select(r => Reported(r))]);

    private static ReportedValueDto Reported(ReportedValue r) => MoneyInto(new ReportedValueDto { Sources = Citations(r.Sources, r.Caveats) }, r.Value);

    private static List<NoteDto?>? Notes(ImmutableArray<AttributedNote> notes) =>
        List(notes, n => new NoteDto { Text = n.Text, Sources = Citations(n.Sources, n.Caveats) });

    private static SortedDictionary<string, string?>? Names(IReadOnlyDictionary<string, string> names) =>
        names.Count == 0 ? null : new(names.ToDictionary(p => p.Key, p => (string?)p.Value), StringComparer.Ordinal);

    private static MoneyDto? Money(Money? money) => money is not { } m ? null : MoneyInto(new MoneyDto(), m);

    private static T MoneyInto<T>(T dto, Money m) where T : MoneyDto
    {
        dto.Amount = m.Amount;
        dto.Currency = m.Currency.Value;
        dto.Basis = m.Basis.IsCurrent ? null : "Constant";
        dto.BaseYear = m.Basis.BaseYear;
        dto.Bound = m.Bound == ValueBound.Exact ? null : m.Bound.ToString();
        return dto;
    }
}
