using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>The columns of the CSV export of SIPRI's trade register, in their fixed order.</summary>
internal static class TradeRegisterLayout
{
    /// <summary>The header as SIPRI writes it. The three blank-named columns follow the value they qualify and hold <c>?</c> when it is uncertain.</summary>
    public static readonly IReadOnlyList<string> Header =
    [
        "Recipient", "Supplier", "Year of order", "", "Number ordered", "", "Weapon designation", "Weapon description",
        "Number delivered", "", "Year(s) of delivery", "status", "Comments", "SIPRI TIV per unit", "SIPRI TIV for total order",
        "SIPRI TIV of delivered weapons",
    ];

    public static readonly CsvColumn Recipient = new(0, "Recipient");
    public static readonly CsvColumn Supplier = new(1, "Supplier");
    public static readonly CsvColumn OrderYear = new(2, "Year of order");
    public static readonly CsvColumn OrderYearUncertain = new(3, "Year of order (?)");
    public static readonly CsvColumn NumberOrdered = new(4, "Number ordered");
    public static readonly CsvColumn NumberOrderedUncertain = new(5, "Number ordered (?)");
    public static readonly CsvColumn Designation = new(6, "Weapon designation");
    public static readonly CsvColumn Description = new(7, "Weapon description");
    public static readonly CsvColumn NumberDelivered = new(8, "Number delivered");
    public static readonly CsvColumn NumberDeliveredUncertain = new(9, "Number delivered (?)");
    public static readonly CsvColumn DeliveryYears = new(10, "Year(s) of delivery");
    public static readonly CsvColumn Status = new(11, "status");
    public static readonly CsvColumn Comments = new(12, "Comments");
    public static readonly CsvColumn TivPerUnit = new(13, "SIPRI TIV per unit");
    public static readonly CsvColumn TivOfOrder = new(14, "SIPRI TIV for total order");
    public static readonly CsvColumn TivDelivered = new(15, "SIPRI TIV of delivered weapons");

    /// <summary>The number of fields of a record.</summary>
    public static int ColumnCount => Header.Count;

    /// <summary>The preamble line that dates the export, e.g. <c>Data generated: 5 Nov 2024 4:52:25 AM</c>.</summary>
    public const string GeneratedPrefix = "Data generated:";

    /// <summary>How far to look for the header: SIPRI's preamble is 11 lines, and has been shorter in older exports.</summary>
    public const int MaxPreambleLines = 50;
}
