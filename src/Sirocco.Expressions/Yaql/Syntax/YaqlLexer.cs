using System.Globalization;
using System.Numerics;
using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>
/// Splits a YAQL expression into tokens the way the reference lexer does: rules tried in the order
/// <c>$name</c>, number, <c>name(</c>, keyword, strings, then operators longest first.
/// </summary>
internal static class YaqlLexer
{
    private static readonly string[] Operators =
        ["?.", "->", "=>", "=~", "!~", ">=", "<=", "!=", ".", "+", "-", "*", "/", ">", "<", "="];

    private static readonly Dictionary<string, string> WordOperators = new(StringComparer.Ordinal)
    {
        ["mod"] = "mod", ["in"] = "in", ["not"] = "not", ["and"] = "and", ["or"] = "or",
    };

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (true)
        {
            while (i < text.Length && text[i] is ' ' or '\t' or '\r' or '\n')
            {
                i++;
            }

            if (i >= text.Length)
            {
                tokens.Add(new Token(TokenKind.End, string.Empty, i));
                return tokens;
            }

            tokens.Add(Next(text, ref i));
        }
    }

    private static Token Next(string text, ref int i)
    {
        var start = i;
        var c = text[i];
        if (c == '$')
        {
            i++;
            while (i < text.Length && IsWord(text[i]))
            {
                i++;
            }

            return new Token(TokenKind.Dollar, text[(start + 1)..i], start);
        }

        if (char.IsAsciiDigit(c) && !PrecededByWord(text, start) && TryNumber(text, ref i, out var number))
        {
            return new Token(TokenKind.Number, text[start..i], start, number);
        }

        if (IsIdentifierStart(c) && !PrecededByWord(text, start))
        {
            var end = start + 1;
            while (end < text.Length && IsWord(text[end]))
            {
                end++;
            }

            var name = text[start..end];
            if (end < text.Length && text[end] == '(')
            {
                i = end + 1;
                return new Token(TokenKind.Function, name, start);
            }

            if (!name.StartsWith("__", StringComparison.Ordinal))
            {
                i = end;
                return name switch
                {
                    "true" => new Token(TokenKind.True, name, start, Value.True),
                    "false" => new Token(TokenKind.False, name, start, Value.False),
                    "null" => new Token(TokenKind.Null, name, start, Value.Null),
                    _ when WordOperators.TryGetValue(name, out var op) => new Token(TokenKind.Operator, op, start),
                    _ => new Token(TokenKind.Keyword, name, start),
                };
            }
        }

        if (c is '\'' or '"' or '`')
        {
            return ReadString(text, ref i);
        }

        foreach (var op in Operators)
        {
            if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
            {
                i += op.Length;
                return new Token(op == "=>" ? TokenKind.Mapping : TokenKind.Operator, op, start);
            }
        }

        TokenKind? single = c switch
        {
            '(' => TokenKind.LeftParen,
            ')' => TokenKind.RightParen,
            '[' => TokenKind.LeftBracket,
            ']' => TokenKind.RightBracket,
            '{' => TokenKind.LeftBrace,
            '}' => TokenKind.RightBrace,
            ',' => TokenKind.Comma,
            _ => null,
        };
        if (single is { } kind)
        {
            i++;
            return new Token(kind, c.ToString(), start);
        }

        throw YaqlException.Syntax($"Lexical error: illegal character '{c}' at position {start}", start);
    }

    private static bool TryNumber(string text, ref int i, out Value? value)
    {
        var end = i;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1]))
        {
            var frac = end + 1;
            while (frac < text.Length && char.IsAsciiDigit(text[frac]))
            {
                frac++;
            }

            if (frac >= text.Length || !IsWord(text[frac]))
            {
                value = new FloatValue(double.Parse(text.AsSpan(i, frac - i), NumberStyles.Float, CultureInfo.InvariantCulture));
                i = frac;
                return true;
            }
        }

        if (end >= text.Length || !IsWord(text[end]))
        {
            value = new IntValue(BigInteger.Parse(text.AsSpan(i, end - i), NumberStyles.None, CultureInfo.InvariantCulture));
            i = end;
            return true;
        }

        value = null;
        return false;
    }

    private static Token ReadString(string text, ref int i)
    {
        var start = i;
        var quote = text[i++];
        var raw = new StringBuilder();
        while (true)
        {
            if (i >= text.Length || (text[i] == '\n' && quote != '`'))
            {
                throw YaqlException.Syntax($"Lexical error: illegal character '{quote}' at position {start}", start);
            }

            var c = text[i];
            if (c == quote)
            {
                i++;
                break;
            }

            if (c == '\\' && i + 1 < text.Length && text[i + 1] != '\n')
            {
                raw.Append(c).Append(text[i + 1]);
                i += 2;
                continue;
            }

            raw.Append(c);
            i++;
        }

        var content = quote == '`' ? raw.ToString().Replace("\\`", "`", StringComparison.Ordinal) : StringEscapes.Decode(raw.ToString());
        return new Token(TokenKind.String, content, start, new StringValue(content));
    }

    internal static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

    private static bool PrecededByWord(string text, int position) => position > 0 && IsWord(text[position - 1]);
}
