namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>The content of a trade-register file, read but not yet linked to the catalog.</summary>
/// <param name="Generated">The export's "Data generated:" text, verbatim (e.g. <c>5 Nov 2024 4:52:25 AM</c>).</param>
/// <param name="GeneratedOn">The date of that text.</param>
/// <param name="Entries">The deals, in file order.</param>
/// <param name="RejoinedRecords">How many deals were split across lines by a line break in their comments, and rejoined.</param>
internal sealed record TradeRegister(string Generated, DateOnly GeneratedOn, IReadOnlyList<TradeRegisterEntry> Entries, int RejoinedRecords);

/// <summary>One deal of the register.</summary>
/// <param name="Line">The line it starts on.</param>
/// <param name="Recipient">The recipient as SIPRI labels it.</param>
/// <param name="Supplier">The supplier as SIPRI labels it.</param>
/// <param name="Deal">The deal's details.</param>
/// <param name="Fields">The record's fields (rejoined where split), from which its id's hash is taken.</param>
internal sealed record TradeRegisterEntry(int Line, string Recipient, string Supplier, ArmsTransferDeal Deal, IReadOnlyList<string> Fields);
