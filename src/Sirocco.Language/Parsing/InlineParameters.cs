using System.Text.Json;
using Sirocco.Expressions.Values;

namespace Sirocco.Language.Parsing;

/// <summary>
/// Reads Mistral's inline parameter form: <c>std.echo output="hi" n=&lt;% $.x %&gt; flag=true xs=[1, 2]</c>.
/// Values may be double- or single-quoted text (taken verbatim, no escapes, as Mistral does), an expression,
/// a JSON list, a number, <c>true</c>, <c>false</c> or <c>null</c>. Where Mistral silently drops a pair it
/// cannot read (<c>x=abc</c>), we report it: a dropped parameter is always a bug in the definition.
/// </summary>
internal static class InlineParameters
{
    /// <summary>Splits <c>name k=v ...</c> into the name and its parameters; text without a space is a bare name.</summary>
    public static InlineParseResult ParseCommand(string text)
    {
        if (!text.Contains(' ', StringComparison.Ordinal))
        {
            return new InlineParseResult(text, DictValue.Empty, null, 0);
        }

        var end = CommandEnd(text);
        if (end <= 0)
        {
            return new InlineParseResult(text, DictValue.Empty, $"'{text}' does not start with a name", 0);
        }

        var name = text[..end];
        return ParseParams(text, end) with { Name = name };
    }

    /// <summary>Reads <c>k=v</c> pairs from <paramref name="start"/> to the end (the one-line <c>retry</c> form uses this alone).</summary>
    public static InlineParseResult ParseParams(string text, int start)
    {
        var entries = new List<KeyValuePair<string, Value>>();
        var i = start;
        while (true)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i >= text.Length)
            {
                return new InlineParseResult(string.Empty, DictValue.From(entries), null, 0);
            }

            var keyStart = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '-'))
            {
                i++;
            }

            if (i == keyStart || i >= text.Length || text[i] != '=')
            {
                var word = ReadWord(text, keyStart);
                return Fail($"malformed inline parameter '{word}': expected name=value", keyStart);
            }

            var key = text[keyStart..i];
            i++;
            var (value, next, error) = ReadValue(text, i, key);
            if (error is not null)
            {
                return Fail(error, i);
            }

            if (next < text.Length && !char.IsWhiteSpace(text[next]))
            {
                return Fail($"malformed inline parameter '{key}': unexpected '{ReadWord(text, next)}' after its value", next);
            }

            entries.Add(new(key, value!));
            i = next;
        }
    }

    private static InlineParseResult Fail(string message, int offset) => new(string.Empty, DictValue.Empty, message, offset);

    private static (Value? Value, int Next, string? Error) ReadValue(string text, int i, string key)
    {
        if (i >= text.Length || char.IsWhiteSpace(text[i]))
        {
            return (null, i, $"malformed inline parameter '{key}': missing value after '='");
        }

        var c = text[i];
        if (c is '"' or '\'')
        {
            var close = text.IndexOf(c, i + 1);
            return close < 0
                ? (null, i, $"malformed inline parameter '{key}': unclosed quote")
                : (new StringValue(text[(i + 1)..close]), close + 1, null);
        }

        foreach (var (open, closeMark) in ExpressionSyntax.Delimiters)
        {
            if (string.CompareOrdinal(text, i, open, 0, open.Length) == 0)
            {
                var close = text.IndexOf(closeMark, i + open.Length, StringComparison.Ordinal);
                return close < 0
                    ? (null, i, $"malformed inline parameter '{key}': expression is not closed with '{closeMark}'")
                    : (new StringValue(text[i..(close + closeMark.Length)]), close + closeMark.Length, null);
            }
        }

        if (c == '[')
        {
            var close = MatchingBracket(text, i);
            if (close < 0)
            {
                return (null, i, $"malformed inline parameter '{key}': list is not closed with ']'");
            }

            try
            {
                return (JsonValues.Parse(text[i..(close + 1)]), close + 1, null);
            }
            catch (JsonException)
            {
                return (null, i, $"malformed inline parameter '{key}': {text[i..(close + 1)]} is not a JSON list");
            }
        }

        var word = ReadWord(text, i);
        var end = i + word.Length;
        switch (word)
        {
            case "true":
                return (Value.True, end, null);
            case "false":
                return (Value.False, end, null);
            case "null":
                return (Value.Null, end, null);
        }

        if (word.Length > 0 && (char.IsAsciiDigit(word[0]) || (word[0] == '-' && word.Length > 1)))
        {
            try
            {
                return (JsonValues.ParseNumber(word), end, null);
            }
            catch (FormatException)
            {
                // Falls through to the general message.
            }
        }

        return (null, i, $"malformed inline parameter '{key}={word}': the value must be quoted, a number, true, false, null, a [list] or an expression");
    }

    private static int CommandEnd(string text)
    {
        foreach (var (open, close) in ExpressionSyntax.Delimiters)
        {
            if (text.StartsWith(open, StringComparison.Ordinal))
            {
                var at = text.IndexOf(close, open.Length, StringComparison.Ordinal);
                return at < 0 ? -1 : at + close.Length;
            }
        }

        // Mistral's command pattern: [\w.]+ then anything up to '=', '(', whitespace or '"'.
        var i = 0;
        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
        {
            i++;
        }

        if (i == 0)
        {
            return 0;
        }

        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('=' or '(' or '"'))
        {
            i++;
        }

        return i;
    }

    private static int MatchingBracket(string text, int open)
    {
        var depth = 0;
        char? quote = null;
        for (var i = open; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"')
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}' && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static string ReadWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return text[start..end];
    }
}
