using System.Reflection;
using System.Runtime.CompilerServices;

namespace DefenseCoop.Tests.Model;

/// <summary>A loaded catalog is immutable: no public type of the library exposes a way to change a record after creation.</summary>
public class ImmutabilityTests
{
    private static IEnumerable<Type> PublicTypes => typeof(DefenseCoopCatalog).Assembly.GetExportedTypes()
        .Where(t => t is { IsInterface: false, IsEnum: false } && !typeof(Delegate).IsAssignableFrom(t));

    // Builders and options are configuration, mutable by design, and never part of a catalog.
    private static bool IsConfiguration(Type t) => t.Name.EndsWith("Builder", StringComparison.Ordinal) || t.Name.EndsWith("Options", StringComparison.Ordinal);

    [Fact]
    public void PublicProperties_HaveNoPublicSettersButInit()
    {
        var settable = PublicTypes.Where(t => !IsConfiguration(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.SetMethod is { IsPublic: true } setter
                && !setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        Assert.True(settable.Count == 0, string.Join(", ", settable));
    }

    [Fact]
    public void PublicFields_AreReadOnly()
    {
        var writable = PublicTypes.Where(t => !IsConfiguration(t))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(f => !f.IsInitOnly && !f.IsLiteral)
            .Select(f => $"{f.DeclaringType!.Name}.{f.Name}")
            .ToList();
        Assert.True(writable.Count == 0, string.Join(", ", writable));
    }

    [Fact]
    public void CollectionsOnRecords_AreImmutableOrReadOnly()
    {
        var mutable = PublicTypes.Where(t => !IsConfiguration(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() is var g
                && (g == typeof(List<>) || g == typeof(Dictionary<,>) || g == typeof(HashSet<>)))
            .Select(p => $"{p.DeclaringType!.Name}.{p.Name}")
            .ToList();
        Assert.True(mutable.Count == 0, string.Join(", ", mutable));
    }
}
