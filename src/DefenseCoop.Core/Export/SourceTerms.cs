using System.Globalization;
using System.Text;

namespace DefenseCoop.Export;

/// <summary>Whether the rows that cite a source may leave the library in an export.</summary>
public enum Redistribution
{
    /// <summary>Public domain or an open licence without conditions (e.g. ODC-PDDL-1.0).</summary>
    Open = 1,
    /// <summary>Free to redistribute with attribution: cited facts in this library's own words, official statistics, code lists.</summary>
    Attribution = 2,
    /// <summary>The publisher's terms restrict redistribution (non-commercial or academic use only, a cap on the share reproduced, permission needed).</summary>
    Restricted = 3,
}

/// <summary>What an export may do with the rows that cite a source, and how to cite it.</summary>
/// <param name="Source">The source.</param>
/// <param name="Redistribution">Whether its rows may be redistributed.</param>
/// <param name="Reason">Why the source is classified so, in one sentence.</param>
/// <param name="Citation">The citation an export's attribution file gives for it.</param>
public sealed record SourceTerms(Source Source, Redistribution Redistribution, string Reason, string Citation)
{
    // Phrases of licences that keep data from being passed on freely. A licence is read, never guessed
    // from silence: a dataset without a licence is classified by its publisher (below) or else as
    // Attribution, since every row cites it.
    private static readonly string[] RestrictivePhrases =
    [
        "non-commercial", "noncommercial", "non commercial", "commercial use not granted", "academic use only",
        "redistribution need", "not for redistribution", "no redistribution", "permission", "all rights reserved", "-nc",
    ];

    // Publishers whose statistical datasets come with restrictive terms whatever a record says of them.
    private static readonly string[] RestrictedDatasetPublishers = ["SIPRI"];

    // Dataset ids whose terms are restrictive (COW's National Material Capabilities: academic use).
    private static readonly string[] RestrictedDatasetIdPrefixes = ["sipri-milex", "sipri-arms-transfers", "cow-nmc"];

    /// <summary>
    /// Classifies a source, by one rule for every export. A source is <see cref="Redistribution.Restricted"/>
    /// when its <see cref="Source.Licence"/> states non-commercial or academic-only use, needs the publisher's
    /// permission or reserves its rights; or when it is a <see cref="SourceKind.Dataset"/> of SIPRI or COW's
    /// National Material Capabilities (ids <c>sipri-milex-*</c>, <c>sipri-arms-transfers-*</c>, <c>cow-nmc-*</c>),
    /// whose terms are known whatever the record says. It is <see cref="Redistribution.Open"/> when its
    /// licence is a public-domain dedication (ODC-PDDL, CC0, "public domain"), and otherwise
    /// <see cref="Redistribution.Attribution"/>: news reports and statements whose facts this library
    /// restates in its own words with the citation, official statistics, reference works and code lists.
    /// </summary>
    /// <param name="source">The source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static SourceTerms Of(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        string licence = source.Licence ?? "";
        string? phrase = RestrictivePhrases.FirstOrDefault(p => licence.Contains(p, StringComparison.OrdinalIgnoreCase));
        (Redistribution redistribution, string reason) = (phrase, source.Kind) switch
        {
            ({ } p, _) => (Redistribution.Restricted, $"Its licence restricts redistribution (\"{p}\")."),
            (null, SourceKind.Dataset) when RestrictedDatasetPublishers.Contains(source.Publisher, StringComparer.OrdinalIgnoreCase) =>
                (Redistribution.Restricted, $"{source.Publisher}'s datasets may not be redistributed without the publisher's permission."),
            (null, SourceKind.Dataset) when RestrictedDatasetIdPrefixes.Any(prefix => source.Id.Value.StartsWith(prefix, StringComparison.Ordinal)) =>
                (Redistribution.Restricted, "The dataset's terms restrict redistribution."),
            _ when IsPublicDomain(licence) => (Redistribution.Open, "Its licence dedicates it to the public domain."),
            (null, SourceKind.Dataset) => (Redistribution.Attribution, source.Licence is null ? "A dataset without stated restrictions; cite it." : "Its licence allows redistribution with attribution."),
            _ => (Redistribution.Attribution, source.Licence is null
                ? "Facts cited from this publication, in this library's own words; cite it."
                : "Its licence allows redistribution with attribution."),
        };
        return new SourceTerms(source, redistribution, reason, CitationOf(source));
    }

    private static bool IsPublicDomain(string licence) =>
        licence.Contains("PDDL", StringComparison.OrdinalIgnoreCase) || licence.Contains("CC0", StringComparison.OrdinalIgnoreCase)
        || licence.Contains("public domain", StringComparison.OrdinalIgnoreCase);

    /// <summary>The citation of a source: publisher, title, edition or author, date and address, e.g.
    /// <c>NATO, "Defence Expenditure of NATO Countries (2014-2024)", 2024-06-17 (2014-2024), https://www.nato.int/...</c>.</summary>
    /// <param name="source">The source.</param>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    public static string CitationOf(Source source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = new StringBuilder();
        if (source.Author is { Length: > 0 } author) text.Append(author).Append(", ");
        text.Append(source.Publisher).Append(", \"").Append(source.Title).Append('"');
        if (source.Edition is { Length: > 0 } edition) text.Append(", ").Append(edition);
        else if (source.Published is { } published) text.Append(", ").Append(published.ToString());
        if (source.Url is { Length: > 0 } url) text.Append(", ").Append(url);
        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Source.Id}: {Redistribution} ({Reason})");
}
