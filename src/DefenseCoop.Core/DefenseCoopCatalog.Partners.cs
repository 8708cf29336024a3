namespace DefenseCoop;

// Telling how a country takes part in a record (partners are counted in Querying/Partners.cs).
public sealed partial class DefenseCoopCatalog
{
    private PartyLevel? Involvement(IEnumerable<CountryCode> states, IEnumerable<OrganizationId> organizations, CountryCode country) =>
        states.Contains(country) ? PartyLevel.State
        : organizations.Any(o => HomeCountry(o) == country) ? PartyLevel.Organization
        : null;
}
