using DefenseCoop.Importers.Csv;

namespace DefenseCoop.Importers.SipriArmsTransfers;

/// <summary>A supplier or recipient of SIPRI's files: a country of the catalog, or a party that is not a state.</summary>
internal readonly record struct SipriParty(Country? Country, SipriPartyOrganizations.Party? Organization)
{
    /// <summary>The words a record's id uses for the party: a country's code in lower case, or the party's name as slug words.</summary>
    public string Key => Country is { } country ? country.Code.Value.ToLowerInvariant() : Organization!.Key;
}

/// <summary>
/// Resolves the labels of one file: a state's label against the catalog's countries by name and alias, a
/// non-state label to its organization. A label that is neither is reported once, with its first line.
/// </summary>
internal sealed class SipriLabels(ImportContext context, SipriPartyOrganizations organizations, SourceId source)
{
    private readonly Dictionary<string, Country?> _countries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Unresolved> _unresolved = new(StringComparer.Ordinal);

    /// <summary>A label that names no country: where it first appears, and how many records name it.</summary>
    private sealed class Unresolved(int line, string column)
    {
        public int Line { get; } = line;
        public string Column { get; } = column;
        public int Records { get; set; }
    }

    /// <summary>The party a label names, or <see langword="null"/> (remembered, to be reported) when it names none.</summary>
    public SipriParty? Resolve(string label, int line, string column)
    {
        if (SipriNonStateParties.KindOf(label) is { } kind) return new SipriParty(null, organizations.For(label, kind, source));
        if (!_countries.TryGetValue(label, out var country)) _countries[label] = country = context.Countries.Resolve(label);
        if (country is not null) return new SipriParty(country, null);
        if (!_unresolved.TryGetValue(label, out var unresolved)) _unresolved[label] = unresolved = new Unresolved(line, column);
        unresolved.Records++;
        return null;
    }

    /// <summary>Adds an issue for each label that named nothing; <paramref name="records"/> says what the counts count ("deal(s)", "row(s)").</summary>
    public void Report(CsvIssues issues, string records)
    {
        foreach (var (label, unresolved) in _unresolved)
        {
            issues.Add(unresolved.Line, unresolved.Column, DataRule.UnknownReference,
                $"'{label}' is not a country of the catalog (by name or alias) nor one of SIPRI's non-state parties; {unresolved.Records} {records} name it. " +
                "Add it, or a SIPRI alias of a country, to the catalog's countries.");
        }
    }
}
