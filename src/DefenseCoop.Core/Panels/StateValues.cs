using System.Collections.Immutable;
using DefenseCoop.Querying;
using NodaTime;

namespace DefenseCoop.Panels;

/// <summary>A value per state-year (spending, a membership, the caller's own), in a dense array; on a dyad, each side reads its state's.</summary>
internal sealed class BuiltStateValues<T>(PanelBuild build, T?[] values) : BuiltSource where T : struct
{
    public T? State(int state, int year) => values[build.Cell(state, year)];
}

/// <summary>
/// One spending figure per state-year for a measure, as <c>Spending.Measure(measure).Reconcile(policy)</c> gives it
/// (of one price basis, when the caller names one); budget lines are left out. A state-year without a
/// figure is null: spending is never 0 for want of a record.
/// </summary>
internal sealed class SpendingSource(int ordinal, SpendingMeasure measure, ReconciliationPolicy policy, PriceBasis? basis) : PanelSource(ordinal)
{
    public SpendingMeasure Measure { get; } = measure;

    public override BuiltSource Build(PanelBuild build)
    {
        var values = new decimal?[build.States * build.Years];
        var keys = new Dictionary<(CountryCode, int), SpendingKey>();
        var cited = new HashSet<SourceId>();
        var countries = new HashSet<CountryCode>();
        int? first = null, last = null;
        foreach (var figure in build.Catalog.Spending(Measure, policy))
        {
            var key = figure.Key;
            if (key.Component is not null || (basis is { } b && key.Basis != b)) continue;
            var country = key.Country!.Value;
            countries.Add(country);
            (first, last) = (Math.Min(first ?? int.MaxValue, figure.Year), Math.Max(last ?? int.MinValue, figure.Year));
            if (figure.Year < build.FromYear || figure.Year > build.ToYear) continue;
            if (keys.TryGetValue((country, figure.Year), out var other) && other != key)
                throw new InvalidOperationException(
                    $"{country} {figure.Year}: the catalog has {Measure} figures of two series ({other} and {key}); name the price basis (basis: PriceBasis.Constant(year) or PriceBasis.Current) so that one figure is chosen.");
            keys[(country, figure.Year)] = key;
            cited.UnionWith(figure.From.Select(f => f.Source));
            foreach (int state in build.Frame.StatesOf(country)) values[build.Cell(state, figure.Year)] = figure.Value;
        }
        return new BuiltStateValues<decimal>(build, values)
        {
            Coverage = first is null
                ? PanelCoverage.Nowhere($"No {Measure} figure in the catalog{(basis is { } nb ? $" at {nb}" : "")}: every value is unknown.")
                : PanelCoverage.Of(countries, first, last, $"The states and years the figures give ({policy}); a state-year without a figure is null, never 0."),
            Cited = cited,
            Release = TivSource.Editions(build, cited),
        };
    }

    /// <summary>The unit of the measure's values.</summary>
    public string Unit => Measure switch
    {
        SpendingMeasure.CurrentUsd => "US$, current prices",
        SpendingMeasure.ConstantUsd => $"US$, constant prices{(basis is { } b ? $" ({b})" : "")}",
        SpendingMeasure.LocalCurrencyCurrent => "the state's own currency, current prices",
        SpendingMeasure.LocalCurrencyConstant => "the state's own currency, constant prices",
        SpendingMeasure.PerCapitaUsd => "US$ per person",
        SpendingMeasure.MilitaryPersonnel => "people",
        SpendingMeasure.AnnualChange or SpendingMeasure.RealChange => "percent change on the year before",
        _ => "percent",
    };
}

/// <summary>
/// Whether a state holds a membership (or candidacy) of an organization on the reference day of each year:
/// true, false, or null where a partial date leaves the day either side of the membership's start or end.
/// </summary>
/// <remarks>
/// Coverage: every state, where the release states that it lists every holder (NATO's members); otherwise
/// only the states that have a membership of the organization recorded, since a state without one may be
/// a holder the catalog does not list.
/// </remarks>
internal sealed class MembershipSource(int ordinal, OrganizationId organization, MembershipRole role, AnnualDate referenceDay) : PanelSource(ordinal)
{
    public override BuiltSource Build(PanelBuild build)
    {
        var byCountry = build.Catalog.Members(organization).Where(m => m.Membership.Role == role).GroupBy(m => m.Country.Code)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Membership).ToList());
        var complete = ReleaseCoverage.For(build.Catalog.DataVersion)?.CompleteMemberships.FirstOrDefault(m => m.Organization == organization && m.Role == role);
        var values = new bool?[build.States * build.Years];
        for (int state = 0; state < build.States; state++)
        {
            var memberships = byCountry.GetValueOrDefault(build.Frame.States[state].Country);
            if (memberships is null && complete?.Statement is null) continue;
            for (int year = build.FromYear; year <= build.ToYear; year++)
                values[build.Cell(state, year)] = memberships is null ? false : HeldOn(memberships, referenceDay.InYear(year));
        }
        return new BuiltStateValues<bool>(build, values)
        {
            Coverage = complete?.Statement is { } statement
                ? PanelCoverage.Everywhere(build.FromYear, build.ToYear, statement)
                : PanelCoverage.Of(byCountry.Keys, build.FromYear, build.ToYear,
                    $"Only the states with a recorded {role} of {organization}: the release does not state that it lists every holder."),
            Cited = byCountry.Values.SelectMany(m => m).SelectMany(m => m.Sources).ToHashSet(),
            Release = build.CatalogRelease,
        };
    }

    /// <summary>
    /// Held on a day if some membership certainly began by then and had certainly not ended (an end takes
    /// effect on its day); not held if every membership certainly had not begun or had ended; else unknown.
    /// A membership with no start date is unknown until it has certainly ended.
    /// </summary>
    internal static bool? HeldOn(IEnumerable<Membership> memberships, LocalDate day)
    {
        bool unknown = false;
        foreach (var m in memberships)
        {
            bool ended = m.Until is { } until && until.Latest <= day;
            bool mayHaveEnded = m.Until is { } u && u.Earliest <= day;
            if (ended || (m.From is { } from && from.Earliest > day)) continue;
            if (m.From is { } begun && begun.Latest <= day && !mayHaveEnded) return true;
            unknown = true;
        }
        return unknown ? null : false;
    }
}

/// <summary>The caller's own values, keyed by state and year; coverage is exactly the state-years given.</summary>
internal sealed class CustomSource(int ordinal, ImmutableDictionary<(int CowCode, int Year), decimal?> values, string label) : PanelSource(ordinal)
{
    public override BuiltSource Build(PanelBuild build)
    {
        var cells = new decimal?[build.States * build.Years];
        var byCode = build.Frame.States.Select((s, i) => (s.CowCode, i)).ToDictionary(p => p.CowCode, p => p.i);
        var rows = new HashSet<(int, int)>(build.Frame.StateYears(null));
        int outside = 0;
        foreach (var ((code, year), value) in values)
        {
            int state = byCode[code];
            if (!rows.Contains((state, year))) outside++;
            else cells[build.Cell(state, year)] = value;
        }
        var years = values.Keys.Select(k => k.Year).ToList();
        return new BuiltStateValues<decimal>(build, cells)
        {
            Coverage = PanelCoverage.Of(values.Keys.Select(k => build.Frame.States[byCode[k.CowCode]].Country), years.Min(), years.Max(),
                "Exactly the state-years the caller gave; any other is null."),
            Cited = [],
            Release = label,
            Note = outside == 0 ? null : $"{outside:N0} of the {values.Count:N0} values given are for a state-year outside this panel's frame (a year outside its range, or a state not in the system that year) and appear in no row.",
        };
    }
}
