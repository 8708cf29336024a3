using System.Collections.Immutable;

namespace DefenseCoop.Export;

/// <summary>
/// The sources a row cites, without allocating: one source (a spending figure's), a record's list, or a
/// record's list and its parent's (a status change and its agreement). Enumerated with <c>foreach</c>.
/// </summary>
internal readonly struct RowSources
{
    private readonly ImmutableArray<SourceId> _first;
    private readonly ImmutableArray<SourceId> _second;
    private readonly SourceId _single;
    private readonly bool _isSingle;

    public RowSources(ImmutableArray<SourceId> first, ImmutableArray<SourceId> second = default)
    {
        _first = first.IsDefault ? [] : first;
        _second = second.IsDefault ? [] : second;
    }

    public RowSources(SourceId single)
    {
        _first = _second = [];
        _single = single;
        _isSingle = true;
    }

    public static implicit operator RowSources(ImmutableArray<SourceId> sources) => new(sources);

    private int Count => _isSingle ? 1 : (_first.IsDefault ? 0 : _first.Length) + (_second.IsDefault ? 0 : _second.Length);

    private SourceId this[int index] => _isSingle ? _single : index < _first.Length ? _first[index] : _second[index - _first.Length];

    /// <summary>The ids separated by ';', as the <c>sources</c> column holds them; null when there are none.</summary>
    public string? ToText()
    {
        int count = Count;
        if (count == 0) return null;
        if (count == 1) return this[0].Value;
        var parts = new string[count];
        for (int i = 0; i < count; i++) parts[i] = this[i].Value;
        return string.Join(';', parts);
    }

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator(RowSources sources)
    {
        private int _index = -1;

        public readonly SourceId Current => sources[_index];

        public bool MoveNext() => ++_index < sources.Count;
    }
}
