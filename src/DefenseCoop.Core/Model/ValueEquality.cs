using System.Collections.Immutable;

namespace DefenseCoop;

/// <summary>
/// Value equality for the members a record's compiler-made <c>Equals</c> compares by reference: an
/// <see cref="ImmutableArray{T}"/> (a struct around an array) and a dictionary of names. Records use it
/// so that one read back from its JSON, the snapshot or an export equals the one written.
/// </summary>
internal static class ValueEquality
{
    /// <summary>Whether two arrays hold equal items in the same order; a default array counts as empty.</summary>
    public static bool Same<T>(ImmutableArray<T> a, ImmutableArray<T> b)
    {
        var x = a.IsDefault ? [] : a.AsSpan();
        var y = b.IsDefault ? [] : b.AsSpan();
        if (x.Length != y.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < x.Length; i++)
            if (!comparer.Equals(x[i], y[i])) return false;
        return true;
    }

    /// <summary>Whether two dictionaries map the same keys to equal values, whatever their types or order.</summary>
    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null || a.Count != b.Count) return false;
        foreach (var (key, value) in a)
            if (!b.TryGetValue(key, out var other) || !string.Equals(value, other, StringComparison.Ordinal)) return false;
        return true;
    }

    /// <summary>A hash of an array that equal arrays share: its length and first item (hashing every item would cost more than collisions do).</summary>
    public static int Hash<T>(ImmutableArray<T> items) =>
        items.IsDefaultOrEmpty ? 0 : HashCode.Combine(items.Length, items[0]);
}
