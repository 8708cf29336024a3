namespace DefenseCoop.Importers;

/// <summary>
/// The files of the SIPRI Arms Transfers Database to import together: the trade register and the annual
/// TIV tables by supplier and by recipient, as SIPRI's web tool exports them. Give at least one. Import
/// them in one <see cref="SipriArmsTransfersImporter"/>, so that a non-state party they share becomes one organization.
/// </summary>
/// <example><code>
/// var files = new SipriArmsTransfersFiles
/// {
///     TradeRegister = "trade-register.csv",
///     SupplierTable = "supplier_1950-2023.csv",
///     RecipientTable = "recipient_1950-2023.csv",
/// };
/// var catalog = DefenseCoopCatalog.CreateBuilder().AddBundled().AddSipriArmsTransfers(files).Build();
/// </code></example>
public sealed record SipriArmsTransfersFiles
{
    /// <summary>Gets the trade register (deals), e.g. <c>trade-register.csv</c>.</summary>
    public string? TradeRegister { get; init; }

    /// <summary>Gets the table of exports by supplier and year, e.g. <c>supplier_1950-2023.csv</c>.</summary>
    public string? SupplierTable { get; init; }

    /// <summary>Gets the table of imports by recipient and year, e.g. <c>recipient_1950-2023.csv</c>.</summary>
    public string? RecipientTable { get; init; }

    /// <summary>The files given, in the order they are read: register, supplier table, recipient table.</summary>
    internal IEnumerable<string> Given => new[] { TradeRegister, SupplierTable, RecipientTable }.OfType<string>();
}
