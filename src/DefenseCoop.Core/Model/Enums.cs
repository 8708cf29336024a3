namespace DefenseCoop;

// Enum numbers, once published, never change or get reused; the data file writes the names.

/// <summary>What kind of publication a <see cref="Source"/> is.</summary>
public enum SourceKind
{
    /// <summary>A news report.</summary>
    NewsReport = 1,
    /// <summary>A government's or organization's own statement or press release.</summary>
    OfficialStatement = 2,
    /// <summary>A statistical dataset.</summary>
    Dataset = 3,
    /// <summary>The text of a treaty or agreement.</summary>
    TreatyText = 4,
    /// <summary>A reference page, such as an organization's list of members.</summary>
    ReferenceWork = 5,
}

/// <summary>A scheme of names and codes used by a dataset, for <see cref="CountryAlias"/> and <see cref="DatasetCode"/>.</summary>
public enum NameScheme
{
    /// <summary>A common name or former name.</summary>
    Common = 1,
    /// <summary>ISO 3166 / UN terminology.</summary>
    Iso = 2,
    /// <summary>SIPRI's databases.</summary>
    Sipri = 3,
    /// <summary>NATO's expenditure tables.</summary>
    Nato = 4,
    /// <summary>Correlates of War numeric state code.</summary>
    Cow = 5,
    /// <summary>Correlates of War three-letter state abbreviation.</summary>
    CowAbbreviation = 6,
    /// <summary>The World Bank's indicators.</summary>
    WorldBank = 7,
}

/// <summary>How a country belongs to an organization.</summary>
public enum MembershipRole
{
    /// <summary>A full member.</summary>
    Member = 1,
    /// <summary>A candidate for membership.</summary>
    Candidate = 2,
}

/// <summary>What kind of body an <see cref="Organization"/> is.</summary>
public enum OrganizationKind
{
    /// <summary>A company.</summary>
    Company = 1,
    /// <summary>A government agency.</summary>
    GovernmentAgency = 2,
    /// <summary>A ministry.</summary>
    Ministry = 3,
    /// <summary>Armed forces or a command.</summary>
    ArmedForces = 4,
    /// <summary>A military alliance.</summary>
    Alliance = 5,
    /// <summary>An international organization.</summary>
    InternationalOrganization = 6,
    /// <summary>A parliament.</summary>
    Legislature = 7,
    /// <summary>A joint committee or commission.</summary>
    Committee = 8,
    /// <summary>A research institute.</summary>
    ResearchInstitute = 9,
    /// <summary>A news organization.</summary>
    NewsOrganization = 10,
    /// <summary>
    /// An armed non-state actor: a rebel group, militia or rival government that receives or supplies arms
    /// (SIPRI's labels marked <c>*</c>, such as "Hezbollah (Lebanon)*"). It counts for no country.
    /// </summary>
    ArmedNonStateActor = 11,
    /// <summary>A party a source could not identify, such as SIPRI's "unknown supplier(s)". It counts for no country.</summary>
    UnknownParty = 12,
    /// <summary>
    /// A secessionist or unrecognised entity that claims statehood but is not a state of the catalog
    /// (Katanga, Biafra, Northern Cyprus). It counts for no country.
    /// </summary>
    UnrecognizedState = 13,
}

/// <summary>The category of a <see cref="DefenseSystem"/>.</summary>
public enum SystemCategory
{
    /// <summary>Unmanned combat aerial vehicle.</summary>
    Ucav = 1,
    /// <summary>Unmanned aerial vehicle without a strike role, or of unstated role.</summary>
    Uav = 2,
    /// <summary>Loitering munition.</summary>
    LoiteringMunition = 3,
    /// <summary>Armoured vehicle.</summary>
    ArmoredVehicle = 4,
    /// <summary>Remote-controlled weapon station.</summary>
    WeaponStation = 5,
    /// <summary>Fighter aircraft.</summary>
    FighterAircraft = 6,
    /// <summary>Missile.</summary>
    Missile = 7,
    /// <summary>Ammunition.</summary>
    Ammunition = 8,
    /// <summary>Air defence system.</summary>
    AirDefenseSystem = 9,
    /// <summary>Ship or submarine.</summary>
    Ship = 10,
    /// <summary>Helicopter.</summary>
    Helicopter = 11,
    /// <summary>Anything else.</summary>
    Other = 99,
}

/// <summary>What kind of agreement or measure an <see cref="Agreement"/> is.</summary>
public enum AgreementKind
{
    /// <summary>Memorandum of understanding.</summary>
    MemorandumOfUnderstanding = 1,
    /// <summary>Defence (military) cooperation agreement.</summary>
    DefenseCooperationAgreement = 2,
    /// <summary>Defence industry cooperation agreement or protocol.</summary>
    DefenseIndustryCooperation = 3,
    /// <summary>Military education or training agreement.</summary>
    MilitaryTrainingAgreement = 4,
    /// <summary>Military financial cooperation agreement.</summary>
    MilitaryFinancialCooperation = 5,
    /// <summary>Intelligence cooperation protocol.</summary>
    IntelligenceCooperation = 6,
    /// <summary>Protocol implementing another agreement (e.g. a cash aid protocol).</summary>
    ImplementationProtocol = 7,
    /// <summary>Procurement contract.</summary>
    ProcurementContract = 8,
    /// <summary>Co-production agreement or joint initiative.</summary>
    CoProduction = 9,
    /// <summary>Localisation of production in the buyer's country.</summary>
    Localisation = 10,
    /// <summary>Technology transfer.</summary>
    TechnologyTransfer = 11,
    /// <summary>Joint venture.</summary>
    JointVenture = 12,
    /// <summary>Ratification by a state (e.g. of an accession protocol).</summary>
    Ratification = 13,
    /// <summary>Arms embargo or export restriction.</summary>
    ArmsEmbargo = 14,
    /// <summary>A company's acquisition of, or purchase of a stake in, another company.</summary>
    Acquisition = 15,
}

/// <summary>The role a party plays in an <see cref="Agreement"/>.</summary>
public enum PartyRole
{
    /// <summary>A party to the agreement.</summary>
    Party = 1,
    /// <summary>The state that imposes a restriction.</summary>
    Imposer = 2,
    /// <summary>The state a restriction targets.</summary>
    Target = 3,
    /// <summary>The supplier in a deal.</summary>
    Supplier = 4,
    /// <summary>The recipient in a deal.</summary>
    Recipient = 5,
    /// <summary>The state that ratifies.</summary>
    Ratifier = 6,
    /// <summary>The state or body the act concerns (e.g. an acceding state).</summary>
    Subject = 7,
}

/// <summary>A state in an agreement's status history.</summary>
public enum AgreementStatus
{
    /// <summary>Proposed or planned.</summary>
    Proposed = 1,
    /// <summary>Under negotiation.</summary>
    Negotiating = 2,
    /// <summary>Signed.</summary>
    Signed = 3,
    /// <summary>Ratified.</summary>
    Ratified = 4,
    /// <summary>In force (for an embargo: imposed).</summary>
    InForce = 5,
    /// <summary>Suspended.</summary>
    Suspended = 6,
    /// <summary>Lifted (an embargo or restriction).</summary>
    Lifted = 7,
    /// <summary>Expired.</summary>
    Expired = 8,
    /// <summary>Terminated.</summary>
    Terminated = 9,
}

/// <summary>An area an agreement covers.</summary>
public enum CooperationArea
{
    /// <summary>Joint production.</summary>
    JointProduction = 1,
    /// <summary>Technology transfer or sharing.</summary>
    TechnologyTransfer = 2,
    /// <summary>Capacity or capability building.</summary>
    CapacityBuilding = 3,
    /// <summary>Military education and training.</summary>
    Training = 4,
    /// <summary>Logistics support.</summary>
    Logistics = 5,
    /// <summary>Intelligence.</summary>
    Intelligence = 6,
    /// <summary>Exports to third countries.</summary>
    ThirdCountryExports = 7,
    /// <summary>Maintenance.</summary>
    Maintenance = 8,
    /// <summary>Modernisation.</summary>
    Modernization = 9,
    /// <summary>Financing and aid.</summary>
    Finance = 10,
    /// <summary>Procurement.</summary>
    Procurement = 11,
    /// <summary>Research and development.</summary>
    ResearchAndDevelopment = 12,
    /// <summary>Localisation of production.</summary>
    Localisation = 13,
    /// <summary>Interoperability.</summary>
    Interoperability = 14,
    /// <summary>Export control.</summary>
    ExportControl = 15,
}

/// <summary>What a <see cref="SpendingObservation"/> measures.</summary>
public enum SpendingMeasure
{
    /// <summary>Expenditure in US dollars at current prices and exchange rates.</summary>
    CurrentUsd = 1,
    /// <summary>Expenditure in US dollars at constant prices of a base year.</summary>
    ConstantUsd = 2,
    /// <summary>Expenditure in national currency at current prices.</summary>
    LocalCurrencyCurrent = 3,
    /// <summary>Expenditure in national currency at constant prices of a base year.</summary>
    LocalCurrencyConstant = 4,
    /// <summary>Expenditure as a share of GDP, in percent.</summary>
    ShareOfGdp = 5,
    /// <summary>Expenditure per capita in US dollars.</summary>
    PerCapitaUsd = 6,
    /// <summary>Expenditure as a share of government spending, in percent.</summary>
    ShareOfGovernmentSpending = 7,
    /// <summary>Change over the previous year in percent, as the source states it.</summary>
    AnnualChange = 8,
    /// <summary>Real (inflation-adjusted) change over the previous year, in percent.</summary>
    RealChange = 9,
    /// <summary>Military personnel, in persons.</summary>
    MilitaryPersonnel = 10,
    /// <summary>Share of expenditure on equipment, in percent.</summary>
    EquipmentShare = 11,
    /// <summary>Share of expenditure on personnel, in percent.</summary>
    PersonnelShare = 12,
    /// <summary>Share of expenditure on infrastructure, in percent.</summary>
    InfrastructureShare = 13,
    /// <summary>Share of other expenditure, in percent.</summary>
    OtherShare = 14,
    /// <summary>A line of a defence budget, in its currency; see <see cref="SpendingObservation.Component"/>.</summary>
    BudgetAllocation = 15,
}

/// <summary>What a <see cref="TradeFlow"/> records. Licences, deliveries and contract values are kept apart.</summary>
public enum TradeKind
{
    /// <summary>An arms transfer.</summary>
    ArmsTransfer = 1,
    /// <summary>A country's defence exports (value actually exported).</summary>
    DefenseExports = 2,
    /// <summary>Export licences granted (authorisations, not exports).</summary>
    ExportLicencesGranted = 3,
    /// <summary>Export licences denied.</summary>
    ExportLicencesDenied = 4,
    /// <summary>A delivery of systems or material.</summary>
    Delivery = 5,
    /// <summary>The value of a contract.</summary>
    ContractValue = 6,
    /// <summary>Total two-way trade between two countries (undirected).</summary>
    BilateralTrade = 7,
    /// <summary>The share of a country's defence output that is exported.</summary>
    ExportShareOfOutput = 8,
    /// <summary>
    /// A publisher's annual volume of arms transfers (SIPRI's TIV tables by supplier or by recipient): one
    /// year in <see cref="TradeFlow.Period"/>, the volume in <see cref="TradeFlow.Tiv"/>, and the exporter
    /// (all destinations) or the importer (all suppliers) whose total it is.
    /// </summary>
    ArmsTransferVolume = 9,
}

/// <summary>What kind of <see cref="Event"/> happened.</summary>
public enum EventKind
{
    /// <summary>A meeting or visit.</summary>
    Meeting = 1,
    /// <summary>An exhibition or fair.</summary>
    Exhibition = 2,
    /// <summary>A public statement.</summary>
    Statement = 3,
    /// <summary>A request for aid, investment or equipment.</summary>
    Request = 4,
    /// <summary>An interest in procuring a system.</summary>
    ProcurementInterest = 5,
    /// <summary>Talks or negotiations.</summary>
    Negotiation = 6,
    /// <summary>Use of a system in operations.</summary>
    OperationalUse = 7,
    /// <summary>Military activity or build-up.</summary>
    MilitaryActivity = 8,
    /// <summary>A telephone call.</summary>
    PhoneCall = 9,
    /// <summary>A press conference.</summary>
    PressConference = 10,
    /// <summary>Backing for a candidate or position.</summary>
    Endorsement = 11,
    /// <summary>A standing policy position.</summary>
    PolicyPosition = 12,
    /// <summary>An appointment to an office.</summary>
    Appointment = 13,
    /// <summary>A launch: of a ship, a product or a programme.</summary>
    Launch = 14,
    /// <summary>A hand-over or delivery ceremony.</summary>
    Handover = 15,
    /// <summary>A first flight, a test firing or a trial.</summary>
    FirstFlightOrTest = 16,
}

/// <summary>How a country takes part in a record: as a state party itself, or only through one of its organizations.</summary>
public enum PartyLevel
{
    /// <summary>The country is a party (or exporter, importer, participant) itself.</summary>
    State = 1,
    /// <summary>The country takes part only through an organization based in it, such as a company or an agency.</summary>
    Organization = 2,
}
