using NodaTime;

namespace DefenseCoop.Tests.Model;

public class PartialDateTests
{
    [Theory]
    [InlineData("2025-06-02", DatePrecision.Day, DateQualifier.None)]
    [InlineData("2023-03", DatePrecision.Month, DateQualifier.None)]
    [InlineData("2023", DatePrecision.Year, DateQualifier.None)]
    [InlineData("early 2023", DatePrecision.Year, DateQualifier.Early)]
    [InlineData("mid 2023", DatePrecision.Year, DateQualifier.Mid)]
    [InlineData("late 2025-05", DatePrecision.Month, DateQualifier.Late)]
    [InlineData("approximately 2022", DatePrecision.Year, DateQualifier.Approximately)]
    [InlineData("approximately 2022-02-24", DatePrecision.Day, DateQualifier.Approximately)]
    public void Parse_RoundTripsTextAndKeepsPrecision(string text, DatePrecision precision, DateQualifier qualifier)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(precision, date.Precision);
        Assert.Equal(qualifier, date.Qualifier);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("23")]
    [InlineData("2023-13")]
    [InlineData("2023-02-29")]
    [InlineData("2023-6-2")]
    [InlineData("0000")]
    [InlineData("Early 2023")]
    [InlineData("early 2023-06-02")]
    [InlineData("someday 2023")]
    [InlineData("2023-06-02T10:00")]
    [InlineData(" 2023")]
    public void TryParse_RefusesInvalidText(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _));
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Theory]
    [InlineData("2023", "2023-01-01", "2023-12-31")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2025-06-02", "2025-06-02", "2025-06-02")]
    [InlineData("early 2023", "2023-01-01", "2023-04-30")]
    [InlineData("mid 2023", "2023-05-01", "2023-08-31")]
    [InlineData("late 2023", "2023-09-01", "2023-12-31")]
    [InlineData("early 2023-03", "2023-03-01", "2023-03-10")]
    [InlineData("mid 2023-03", "2023-03-11", "2023-03-20")]
    [InlineData("late 2023-02", "2023-02-21", "2023-02-28")]
    [InlineData("approximately 2022", "2022-01-01", "2022-12-31")]
    public void EarliestAndLatest_CoverExactlyWhatTheDateMayMean(string text, string earliest, string latest)
    {
        var date = PartialDate.Parse(text);
        Assert.Equal(Parse(earliest), date.Earliest);
        Assert.Equal(Parse(latest), date.Latest);
        Assert.True(date.Contains(Parse(earliest)));
        Assert.False(date.Contains(Parse(latest).PlusDays(1)));
    }

    [Fact]
    public void Ordering_IsByEarliestThenMorePreciseFirst()
    {
        string[] shuffled = ["2024", "late 2023", "2023-03-30", "early 2023", "2023", "2023-03", "2019", "2025-06-02", "approximately 2023"];
        var ordered = shuffled.Select(PartialDate.Parse).Order().Select(d => d.ToString()).ToArray();
        Assert.Equal(["2019", "early 2023", "2023", "approximately 2023", "2023-03", "2023-03-30", "late 2023", "2024", "2025-06-02"], ordered);
    }

    [Fact]
    public void Equality_IncludesPrecisionAndQualifier()
    {
        Assert.Equal(PartialDate.Parse("2023-03"), new PartialDate(2023, 3));
        Assert.NotEqual(PartialDate.Parse("2023"), PartialDate.Parse("early 2023"));
        Assert.NotEqual(PartialDate.Parse("2023-01"), PartialDate.Parse("2023"));
        Assert.True(PartialDate.Parse("2023") < PartialDate.Parse("2023-03"));
    }

    [Fact]
    public void Constructor_RefusesInvalidCombinations()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2023, null, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2023, 6, 2, DateQualifier.Early));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(2023, 2, 29));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartialDate(0));
    }

    [Fact]
    public void FromDate_IsKnownToTheDay()
    {
        var date = PartialDate.FromDate(new LocalDate(2023, 3, 30));
        Assert.Equal(DatePrecision.Day, date.Precision);
        Assert.Equal("2023-03-30", date.ToString());
    }

    private static LocalDate Parse(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;

    [Fact]
    public void OrderKey_OrdersAsCompareTo_AndUndatedLast()
    {
        var dates = new List<PartialDate> { default };
        foreach (int year in new[] { 1, 1999, 2000, 2023, 2024, 9999 })
            foreach (DateQualifier q in Enum.GetValues<DateQualifier>())
            {
                dates.Add(new PartialDate(year, qualifier: q));
                for (int month = 1; month <= 12; month++)
                {
                    dates.Add(new PartialDate(year, month, qualifier: q));
                    if (q is DateQualifier.None or DateQualifier.Approximately)
                        foreach (int day in new[] { 1, 10, 11, 20, 21, 28, DateTime.DaysInMonth(year, month) })
                            dates.Add(new PartialDate(year, month, day, q));
                }
            }
        foreach (var a in dates)
            foreach (var b in dates)
                Assert.True(Math.Sign(a.CompareTo(b)) == Math.Sign(a.OrderKey().CompareTo(b.OrderKey())), $"{a} against {b}");
        Assert.All(dates, d => Assert.True(DefenseCoop.Indexing.DateOrder.Pack(d) < DefenseCoop.Indexing.DateOrder.Pack(null)));
    }
}
