using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using DefenseCoop.Export;
using NodaTime;

namespace DefenseCoop.Panels;

/// <summary>One column of a panel as its description gives it.</summary>
/// <param name="Name">The column name.</param>
/// <param name="Type">Its type in an export.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Meaning">What a value means.</param>
/// <param name="Sources">The catalog's sources its values come from (see <see cref="PanelDescription.Sources"/> for their citations and licences).</param>
/// <param name="Release">The data release or file version its values come from.</param>
/// <param name="Coverage">Where its source covers: inside, no record is 0 or false; outside, a value is null.</param>
/// <param name="Redistribution">The most restrictive terms among its sources (<see cref="SourceTerms.Of"/>).</param>
/// <param name="Note">Anything else to know (values given that fell outside the frame, say); null when nothing.</param>
public sealed record PanelColumnDescription(string Name, ExportColumnType Type, string Unit, string Meaning, ImmutableArray<SourceId> Sources, string Release,
    PanelCoverage Coverage, Redistribution Redistribution, string? Note);

/// <summary>
/// What a panel is, for whoever reads its files: the frame (system, version, years, as-of year), the data release,
/// and each column's meaning, unit, sources, release and coverage, with every source's citation and licence. An
/// export writes it beside the table, as JSON (<see cref="ToJson"/>).
/// </summary>
public sealed record PanelDescription
{
    /// <summary>Gets the table name.</summary>
    public required string Table { get; init; }

    /// <summary>Gets what a row is: <c>state-year</c>, <c>dyad-year</c> or <c>directed dyad-year</c>.</summary>
    public required string RowKind { get; init; }

    /// <summary>Gets the first year.</summary>
    public required int FromYear { get; init; }

    /// <summary>Gets the last year.</summary>
    public required int ToYear { get; init; }

    /// <summary>Gets the as-of year the caller stated, or null.</summary>
    public int? AsOfYear { get; init; }

    /// <summary>Gets the state system of the frame, with its version.</summary>
    public required string StateSystem { get; init; }

    /// <summary>Gets how to cite the state system.</summary>
    public required string StateSystemCitation { get; init; }

    /// <summary>Gets the rule that makes the rows, in words.</summary>
    public required string FrameRule { get; init; }

    /// <summary>Gets the catalog's data release.</summary>
    public required DataVersion DataVersion { get; init; }

    /// <summary>Gets the day the data release came out.</summary>
    public required LocalDate Released { get; init; }

    /// <summary>Gets the version of DefenseCoop.Core that computed the panel.</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>Gets the number of rows.</summary>
    public required long Rows { get; init; }

    /// <summary>Gets every column of the table, the frame's first.</summary>
    public required ImmutableArray<PanelColumnDescription> Columns { get; init; }

    /// <summary>Gets the value columns an export left out because their sources restrict redistribution (<see cref="RestrictedSourceHandling.Omit"/>).</summary>
    public ImmutableArray<string> OmittedColumns { get; init; } = [];

    /// <summary>Gets the terms and citation of every source the columns cite, in id order.</summary>
    public required ImmutableArray<SourceTerms> Sources { get; init; }

    /// <summary>Describes a computed panel; <paramref name="omitted"/> names the value columns an export leaves out.</summary>
    internal static PanelDescription Of(PanelData data, long rows, ImmutableArray<string> omitted)
    {
        var settings = data.Settings;
        var catalog = settings.Catalog;
        var terms = new SortedDictionary<SourceId, SourceTerms>();
        Redistribution TermsOf(IEnumerable<SourceId> ids)
        {
            var worst = Redistribution.Open;
            foreach (var id in ids)
            {
                if (!terms.TryGetValue(id, out var t) && catalog.SourceOf(id) is { } source) terms[id] = t = SourceTerms.Of(source);
                if (t is not null && t.Redistribution > worst) worst = t.Redistribution;
            }
            return worst;
        }
        var frameCoverage = PanelCoverage.Everywhere(settings.FromYear, settings.ToYear, "Every row: the frame.");
        var system = data.Frame.System;
        ImmutableArray<SourceId> frameSources = catalog.SourceOf(Panels.StateSystem.SourceId) is null ? [] : [Panels.StateSystem.SourceId];
        var frameTerms = TermsOf(frameSources);
        PanelColumnDescription Frame(string name, ExportColumnType type, string unit, string meaning) =>
            new(name, type, unit, meaning, frameSources, system.Name, frameCoverage, frameTerms, null);
        var columns = ImmutableArray.CreateBuilder<PanelColumnDescription>();
        foreach (string side in settings.Dyads ? new[] { "_1", "_2" } : [""])
            columns.Add(Frame("ccode" + side, ExportColumnType.Int32, "code", $"The Correlates of War code of the state{Side(side)}."));
        columns.Add(Frame("year", ExportColumnType.Int32, "year", "The year."));
        foreach (string side in settings.Dyads ? new[] { "_1", "_2" } : [""])
            columns.Add(Frame("stateabb" + side, ExportColumnType.Text, "code", $"The Correlates of War abbreviation of the state{Side(side)}."));
        foreach (string side in settings.Dyads ? new[] { "_1", "_2" } : [""])
            columns.Add(Frame("country" + side, ExportColumnType.Text, "code", $"The catalog's country of the state{Side(side)}: its ISO 3166-1 alpha-2 code, or this library's code for a historical state (e.g. XW for the German Federal Republic)."));
        foreach (var column in data.Columns)
        {
            var built = data.Sources[column.Source.Ordinal];
            var cited = built.Cited.Order().ToImmutableArray();
            columns.Add(new PanelColumnDescription(column.Name, column.Type, column.Unit, column.Meaning, cited, built.Release, built.Coverage, TermsOf(cited), built.Note));
        }
        return new PanelDescription
        {
            Table = settings.TableName,
            RowKind = !settings.Dyads ? "state-year" : settings.Directed ? "directed dyad-year" : "dyad-year",
            FromYear = settings.FromYear,
            ToYear = settings.ToYear,
            AsOfYear = settings.AsOfYear,
            StateSystem = system.Name,
            StateSystemCitation = system.Citation,
            FrameRule = (settings.Dyads
                ? "Two states are a dyad in a year only if both were members of the system on the same day of that year; "
                  + (settings.Directed ? "each pair in both orders." : "each pair once, the lower COW code first (ccode_1 < ccode_2).")
                : "A state is in a year if it was a member of the system on any day of it.")
                + (settings.AsOfYear is { } asOf ? $" Memberships running when the list was closed ({system.ClosedOn:yyyy-MM-dd}) continue through {asOf}." : ""),
            DataVersion = catalog.DataVersion,
            Released = catalog.Released,
            LibraryVersion = typeof(PanelDescription).Assembly.GetName().Version?.ToString(3) ?? "unknown",
            Rows = rows,
            Columns = columns.ToImmutable(),
            OmittedColumns = omitted,
            Sources = [.. terms.Values],
        };
    }

    private static string Side(string side) => side switch { "_1" => " on side 1", "_2" => " on side 2", _ => "" };

    /// <summary>The description as indented UTF-8 JSON, the form an export writes beside its table.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        WriteJson(buffer);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes the description as indented UTF-8 JSON to a stream, leaving it open.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is null.</exception>
    public void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("table", Table);
        json.WriteString("rowKind", RowKind);
        json.WriteNumber("fromYear", FromYear);
        json.WriteNumber("toYear", ToYear);
        if (AsOfYear is { } asOf) json.WriteNumber("asOfYear", asOf); else json.WriteNull("asOfYear");
        json.WriteStartObject("frame");
        json.WriteString("system", StateSystem);
        json.WriteString("citation", StateSystemCitation);
        json.WriteString("rule", FrameRule);
        json.WriteEndObject();
        json.WriteString("dataVersion", DataVersion.ToString());
        json.WriteString("released", Released.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("library", $"DefenseCoop.Core {LibraryVersion}");
        json.WriteNumber("rows", Rows);
        json.WriteStartArray("columns");
        foreach (var column in Columns) WriteColumn(json, column);
        json.WriteEndArray();
        json.WriteStartArray("omittedColumns");
        foreach (var name in OmittedColumns) json.WriteStringValue(name);
        json.WriteEndArray();
        json.WriteStartArray("sources");
        foreach (var terms in Sources)
        {
            json.WriteStartObject();
            json.WriteString("id", terms.Source.Id.Value);
            json.WriteString("citation", terms.Citation);
            if (terms.Source.Edition is { } edition) json.WriteString("edition", edition);
            if (terms.Source.Licence is { } licence) json.WriteString("licence", licence);
            json.WriteString("redistribution", terms.Redistribution.ToString());
            json.WriteString("terms", terms.Reason);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteColumn(Utf8JsonWriter json, PanelColumnDescription column)
    {
        json.WriteStartObject();
        json.WriteString("name", column.Name);
        json.WriteString("type", column.Type.ToString());
        json.WriteString("unit", column.Unit);
        json.WriteString("meaning", column.Meaning);
        json.WriteStartArray("sources");
        foreach (var id in column.Sources) json.WriteStringValue(id.Value);
        json.WriteEndArray();
        json.WriteString("release", column.Release);
        json.WriteStartObject("coverage");
        if (column.Coverage.FromYear is { } from) json.WriteNumber("fromYear", from); else json.WriteNull("fromYear");
        if (column.Coverage.ToYear is { } to) json.WriteNumber("toYear", to); else json.WriteNull("toYear");
        json.WriteStartArray("countries");
        foreach (var country in column.Coverage.Countries) json.WriteStringValue(country.Value);
        json.WriteEndArray();
        json.WriteString("statement", column.Coverage.Statement);
        json.WriteEndObject();
        json.WriteString("redistribution", column.Redistribution.ToString());
        if (column.Note is { } note) json.WriteString("note", note);
        json.WriteEndObject();
    }
}
