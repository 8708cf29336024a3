using System.Collections.Immutable;
using System.Text;

namespace DefenseCoop.Data;

// The rules of single values that every kind's model rules use, written against the model: text,
// own ids and references, codes, dates, enumeration values, amounts, lists, notes and names. Each
// reports what is wrong with its path, and takes nothing for granted of a caller's record (a null
// where the model declares non-null is a problem to report, never a NullReferenceException).
internal sealed partial class DataValidator
{
    /// <summary>
    /// Checks a text value. An absent one is a problem only where it is required; one that is present
    /// but blank (empty, white space, or only invisible characters such as U+200B or U+FEFF) is always a
    /// problem, so that nothing that was written is silently dropped.
    /// </summary>
    /// <returns>The text, or null if it is absent or refused.</returns>
    private string? Text(string? value, Loc path, bool required = true)
    {
        if (value is null)
        {
            if (required && Listing(DataRule.MissingValue)) Issue(path, DataRule.MissingValue, "A value is required here.");
            return null;
        }
        if (IsBlank(value))
        {
            if (Listing(DataRule.MissingValue))
                Issue(path, DataRule.MissingValue, required
                    ? "A value is required here, and this one is blank."
                    : "This value may be left out, but not given blank: remove the property or give it a value.");
            return null;
        }
        if (value.Length > _limits.MaxStringLength)
        {
            Issue(path, DataRule.LimitExceeded, $"The text is {value.Length:N0} characters; the limit is {_limits.MaxStringLength:N0}.");
            return null;
        }
        return value;
    }

    /// <summary>Whether text holds nothing a reader can see: white space, control and format characters (U+200B, U+FEFF, U+00AD...).</summary>
    internal static bool IsBlank(string value)
    {
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c)) continue;
            if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format) continue;
            return false;
        }
        return true;
    }

    /// <summary>
    /// Checks an id's text (its <c>Value</c>): an id struct is a valid slug once made, so only the default
    /// one (empty text, for an id not given) and one longer than the limit are problems.
    /// </summary>
    private bool IdText(string value, Loc path)
    {
        if (value.Length == 0)
        {
            // In a parsed record, the parse reported the id that was missing or not a slug.
            if (!_parsed) Issue(path, DataRule.MissingValue, "A value is required here.");
            return false;
        }
        if (value.Length <= _limits.MaxStringLength) return true;
        Issue(path, DataRule.LimitExceeded, $"The text is {value.Length:N0} characters; the limit is {_limits.MaxStringLength:N0}.");
        return false;
    }

    /// <summary>Checks a record's own id and claims it, so that references to a faulty record do not cascade into more issues.</summary>
    private bool Declared(string id, Loc path, Target target, bool? replaces) => IdText(id, path) && Declare(target, id, path, replaces);

    /// <summary>Checks a reference (an id's text; null where an optional one is absent), resolved once every file is read.</summary>
    private void Reference(string? id, Loc path, Target target)
    {
        if (id is null || !IdText(id, path)) return;
        // A declared id stays declared, so only a reference to one not seen yet waits for the end.
        if (!_declared.ContainsKey((target, id))) _references.Add((_file, path, target, id));
    }

    /// <summary>Checks references of one kind, each with its own path.</summary>
    private void References<TId>(ImmutableArray<TId> ids, Loc path, Target target, Func<TId, string> text)
    {
        for (int i = 0; i < (ids.IsDefault ? 0 : ids.Length); i++) Reference(text(ids[i]), path[i], target);
    }

    /// <summary>Checks a fact's plain sources (ids without caveats): at least one, each a source of the catalog.</summary>
    private void Sources(ImmutableArray<SourceId> ids, Loc path)
    {
        if (ids.IsDefaultOrEmpty) Issue(path, DataRule.MissingSource, "Every record cites at least one source.");
        else References(ids, path, Target.Source, s => s.Value);
    }

    private void CountryRef(CountryCode? code, Loc path, bool required = false, bool mustExist = true)
    {
        if (code is not { } c)
        {
            if (required && Listing(DataRule.MissingValue)) Issue(path, DataRule.MissingValue, "A value is required here.");
            return;
        }
        if (!IdText(c.Value, path)) return;
        if (mustExist && !_declared.ContainsKey((Target.Country, c.Value))) _references.Add((_file, path, Target.Country, c.Value));
    }

    private void Countries(ImmutableArray<CountryCode> codes, Loc path)
    {
        for (int i = 0; i < (codes.IsDefault ? 0 : codes.Length); i++) CountryRef(codes[i], path[i], required: true);
    }

    private void Currency(CurrencyCode? code, Loc path, bool required)
    {
        if (code is { } c) IdText(c.Value, path);
        else if (required && Listing(DataRule.MissingValue)) Issue(path, DataRule.MissingValue, "A value is required here.");
    }

    private void Date(PartialDate? date, Loc path)
    {
        if (date is { } d && !ValueRanges.IsPlausibleYear(d.Year))
            Issue(path, DataRule.InvalidDate, $"'{d}' is outside the years {ValueRanges.MinYear}–{ValueRanges.MaxYear}.");
    }

    /// <summary>Checks that an enumeration value is one of its documented members (a cast number is not).</summary>
    private bool Defined<TEnum>(TEnum value, Loc path) where TEnum : struct, Enum
    {
        if (System.Enum.IsDefined(value)) return true;
        if (_parsed && EqualityComparer<TEnum>.Default.Equals(value, EnumNames<TEnum>.Unknown)) return false;   // the parse reported it
        if (Listing(DataRule.InvalidEnumValue)) Issue(path, DataRule.InvalidEnumValue, $"'{value}' is not one of: {EnumNames<TEnum>.List}.");
        return false;
    }

    /// <summary>Checks that an amount lies within <see cref="ValueRanges.MaxAmount"/>, so that sums and averages of accepted data cannot overflow.</summary>
    private bool Amount(decimal amount, Loc path)
    {
        if (ValueRanges.IsPlausibleAmount(amount)) return true;
        Issue(path, DataRule.InvalidValue, $"{amount} is beyond the largest amount accepted, {ValueRanges.MaxAmount:N0}.");
        return false;
    }

    /// <summary>Adds an amount to a catalog-wide total, refusing the one that would take it past what a decimal holds.</summary>
    private void AddToTotal(ref decimal total, decimal amount, Loc path, string what)
    {
        if (Math.Abs(amount) <= decimal.MaxValue - total) total += Math.Abs(amount);
        else Issue(path, DataRule.InvalidValue, $"The {what} of the data add up past the largest decimal number, so that their totals could not be computed.");
    }

    private bool Year(int year, Loc path, string what)
    {
        if (ValueRanges.IsPlausibleYear(year)) return true;
        Issue(path, DataRule.InvalidValue, $"The {what} {year} is outside {ValueRanges.MinYear}–{ValueRanges.MaxYear}.");
        return false;
    }

    /// <summary>Checks a list of texts (aliases, language tags): each present, and whole as a list item of the export.</summary>
    private void Strings(ImmutableArray<string> values, Loc path)
    {
        for (int i = 0; i < (values.IsDefault ? 0 : values.Length); i++)
            if (Text(values[i], path[i]) is { } text) ListItem(text, path[i]);
    }

    // The export writes a record's aliases and names as one column of items separated by ';' (docs/export.md),
    // so an item holding one would come back as two: refused, rather than exported ambiguously.
    private void ListItem(string text, Loc path)
    {
        if (text.Contains(';'))
            Issue(path, DataRule.InvalidValue, $"'{text}' holds ';', which separates the items of a list in the export tables: write it without one.");
    }

    /// <summary>Checks the parts of a record (its aliases, roles, parties...): <paramref name="what"/> names one in the problem of a null one.</summary>
    private void Items<T>(ImmutableArray<T> items, Loc path, string what, Action<T, Loc> check) where T : class
    {
        for (int i = 0; i < (items.IsDefault ? 0 : items.Length); i++)
        {
            if (items[i] is { } item) check(item, path[i]);
            else if (!_parsed) Issue(path[i], DataRule.MissingValue, $"{what} is null.");   // a file's null part is the parse's to report
        }
    }

    /// <summary>An array as the model reads it: a default one (never made) is empty.</summary>
    private static ImmutableArray<T> Or<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    /// <summary>Checks attributed notes; returns them with each one's caveats in the order of its sources.</summary>
    private ImmutableArray<AttributedNote> Notes(ImmutableArray<AttributedNote> notes, Loc path)
    {
        if (notes.IsDefault) return [];
        ImmutableArray<AttributedNote>.Builder? changed = null;
        for (int i = 0; i < notes.Length; i++)
        {
            var p = path[i];
            var note = notes[i];
            if (note is null) { if (!_parsed) Issue(p, DataRule.MissingValue, "A note is null."); }
            else
            {
                Text(note.Text, p + ".text");
                var caveats = Citations(note.Sources, note.Caveats, p + ".sources");
                if (caveats != note.Caveats) note = note with { Caveats = caveats };
            }
            Changed(ref changed, notes, i, note!);
        }
        return changed?.MoveToImmutable() ?? notes;
    }

    /// <summary>
    /// Copies <paramref name="items"/> into a builder from the first item a rule changed, so that an array
    /// no rule changed is kept as it is (records from this library's readers cost no copy).
    /// </summary>
    private static void Changed<T>(ref ImmutableArray<T>.Builder? changed, ImmutableArray<T> items, int index, T item) where T : class
    {
        if (changed is null && !ReferenceEquals(item, items[index]))
        {
            changed = ImmutableArray.CreateBuilder<T>(items.Length);
            for (int j = 0; j < index; j++) changed.Add(items[j]);
        }
        changed?.Add(item);
    }

    private void Names(IReadOnlyDictionary<string, string> names, Loc path)
    {
        foreach (var (language, name) in names)
        {
            var at = JsonLocator.AppendProperty(new StringBuilder(path.ToString()), language).ToString();
            if (name is not null && !IsBlank(name) && name.Length <= _limits.MaxStringLength) ListItem(name, at);
            else Text(name, at);
        }
    }

    /// <summary>Checks an amount of money; returns it with negative zero made zero, or null if it is refused.</summary>
    private Money? Money(Money? value, Loc path)
    {
        if (value is not { } money) return null;
        decimal amount = Normal(money.Amount);
        bool valid = true;
        if (amount < 0) { Issue(path + ".amount", DataRule.InvalidValue, "An amount of money cannot be negative."); valid = false; }
        else if (!Amount(amount, path + ".amount")) valid = false;
        Currency(money.Currency, path + ".currency", required: true);
        valid &= Defined(money.Bound, path + ".bound");
        return !valid ? null : amount == money.Amount && !IsNegativeZero(money.Amount) ? money : money with { Amount = amount };
    }

    /// <summary>Whether two amounts of money are the same, negative zero told apart from zero (which <c>==</c> does not).</summary>
    private static bool Same(Money? a, Money? b) =>
        a == b && (a is not { } x || decimal.IsNegative(x.Amount) == decimal.IsNegative(b!.Value.Amount));

    // Negative zero (-0, -0.0) is zero: stored as positive zero so that it prints and round-trips as 0.
    private static decimal Normal(decimal value) => value == 0m ? 0m : value;

    private static bool IsNegativeZero(decimal value) => value == 0m && decimal.IsNegative(value);
}
