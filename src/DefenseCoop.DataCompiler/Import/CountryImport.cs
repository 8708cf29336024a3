using System.Text;
using DefenseCoop.Data;

namespace DefenseCoop.DataCompiler.Import;

/// <summary>
/// Reads the ISO 3166-1 reference table and the Correlates of War code list into country records of
/// our format: codes, names in the six UN languages, M49 regions, currency, and every COW code and
/// name linked to the state it denotes. Curated files add Turkish and local names, other datasets'
/// aliases and the states ISO does not list; the compiler merges them by code.
/// </summary>
internal static class CountryImport
{
    public const string IsoFile = "iso-country-codes/country-codes.csv";
    public const string CowFile = "cow-country-codes/COW-country-codes.csv";
    public const string IsoSource = "datahub-country-codes";
    public const string CowSource = "cow-state-system-2016";

    // ISO's short names are formal in a few cases; these are the names people and other datasets use.
    private static readonly Dictionary<string, string> EnglishNameOverrides = new()
    {
        ["GB"] = "United Kingdom", ["US"] = "United States", ["RU"] = "Russia", ["SY"] = "Syria", ["KR"] = "South Korea",
        ["KP"] = "North Korea", ["IR"] = "Iran", ["VE"] = "Venezuela", ["BO"] = "Bolivia", ["TZ"] = "Tanzania", ["MD"] = "Moldova",
        ["LA"] = "Laos", ["FM"] = "Micronesia", ["VN"] = "Vietnam", ["BN"] = "Brunei", ["CI"] = "Côte d'Ivoire", ["VA"] = "Vatican City",
        ["PS"] = "Palestine", ["CD"] = "Democratic Republic of the Congo", ["CG"] = "Republic of the Congo",
    };

    // COW codes whose state is not found by name, or is not the ISO country of the same name. The
    // X-codes and the former ISO codes (DD, CS, YD) are states ISO 3166-1 no longer lists, curated in
    // data/curated/states-outside-iso.json.
    private static readonly Dictionary<int, string> CowExceptions = new()
    {
        [57] = "VC", [60] = "KN", [200] = "GB", [343] = "MK", [572] = "SZ", [640] = "TR", [860] = "TL", [987] = "FM", [316] = "CZ",
        [255] = "DE",            // Germany (Prussia to 1870, Germany 1871–1945 and since 1990)
        [260] = "XW",            // German Federal Republic, 1955–1990
        [265] = "DD",            // German Democratic Republic
        [315] = "CS",            // Czechoslovakia
        [345] = "RS",            // COW's Serbia/Yugoslavia is one continuous state, continued by Serbia
        [347] = "XK",            // Kosovo
        [365] = "RU",            // COW's Russia includes the Soviet Union
        [678] = "XY",            // Yemen Arab Republic (North Yemen)
        [680] = "YD",            // Yemen People's Republic (South Yemen)
        [816] = "VN",            // Vietnam (Democratic Republic of Vietnam to 1976)
        [817] = "XV",            // Republic of Vietnam (South Vietnam)
        [730] = "XJ",            // Korea, 1887–1905
        [300] = "XA",            // Austria-Hungary
        [511] = "XZ",            // Zanzibar
        [240] = "XH", [245] = "XB", [267] = "XC", [269] = "XS", [271] = "XU", [273] = "XE", [275] = "XD", [280] = "XM", // German states before 1871
        [327] = "XP", [329] = "XN", [332] = "XO", [335] = "XR", [337] = "XT", // Italian states before 1861
    };

    /// <summary>Builds the imported country records from the raw folder.</summary>
    public static DataFileDto Run(string rawDirectory)
    {
        var iso = Csv.ReadRecords(Path.Combine(rawDirectory, IsoFile));
        var countries = new SortedDictionary<string, CountryDto>(StringComparer.Ordinal);
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in iso)
        {
            string code = row["ISO3166-1-Alpha-2"];
            string official = row["official_name_en"];
            string cldr = row["CLDR display name"];
            string unShort = Clean(row["UNTERM English Short"]);
            var country = new CountryDto
            {
                Code = code,
                Alpha3 = row["ISO3166-1-Alpha-3"],
                Numeric = int.Parse(row["ISO3166-1-numeric"], System.Globalization.CultureInfo.InvariantCulture),
                Names = new SortedDictionary<string, string?>(StringComparer.Ordinal)
                {
                    ["en"] = EnglishNameOverrides.GetValueOrDefault(code, official),
                },
                FormalName = NullIfEmpty(Clean(row["UNTERM English Formal"])),
                Region = Area(row["Region Code"], row["Region Name"]),
                SubRegion = Area(row["Sub-region Code"], row["Sub-region Name"]),
                Currency = row["ISO4217-currency_alphabetic_code"].Split(',')[0] is { Length: 3 } currency ? currency : null,
                Aliases = [],
                Sources = [IsoSource],
            };
            foreach (var (language, column) in new[] { ("ar", "official_name_ar"), ("es", "official_name_es"), ("fr", "official_name_fr"), ("ru", "official_name_ru"), ("zh", "official_name_cn") })
                if (NullIfEmpty(row[column]) is { } name) country.Names[language] = name;
            foreach (var alias in new[] { official, unShort, cldr }.Where(a => a.Length > 0 && a != country.Names["en"]).Distinct())
                country.Aliases.Add(new AliasDto { Name = alias, Scheme = alias == cldr ? "Common" : "Iso" });
            countries.Add(code, country);
            foreach (var name in new[] { country.Names["en"]!, official, unShort, cldr })
                byName.TryAdd(Key(name), code);
        }

        var cow = Csv.ReadRecords(Path.Combine(rawDirectory, CowFile));
        var partial = new SortedDictionary<string, CountryDto>(StringComparer.Ordinal);
        foreach (var row in cow.DistinctBy(r => r["CCode"]))
        {
            int ccode = int.Parse(row["CCode"], System.Globalization.CultureInfo.InvariantCulture);
            string name = row["StateNme"];
            string code = CowExceptions.GetValueOrDefault(ccode)
                ?? byName.GetValueOrDefault(Key(name))
                ?? throw new InvalidDataException($"{CowFile}: COW state {ccode} '{name}' matches no ISO country; add it to the COW exceptions.");
            // States ISO no longer lists get partial records here, completed by the curated file.
            var target = countries.GetValueOrDefault(code) ?? (partial.TryGetValue(code, out var p) ? p : partial[code] = new CountryDto { Code = code, Sources = [] });
            target.Codes ??= [];
            target.Codes.Add(new CodeDto { Scheme = "Cow", Code = row["CCode"] });
            target.Codes.Add(new CodeDto { Scheme = "CowAbbreviation", Code = row["StateAbb"] });
            target.Aliases ??= [];
            // COW names Serbia "Yugoslavia"; that name belongs to the historical federation (YU).
            if (ccode != 345 && !target.Aliases.Any(a => a!.Name == name)) target.Aliases.Add(new AliasDto { Name = name, Scheme = "Cow" });
            if (!target.Sources!.Contains(CowSource)) target.Sources.Add(CowSource);
        }
        return new DataFileDto { Countries = [.. countries.Values.Concat(partial.Values).OrderBy(c => c.Code, StringComparer.Ordinal)] };
    }

    private static AreaDto? Area(string code, string name) =>
        int.TryParse(code, out int value) && name.Length > 0 ? new AreaDto { Code = value, Name = name } : null;

    // UNTERM marks names with "(the)" and footnote asterisks; neither is part of the name.
    private static string Clean(string name) => name.Replace(" (the)", "", StringComparison.Ordinal).TrimEnd(' ', '*');

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Key(string name) => Querying.RecordCollection<CountryCode, Country>.NameKey(name);
}
