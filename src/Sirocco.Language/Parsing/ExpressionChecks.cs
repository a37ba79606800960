using Sirocco.Expressions;

namespace Sirocco.Language.Parsing;

/// <summary>
/// The syntax checks the parser can run on an expression-bearing string: the delimiter balance alone, or the balance
/// followed by the real YAQL/Jinja parsers. The default evaluator is built once and shared: its parse caches make
/// repeated checks of the same text cheap, and it is thread-safe.
/// </summary>
internal static class ExpressionChecks
{
    private static readonly Lazy<IExpressionEvaluator> SharedEvaluator = new(() => Expressions.Expressions.CreateEvaluator());

    private static readonly Func<string, IReadOnlyList<string>> SharedFull = text => Full(SharedEvaluator.Value, text);

    /// <summary>The checker <see cref="ParseOptions"/> selects when the caller gave none.</summary>
    public static Func<string, IReadOnlyList<string>> Default(bool fullSyntax) =>
        fullSyntax ? SharedFull : ExpressionSyntax.CheckDelimiters;

    /// <summary>
    /// Balance first, because an evaluator that follows Mistral reads an unclosed <c>&lt;%</c> as plain text and would
    /// not report it; then the evaluator's parsers, each error with its offset in the whole string when known.
    /// </summary>
    public static IReadOnlyList<string> Full(IExpressionEvaluator evaluator, string text)
    {
        var unbalanced = ExpressionSyntax.CheckDelimiters(text);
        if (unbalanced.Count > 0)
        {
            return unbalanced;
        }

        var errors = evaluator.CheckSyntax(text);
        if (errors.Count == 0)
        {
            return [];
        }

        var messages = new string[errors.Count];
        for (var i = 0; i < errors.Count; i++)
        {
            messages[i] = Describe(errors[i], text);
        }

        return messages;
    }

    // YAQL positions count from the start of the bare expression, Jinja ones from the start of the template (the whole
    // string); finding the expression in the string turns both into an offset in the field's text.
    private static string Describe(ExpressionError error, string text)
    {
        if (error.Position is not { } position || position < 0)
        {
            return error.Message;
        }

        var start = error.Expression.Length == 0 ? -1 : text.IndexOf(error.Expression, StringComparison.Ordinal);
        return start < 0 ? error.Message : $"{error.Message} (at offset {start + position})";
    }
}
