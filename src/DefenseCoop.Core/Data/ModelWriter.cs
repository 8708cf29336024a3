using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using NodaTime.Text;

namespace DefenseCoop.Data;

/// <summary>Turns records back into the file format: the inverse of <see cref="DataValidator"/>'s mapping.</summary>
internal static class ModelWriter
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

    private static SourceDto Source(Source s) => new()
    {
        Id = s.Id.Value, Kind = s.Kind.ToString(), Publisher = s.Publisher, Title = s.Title, Published = Text(s.Published), Language = s.Language,
        Url = s.Url, Author = s.Author, Edition = s.Edition, Licence = s.Licence, BasedOn = s.BasedOn,
        PublicationDateNotShown = s.PublicationDateNotShown ? true : null,
    };

    private static CountryDto Country(Country c) => new()
    {
        Code = c.Code.Value, Alpha3 = c.Alpha3, Numeric = c.Numeric, Names = Names(c.Names), FormalName = c.FormalName,
        LocalLanguages = Strings(c.LocalLanguages),
        Region = c.Region is { } r ? new AreaDto { Code = r.Code, Name = r.Name } : null,
        SubRegion = c.SubRegion is { } sr ? new AreaDto { Code = sr.Code, Name = sr.Name } : null,
        Currency = c.Currency?.Value, ExistedFrom = c.ExistedFrom, ExistedUntil = c.ExistedUntil, Successors = Strings(c.Successors),
        Aliases = List(c.Aliases, a => new AliasDto { Name = a.Name, Scheme = a.Scheme.ToString() }),
        Codes = List(c.Codes, k => new CodeDto { Scheme = k.Scheme.ToString(), Code = k.Code }),
        Memberships = List(c.Memberships, m => new MembershipDto
        {
            Organization = m.Organization.Value, Role = m.Role.ToString(), From = Text(m.From), Until = Text(m.Until), Sources = Strings(m.Sources),
        }),
        Sources = Strings(c.Sources),
    };

    private static OrganizationDto Organization(Organization o) => new()
    {
        Id = o.Id.Value, Kind = o.Kind.ToString(), Country = o.Country?.Value, Name = o.Name, Names = Names(o.Names), Aliases = Strings(o.Aliases),
        Parent = o.Parent?.Value, Notes = Notes(o.Notes), Sources = Strings(o.Sources),
    };

    private static PersonDto Person(Person p) => new()
    {
        Id = p.Id.Value, Name = p.Name, Aliases = Strings(p.Aliases), Country = p.Country?.Value,
        Roles = List(p.Roles, r => new RoleDto { Title = r.Title, Organization = r.Organization?.Value, From = Text(r.From), Until = Text(r.Until), Sources = Strings(r.Sources) }),
        Notes = Notes(p.Notes), Sources = Strings(p.Sources),
    };

    private static SystemDto System(DefenseSystem s) => new()
    {
        Id = s.Id.Value, Name = s.Name, Aliases = Strings(s.Aliases), Category = s.Category.ToString(), Manufacturer = s.Manufacturer?.Value,
        Country = s.Country?.Value, Notes = Notes(s.Notes), Sources = Strings(s.Sources),
    };

    private static AgreementDto Agreement(Agreement a) => new()
    {
        Id = a.Id.Value, Title = a.Title, Kind = a.Kind.ToString(),
        Parties = List(a.Parties, p => new PartyDto { Country = p.Country?.Value, Organization = p.Organization?.Value, Role = p.Role.ToString() }),
        Signatories = List(a.Signatories, s => new SignatoryDto { Person = s.Person.Value, Title = s.Title, Organization = s.Organization?.Value, Country = s.Country?.Value }),
        Signed = Text(a.SignedOn), Place = a.Place,
        Status = List(a.StatusHistory, s => new StatusDto { Status = s.Status.ToString(), Date = Text(s.Date), Sources = Citations(s.Sources, s.Caveats) }),
        Areas = Strings(a.Areas), Systems = Strings(a.Systems), PartOf = a.PartOf?.Value,
        Value = Values(a.Value, a.ReportedValues).Value, ReportedValues = Values(a.Value, a.ReportedValues).Reported,
        Notes = Notes(a.Notes), Sources = Citations(a.Sources, a.Caveats),
    };

    private static SpendingDto Spending(SpendingSeries s) => new()
    {
        Id = s.Id.Value, Country = s.Country?.Value, Organization = s.Organization?.Value, Measure = s.Measure.ToString(),
        // Dollar measures imply their currency; the loader supplies it again.
        Currency = s.Measure is SpendingMeasure.CurrentUsd or SpendingMeasure.ConstantUsd or SpendingMeasure.PerCapitaUsd ? null : s.Currency?.Value,
        BaseYear = s.Basis.BaseYear, Component = s.Component, Systems = Strings(s.Systems),
        Years = [.. s.Observations.Select(o => o.Year)], Values = [.. s.Observations.Select(o => o.Value)],
        Estimated = s.Observations.Any(o => o.Estimate) ? [.. s.Observations.Where(o => o.Estimate).Select(o => o.Year)] : null,
        Uncertain = s.Observations.Any(o => o.Uncertain) ? [.. s.Observations.Where(o => o.Uncertain).Select(o => o.Year)] : null,
        Source = s.Source.Value, Notes = Notes(s.Notes),
    };

    private static TradeDto Trade(TradeFlow f) => new()
    {
        Id = f.Id.Value, Kind = f.Kind.ToString(), Exporter = f.Exporter?.Value, Importer = f.Importer?.Value,
        ExporterOrganization = f.ExporterOrganization?.Value, ImporterOrganization = f.ImporterOrganization?.Value, Period = Text(f.Period),
        Value = Values(f.Value, f.ReportedValues).Value, ReportedValues = Values(f.Value, f.ReportedValues).Reported,
        Quantity = f.Quantity is { } q ? new QuantityDto { Amount = q.Amount, MaxAmount = q.MaxAmount, Unit = q.Unit } : null,
        Commodity = f.Commodity, Organizations = Strings(f.Organizations), Systems = Strings(f.Systems),
        Deal = f.Deal is { } d ? new DealDto
        {
            Designation = d.Designation, Description = d.Description, OrderYear = d.OrderYear, OrderYearUncertain = d.OrderYearUncertain ? true : null,
            NumberOrdered = d.NumberOrdered, NumberOrderedUncertain = d.NumberOrderedUncertain ? true : null,
            NumberDelivered = d.NumberDelivered, NumberDeliveredUncertain = d.NumberDeliveredUncertain ? true : null,
            DeliveryYears = d.DeliveryYears.IsDefaultOrEmpty ? null : [.. d.DeliveryYears], Status = d.Status, Comments = d.Comments,
            TivPerUnit = d.TivPerUnit?.Millions, TivOfOrder = d.TivOfOrder?.Millions, TivDelivered = d.TivDelivered?.Millions,
        } : null,
        Tiv = f.Tiv?.Millions, Notes = Notes(f.Notes), Sources = Citations(f.Sources, f.Caveats),
    };

    private static EventDto Event(Event e) => new()
    {
        Id = e.Id.Value, Kind = e.Kind.ToString(), Title = e.Title, Date = Text(e.Date), Until = Text(e.Until), Place = e.Place,
        Countries = Strings(e.Countries), Organizations = Strings(e.Organizations),
        People = List(e.People, p => new ParticipantDto { Person = p.Person.Value, Title = p.Title }),
        Systems = Strings(e.Systems), Agreements = Strings(e.Agreements), Notes = Notes(e.Notes), Sources = Citations(e.Sources, e.Caveats),
    };
}
