using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>
/// A precedence-climbing parser for YAQL with the reference operator table (tightest first):
/// <c>. ?.</c>; <c>[]</c>; unary <c>+ -</c>; <c>=~ !~</c>; <c>* / mod</c>; <c>+ -</c>;
/// <c>&gt; &lt; &gt;= &lt;= != = in</c>; <c>not</c>; <c>and</c>; <c>or</c>; <c>-&gt;</c> (right-associative).
/// <c>=&gt;</c> only appears inside argument lists and map literals.
/// </summary>
internal sealed class YaqlParser
{
    private const int ArrowPower = 1;
    private const int NotPower = 4;
    private const int UnaryPower = 9;
    private const int IndexPower = 10;
    private const int DotPower = 11;

    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly int _maxDepth;
    private int _index;
    private int _depth;

    private YaqlParser(string text, int maxDepth)
    {
        _text = text;
        _maxDepth = maxDepth;
        _tokens = YaqlLexer.Tokenize(text);
    }

    public static YaqlNode Parse(string text, int maxDepth = 200)
    {
        var parser = new YaqlParser(text, maxDepth);
        var node = parser.ParseExpression(0);
        if (parser.Current.Kind != TokenKind.End)
        {
            throw parser.Unexpected();
        }

        // Long operator chains (a.b.c...) parse in a loop but evaluate recursively.
        if (node.Height > maxDepth * 4)
        {
            throw new YaqlException("limit", $"Expression nests deeper than the limit of {maxDepth * 4} operations");
        }

        return node;
    }

    private Token Current => _tokens[_index];

    private static int BinaryPower(Token token) => token.Kind != TokenKind.Operator ? -1 : token.Text switch
    {
        "." or "?." => DotPower,
        "=~" or "!~" => 8,
        "*" or "/" or "mod" => 7,
        "+" or "-" => 6,
        ">" or "<" or ">=" or "<=" or "!=" or "=" or "in" => 5,
        "and" => 3,
        "or" => 2,
        "->" => ArrowPower,
        _ => -1,
    };

    private YaqlNode ParseExpression(int minPower)
    {
        if (++_depth > _maxDepth)
        {
            throw new YaqlException("limit", $"Expression nests deeper than the limit of {_maxDepth}", Current.Position);
        }

        var left = ParsePrefix();
        try
        {
            return ParseOperators(left, minPower);
        }
        finally
        {
            _depth--;
        }
    }

    private YaqlNode ParseOperators(YaqlNode left, int minPower)
    {
        while (true)
        {
            var token = Current;
            if (token.Kind == TokenKind.LeftBracket && IndexPower > minPower)
            {
                _index++;
                var args = ParseArguments(TokenKind.RightBracket);
                left = new IndexNode(left, args, token.Position);
                continue;
            }

            var power = BinaryPower(token);
            if (power < 0 || power <= minPower)
            {
                return left;
            }

            _index++;

            // '->' is right-associative: its right side may hold another '->'.
            var right = ParseExpression(power == ArrowPower ? ArrowPower - 1 : power);
            left = token.Text switch
            {
                "." => new DotNode(left, right, false, token.Position),
                "?." => new DotNode(left, right, true, token.Position),
                "and" => new AndNode(left, right, token.Position),
                "or" => new OrNode(left, right, token.Position),
                "->" => new ArrowNode(left, right, token.Position),
                _ => new BinaryNode(token.Text, left, right, token.Position),
            };
        }
    }

    private YaqlNode ParsePrefix()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number or TokenKind.String or TokenKind.True or TokenKind.False or TokenKind.Null:
                _index++;
                return new ConstantNode(token.Literal!, token.Position);
            case TokenKind.Keyword:
                _index++;
                return new KeywordNode(token.Text, token.Position);
            case TokenKind.Dollar:
                _index++;
                return new VariableNode(token.Text, token.Position);
            case TokenKind.LeftParen:
                _index++;
                var inner = ParseExpression(0);
                Expect(TokenKind.RightParen);

                // A parenthesised literal is no longer a literal to the reference's overload pre-check.
                return inner is ConstantNode constant ? new WrapNode(constant, token.Position) : inner;
            case TokenKind.LeftBracket:
                _index++;
                return new ListNode(ParseArguments(TokenKind.RightBracket), token.Position);
            case TokenKind.LeftBrace:
                _index++;
                return new MapNode(ParseArguments(TokenKind.RightBrace), token.Position);
            case TokenKind.Function:
                _index++;
                return new CallNode(token.Text, ParseArguments(TokenKind.RightParen), token.Position);
            case TokenKind.Operator when token.Text is "-" or "+":
                _index++;
                return new UnaryNode(token.Text, ParseExpression(UnaryPower - 1), token.Position);
            case TokenKind.Operator when token.Text == "not":
                _index++;
                return new NotNode(ParseExpression(NotPower - 1), token.Position);
            default:
                throw Unexpected();
        }
    }

    /// <summary>Arguments up to <paramref name="close"/>: positional first, then <c>name =&gt; value</c> pairs.</summary>
    private YaqlNode[] ParseArguments(TokenKind close)
    {
        var args = new List<YaqlNode>();
        if (Current.Kind == close)
        {
            _index++;
            return [];
        }

        var sawMapping = false;
        while (true)
        {
            if (Current.Kind is TokenKind.Comma)
            {
                // An omitted argument, as in f(, 1): the reference grammar passes "no value".
                if (sawMapping)
                {
                    throw Unexpected();
                }

                args.Add(new OmittedNode(Current.Position));
                _index++;
                continue;
            }

            var position = Current.Position;
            var value = ParseExpression(0);
            if (Current.Kind == TokenKind.Mapping)
            {
                _index++;
                value = new MappingNode(value, ParseExpression(0), position);
                sawMapping = true;
            }
            else if (sawMapping)
            {
                throw Unexpected();
            }

            args.Add(value);
            if (Current.Kind == TokenKind.Comma)
            {
                _index++;
                if (Current.Kind == close)
                {
                    throw Unexpected();
                }

                continue;
            }

            Expect(close);
            return [.. args];
        }
    }

    private void Expect(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            throw Unexpected();
        }

        _index++;
    }

    private YaqlException Unexpected()
    {
        var token = Current;
        return token.Kind == TokenKind.End
            ? YaqlException.Syntax("Parse error: unexpected end of statement", null)
            : YaqlException.Syntax(
                $"Parse error: unexpected '{_text.Substring(token.Position, Math.Max(1, Math.Min(token.Text.Length, _text.Length - token.Position)))}' at position {token.Position} of expression '{_text}'",
                token.Position);
    }
}
