namespace Sirocco.Language.Parsing;

/// <summary>
/// What the language layer knows about expressions without parsing them: their delimiters. The full
/// YAQL/Jinja syntax check is <see cref="ExpressionChecks"/>.
/// </summary>
internal static class ExpressionSyntax
{
    public static readonly (string Open, string Close)[] Delimiters = [("<%", "%>"), ("{{", "}}"), ("{%", "%}")];

    /// <summary>True when the text holds any expression delimiter, opening or closing (so worth a syntax check).</summary>
    public static bool MayHoldExpression(string text) => ContainsExpression(text) || text.Contains("%>", StringComparison.Ordinal);

    /// <summary>True when the text holds an expression opening delimiter.</summary>
    public static bool ContainsExpression(string text) =>
        text.Contains("<%", StringComparison.Ordinal) || text.Contains("{{", StringComparison.Ordinal) ||
        text.Contains("{%", StringComparison.Ordinal);

    /// <summary>
    /// True when the whole text (surrounding white space aside) is one expression, which is what Mistral's schema
    /// demands of expression-or-integer and expression-or-boolean properties and of transition conditions.
    /// </summary>
    public static bool IsWholeExpression(string text)
    {
        var trimmed = text.Trim();
        foreach (var (open, close) in Delimiters)
        {
            if (trimmed.Length >= open.Length + close.Length &&
                trimmed.StartsWith(open, StringComparison.Ordinal) && trimmed.EndsWith(close, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The default syntax check: every opening delimiter is closed by its partner before another opens, no
    /// <c>%&gt;</c> stands alone, and no expression is empty. (A lone <c>}}</c> is left alone: JSON text has them.) Stricter than Mistral, which reads an unclosed
    /// <c>&lt;%</c> as plain text and lets the typo surface at run time.
    /// </summary>
    public static IReadOnlyList<string> CheckDelimiters(string text)
    {
        List<string>? errors = null;
        var i = 0;
        while (i < text.Length)
        {
            var (open, close, at) = NextOpen(text, i);
            var strayEnd = FirstClose(text, i, at < 0 ? text.Length : at);
            if (strayEnd is { } stray)
            {
                (errors ??= []).Add($"'{stray.Mark}' at offset {stray.At} has no opening '{stray.Open}'");
                return errors;
            }

            if (at < 0)
            {
                break;
            }

            var closeAt = text.IndexOf(close, at + open.Length, StringComparison.Ordinal);
            if (closeAt < 0)
            {
                (errors ??= []).Add($"'{open}' at offset {at} is not closed with '{close}'");
                return errors;
            }

            var body = text.AsSpan(at + open.Length, closeAt - at - open.Length);
            foreach (var (innerOpen, _) in Delimiters)
            {
                if (body.Contains(innerOpen, StringComparison.Ordinal))
                {
                    (errors ??= []).Add($"'{innerOpen}' opens inside the expression at offset {at}, which is not closed before it");
                    return errors;
                }
            }

            if (body.IsWhiteSpace())
            {
                (errors ??= []).Add($"empty expression '{open}{body}{close}' at offset {at}");
            }

            i = closeAt + close.Length;
        }

        return errors ?? (IReadOnlyList<string>)[];
    }

    private static (string Open, string Close, int At) NextOpen(string text, int from)
    {
        var best = (Open: string.Empty, Close: string.Empty, At: -1);
        foreach (var (open, close) in Delimiters)
        {
            var at = text.IndexOf(open, from, StringComparison.Ordinal);
            if (at >= 0 && (best.At < 0 || at < best.At))
            {
                best = (open, close, at);
            }
        }

        return best;
    }

    private static (string Mark, string Open, int At)? FirstClose(string text, int from, int to)
    {
        var at = text.IndexOf("%>", from, to - from, StringComparison.Ordinal);
        return at < 0 ? null : ("%>", "<%", at);
    }
}
