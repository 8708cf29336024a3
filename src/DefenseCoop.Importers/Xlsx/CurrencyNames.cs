using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace DefenseCoop.Importers.Xlsx;

/// <summary>
/// Maps the English currency names that SIPRI and NATO tables print ("Liras", "Kroner", "CFA Francs")
/// to ISO 4217 codes. Many names are shared by several currencies, so the country decides.
/// </summary>
/// <remarks>
/// Names are compared ignoring case, diacritics and spacing. The table is the union of the names in
/// the SIPRI 2025 and NATO 2024 workbooks; a name it does not know resolves to nothing, and the
/// importers report it rather than guess.
/// </remarks>
internal static class CurrencyNames
{
    // Each entry is either one code, or "COUNTRY=CODE" pairs for a name several currencies share;
    // "*=CODE" is the currency of the one remaining user of that name, a state that no longer exists
    // (the catalog may give historical states codes of its own, so they are not keyed by code).
    private static readonly FrozenDictionary<string, string> Entries = new Dictionary<string, string>
    {
        ["euro"] = "EUR", ["euros"] = "EUR", ["us dollars"] = "USD", ["canadian dollars"] = "CAD",
        // Africa
        ["kwanzas"] = "AOA", ["pula"] = "BWP", ["escudos"] = "CVE", ["nakfa"] = "ERN", ["birr"] = "ETB",
        ["dalasis"] = "GMD", ["cedis"] = "GHS", ["maloti"] = "LSL", ["ariary"] = "MGA", ["ouguiyas"] = "MRU",
        ["meticais"] = "MZN", ["naira"] = "NGN", ["leones"] = "SLE", ["rand"] = "ZAR", ["lilangeni"] = "SZL",
        ["cfa francs"] = "BJ=XOF BF=XOF CI=XOF GW=XOF ML=XOF NE=XOF SN=XOF TG=XOF CM=XAF CF=XAF TD=XAF CG=XAF GQ=XAF GA=XAF",
        ["francs"] = "BI=BIF CD=CDF DJ=DJF GN=GNF RW=RWF CH=CHF",
        ["shillings"] = "KE=KES TZ=TZS UG=UGX",
        ["kwacha"] = "MW=MWK ZM=ZMW",
        // Americas
        ["colones"] = "CRC", ["quetzales"] = "GTQ", ["gourdes"] = "HTG", ["lempiras"] = "HNL", ["cordobas"] = "NIO",
        ["balboas"] = "PAB", ["bolivianos"] = "BOB", ["reais"] = "BRL", ["guaranies"] = "PYG", ["new soles"] = "PEN",
        ["bolivar"] = "VES",
        ["pesos"] = "CU=CUP DO=DOP MX=MXN AR=ARS CL=CLP CO=COP UY=UYU PH=PHP",
        ["dollars"] = "US=USD CA=CAD LR=LRD NA=NAD BZ=BZD JM=JMD TT=TTD GY=GYD AU=AUD FJ=FJD NZ=NZD TW=TWD BN=BND SG=SGD",
        // Asia and Oceania
        ["kina"] = "PGK", ["afghani"] = "AFN", ["takas"] = "BDT", ["yuan"] = "CNY", ["yen"] = "JPY", ["tugriks"] = "MNT",
        ["riel"] = "KHR", ["rupiah"] = "IDR", ["kip"] = "LAK", ["ringgit"] = "MYR", ["kyats"] = "MMK", ["baht"] = "THB",
        ["dong"] = "VND", ["tenge"] = "KZT", ["somoni"] = "TJS", ["manat"] = "TMT", ["manats"] = "AZN",
        ["rupees"] = "IN=INR PK=PKR NP=NPR LK=LKR MU=MUR SC=SCR",
        ["won"] = "KP=KPW KR=KRW",
        ["som"] = "KG=KGS UZ=UZS",
        // Europe
        ["lek"] = "ALL", ["leks"] = "ALL", ["marka"] = "BAM", ["leva"] = "BGN", ["kunas"] = "HRK", ["koruny"] = "CZK",
        ["forint"] = "HUF", ["denars"] = "MKD", ["zlotys"] = "PLN", ["new lei"] = "RON", ["lei"] = "MDL", ["drams"] = "AMD",
        ["lari"] = "GEL", ["hryvnias"] = "UAH", ["kronur"] = "ISK", ["kronor"] = "SEK",
        ["korunas"] = "CSK", // Czechoslovakia's koruna; Czechia's is "Koruny"
        ["marks"] = "DDM",   // the German Democratic Republic's mark, the only "Marks" row
        ["kroner"] = "DK=DKK NO=NOK SE=SEK", // SIPRI writes Sweden's kronor "Kroner"
        ["pounds"] = "GB=GBP EG=EGP LB=LBP SY=SYP SD=SDG SS=SSP",
        ["roubles"] = "RU=RUB BY=BYN *=SUR", // *: the USSR
        ["dinar"] = "DZ=DZD LY=LYD TN=TND RS=RSD BH=BHD IQ=IQD JO=JOD KW=KWD *=YUD", // *: Yugoslavia, in pre-1990 dinars
        // Middle East
        ["dirhams"] = "MA=MAD AE=AED",
        ["shekels"] = "ILS", ["rial"] = "IRR", ["liras"] = "TRY",
        ["rials"] = "OM=OMR *=YER", // *: North Yemen, whose rial became unified Yemen's
        ["riyals"] = "SA=SAR QA=QAR YE=YER",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The ISO 4217 code of a currency name as a table prints it, for a country; <see langword="null"/> when unknown.</summary>
    /// <param name="name">The name, e.g. <c>Kroner</c>.</param>
    /// <param name="country">The country the row is for, to tell shared names apart; <see langword="null"/> for an organization.</param>
    public static CurrencyCode? Resolve(string name, CountryCode? country)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Entries.TryGetValue(Key(name), out var entry)) return null;
        if (!entry.Contains('=')) return CurrencyCode.Parse(entry);
        string? fallback = null;
        foreach (var pair in entry.Split(' '))
        {
            if (pair.StartsWith("*=", StringComparison.Ordinal)) fallback = pair[2..];
            else if (country is { } c && pair.AsSpan(0, 2).SequenceEqual(c.Value)) return CurrencyCode.Parse(pair[3..]);
        }
        return fallback is null ? default(CurrencyCode?) : CurrencyCode.Parse(fallback);
    }

    private static string Key(string name)
    {
        var key = new StringBuilder(name.Length);
        foreach (char c in SheetLabel.Clean(name).Normalize(NormalizationForm.FormD))
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) key.Append(char.ToLowerInvariant(c));
        return key.ToString();
    }
}
