namespace DefenseCoop.Tests.Model;

/// <summary>Enum numbers are explicit, distinct and stable, and 0 is never a meaningful member that <c>default</c> would pick silently.</summary>
public class EnumConventionTests
{
    /// <summary>Members at 0 that mean "nothing" or are the documented safe default, and so may be what <c>default</c> gives.</summary>
    private static readonly HashSet<string> AllowedZero =
    [
        $"{nameof(DateQualifier)}.{nameof(DateQualifier.None)}",
        // Refusing is the safe choice and the documented default of ExportOptions.
        $"{nameof(DefenseCoop.Export.RestrictedSourceHandling)}.{nameof(DefenseCoop.Export.RestrictedSourceHandling.Refuse)}",
    ];

    public static TheoryData<Type> PublicEnums() => new(
        new[] { typeof(DefenseCoopCatalog).Assembly, typeof(Importers.ImportLimits).Assembly }
            .SelectMany(a => a.GetExportedTypes()).Where(t => t.IsEnum).OrderBy(t => t.FullName));

    [Theory]
    [MemberData(nameof(PublicEnums))]
    public void NoEnumHasAMeaningfulMemberAtZero(Type type)
    {
        foreach (var name in Enum.GetNames(type))
        {
            if (Convert.ToInt64(Enum.Parse(type, name), System.Globalization.CultureInfo.InvariantCulture) == 0)
                Assert.Contains($"{type.Name}.{name}", AllowedZero);
        }
    }

    [Theory]
    [MemberData(nameof(PublicEnums))]
    public void EveryEnumMemberHasItsOwnNumber(Type type)
    {
        var values = Enum.GetValues(type).Cast<object>().Select(v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
    }

    /// <summary>The numbers handed out before the first release; a change here breaks compiled callers.</summary>
    [Fact]
    public void TheRenumberedEnums_KeepTheirNumbers()
    {
        Assert.Equal([1, 2, 3], Enum.GetValues<DatePrecision>().Select(v => (int)v));
        Assert.Equal((1, 2, 3), ((int)InForceState.NotInForce, (int)InForceState.InForce, (int)InForceState.Uncertain));
        Assert.Equal((1, 2, 3, 4), ((int)ValueBound.Exact, (int)ValueBound.AtLeast, (int)ValueBound.AtMost, (int)ValueBound.Approximately));
        Assert.Equal(ValueBound.Exact, new Money(1m, CurrencyCode.Usd).Bound);
        Assert.Equal(DatePrecision.Year, new PartialDate(2023).Precision);
        Assert.Equal(DatePrecision.Year, default(PartialDate).Precision);
    }
}

public class MoneyBoundTests
{
    [Fact]
    public void AMoneyWithoutABound_IsExact_AndEqualToOneMadeExact()
    {
        Assert.Equal(ValueBound.Exact, default(Money).Bound);
        Assert.Equal(new Money(5m, CurrencyCode.Eur), new Money(5m, CurrencyCode.Eur, default, 0));
        Assert.Equal(ValueBound.Exact, (new Money(5m, CurrencyCode.Eur) with { Bound = 0 }).Bound);
        Assert.Equal(ValueBound.AtMost, (new Money(5m, CurrencyCode.Eur) with { Bound = ValueBound.AtMost }).Bound);
        Assert.NotEqual(new Money(5m, CurrencyCode.Eur), new Money(5m, CurrencyCode.Eur, default, ValueBound.Approximately));
        Assert.Equal("~EUR 5", new Money(5m, CurrencyCode.Eur, default, ValueBound.Approximately).ToString());
    }
}
