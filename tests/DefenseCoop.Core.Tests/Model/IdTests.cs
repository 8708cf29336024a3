using System.Reflection;
using System.Text.Json;
using DefenseCoop.Serialization;

namespace DefenseCoop.Tests.Model;

/// <summary>The eight id structs are written once (by the library's generator): they must stay alike, member for member.</summary>
public class IdTests
{
    private static readonly Type[] Ids =
        [typeof(AgreementId), typeof(OrganizationId), typeof(SystemId), typeof(SourceId), typeof(PersonId), typeof(EventId), typeof(TradeFlowId), typeof(SeriesId)];

    [Fact]
    public void EveryId_HasTheSamePublicSurface_WithItsOwnTypeInPlaceOfTheOthers()
    {
        var expected = SurfaceOf(typeof(AgreementId));
        Assert.Contains("op_Implicit(String)", expected);
        Assert.Contains("TryParse(String, $Id&)", expected);
        Assert.Contains("CompareTo($Id)", expected);
        Assert.Contains("op_LessThan($Id, $Id)", expected);
        foreach (var id in Ids)
        {
            Assert.Equal(expected, SurfaceOf(id));
            Assert.True(id.IsValueType);
            Assert.NotNull(id.GetCustomAttribute<System.Runtime.CompilerServices.IsReadOnlyAttribute>());
            Assert.Equal(
                ["IComparable", "IComparable`1[$Id]", "IEquatable`1[$Id]", "IFormattable", "IParsable`1[$Id]", "ISpanFormattable", "ISpanParsable`1[$Id]"],
                id.GetInterfaces().Select(i => Name(i, id)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void EveryId_ParsesFormatsComparesAndRoundTripsThroughJson_Alike()
    {
        Check<AgreementId>("agreement");
        Check<OrganizationId>("organization");
        Check<SystemId>("defence system");
        Check<SourceId>("source");
        Check<PersonId>("person");
        Check<EventId>("event");
        Check<TradeFlowId>("trade flow");
        Check<SeriesId>("spending series");
    }

    private static void Check<T>(string kind) where T : struct, ISpanParsable<T>, ISpanFormattable, IComparable<T>
    {
        var a = T.Parse("a-1", null);
        var b = T.Parse("b".AsSpan(), null);
        Assert.Equal("a-1", a.ToString());
        Assert.Equal("a-1", a.ToString("G", null));
        Assert.True(a.CompareTo(b) < 0);
        Assert.Equal(0, a.CompareTo(T.Parse("a-1", null)));
        Assert.Equal(a, T.Parse("a-1", null));
        var refused = Assert.Throws<FormatException>(() => T.Parse("A_1", null));
        Assert.Contains($"a valid {kind} id", refused.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => a.ToString("X", null));
        Assert.False(T.TryParse("-a", null, out _));
        var constructed = Assert.Throws<TargetInvocationException>(() => Activator.CreateInstance(typeof(T), "Not A Slug"));
        Assert.Contains($"valid {kind} id", Assert.IsType<ArgumentException>(constructed.InnerException).Message, StringComparison.Ordinal);
        Assert.Equal("", default(T).ToString());

        string json = JsonSerializer.Serialize(a, typeof(T), DefenseCoopJsonContext.Default);
        Assert.Equal("\"a-1\"", json);
        Assert.Equal(a, (T)JsonSerializer.Deserialize(json, typeof(T), DefenseCoopJsonContext.Default)!);
    }

    private static SortedSet<string> SurfaceOf(Type id) =>
        new(id.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => m switch
            {
                MethodBase method => $"{method.Name}({string.Join(", ", method.GetParameters().Select(p => Name(p.ParameterType, id)))})",
                PropertyInfo property => $"{property.Name}: {Name(property.PropertyType, id)}",
                _ => m.Name,
            }), StringComparer.Ordinal);

    private static string Name(Type type, Type id) =>
        type == id ? "$Id"
        : type.IsByRef ? Name(type.GetElementType()!, id) + "&"
        : type.IsGenericType ? $"{type.Name}[{string.Join(", ", type.GetGenericArguments().Select(a => Name(a, id)))}]"
        : type.Name;
}
