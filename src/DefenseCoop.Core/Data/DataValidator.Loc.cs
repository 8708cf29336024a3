using System.Text;

namespace DefenseCoop.Data;

internal sealed partial class DataValidator
{
    /// <summary>
    /// The JSON path of a value, kept in parts and turned into text only when an issue or a duplicate id
    /// needs it, so that a valid file allocates no path per field: a base path, then up to three
    /// property names each followed by an optional index (<c>$.agreements [3] .status [0] .sources [1]</c>).
    /// </summary>
    private readonly struct Loc
    {
        private readonly string _base;
        private readonly string? _p1, _p2, _p3;
        private readonly int _i1, _i2, _i3;   // one more than the index; 0 for none
        private readonly int _next;           // the next free part: 0..5 (property, index, property, ...), 6 when full

        private Loc(string @base, string? p1, int i1, string? p2, int i2, string? p3, int i3, int next)
        {
            _base = @base;
            (_p1, _i1, _p2, _i2, _p3, _i3, _next) = (p1, i1, p2, i2, p3, i3, next);
        }

        public static implicit operator Loc(string path) => new(path, null, 0, null, 0, null, 0, 0);

        /// <summary>The path of a property of this value.</summary>
        public static Loc operator +(Loc loc, string property)
        {
            // The next property part at or after the next free part; past the last, the path is written out.
            int slot = loc._next + (loc._next & 1);
            return slot switch
            {
                0 => new(loc._base, property, 0, null, 0, null, 0, 1),
                2 => new(loc._base, loc._p1, loc._i1, property, 0, null, 0, 3),
                4 => new(loc._base, loc._p1, loc._i1, loc._p2, loc._i2, property, 0, 5),
                _ => (Loc)(loc.ToString() + property),
            };
        }

        /// <summary>The path of an element of this array.</summary>
        public Loc this[int index]
        {
            get
            {
                int slot = _next | 1;
                return slot switch
                {
                    1 => new(_base, _p1, index + 1, null, 0, null, 0, 2),
                    3 => new(_base, _p1, _i1, _p2, index + 1, null, 0, 4),
                    5 => new(_base, _p1, _i1, _p2, _i2, _p3, index + 1, 6),
                    _ => (Loc)$"{this}[{index}]",
                };
            }
        }

        public override string ToString()
        {
            if (_next == 0) return _base;
            var text = new StringBuilder(_base);
            Append(text, _p1, _i1);
            Append(text, _p2, _i2);
            Append(text, _p3, _i3);
            return text.ToString();

            static void Append(StringBuilder text, string? property, int index)
            {
                text.Append(property);
                if (index > 0) text.Append('[').Append(index - 1).Append(']');
            }
        }
    }
}
