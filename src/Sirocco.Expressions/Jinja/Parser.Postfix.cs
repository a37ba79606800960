
namespace Sirocco.Expressions.Jinja;

/// <summary>Literals for collections, postfix access (<c>.x</c>, <c>[i]</c>, <c>(args)</c>), filters and tests.</summary>
internal sealed partial class Parser
{
    private bool IsTupleEnd(string[]? extraEnd) =>
        Current.Kind is TokenKind.VariableEnd or TokenKind.BlockEnd or TokenKind.End
        || Current.IsOperator(")")
        || (extraEnd is not null && Current.Kind == TokenKind.Name && extraEnd.Contains(Current.Text));

    /// <summary>Comma-separated expressions: a tuple when there is a comma, the single expression otherwise.</summary>
    private Expr ParseTuple(bool withCondExpr = true, bool explicitParentheses = false, string[]? extraEnd = null)
    {
        var position = Current.Position;
        var items = new List<Expr>();
        var isTuple = false;
        while (true)
        {
            if (items.Count > 0)
            {
                ExpectOperator(",");
            }

            if (IsTupleEnd(extraEnd))
            {
                break;
            }

            items.Add(ParseExpression(withCondExpr));
            if (Current.IsOperator(","))
            {
                isTuple = true;
            }
            else
            {
                break;
            }
        }

        if (!isTuple)
        {
            if (items.Count > 0)
            {
                return items[0];
            }

            if (!explicitParentheses)
            {
                throw Fail($"Expected an expression, got '{Current.Describe()}'");
            }
        }

        return new ListExpr(items, isTuple: true, position);
    }

    private Expr ParseList()
    {
        var open = ExpectOperator("[");
        var items = new List<Expr>();
        while (!Current.IsOperator("]"))
        {
            if (items.Count > 0)
            {
                ExpectOperator(",");
            }

            if (Current.IsOperator("]"))
            {
                break;
            }

            items.Add(ParseExpression());
        }

        ExpectOperator("]");
        return new ListExpr(items, isTuple: false, open.Position);
    }

    private Expr ParseDict()
    {
        var open = ExpectOperator("{");
        var pairs = new List<KeyValuePair<Expr, Expr>>();
        while (!Current.IsOperator("}"))
        {
            if (pairs.Count > 0)
            {
                ExpectOperator(",");
            }

            if (Current.IsOperator("}"))
            {
                break;
            }

            var key = ParseExpression();
            ExpectOperator(":");
            pairs.Add(new(key, ParseExpression()));
        }

        ExpectOperator("}");
        return new DictExpr(pairs, open.Position);
    }

    private Expr ParsePostfix(Expr node)
    {
        while (true)
        {
            if (Current.IsOperator(".") || Current.IsOperator("["))
            {
                node = ParseSubscript(node);
            }
            else if (Current.IsOperator("("))
            {
                var position = Current.Position;
                node = new CallExpr(node, ParseCallArgs(), position);
            }
            else
            {
                return node;
            }
        }
    }

    private Expr ParseFilterExpr(Expr node)
    {
        while (true)
        {
            if (Current.IsOperator("|"))
            {
                node = ParseFilter(node);
            }
            else if (Current.IsName("is"))
            {
                node = ParseTest(node);
            }
            else if (Current.IsOperator("("))
            {
                var position = Current.Position;
                node = new CallExpr(node, ParseCallArgs(), position);
            }
            else
            {
                return node;
            }
        }
    }

    private Expr ParseSubscript(Expr node)
    {
        var token = Next();
        if (token.Text == ".")
        {
            var attribute = Next();
            return attribute.Kind switch
            {
                TokenKind.Name => new GetAttrExpr(node, attribute.Text, token.Position),
                TokenKind.Integer => new GetItemExpr(node, new ConstExpr(attribute.Literal!, attribute.Position), token.Position),
                _ => throw Fail("expected name or number", attribute),
            };
        }

        var args = new List<Expr?[]>();
        while (!Current.IsOperator("]"))
        {
            if (args.Count > 0)
            {
                ExpectOperator(",");
            }

            args.Add(ParseSubscribed());
        }

        ExpectOperator("]");
        if (args.Count == 1)
        {
            var only = args[0];
            return only.Length == 1
                ? new GetItemExpr(node, only[0]!, token.Position)
                : new SliceExpr(node, only[0], only[1], only[2], token.Position);
        }

        if (args.Any(a => a.Length != 1))
        {
            throw Fail("multi-dimensional slices are not supported", token);
        }

        return new GetItemExpr(node, new ListExpr([.. args.Select(a => a[0]!)], isTuple: true, token.Position), token.Position);
    }

    /// <summary>One subscript: an expression (length 1) or a slice <c>start:stop:step</c> (length 3).</summary>
    private Expr?[] ParseSubscribed()
    {
        Expr? start = null;
        if (!Current.IsOperator(":"))
        {
            var expr = ParseExpression();
            if (!Current.IsOperator(":"))
            {
                return [expr];
            }

            start = expr;
        }

        Next();
        Expr? stop = null;
        Expr? step = null;
        if (!Current.IsOperator(":") && !Current.IsOperator("]") && !Current.IsOperator(","))
        {
            stop = ParseExpression();
        }

        if (SkipOperator(":") && !Current.IsOperator("]") && !Current.IsOperator(","))
        {
            step = ParseExpression();
        }

        return [start, stop, step];
    }

    private CallArgs ParseCallArgs()
    {
        ExpectOperator("(");
        var positional = new List<Expr>();
        var named = new List<KeyValuePair<string, Expr>>();
        Expr? starArgs = null;
        Expr? starKwargs = null;
        var first = true;
        while (!Current.IsOperator(")"))
        {
            if (!first)
            {
                ExpectOperator(",");
                if (Current.IsOperator(")"))
                {
                    break;
                }
            }

            first = false;
            if (SkipOperator("**"))
            {
                starKwargs = ParseExpression();
            }
            else if (SkipOperator("*"))
            {
                starArgs = ParseExpression();
            }
            else if (Current.Kind == TokenKind.Name && Peek.IsOperator("="))
            {
                var name = Next().Text;
                Next();
                named.Add(new(name, ParseExpression()));
            }
            else
            {
                if (named.Count > 0 || starArgs is not null || starKwargs is not null)
                {
                    throw Fail("Invalid argument syntax");
                }

                positional.Add(ParseExpression());
            }
        }

        ExpectOperator(")");
        return new CallArgs(positional, named, starArgs, starKwargs);
    }

    private string ParseDottedName()
    {
        var name = Expect(TokenKind.Name, "name").Text;
        while (Current.IsOperator(".") && Peek.Kind == TokenKind.Name)
        {
            Next();
            name += "." + Next().Text;
        }

        return name;
    }

    private Expr ParseFilter(Expr node)
    {
        var pipe = Next();
        var nameToken = Current;
        var name = ParseDottedName();
        var filter = Filters.Lookup(name)
            ?? throw new JinjaException(ErrorCategories.UnknownFunction, $"No filter named '{name}'.", nameToken.Position);
        var args = Current.IsOperator("(") ? ParseCallArgs() : CallArgs.Empty;
        return new FilterExpr(node, filter, args, pipe.Position);
    }

    private Expr ParseTest(Expr node)
    {
        var isToken = Next();
        var negated = SkipName("not");
        var nameToken = Current;
        var name = ParseDottedName();
        var test = Tests.Lookup(name)
            ?? throw new JinjaException(ErrorCategories.UnknownFunction, $"No test named '{name}'.", nameToken.Position);
        CallArgs args;
        if (Current.IsOperator("("))
        {
            args = ParseCallArgs();
        }
        else if ((Current.Kind is TokenKind.Name or TokenKind.String or TokenKind.Integer or TokenKind.Float
                  || Current.IsOperator("(") || Current.IsOperator("[") || Current.IsOperator("{"))
                 && !(Current.IsName("else") || Current.IsName("or") || Current.IsName("and")))
        {
            if (Current.IsName("is"))
            {
                throw Fail("You cannot chain multiple tests with is");
            }

            args = new CallArgs([ParsePostfix(ParsePrimary())], [], null, null);
        }
        else
        {
            args = CallArgs.Empty;
        }

        Expr result = new TestExpr(node, test, args, isToken.Position);
        return negated ? new UnaryExpr("not", result, isToken.Position) : result;
    }
}
