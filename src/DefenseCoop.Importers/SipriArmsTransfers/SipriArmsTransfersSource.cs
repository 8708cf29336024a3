using System.Globalization;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>The <see cref="Source"/> that every flow of one trade-register export cites.</summary>
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
}
