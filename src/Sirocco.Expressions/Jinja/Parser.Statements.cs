namespace Sirocco.Expressions.Jinja;

/// <summary>Template statements: text, <c>{{ }}</c> output and the <c>if</c>, <c>for</c> and <c>set</c> tags.</summary>
internal sealed partial class Parser
{
    /// <summary>A whole template, as Mistral renders a string with text around or between expressions.</summary>
    public static IReadOnlyList<Stmt> ParseTemplate(string source, int maxDepth)
    {
        var parser = new Parser(Lexer.Template(source), source, maxDepth);
        return parser.Subparse(null);
    }

    private List<Stmt> Subparse(string[]? endTags)
    {
        var body = new List<Stmt>();
        while (true)
        {
            var token = Current;
            switch (token.Kind)
            {
                case TokenKind.Data:
                    Next();
                    body.Add(new TextStmt(token.Text));
                    break;
                case TokenKind.VariableBegin:
                    Next();
                    var expr = ParseTuple();
                    Expect(TokenKind.VariableEnd, "end of print statement");
                    body.Add(new OutputStmt(expr));
                    break;
                case TokenKind.BlockBegin:
                    Next();
                    if (endTags is not null && Current.Kind == TokenKind.Name && endTags.Contains(Current.Text))
                    {
                        return body;
                    }

                    Enter();
                    body.Add(ParseStatement());
                    _depth--;
                    break;
                default:
                    if (endTags is not null)
                    {
                        throw Fail(
                            "Unexpected end of template. Jinja was looking for the following tags: "
                            + string.Join(" or ", endTags.Select(t => $"'{t}'")) + ".");
                    }

                    return body;
            }
        }
    }

    private Stmt ParseStatement()
    {
        var token = Current;
        if (token.Kind != TokenKind.Name)
        {
            throw Fail("tag name expected");
        }

        return token.Text switch
        {
            "if" => ParseIf(),
            "for" => ParseFor(),
            "set" => ParseSet(),
            "with" => ParseWith(),
            "filter" => ParseFilterBlock(),
            _ => throw Fail($"Encountered unknown tag '{token.Text}'."),
        };
    }

    private IfStmt ParseIf()
    {
        Next();
        var branches = new List<KeyValuePair<Expr, IReadOnlyList<Stmt>>>();
        IReadOnlyList<Stmt> otherwise = [];
        var test = ParseTuple(withCondExpr: false);
        while (true)
        {
            Expect(TokenKind.BlockEnd, "end of statement block");
            branches.Add(new(test, Subparse(["elif", "else", "endif"])));
            var tag = Next().Text;
            if (tag == "elif")
            {
                test = ParseTuple(withCondExpr: false);
                continue;
            }

            if (tag == "else")
            {
                Expect(TokenKind.BlockEnd, "end of statement block");
                otherwise = Subparse(["endif"]);
                Next();
            }

            break;
        }

        Expect(TokenKind.BlockEnd, "end of statement block");
        return new IfStmt(branches, otherwise);
    }

    private ForStmt ParseFor()
    {
        Next();
        var targets = ParseTargets();
        if (!SkipName("in"))
        {
            throw Expected("'in'", "in");
        }

        var iterable = ParseTuple(withCondExpr: false, extraEnd: ["recursive"]);
        var condition = SkipName("if") ? ParseExpression() : null;
        if (Current.IsName("recursive"))
        {
            throw Fail("recursive loops are not supported");
        }

        Expect(TokenKind.BlockEnd, "end of statement block");
        var body = Subparse(["endfor", "else"]);
        IReadOnlyList<Stmt> otherwise = [];
        if (Next().Text == "else")
        {
            Expect(TokenKind.BlockEnd, "end of statement block");
            otherwise = Subparse(["endfor"]);
            Next();
        }

        Expect(TokenKind.BlockEnd, "end of statement block");
        return new ForStmt(targets, iterable, condition, body, otherwise);
    }

    private SetStmt ParseSet()
    {
        Next();
        if (Current.Kind == TokenKind.Name && Peek.IsOperator("."))
        {
            // {% set ns.attr = value %} assigns into a namespace().
            var name = Next().Text;
            Next();
            var attribute = Expect(TokenKind.Name, "name").Text;
            ExpectOperator("=");
            var assigned = ParseTuple();
            Expect(TokenKind.BlockEnd, "end of statement block");
            return new SetStmt([name], assigned, null, attribute);
        }

        var targets = ParseTargets();
        if (SkipOperator("="))
        {
            var value = ParseTuple();
            Expect(TokenKind.BlockEnd, "end of statement block");
            return new SetStmt(targets, value, null);
        }

        Expect(TokenKind.BlockEnd, "end of statement block");
        var body = Subparse(["endset"]);
        Next();
        Expect(TokenKind.BlockEnd, "end of statement block");
        return new SetStmt(targets, null, body);
    }

    private WithStmt ParseWith()
    {
        Next();
        var assignments = new List<KeyValuePair<string, Expr>>();
        while (Current.Kind != TokenKind.BlockEnd)
        {
            if (assignments.Count > 0)
            {
                ExpectOperator(",");
            }

            var name = Expect(TokenKind.Name, "name").Text;
            ExpectOperator("=");
            assignments.Add(new(name, ParseExpression()));
        }

        Expect(TokenKind.BlockEnd, "end of statement block");
        var body = Subparse(["endwith"]);
        Next();
        Expect(TokenKind.BlockEnd, "end of statement block");
        return new WithStmt(assignments, body);
    }

    private FilterBlockStmt ParseFilterBlock()
    {
        Next();
        var filters = new List<KeyValuePair<Filter, CallArgs>>();
        do
        {
            var nameToken = Current;
            var name = ParseDottedName();
            var filter = Filters.Lookup(name)
                ?? throw new JinjaException(ErrorCategories.UnknownFunction, $"No filter named '{name}'.", nameToken.Position);
            filters.Add(new(filter, Current.IsOperator("(") ? ParseCallArgs() : CallArgs.Empty));
        }
        while (SkipOperator("|"));

        Expect(TokenKind.BlockEnd, "end of statement block");
        var body = Subparse(["endfilter"]);
        Next();
        Expect(TokenKind.BlockEnd, "end of statement block");
        return new FilterBlockStmt(filters, body);
    }

    private List<string> ParseTargets()
    {
        var parenthesized = SkipOperator("(");
        var names = new List<string> { Expect(TokenKind.Name, "name").Text };
        while (SkipOperator(","))
        {
            if (Current.Kind != TokenKind.Name)
            {
                break;
            }

            names.Add(Next().Text);
        }

        if (parenthesized)
        {
            ExpectOperator(")");
        }

        if (Current.IsOperator("."))
        {
            throw Fail("assigning to attributes (namespace) is not supported");
        }

        return names;
    }
}
