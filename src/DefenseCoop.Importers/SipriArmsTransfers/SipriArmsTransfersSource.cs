using System.Globalization;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>The <see cref="Source"/> that every flow of one trade-register export, or of one annual TIV table, cites.</summary>
internal static class SipriArmsTransfersSource
{
    private const string Licence =
        "© SIPRI. Free for non-commercial use with citation (\"SIPRI Arms Transfers Database\"); commercial use and redistribution need SIPRI's permission.";

    /// <summary>
    /// The source for a register. Its id carries the export date (<c>sipri-arms-transfers-register-2024-11-05</c>),
    /// so that the flows of two exports can sit in one catalog side by side.
    /// </summary>
    public static Source For(TradeRegister register) => new()
    {
        Id = new SourceId("sipri-arms-transfers-register-" + register.GeneratedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Kind = SourceKind.Dataset,
        Publisher = "SIPRI",
        Title = "SIPRI Arms Transfers Database — Trade Register",
        Published = new PartialDate(register.GeneratedOn.Year, register.GeneratedOn.Month, register.GeneratedOn.Day),
        Language = "en",
        Url = "https://www.sipri.org/databases/armstransfers",
        Edition = "data generated " + register.Generated,
        Licence = Licence,
    };

    /// <summary>
    /// The source for an annual TIV table. Its id names the table and its export date
    /// (<c>sipri-arms-transfers-suppliers-2024-11-02</c>, <c>sipri-arms-transfers-recipients-2024-11-02</c>).
    /// </summary>
    public static Source For(TivTable table) => new()
    {
        Id = new SourceId((table.Kind == SipriTivTableKind.Supplier ? "sipri-arms-transfers-suppliers-" : "sipri-arms-transfers-recipients-")
            + table.GeneratedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        Kind = SourceKind.Dataset,
        Publisher = "SIPRI",
        Title = table.Kind == SipriTivTableKind.Supplier
            ? "SIPRI Arms Transfers Database — TIV of arms exports by supplier"
            : "SIPRI Arms Transfers Database — TIV of arms imports by recipient",
        Published = new PartialDate(table.GeneratedOn.Year, table.GeneratedOn.Month, table.GeneratedOn.Day),
        Language = "en",
        Url = "https://www.sipri.org/databases/armstransfers",
        Edition = "data generated " + table.Generated,
        Licence = Licence,
    };
}
