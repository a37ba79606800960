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

    public static JinjaException Syntax(string message, int position) => new(ErrorCategories.Syntax, message, position);

    public static JinjaException Type(string message) => new(ErrorCategories.TypeError, message);

    public static JinjaException ValueError(string message) => new(ErrorCategories.ValueError, message);
}
