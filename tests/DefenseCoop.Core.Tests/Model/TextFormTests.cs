using System.Collections;
using System.Globalization;
using System.Reflection;

namespace DefenseCoop.Tests.Model;

/// <summary>The value types with a text form parse and format through .NET's interfaces, whatever the culture, and the ordered ones compare with operators.</summary>
public class TextFormTests
{
    private static readonly CultureInfo Turkish = CultureInfo.GetCultureInfo("tr-TR");

    private static void RoundTrips<T>(string text) where T : ISpanParsable<T>, ISpanFormattable
    {
        var parsed = T.Parse(text, Turkish);
        Assert.Equal(text, parsed.ToString());
        Assert.Equal(text, parsed.ToString(null, Turkish));
        Assert.Equal(text, parsed.ToString("G", Turkish));
        Assert.Equal(text, parsed.ToString("", null));
        Assert.Equal(text, $"{parsed}");
        Assert.Equal(text, string.Format(Turkish, "{0}", parsed));
        Assert.Equal(parsed, T.Parse(text.AsSpan(), null));
        Assert.True(T.TryParse(text, null, out var viaTry));
        Assert.Equal(parsed, viaTry);
        Assert.True(T.TryParse(text.AsSpan(), null, out var viaSpan));
        Assert.Equal(parsed, viaSpan);

        var buffer = new char[text.Length + 8];
        Assert.True(parsed.TryFormat(buffer, out int written, default, Turkish));
        Assert.Equal(text, new string(buffer, 0, written));
        Assert.False(parsed.TryFormat(buffer.AsSpan(0, text.Length - 1), out _, default, null));

        Assert.Throws<FormatException>(() => parsed.ToString("X", null));
        Assert.Throws<FormatException>(() => parsed.TryFormat(buffer, out _, "yyyy", null));
    }

    private static void Refuses<T>(string text) where T : ISpanParsable<T>
    {
        Assert.Throws<FormatException>(() => T.Parse(text, null));
        Assert.Throws<FormatException>(() => T.Parse(text.AsSpan(), null));
        Assert.False(T.TryParse(text, null, out _));
        Assert.False(T.TryParse(text.AsSpan(), null, out _));
    }

    private static void RefusesNull<T>() where T : IParsable<T>
    {
        Assert.Throws<ArgumentNullException>(() => T.Parse((string)null!, null));
        Assert.False(T.TryParse((string?)null, null, out _));
    }

    [Theory]
    [InlineData("tr-fi-2025-defence-industry-mou")]
    [InlineData("a")]
    [InlineData("sipri-milex-2025")]
    public void Ids_RoundTrip(string slug)
    {
        RoundTrips<AgreementId>(slug);
        RoundTrips<OrganizationId>(slug);
        RoundTrips<SystemId>(slug);
        RoundTrips<SourceId>(slug);
        RoundTrips<PersonId>(slug);
        RoundTrips<EventId>(slug);
        RoundTrips<TradeFlowId>(slug);
        RoundTrips<SeriesId>(slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("TR-FI")]
    [InlineData("a--b")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("ş")]
    public void Ids_RefuseWhatIsNotASlug(string text)
    {
        Refuses<AgreementId>(text);
        Refuses<SeriesId>(text);
        Refuses<SourceId>(text);
        Assert.False(AgreementId.TryParse(text, out _));
        Assert.Throws<ArgumentException>(() => new AgreementId(text));
    }

    [Fact]
    public void Ids_NullIsRefused()
    {
        RefusesNull<AgreementId>();
        RefusesNull<PersonId>();
        Assert.False(SourceId.TryParse(null, out var none));
        Assert.Equal(default, none);
        Assert.True(SourceId.TryParse("nato-defence-expenditure-2024", out var id));
        Assert.Equal("nato-defence-expenditure-2024", id.Value);
    }

    [Fact]
    public void Codes_RoundTripAndNormaliseCase()
    {
        RoundTrips<CountryCode>("TR");
        RoundTrips<CurrencyCode>("EUR");
        // "ti" upper-cased in Turkish would be "Tİ": parsing uses the invariant culture.
        CultureInfo.CurrentCulture = Turkish;
        Assert.Equal("TI", ParseAs<CountryCode>("ti").Value);
        Assert.Equal("TRY", ParseAs<CurrencyCode>("try").Value);
        Assert.Equal("TI", ParseAs<CountryCode>("ti".AsSpan()).Value);
    }

    private static T ParseAs<T>(string text) where T : IParsable<T> => T.Parse(text, Turkish);

    private static T ParseAs<T>(ReadOnlySpan<char> text) where T : ISpanParsable<T> => T.Parse(text, Turkish);

    [Theory]
    [InlineData("Türkiye")]
    [InlineData("T1")]
    [InlineData("")]
    [InlineData("TUR")]
    public void CountryCode_RefusesWhatIsNotTwoLetters(string text)
    {
        Refuses<CountryCode>(text);
        Assert.Throws<ArgumentException>(() => CountryCode.Parse(text));
    }

    [Theory]
    [InlineData("€UR")]
    [InlineData("US")]
    [InlineData("US1")]
    public void CurrencyCode_RefusesWhatIsNotThreeLetters(string text) => Refuses<CurrencyCode>(text);

    [Fact]
    public void Codes_NullIsRefused()
    {
        RefusesNull<CountryCode>();
        RefusesNull<CurrencyCode>();
    }

    [Theory]
    [InlineData("2025-06-02")]
    [InlineData("2023-03")]
    [InlineData("2023")]
    [InlineData("early 2023")]
    [InlineData("mid 2023-03")]
    [InlineData("late 1999")]
    [InlineData("approximately 2022")]
    [InlineData("approximately 2022-02-28")]
    [InlineData("0001")]
    public void PartialDate_RoundTrips(string text) => RoundTrips<PartialDate>(text);

    [Theory]
    [InlineData("2023-13")]
    [InlineData("early 2025-06-02")]
    [InlineData("2023-02-29")]
    [InlineData("soon 2023")]
    [InlineData("23")]
    [InlineData("0000")]
    public void PartialDate_RefusesInvalidText(string text)
    {
        Refuses<PartialDate>(text);
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Fact]
    public void PartialDate_NullIsRefused() => RefusesNull<PartialDate>();

    [Theory]
    [InlineData("2026.2")]
    [InlineData("2026.12")]
    [InlineData("1999.1")]
    public void DataVersion_RoundTrips(string text) => RoundTrips<DataVersion>(text);

    [Theory]
    [InlineData("26.2")]
    [InlineData("2026.0")]
    [InlineData("2026")]
    [InlineData("2026.-1")]
    [InlineData("2026.2.1")]
    public void DataVersion_RefusesInvalidText(string text) => Refuses<DataVersion>(text);

    [Fact]
    public void DataVersion_NullIsRefused()
    {
        RefusesNull<DataVersion>();
        Assert.Throws<ArgumentNullException>(() => DataVersion.Parse((string)null!));
    }

    [Fact]
    public void OrderedTypes_CompareWithOperators_AsCompareToDoes()
    {
        Assert.True(new AgreementId("a-1") < new AgreementId("b"));
        Assert.True(new AgreementId("b") >= new AgreementId("a-1"));
        Assert.False(new SourceId("b") <= new SourceId("a"));
        Assert.True(new SeriesId("a") <= new SeriesId("a"));
        Assert.True((CountryCode)"FI" < (CountryCode)"TR");
        Assert.True((CountryCode)"TR" > (CountryCode)"FI");
        Assert.True(CurrencyCode.Eur <= CurrencyCode.Usd);
        Assert.False(CurrencyCode.Eur >= CurrencyCode.Usd);
        Assert.True(new DataVersion(2026, 1) < new DataVersion(2026, 2));
        Assert.True(new PartialDate(2023) < new PartialDate(2024, 1));
    }

    [Fact]
    public void OrderedTypes_SortThroughTheNonGenericInterface()
    {
        var ids = new ArrayList { new AgreementId("c"), new AgreementId("a"), new AgreementId("b") };
        ids.Sort();
        Assert.Equal(["a", "b", "c"], ids.Cast<AgreementId>().Select(i => i.Value));
        var codes = new ArrayList { (CountryCode)"TR", (CountryCode)"FI" };
        codes.Sort();
        Assert.Equal((CountryCode)"FI", codes[0]);
        var versions = new ArrayList { new DataVersion(2027, 1), new DataVersion(2026, 2) };
        versions.Sort();
        Assert.Equal(new DataVersion(2026, 2), versions[0]);
        Assert.Equal(1, ((IComparable)new SourceId("a")).CompareTo(null));
        Assert.Throws<ArgumentException>(() => ((IComparable)new SourceId("a")).CompareTo("a"));
    }

    /// <summary>Every public value type of the model that has a text form offers the parsing and formatting interfaces; every ordered one, the operators.</summary>
    [Fact]
    public void Conventions_HoldForEveryPublicValueType()
    {
        var valueTypes = typeof(DefenseCoopCatalog).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum && t.Namespace == "DefenseCoop")
            .ToList();
        var textForms = valueTypes.Where(t => t.Name.EndsWith("Id", StringComparison.Ordinal) || t.Name.EndsWith("Code", StringComparison.Ordinal)).Concat([typeof(PartialDate), typeof(DataVersion)]).ToList();
        Assert.True(textForms.Count >= 12, string.Join(", ", textForms));
        foreach (var type in textForms)
        {
            Assert.True(typeof(ISpanFormattable).IsAssignableFrom(type), $"{type.Name} is not ISpanFormattable");
            Assert.True(typeof(ISpanParsable<>).MakeGenericType(type).IsAssignableFrom(type), $"{type.Name} is not ISpanParsable");
        }
        foreach (var type in valueTypes.Where(t => typeof(IComparable<>).MakeGenericType(t).IsAssignableFrom(t)))
        {
            foreach (var op in new[] { "op_LessThan", "op_GreaterThan", "op_LessThanOrEqual", "op_GreaterThanOrEqual" })
                Assert.True(type.GetMethod(op, BindingFlags.Public | BindingFlags.Static, [type, type]) is not null, $"{type.Name} has no {op}");
            Assert.True(typeof(IComparable).IsAssignableFrom(type), $"{type.Name} is not IComparable");
        }
    }
}
