using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Jinja's expression grammar, precedence from loosest: inline <c>if</c>, <c>or</c>, <c>and</c>, <c>not</c>,
/// comparisons, <c>+ -</c>, <c>~</c>, <c>* / // %</c>, <c>**</c> (left-associative, as in Jinja), unary
/// <c>- +</c>, then postfix access, filters and tests. Filters bind tighter than arithmetic:
/// <c>-2.5 | round</c> rounds <c>-2.5</c>, <c>x | int + 1</c> adds to the filtered value.
/// </summary>
internal sealed partial class Parser
{
    private static readonly HashSet<string> CompareOperators = ["==", "!=", "<", "<=", ">", ">="];

    private readonly List<Token> _tokens;
    private readonly string _source;
    private readonly int _maxDepth;
    private int _index;
    private int _depth;

    private Parser(List<Token> tokens, string source, int maxDepth)
    {
        _tokens = tokens;
        _source = source;
        _maxDepth = maxDepth;
    }

    private Token Current => _tokens[_index];

    /// <summary>A bare expression, as Mistral's <c>compile_expression</c> reads the inside of <c>{{ }}</c>.</summary>
    public static Expr ParseExpression(string source, int maxDepth)
    {
        var parser = new Parser(Lexer.Expression(source), source, maxDepth);
        var expr = parser.ParseExpression();
        if (parser.Current.Kind != TokenKind.End)
        {
            throw JinjaException.Syntax("chunk after expression", parser.Current.Position);
        }

        return expr;
    }

    private Token Peek => _index + 1 < _tokens.Count ? _tokens[_index + 1] : _tokens[^1];

    private Token Next()
    {
        var token = _tokens[_index];
        if (token.Kind != TokenKind.End)
        {
            _index++;
        }

        return token;
    }

    private bool SkipOperator(string op)
    {
        if (!Current.IsOperator(op))
        {
            return false;
        }

        _index++;
        return true;
    }

    private bool SkipName(string name)
    {
        if (!Current.IsName(name))
        {
            return false;
        }

        _index++;
        return true;
    }

    private Token ExpectOperator(string op) => Current.IsOperator(op) ? Next() : throw Expected($"'{op}'", op);

    private Token Expect(TokenKind kind, string description) =>
        Current.Kind == kind ? Next() : throw Expected(description, description);

    private JinjaException Expected(string quoted, string bare) => Current.Kind == TokenKind.End
        ? JinjaException.Syntax($"unexpected end of template, expected {Quote(bare)}.", Current.Position)
        : JinjaException.Syntax($"expected token {Quote(bare)}, got {Quote(Current.Describe())}", Current.Position);

    private static string Quote(string text) => text.StartsWith('\'') ? text : $"'{text}'";

    private JinjaException Fail(string message, Token? at = null) => JinjaException.Syntax(message, (at ?? Current).Position);

    private int LineOf(int position)
    {
        var line = 1;
        for (var i = 0; i < position && i < _source.Length; i++)
        {
            if (_source[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }

    private void Enter()
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (++_depth > _maxDepth)
        {
            throw new JinjaException(ErrorCategories.Limit, $"Expression nesting exceeds the depth limit ({_maxDepth}).", Current.Position);
        }
    }

    private Expr ParseExpression(bool withCondExpr = true)
    {
        Enter();
        try
        {
            return withCondExpr ? ParseCondExpr() : ParseOr();
        }
        finally
        {
            _depth--;
        }
    }

    private Expr ParseCondExpr()
    {
        var position = Current.Position;
        var expr = ParseOr();
        while (Current.IsName("if"))
        {
            var ifToken = Next();
            var test = ParseOr();
            var otherwise = SkipName("else") ? ParseCondExpr() : null;
            expr = new CondExpr(test, expr, otherwise, position, LineOf(ifToken.Position));
        }

        return expr;
    }

    private Expr ParseOr()
    {
        var left = ParseAnd();
        while (Current.IsName("or"))
        {
            var token = Next();
            left = new LogicalExpr(false, left, ParseAnd(), token.Position);
        }

        return left;
    }

    private Expr ParseAnd()
    {
        var left = ParseNot();
        while (Current.IsName("and"))
        {
            var token = Next();
            left = new LogicalExpr(true, left, ParseNot(), token.Position);
        }

        return left;
    }

    private Expr ParseNot()
    {
        if (Current.IsName("not"))
        {
            var token = Next();
            Enter();
            try
            {
                return new UnaryExpr("not", ParseNot(), token.Position);
            }
            finally
            {
                _depth--;
            }
        }

        return ParseCompare();
    }

    private Expr ParseCompare()
    {
        var position = Current.Position;
        var first = ParseMath1();
        var operations = new List<KeyValuePair<string, Expr>>();
        while (true)
        {
            if (Current.Kind == TokenKind.Operator && CompareOperators.Contains(Current.Text))
            {
                var op = Next().Text;
                operations.Add(new(op, ParseMath1()));
            }
            else if (SkipName("in"))
            {
                operations.Add(new("in", ParseMath1()));
            }
            else if (Current.IsName("not") && Peek.IsName("in"))
            {
                _index += 2;
                operations.Add(new("notin", ParseMath1()));
            }
            else
            {
                break;
            }
        }

        return operations.Count == 0 ? first : new CompareExpr(first, operations, position);
    }

    private Expr ParseMath1()
    {
        var left = ParseConcat();
        while (Current.IsOperator("+") || Current.IsOperator("-"))
        {
            var token = Next();
            left = new BinaryExpr(token.Text, left, ParseConcat(), token.Position);
        }

        return left;
    }

    private Expr ParseConcat()
    {
        var position = Current.Position;
        var parts = new List<Expr> { ParseMath2() };
        while (SkipOperator("~"))
        {
            parts.Add(ParseMath2());
        }

        return parts.Count == 1 ? parts[0] : new ConcatExpr(parts, position);
    }

    private Expr ParseMath2()
    {
        var left = ParsePow();
        while (Current.Kind == TokenKind.Operator && Current.Text is "*" or "/" or "//" or "%")
        {
            var token = Next();
            left = new BinaryExpr(token.Text, left, ParsePow(), token.Position);
        }

        return left;
    }

    private Expr ParsePow()
    {
        var left = ParseUnary();
        while (Current.IsOperator("**"))
        {
            var token = Next();
            left = new BinaryExpr("**", left, ParseUnary(), token.Position);
        }

        return left;
    }

    private Expr ParseUnary(bool withFilter = true)
    {
        Enter();
        try
        {
            var token = Current;
            Expr node;
            if (token.IsOperator("-") || token.IsOperator("+"))
            {
                Next();
                node = new UnaryExpr(token.Text, ParseUnary(false), token.Position);
            }
            else
            {
                node = ParsePrimary();
            }

            node = ParsePostfix(node);
            return withFilter ? ParseFilterExpr(node) : node;
        }
        finally
        {
            _depth--;
        }
    }

    private Expr ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Name:
                Next();
                return token.Text switch
                {
                    "true" or "True" => new ConstExpr(Value.True, token.Position),
                    "false" or "False" => new ConstExpr(Value.False, token.Position),
                    "none" or "None" => new ConstExpr(Value.Null, token.Position),
                    _ => new NameExpr(token.Text, token.Position),
                };
            case TokenKind.String:
                var text = ((StringValue)Next().Literal!).Value;
                while (Current.Kind == TokenKind.String)
                {
                    text += ((StringValue)Next().Literal!).Value;
                }

                return new ConstExpr(new StringValue(text), token.Position);
            case TokenKind.Integer or TokenKind.Float:
                Next();
                return new ConstExpr(token.Literal!, token.Position);
            case TokenKind.Operator when token.Text == "(":
                Next();
                var inner = ParseTuple(explicitParentheses: true);
                ExpectOperator(")");
                return inner;
            case TokenKind.Operator when token.Text == "[":
                return ParseList();
            case TokenKind.Operator when token.Text == "{":
                return ParseDict();
            default:
                throw Fail($"unexpected '{token.Describe()}'");
        }
    }
}
