using System.Collections.Immutable;
using System.Globalization;
using DefenseCoop.Importers.Cow;
using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers;

/// <summary>
/// Imports military expenditure and military personnel from the Correlates of War Project's National
/// Material Capabilities data set, v6.0 (https://correlatesofwar.org/data-sets/national-material-capabilities/).
/// </summary>
/// <remarks>
/// <para>Each COW state gets up to two spending series: <c>milex</c>, thousands of current US dollars, as
/// <see cref="SpendingMeasure.CurrentUsd"/> in dollars; and <c>milper</c>, thousands of people, as
/// <see cref="SpendingMeasure.MilitaryPersonnel"/> in persons. A figure COW marks missing (<c>-9</c>) is
/// absent from its series, never 0.</para>
/// <para>States are linked to the catalog's countries by their COW code (<c>ccode</c>, scheme
/// <see cref="NameScheme.Cow"/>); a code no country has is an error. Series ids are
/// <c>cow-nmc-6-{country}-{milex|milper}</c>, e.g. <c>cow-nmc-6-tr-milex</c>. Where a catalog gives one
/// country the codes of several COW states (say Germany, 255, and West Germany, 260), the state whose code
/// the country lists first keeps that id and the others add their code: <c>cow-nmc-6-de-260-milex</c>.</para>
/// <para>The file is read when the catalog is built. COW's data are free for academic use with citation;
/// the <see cref="Source"/> added for the file records that.</para>
/// </remarks>
public sealed class CowNmcImporter : IDataImporter
{
    private static readonly Source NmcSource = new()
    {
        Id = new SourceId("cow-nmc-6"),
        Kind = SourceKind.Dataset,
        Publisher = "Correlates of War Project",
        Title = "National Material Capabilities",
        Published = new PartialDate(2021),
        Language = "en",
        Url = "https://correlatesofwar.org/data-sets/national-material-capabilities/",
        Edition = "v6.0",
        Licence = "free for academic use with citation; commercial use not granted",
    };

    private readonly string _path;

    /// <summary>Creates an importer for an NMC v6.0 CSV file, which is read when the catalog is built.</summary>
    /// <param name="path">The file, e.g. <c>NMC-60-abridged.csv</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public CowNmcImporter(string path)
        : this(path, ImportLimits.Default)
    {
    }

    /// <summary>Creates an importer for an NMC v6.0 CSV file that refuses files beyond <paramref name="limits"/>; it is read when the catalog is built.</summary>
    /// <param name="path">The file, e.g. <c>NMC-60-abridged.csv</c>.</param>
    /// <param name="limits">The bounds on the file's size and shape.</param>
    /// <exception cref="ArgumentNullException"><paramref name="limits"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public CowNmcImporter(string path, ImportLimits limits)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        _path = path;
    }

    /// <summary>Gets the bounds on the file's size and shape; <see cref="ImportLimits.Default"/> unless given.</summary>
    public ImportLimits Limits { get; }

    /// <inheritdoc/>
    public string Name => _path;

    /// <summary>Gets what the last successful <see cref="Import"/> or <see cref="ImportAsync"/> read; <see langword="null"/> before then.</summary>
    public CowNmcSummary? LastImport { get; private set; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">The file is malformed, exceeds <see cref="Limits"/>, or names what the catalog lacks; every problem found is listed, each with its line.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public CatalogRecords Import(ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Map(context, NmcReader.Read(_path, Limits));
    }

    /// <summary>Reads the file as <see cref="Import"/> does, reading it asynchronously.</summary>
    /// <param name="context">The catalog built so far, to resolve names against.</param>
    /// <param name="cancellationToken">Stops the reading: checked before each record of the file.</param>
    /// <returns>The records read; the same as <see cref="Import"/>'s.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is null.</exception>
    /// <exception cref="DefenseCoopDataException">As for <see cref="Import"/>, with the same issues.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async ValueTask<CatalogRecords> ImportAsync(ImportContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Map(context, await NmcReader.ReadAsync(_path, Limits, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Makes the states' figures series of the catalog's countries, and records what was read in <see cref="LastImport"/>.</summary>
    private CatalogRecords Map(ImportContext context, NmcData data)
    {
        var countries = new CowCountries(context.Countries);
        var issues = new CsvIssues(_path);
        var series = ImmutableArray.CreateBuilder<SpendingSeries>();
        foreach (var state in data.States)
        {
            if (countries.Find(state.Code, out string? reason) is not { } country)
            {
                issues.Add(state.FirstLine, "ccode", DataRule.UnknownReference,
                    $"COW state {state.Code} ({state.Abbreviation}, {state.Years.Length} rows) is not linked to a country: {reason}.");
                continue;
            }
            CheckAbbreviation(state, country, issues);
            string prefix = $"cow-nmc-6-{country.Code.Value.ToLowerInvariant()}" +
                (CowCountries.IsPrincipal(country, state.Code) ? "" : "-" + state.Code.ToString(CultureInfo.InvariantCulture));
            foreach (var measure in Measures)
                if (Series($"{prefix}-{measure.Name}", country, state, measure) is { } one) series.Add(one);
        }
        issues.ThrowIfAny();
        LastImport = new CowNmcSummary
        {
            StateYears = data.Rows, States = data.States.Length, Series = series.Count,
            MilitaryExpenditureFigures = data.States.Sum(s => s.Years.Count(y => y.MilitaryExpenditure is not null)),
            PersonnelFigures = data.States.Sum(s => s.Years.Count(y => y.Personnel is not null)),
        };
        return new CatalogRecords { Sources = [NmcSource], Spending = series.ToImmutable() };
    }

    /// <summary>A measure the importer takes from the file: COW's variable name (the end of the series id) and its figure, in thousands.</summary>
    private sealed record NmcMeasure(string Name, SpendingMeasure Measure, CurrencyCode? Currency, Func<NmcYear, decimal?> Thousands);

    private static readonly NmcMeasure[] Measures =
    [
        new("milex", SpendingMeasure.CurrentUsd, CurrencyCode.Usd, y => y.MilitaryExpenditure),
        new("milper", SpendingMeasure.MilitaryPersonnel, null, y => y.Personnel),
    ];

    private static SpendingSeries? Series(string id, Country country, NmcState state, NmcMeasure measure)
    {
        var points = state.Years
            .Where(y => measure.Thousands(y) is not null)
            .Select(y => new SpendingPoint(y.Year, measure.Thousands(y)!.Value * 1000))
            .ToArray();
        return points.Length == 0
            ? null
            : new SpendingSeries(new SeriesId(id), country.Code, null, measure.Measure, measure.Currency, PriceBasis.Current, null, [], NmcSource.Id, points);
    }

    // A catalog that lists COW abbreviations must agree with the file: a mismatch means the code maps to the wrong country.
    private static void CheckAbbreviation(NmcState state, Country country, CsvIssues issues)
    {
        var abbreviations = country.Codes.Where(c => c.Scheme == NameScheme.CowAbbreviation).Select(c => c.Code).ToList();
        if (abbreviations.Count == 0 || abbreviations.Contains(state.Abbreviation, StringComparer.OrdinalIgnoreCase)) return;
        issues.Add(state.FirstLine, "stateabb", DataRule.InvalidValue,
            $"COW state {state.Code} is '{state.Abbreviation}' in the file, but the catalog's {country} has the COW abbreviation(s) {string.Join(", ", abbreviations)}.");
    }
}
