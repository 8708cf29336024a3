using System.Collections.Immutable;
using DefenseCoop.Importers.SipriMilex;
using DefenseCoop.Importers.Xlsx;

namespace DefenseCoop.Importers;

/// <summary>
/// Imports SIPRI's Military Expenditure Database workbook (<c>SIPRI-Milex-data-1949-2024.xlsx</c> and
/// later releases in the same layout) as spending series, one per country and sheet.
/// </summary>
/// <remarks>
/// <para>
/// Every country sheet is read: local currency for financial and for calendar years, constant US
/// dollars (base year from the sheet's header), current US dollars, share of GDP, per capita, and
/// share of government spending. Figures in US$ millions are scaled to dollars, and shares stored as
/// fractions to percent. SIPRI's markers <c>...</c> (no data) and <c>xxx</c> (the state did not exist)
/// leave the year absent, never 0. Blue figures (SIPRI estimates) and red ones (highly uncertain) set
/// <see cref="SpendingPoint.Estimate"/> and <see cref="SpendingPoint.Uncertain"/>.
/// </para>
/// <para>
/// Region headings are skipped; the European Union's row becomes a series of the organization
/// <c>eu</c>; every other label must resolve to a country of the catalog. The regional totals sheet is
/// not imported: regions are not countries or organizations of the catalog.
/// </para>
/// <para>
/// SIPRI's terms allow non-commercial use of up to 10% of the database with attribution; the
/// <see cref="Source.Licence"/> of the imported source says so. Keep the imported catalog to yourself
/// unless your use is within those terms.
/// </para>
/// </remarks>
public sealed class SipriMilexImporter : IDataImporter
{
    /// <summary>Creates an importer for the workbook at <paramref name="path"/>; it is read when the catalog is built.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public SipriMilexImporter(string path)
        : this(path, ImportLimits.Default)
    {
    }

    /// <summary>Creates an importer for the workbook at <paramref name="path"/> that refuses files beyond <paramref name="limits"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    public SipriMilexImporter(string path, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        Path = path;
        Limits = limits;
    }

    /// <summary>Gets the workbook's path.</summary>
    public string Path { get; }

    /// <summary>Gets the bounds on the workbook's size and shape; <see cref="ImportLimits.Default"/> unless given.</summary>
    public ImportLimits Limits { get; }

    /// <inheritdoc/>
    public string Name => Path;

    /// <inheritdoc/>
    /// <exception cref="DefenseCoopDataException">
    /// The file is not SIPRI's workbook layout (a sheet, header, legend or unit is missing), a cell is
    /// neither a number nor a SIPRI marker, a label names no country, or a currency name is unknown; the
    /// file is not a well-formed workbook (a part malformed or missing, a cell reference out of range) or
    /// exceeds <see cref="Limits"/>; every problem found is listed, each with its part or sheet and cell or row.
    /// </exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public CatalogRecords Import(ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var issues = new WorkbookIssues(Path);
        return Map(context, ReadTables(XlsxWorkbook.Open(Path, issues, Limits), issues), issues);
    }

    /// <summary>Reads the workbook as <see cref="Import"/> does, reading the file asynchronously.</summary>
    /// <param name="context">The catalog built so far, to resolve names against.</param>
    /// <param name="cancellationToken">Stops the reading: checked between blocks of the file and between the rows of each sheet.</param>
    /// <returns>The records read; the same as <see cref="Import"/>'s.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">As for <see cref="Import"/>, with the same issues.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<CatalogRecords> ImportAsync(ImportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var issues = new WorkbookIssues(Path);
        var workbook = await XlsxWorkbook.OpenAsync(Path, issues, Limits, cancellationToken).ConfigureAwait(false);
        var tables = ReadTables(workbook, issues);
        cancellationToken.ThrowIfCancellationRequested();
        return Map(context, tables, issues);
    }

    /// <summary>Reads every sheet the importer takes, then closes the workbook.</summary>
    private static ImmutableArray<SipriMilexTable> ReadTables(XlsxWorkbook workbook, WorkbookIssues issues)
    {
        using (workbook)
        {
            issues.SheetOrder = workbook.SheetNames;
            return [.. SipriMilexSheet.All.Select(sheet => SipriMilexTable.Read(workbook, sheet, issues))];
        }
    }

    /// <summary>Makes the sheets' rows series of the catalog's countries and organizations.</summary>
    private static CatalogRecords Map(ImportContext context, ImmutableArray<SipriMilexTable> tables, WorkbookIssues issues)
    {
        var source = CreateSource(tables);
        var owners = new SeriesOwners(context, issues, SipriMilexLabels.Organizations);
        var series = ImmutableArray.CreateBuilder<SpendingSeries>();
        foreach (var table in tables)
        {
            var seen = new Dictionary<SeriesOwner, int>();
            foreach (var row in table.Rows)
            {
                if (owners.ResolveOnce(row.Label, table.SheetName, row.Row, seen) is not { } owner) continue;
                if (row.Points.IsEmpty) continue; // no figure for any year: no series, rather than an empty one
                series.Add(CreateSeries(table, row, owner, source, issues));
            }
        }
        issues.ThrowIfAny();
        return new CatalogRecords { Sources = [source], Spending = series.ToImmutable() };
    }

    // SIPRI publishes each spring the data to the year before, and names the release by its year
    // ("SIPRI Military Expenditure Database 2025" holds 1949–2024).
    private static Source CreateSource(ImmutableArray<SipriMilexTable> tables)
    {
        int first = tables.Min(t => t.Years[0]), last = tables.Max(t => t.Years[^1]), release = last + 1;
        return new Source
        {
            Id = new SourceId($"sipri-milex-{release}"),
            Kind = SourceKind.Dataset,
            Publisher = "SIPRI",
            Title = "SIPRI Military Expenditure Database",
            Published = new PartialDate(release),
            Language = "en",
            Url = "https://www.sipri.org/databases/milex",
            Edition = $"{release} release (data {first}–{last})",
            Licence = $"© SIPRI. Free for non-commercial use (research, news reporting, comment, teaching material not sold) citing " +
                $"'SIPRI Military Expenditure Database {release}, https://www.sipri.org/databases/milex', reproducing no more than 10% " +
                "of the database (3,500 units of data); commercial use, or reproducing more, needs SIPRI's permission (milap@sipri.org).",
        };
    }

    private static SpendingSeries CreateSeries(SipriMilexTable table, SipriMilexRow row, SeriesOwner owner, Source source, WorkbookIssues issues)
    {
        var measure = table.Sheet.Measure;
        CurrencyCode? currency = measure switch
        {
            SpendingMeasure.LocalCurrencyCurrent => LocalCurrency(table.SheetName, row, owner, issues),
            SpendingMeasure.CurrentUsd or SpendingMeasure.ConstantUsd or SpendingMeasure.PerCapitaUsd => CurrencyCode.Usd,
            _ => null,
        };
        var basis = table.BaseYear is int year ? PriceBasis.Constant(year) : PriceBasis.Current;
        ImmutableArray<AttributedNote> notes = table.Sheet.FinancialYears
            ? [new AttributedNote(FinancialYearNote(row.FiscalYear), [source.Id])]
            : [];
        return new SpendingSeries(new SeriesId($"{source.Id}-{owner.IdPart}-{table.Sheet.IdSuffix}"), owner.Country, owner.Organization,
            measure, currency, basis, owner.Component, [], source.Id, row.Points.AsSpan(), notes);
    }

    private static readonly CountryCode Croatia = CountryCode.Parse("HR");

    private static CurrencyCode? LocalCurrency(string sheet, SipriMilexRow row, SeriesOwner owner, WorkbookIssues issues)
    {
        var cell = row.Currency!.Value;
        string name = SheetLabel.Clean(cell.Text);
        // SIPRI states every year in the country's current currency. Croatia adopted the euro in 2023
        // and its figures are euros for every year (2024: 1,506 m, which 'Current US$' gives as
        // US$1,629 m at 0.924 EUR per dollar), but its row still reads "Kunas".
        if (owner.Country == Croatia && name == "Kunas") return CurrencyCode.Eur;
        var currency = CurrencyNames.Resolve(name, owner.Country);
        if (currency is null)
            issues.AtCell(sheet, cell, DataRule.InvalidValue, $"The currency '{name}' of '{row.Label}' is not one this importer knows (add it to CurrencyNames).");
        return currency;
    }

    private static string FinancialYearNote(string? fiscalYear) =>
        string.IsNullOrEmpty(fiscalYear)
            ? "SIPRI's figures by financial year; this country's financial year is the calendar year."
            : $"SIPRI's figures by financial year, each labelled by the year it starts in; SIPRI gives the financial year as '{fiscalYear}'.";
}
