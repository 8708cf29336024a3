using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Export;

/// <summary>A column with the function that reads its value from a row of type <typeparamref name="T"/>.</summary>
internal abstract class Column<T>(ExportColumn info)
{
    public ExportColumn Info { get; } = info;
}

internal sealed class TextColumn<T>(ExportColumn info, Func<T, string?> get) : Column<T>(info)
{
    public Func<T, string?> Get { get; } = get;
}

internal sealed class Int32Column<T>(ExportColumn info, Func<T, int?> get) : Column<T>(info)
{
    public Func<T, int?> Get { get; } = get;
}

internal sealed class DecimalColumn<T>(ExportColumn info, Func<T, decimal?> get) : Column<T>(info)
{
    public Func<T, decimal?> Get { get; } = get;
}

internal sealed class BooleanColumn<T>(ExportColumn info, Func<T, bool?> get) : Column<T>(info)
{
    public Func<T, bool?> Get { get; } = get;
}

internal sealed class DateColumn<T>(ExportColumn info, Func<T, LocalDate?> get) : Column<T>(info)
{
    public Func<T, LocalDate?> Get { get; } = get;
}

/// <summary>The columns of one table, declared in order with short helpers.</summary>
internal sealed class Columns<T>
{
    private readonly List<Column<T>> _columns = [];

    public ImmutableArray<Column<T>> All => [.. _columns];

    public Columns<T> Text(string name, string description, Func<T, string?> get, bool nullable = true) =>
        Add(new TextColumn<T>(new(name, ExportColumnType.Text, nullable, description), get));

    public Columns<T> Int32(string name, string description, Func<T, int?> get, bool nullable = true) =>
        Add(new Int32Column<T>(new(name, ExportColumnType.Int32, nullable, description), get));

    public Columns<T> Decimal(string name, string description, Func<T, decimal?> get, bool nullable = true) =>
        Add(new DecimalColumn<T>(new(name, ExportColumnType.Decimal, nullable, description), get));

    public Columns<T> Boolean(string name, string description, Func<T, bool?> get, bool nullable = false) =>
        Add(new BooleanColumn<T>(new(name, ExportColumnType.Boolean, nullable, description), get));

    public Columns<T> Date(string name, string description, Func<T, LocalDate?> get, bool nullable = true) =>
        Add(new DateColumn<T>(new(name, ExportColumnType.Date, nullable, description), get));

    /// <summary>A partial date as four columns: its text form, the first and last day it may denote, and its year.</summary>
    public Columns<T> PartialDate(string prefix, string what, Func<T, PartialDate?> get) =>
        Text(prefix, $"{what}, to the precision the source gives: YYYY, YYYY-MM or YYYY-MM-DD, optionally after early, mid, late or approximately.", r => get(r)?.ToString())
        .Date(prefix + "_earliest", $"The first day {what.ToLowerInvariant()} may denote.", r => get(r)?.Earliest)
        .Date(prefix + "_latest", $"The last day {what.ToLowerInvariant()} may denote (inclusive).", r => get(r)?.Latest)
        .Int32(prefix + "_year", $"The year of {what.ToLowerInvariant()}.", r => get(r)?.Year);

    /// <summary>An amount of money as five columns.</summary>
    public Columns<T> Money(string prefix, string what, Func<T, Money?> get) =>
        Decimal(prefix + "_amount", $"{what}: the amount, in units of the currency (not thousands or millions).", r => get(r)?.Amount)
        .Text(prefix + "_currency", $"{what}: the ISO 4217 currency.", r => get(r)?.Currency.Value)
        .Text(prefix + "_price_basis", $"{what}: current or constant prices.", r => get(r) is { } m ? PriceBasisText(m.Basis) : null)
        .Int32(prefix + "_base_year", $"{what}: the base year of constant prices.", r => get(r)?.Basis.BaseYear)
        .Text(prefix + "_bound", $"{what}: Exact, AtLeast, AtMost or Approximately, as the source states it.", r => get(r)?.Bound.ToString());

    public Columns<T> Sources(Func<T, RowSources> get) =>
        Text("sources", "The ids of the sources the row cites, separated by ';' (see the sources table and ATTRIBUTION.md).", r => get(r).ToText(), nullable: false);

    /// <summary>What the curator says of the row's cited pages, as two columns: pages without a date for the fact, and inferences.</summary>
    public Columns<T> Caveats(Func<T, ImmutableArray<SourceCaveat>> get) =>
        Text("sources_without_date", "The cited pages that give no date for the fact, separated by ';'.", r => List(get(r).Where(c => c.DateNotOnPage).Select(c => c.Source)))
        .Text("inferred", "What the curator inferred rather than read, as 'source: what', separated by ' | '; null where everything was read on the pages.",
            r => get(r).Where(c => c.IsInferred).Select(c => $"{c.Source}: {c.Inferred}").ToList() is { Count: > 0 } parts ? string.Join(" | ", parts) : null);

    private Columns<T> Add(Column<T> column)
    {
        if (_columns.Any(c => c.Info.Name == column.Info.Name)) throw new InvalidOperationException($"Column {column.Info.Name} is declared twice.");
        _columns.Add(column);
        return this;
    }

    public static string PriceBasisText(PriceBasis basis) => basis.IsCurrent ? "current" : "constant";

    /// <summary>A list as text: the items separated by ';', or null when there are none.</summary>
    public static string? List<TItem>(IEnumerable<TItem> items)
    {
        string text = string.Join(";", items);
        return text.Length == 0 ? null : text;
    }
}
