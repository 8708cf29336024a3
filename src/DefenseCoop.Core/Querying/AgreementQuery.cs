using System.Collections;
using System.Collections.Immutable;
using NodaTime;

namespace DefenseCoop.Querying;

/// <summary>
/// An immutable query over agreements. Each method returns a new query with one more filter; nothing
/// runs until the query is enumerated or counted. Results come in signing order, undated last.
/// </summary>
public sealed class AgreementQuery : IEnumerable<Agreement>
{
    private readonly DefenseCoopCatalog _catalog;
    private readonly ImmutableList<Func<Agreement, bool>> _filters;

    internal AgreementQuery(DefenseCoopCatalog catalog) : this(catalog, []) { }

    private AgreementQuery(DefenseCoopCatalog catalog, ImmutableList<Func<Agreement, bool>> filters)
    {
        _catalog = catalog;
        _filters = filters;
    }

    private AgreementQuery Where(Func<Agreement, bool> filter) => new(_catalog, _filters.Add(filter));

    /// <summary>Agreements to which both countries are parties, whatever their roles (undirected).</summary>
    public AgreementQuery Between(CountryCode a, CountryCode b) => Involving(a).Involving(b);

    /// <summary>Agreements to which <paramref name="country"/> is a party.</summary>
    public AgreementQuery Involving(CountryCode country) => Where(a => a.Parties.Any(p => p.Country == country));

    /// <summary>Agreements to which <paramref name="organization"/> is a party.</summary>
    public AgreementQuery Involving(OrganizationId organization) => Where(a => a.Parties.Any(p => p.Organization == organization));

    /// <summary>Agreements that concern <paramref name="system"/>.</summary>
    public AgreementQuery Involving(SystemId system) => Where(a => a.Systems.Contains(system));

    /// <summary>
    /// Agreements involving a country (given as a two-letter code), an organization or a system (given by id).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="countryOrId"/> names no country, organization or system in the catalog.</exception>
    public AgreementQuery Involving(string countryOrId)
    {
        ArgumentNullException.ThrowIfNull(countryOrId);
        if (CountryCode.TryParse(countryOrId, out var code) && _catalog.Countries.Contains(code)) return Involving(code);
        if (Slug.IsValid(countryOrId))
        {
            if (_catalog.Organizations.Contains(new OrganizationId(countryOrId))) return Involving(new OrganizationId(countryOrId));
            if (_catalog.Systems.Contains(new SystemId(countryOrId))) return Involving(new SystemId(countryOrId));
        }
        throw new ArgumentException($"'{countryOrId}' is neither a country code, an organization id nor a system id in this catalog.", nameof(countryOrId));
    }

    /// <summary>Agreements signed in <paramref name="year"/> (a date known only to the year counts).</summary>
    public AgreementQuery SignedWithin(int year) => SignedWithin(year, year);

    /// <summary>Agreements signed between the start of <paramref name="fromYear"/> and the end of <paramref name="toYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="toYear"/> is before <paramref name="fromYear"/>.</exception>
    public AgreementQuery SignedWithin(int fromYear, int toYear)
    {
        if (toYear < fromYear) throw new ArgumentOutOfRangeException(nameof(toYear), toYear, "The range ends before it begins.");
        return SignedWithin(new LocalDate(fromYear, 1, 1), new LocalDate(toYear, 12, 31));
    }

    /// <summary>
    /// Agreements certainly signed between <paramref name="from"/> and <paramref name="to"/> inclusive: the
    /// whole interval of a partial signing date must lie inside the range, so "2023" is not within
    /// 2023-03-01..2023-12-31. Undated agreements never match.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public AgreementQuery SignedWithin(LocalDate from, LocalDate to)
    {
        if (to < from) throw new ArgumentOutOfRangeException(nameof(to), to, "The range ends before it begins.");
        return Where(a => a.SignedOn is { } d && d.Earliest >= from && d.Latest <= to);
    }

    /// <summary>Agreements of any of the given kinds.</summary>
    public AgreementQuery OfKind(params ReadOnlySpan<AgreementKind> kinds)
    {
        var set = kinds.ToArray();
        return Where(a => Array.IndexOf(set, a.Kind) >= 0);
    }

    /// <summary>Counts the matching agreements.</summary>
    public int Count() => Evaluate().Count();

    /// <summary>Whether any agreement matches.</summary>
    public bool Any() => Evaluate().Any();

    /// <summary>The first matching agreement in signing order.</summary>
    /// <exception cref="InvalidOperationException">No agreement matches.</exception>
    public Agreement First() => Evaluate().FirstOrDefault() ?? throw new InvalidOperationException("No agreement matches the query.");

    /// <summary>The matching agreements in signing order.</summary>
    public IReadOnlyList<Agreement> ToList() => [.. Evaluate()];

    private IEnumerable<Agreement> Evaluate() => _catalog.AgreementsInDateOrder.Where(a => _filters.All(f => f(a)));

    /// <inheritdoc/>
    public IEnumerator<Agreement> GetEnumerator() => Evaluate().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
