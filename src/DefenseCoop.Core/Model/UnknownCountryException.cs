using System.Collections.Immutable;

namespace DefenseCoop;

/// <summary>
/// A name or code that no country of the catalog has (or that several share, so that it names none), with
/// the countries whose names are closest to it in spelling: what the caller probably meant.
/// </summary>
/// <remarks>
/// An <see cref="ArgumentException"/>, so that code catching those keeps working; a user interface can
/// offer <see cref="Suggestions"/> as choices rather than parse the message.
/// </remarks>
public sealed class UnknownCountryException : ArgumentException
{
    /// <summary>Creates the exception with a general message, no input and no suggestion.</summary>
    public UnknownCountryException()
        : this("The country is not one of the catalog.") { }

    /// <summary>Creates the exception with a message, no input and no suggestion.</summary>
    public UnknownCountryException(string message)
        : this(message, innerException: null) { }

    /// <summary>Creates the exception with a message, no input and no suggestion, and the exception that caused it.</summary>
    public UnknownCountryException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Input = "";
        Suggestions = [];
    }

    /// <summary>Creates the exception for an input and the countries closest to it.</summary>
    /// <param name="input">The name or code as given.</param>
    /// <param name="suggestions">The closest countries, nearest first.</param>
    /// <param name="message">What is wrong, naming the input and the suggestions.</param>
    /// <param name="paramName">The parameter the input came through.</param>
    public UnknownCountryException(string input, IEnumerable<Country> suggestions, string message, string? paramName)
        : base(message, paramName)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(suggestions);
        Input = input;
        Suggestions = [.. suggestions];
    }

    /// <summary>Gets the name or code as given.</summary>
    public string Input { get; }

    /// <summary>Gets the countries whose names are closest to <see cref="Input"/> in spelling, nearest first.</summary>
    public ImmutableArray<Country> Suggestions { get; }
}
