using System.Globalization;
using DefenseCoop.Export.Parquet;
using DefenseCoop.Panels;
using DefenseCoop.Querying;

namespace DefenseCoop.Samples;

/// <summary>
/// Türkiye's dyad-years 2005–2025 with every state it coexisted with: agreements signed and in force, events, NATO
/// membership on each side and both, and each side's defence spending as a share of GDP (NATO's figures). Prints the
/// busiest rows and what the panel covers, and writes it as Parquet with its description beside it.
/// </summary>
public static class PanelSample
{
    /// <summary>Builds the panel, prints its top rows, and writes <c>turkiye_dyads.parquet</c> and its description to <paramref name="directory"/>.</summary>
    /// <returns>What the export wrote.</returns>
    public static async Task<PanelExportResult> RunAsync(DefenseCoopCatalog catalog, string directory, TextWriter output)
    {
        var panel = catalog.Panels.AsOf(2025).DyadYears(2005, 2025).Directed().Involving("Türkiye")
            .WithAgreementsSigned().WithAgreementsInForce().WithEvents()
            .WithMembership("nato")
            .WithSpending(SpendingMeasure.ShareOfGdp, ReconciliationPolicy.Prefer("nato-defence-expenditure-2024"), name: "milex_gdp")
            .Named("turkiye_dyads");
        var (signed, inForce, events) = (panel.Column<int>("agreements_signed"), panel.Column<int>("agreements_in_force"), panel.Column<int>("events"));
        var (bothNato, milex) = (panel.Column<bool>("nato_member_both"), panel.Column<decimal>("milex_gdp_2"));

        output.WriteLine();
        output.WriteLine($"Türkiye's dyad-years 2005–2025 ({catalog.Panels.StateSystemName}, memberships running at its end continued through 2025): {panel.Count():N0} directed rows");
        output.WriteLine("  Busiest rows, Türkiye as state 1 (agreements signed / in force on 31 December / events; both in NATO; partner's spending, % of GDP):");
        var top = panel.Where(r => r.State1.Country == CountryCode.Parse("TR") && r.Get(signed) > 0)
            .OrderByDescending(r => r.Get(signed)).ThenByDescending(r => r.Get(inForce)).ThenBy(r => r.Year).ThenBy(r => r.State2.CowCode).Take(10);
        foreach (var row in top)
            output.WriteLine($"  {row.Year} {catalog.Countries[row.State2.Country].Name,-22} {row.Get(signed),2} {row.Get(inForce),3} {row.Get(events),3}  " +
                             $"{Show(row.Get(bothNato)),-7} {(row.Get(milex) is { } share ? share.ToString("0.00", CultureInfo.InvariantCulture) + " %" : "unknown")}");

        var finland = panel.Where(r => r.State1.Country == CountryCode.Parse("TR") && r.State2.Country == CountryCode.Parse("FI") && r.Year is 2014 or 2015 or 2025).ToList();
        output.WriteLine("  Three states, never a fake zero: Türkiye–Finland agreements signed in " +
                         string.Join(", ", finland.Select(r => $"{r.Year}: {r.Get(signed)?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}")));

        var result = await panel.ExportAsync(directory, ParquetFormat.Default);
        output.WriteLine($"  Wrote {result.Rows:N0} rows to {result.TablePath}, described in {result.DescriptionPath}:");
        foreach (var column in result.Description.Columns.Where(c => panel.Columns.Any(p => p.Name == c.Name)))
            output.WriteLine($"    {column.Name,-28} {column.Unit,-16} covered {column.Coverage} ({column.Sources.Length} source{(column.Sources.Length == 1 ? "" : "s")})");
        return result;
    }

    private static string Show(bool? value) => value switch { true => "yes", false => "no", null => "unknown" };
}
