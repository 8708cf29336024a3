using System.Collections;

namespace DefenseCoop.Querying;

/// <summary>
/// A page of a query: what <see cref="Query{T}.Skip"/> and <see cref="Query{T}.Take"/> leave, in the
/// query's order. It can be paged further but not filtered, and it says where it lies in the whole
/// result (<see cref="Offset"/>, <see cref="Limit"/>, <see cref="Total"/>), as a paged answer shows it.
/// Nothing runs until the page is enumerated, counted or listed.
/// </summary>
/// <typeparam name="T">The record the query returns.</typeparam>
/// <example><code>
/// var page = DefenseCoopCatalog.Default.Agreements.Involving("TR").Skip(20).Take(10);
/// Console.WriteLine($"{page.Offset + 1}–{page.Offset + page.Count()} of {page.Total}");
/// </code></example>
public sealed class Page<T> : IEnumerable<T>
{
    private readonly Window<T> _window;

    internal Page(Window<T> window) => _window = window;

    /// <summary>Gets how many results of the query come before the page.</summary>
    public int Offset => _window.SkipCount;

    /// <summary>Gets the most results the page holds, or null when it is not bounded (only skipped).</summary>
    public int? Limit => _window.TakeCount == int.MaxValue ? null : _window.TakeCount;

    /// <summary>Gets how many results the whole query has, before paging (counted, not enumerated).</summary>
    public int Total => _window.Query.Count();

    /// <summary>Skips <paramref name="count"/> more results.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public Page<T> Skip(int count) => new(_window.Skip(count));

    /// <summary>Keeps at most <paramref name="count"/> of the results.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public Page<T> Take(int count) => new(_window.Take(count));

    /// <summary>Counts the results on the page, from the query's count.</summary>
    public int Count() => _window.Count();

    /// <summary>Whether the page holds any result.</summary>
    public bool Any() => _window.Any();

    /// <summary>The first result on the page.</summary>
    /// <exception cref="InvalidOperationException">The page is empty.</exception>
    public T First() => _window.First();

    /// <summary>The first result on the page, or the default (null for a record class) when it is empty.</summary>
    public T? FirstOrDefault() => _window.FirstOrDefault();

    /// <summary>The only result on the page.</summary>
    /// <exception cref="InvalidOperationException">The page is empty, or holds more than one result.</exception>
    public T Single() => _window.Single();

    /// <summary>The only result on the page, or the default (null for a record class) when it is empty.</summary>
    /// <exception cref="InvalidOperationException">The page holds more than one result.</exception>
    public T? SingleOrDefault() => _window.SingleOrDefault();

    /// <summary>The results on the page, in the query's order.</summary>
    public IReadOnlyList<T> ToList() => _window.ToList();

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => _window.Enumerate().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
