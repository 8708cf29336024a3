namespace DefenseCoop.Tests.Model;

public class ValueTests
{
    [Fact]
    public void CountryCode_NormalisesCaseAndRefusesOtherText()
    {
        Assert.Equal("TR", CountryCode.Parse("tr").Value);
        Assert.Equal(CountryCode.Parse("FI"), (CountryCode)"fi");
        Assert.False(CountryCode.TryParse("TUR", out _));
        Assert.False(CountryCode.TryParse("T1", out _));
        Assert.Throws<ArgumentException>(() => CountryCode.Parse("Türkiye"));
    }

    [Fact]
    public void CurrencyCode_NormalisesCaseAndRefusesOtherText()
    {
        Assert.Equal(CurrencyCode.Eur, CurrencyCode.Parse("eur"));
        Assert.False(CurrencyCode.TryParse("EURO", out _));
        Assert.Throws<ArgumentException>(() => CurrencyCode.Parse("€"));
    }

    [Theory]
    [InlineData("tr-fi-2025-defence-industry-mou", true)]
    [InlineData("ssb", true)]
    [InlineData("a1-b2", true)]
    [InlineData("", false)]
    [InlineData("-ssb", false)]
    [InlineData("ssb-", false)]
    [InlineData("tr--fi", false)]
    [InlineData("Tr-fi", false)]
    [InlineData("tr_fi", false)]
    [InlineData("türkiye", false)]
    public void Slug_AcceptsOnlyLowerCaseHyphenatedWords(string text, bool valid)
    {
        Assert.Equal(valid, Slug.IsValid(text));
        if (valid) Assert.Equal(text, new AgreementId(text).Value);
        else Assert.Throws<ArgumentException>(() => new AgreementId(text));
    }

    [Fact]
    public void DataVersion_ParsesFormatsAndCompares()
    {
        var version = DataVersion.Parse("2026.1");
        Assert.Equal(new DataVersion(2026, 1), version);
        Assert.Equal("2026.1", version.ToString());
        Assert.True(DataVersion.Parse("2026.10") > DataVersion.Parse("2026.9"));
        Assert.True(DataVersion.Parse("2027.1") > DataVersion.Parse("2026.12"));
        Assert.False(DataVersion.TryParse("2026", out _));
        Assert.False(DataVersion.TryParse("2026.0", out _));
        Assert.False(DataVersion.TryParse("26.1", out _));
    }

    [Fact]
    public void Money_FormatsWithCurrencyBasisAndBound()
    {
        Assert.Equal("EUR 333,000,000", new Money(333_000_000m, CurrencyCode.Eur).ToString());
        Assert.Equal("> USD 1,700,000,000", new Money(1_700_000_000m, CurrencyCode.Usd, Bound: ValueBound.AtLeast).ToString());
        Assert.Equal("USD 5 (constant 2015)", new Money(5m, CurrencyCode.Usd, PriceBasis.Constant(2015)).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => PriceBasis.Constant(15));
    }
}
