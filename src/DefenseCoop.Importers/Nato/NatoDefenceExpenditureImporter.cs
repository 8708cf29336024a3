using System.Collections.Frozen;
using System.Collections.Immutable;
using DefenseCoop.Importers.Nato;
using DefenseCoop.Importers.Xlsx;

namespace DefenseCoop.Importers;

/// <summary>
/// Imports NATO's "Defence Expenditure of NATO Countries" tables (the .xlsx published with the press
/// release, e.g. <c>240617-def-exp-2024-TABLES-en.xlsx</c>) as spending series, one per Ally and measure.
/// </summary>
/// <remarks>
/// <para>
/// Imported: expenditure in national currency (Table 1, current and constant prices; the currency is
/// read from each row's label, e.g. "Türkiye (Liras)"), in US dollars (Table 2), as a share of real GDP
/// and its annual real change (Table 3), per capita (Table 6), military personnel (Table 7, in
/// thousands, scaled to persons) and the shares of equipment, personnel, infrastructure and other
/// expenditure (Tables 8a and 8b). Millions are scaled to units; years headed like <c>2024e</c> are
/// flagged as estimates. Table 4 repeats Tables 2 and 3, and GDP is not a spending measure.
/// </para>
/// <para>
/// Labels lose their decorations (<c>*</c>, the currency in parentheses) and must resolve to a country
/// of the catalog. The aggregates "NATO Total" and "NATO Europe and Canada" become series of the
/// organization <c>nato</c>, the latter with that <see cref="SpendingSeries.Component"/>, where a table has them.
/// </para>
/// </remarks>
public sealed class NatoDefenceExpenditureImporter : IDataImporter
{
    // NATO's tables do not state their publication date; the press release that carries them does.
    private static readonly FrozenDictionary<int, PartialDate> PublishedByLastYear = new Dictionary<int, PartialDate>
    {
        [2024] = new PartialDate(2024, 6, 17),
    }.ToFrozenDictionary();

    private static readonly OrganizationId Nato = new("nato");

    // The aggregate rows: NATO's total is the organization's own; "Europe and Canada" is a part of it.
    private static readonly IReadOnlyDictionary<string, SeriesOwner> Aggregates = new Dictionary<string, SeriesOwner>(StringComparer.Ordinal)
    {
        ["NATO Total"] = SeriesOwner.Of(Nato, "nato"),
        ["NATO Europe and Canada"] = SeriesOwner.Of(Nato, "nato-europe-canada", "NATO Europe and Canada"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Creates an importer for the workbook at <paramref name="path"/>; it is read when the catalog is built.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public NatoDefenceExpenditureImporter(string path)
        : this(path, ImportLimits.Default)
    {
    }

    /// <summary>Creates an importer for the workbook at <paramref name="path"/> that refuses files beyond <paramref name="limits"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> or <paramref name="limits"/> is null.</exception>
    public NatoDefenceExpenditureImporter(string path, ImportLimits limits)
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
    /// The file is not in the layout of NATO's tables (a sheet, year header, unit or section is missing),
    /// a figure is not a number, a label names no country, or a currency name is unknown; the file is not a
    /// well-formed workbook (a part malformed or missing, a cell reference out of range) or exceeds
    /// <see cref="Limits"/>; every problem found is listed, each with its part or sheet and cell or row.
    /// </exception>
    /// <exception cref="DefenseCoopDataException">The catalog already holds the workbook's edition (the bundled release holds the 2024 edition): one issue says so.</exception>
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

    /// <summary>Reads every table the importer takes, then closes the workbook.</summary>
    private static List<(NatoTable Table, NatoTableContent Content)> ReadTables(XlsxWorkbook workbook, WorkbookIssues issues)
    {
        using (workbook)
        {
            issues.SheetOrder = workbook.SheetNames;
            return [.. NatoTable.All.Select(table => (table, NatoTableReader.Read(workbook, table, issues)))];
        }
    }

    /// <summary>Makes the tables' rows series of the Allies and of NATO.</summary>
    private static CatalogRecords Map(ImportContext context, List<(NatoTable Table, NatoTableContent Content)> tables, WorkbookIssues issues)
    {
        var source = CreateSource(tables.Min(t => t.Content.Years[0]), tables.Max(t => t.Content.Years[^1]));
        // Every series id of an edition derives from its source's: one issue says why, not one per series.
        if (context.Catalog.Sources.Contains(source.Id))
            throw issues.FatalInWorkbook(DataRule.DuplicateId,
                $"The catalog already holds this edition of NATO's tables, {source.Title}, edition {source.Edition} (source '{source.Id}'): " +
                "the release bundled with DefenseCoop.Core includes the 2024 edition. Import a newer edition, or build on a data file without this one.");
        string idPrefix = $"nato-{tables.Max(t => t.Content.Years[^1])}";
        var owners = new SeriesOwners(context, issues, Aggregates);
        var series = ImmutableArray.CreateBuilder<SpendingSeries>();
        foreach (var (table, content) in tables)
        {
            foreach (var rows in content.Sections)
            {
                var seen = new Dictionary<SeriesOwner, int>();
                foreach (var row in rows.Rows)
                {
                    var (name, qualifier) = SheetLabel.Split(row.Label.Text);
                    if (owners.ResolveOnce(name, table.Sheet, row.Row, seen) is not { } owner || row.Points.IsEmpty) continue;
                    var section = rows.Section;
                    CurrencyCode? currency = section.Measure switch
                    {
                        SpendingMeasure.LocalCurrencyCurrent or SpendingMeasure.LocalCurrencyConstant => NationalCurrency(table.Sheet, row, qualifier, owner, issues),
                        SpendingMeasure.CurrentUsd or SpendingMeasure.ConstantUsd or SpendingMeasure.PerCapitaUsd => CurrencyCode.Usd,
                        _ => null,
                    };
                    var basis = section.Constant ? PriceBasis.Constant(rows.BaseYear!.Value) : PriceBasis.Current;
                    var notes = ImmutableArray.CreateBuilder<AttributedNote>();
                    if (section.Note is { } note) notes.Add(new AttributedNote(note(rows.BaseYear), [source.Id]));
                    if (owner.Organization is not null)
                        notes.Add(new AttributedNote("NATO's aggregate of the Allies of each year: its membership grows over the years it covers.", [source.Id]));
                    series.Add(new SpendingSeries(new SeriesId($"{idPrefix}-{owner.IdPart}-{section.IdSuffix}"), owner.Country, owner.Organization,
                        section.Measure, currency, basis, owner.Component, [], source.Id, row.Points.AsSpan(), notes.ToImmutable()));
                }
            }
        }
        issues.ThrowIfAny();
        return new CatalogRecords { Sources = [source], Spending = series.ToImmutable() };
    }

    private static Source CreateSource(int first, int last)
    {
        var published = PublishedByLastYear.TryGetValue(last, out var date) ? date : (PartialDate?)null;
        return new Source
        {
            Id = new SourceId($"nato-defence-expenditure-{last}"),
            Kind = SourceKind.Dataset,
            Publisher = "NATO",
            Title = $"Defence Expenditure of NATO Countries ({first}-{last})",
            Published = published,
            Language = "en",
            Url = "https://www.nato.int/cps/en/natohq/topics_49198.htm",
            Edition = $"{published?.ToString() ?? last.ToString(System.Globalization.CultureInfo.InvariantCulture)} ({first}-{last})",
            Licence = "Official public statistics; attribution to NATO required",
        };
    }

    // Table 1 gives each Ally's figures in its national currency unit of the edition, named in the
    // label: "Croatia (Euros)" is in euros for every year, including those before Croatia adopted them.
    private static CurrencyCode? NationalCurrency(string sheet, NatoRow row, string? name, SeriesOwner owner, WorkbookIssues issues)
    {
        if (name is null)
        {
            issues.AtCell(sheet, row.Label, DataRule.MissingValue, $"'{row.Label.Text.Trim()}' does not name its currency in parentheses, e.g. 'Türkiye (Liras)'.");
            return null;
        }
        var currency = CurrencyNames.Resolve(name, owner.Country);
        if (currency is null)
            issues.AtCell(sheet, row.Label, DataRule.InvalidValue, $"The currency '{name}' is not one this importer knows (add it to CurrencyNames).");
        return currency;
    }
}
