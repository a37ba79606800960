namespace Sirocco.Expressions.Jinja;

/// <summary>
/// A failure while parsing or evaluating a Jinja expression. It never leaves <see cref="JinjaLanguage"/>:
/// the language turns it into an <see cref="ExpressionError"/> whose category matches the conformance corpus.
/// </summary>
internal sealed class JinjaException : Exception
{
    public JinjaException(string category, string message, int? position = null)
        : base(message)
    {
        Category = category;
        Position = position;
    }

    public string Category { get; }

    public int? Position { get; }

    /// <summary>The same error located at <paramref name="position"/>, unless it already has a position.</summary>
    public JinjaException At(int position) => Position is null ? new(Category, Message, position) : this;

    /// <summary>The same error with its position moved by <paramref name="offset"/> characters.</summary>
    public JinjaException Shift(int offset) => Position is { } p && offset != 0 ? new(Category, Message, p + offset) : this;

    public static JinjaException Syntax(string message, int position) => new(ErrorCategories.Syntax, message, position);

    public static JinjaException Type(string message) => new(ErrorCategories.TypeError, message);

    public static JinjaException ValueError(string message) => new(ErrorCategories.ValueError, message);
}
