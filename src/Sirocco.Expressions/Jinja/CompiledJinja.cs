using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// A string compiled once the way Mistral routes it: exactly one <c>{{ }}</c> spanning the string is a bare
/// expression yielding a typed value; anything else is a template rendered to text. A string Mistral
/// cannot evaluate at all (a syntax error, or <c>{% %}</c> blocks without any <c>{{ }}</c>) keeps its error.
/// Instances are immutable and shared by all threads through the cache.
/// </summary>
internal sealed class CompiledJinja
{
    private readonly Expr? _expression;
    private readonly IReadOnlyList<Stmt>? _template;
    private readonly JinjaException? _error;

    private CompiledJinja(Expr? expression, IReadOnlyList<Stmt>? template, JinjaException? error)
    {
        _expression = expression;
        _template = template;
        _error = error;
    }

    public static CompiledJinja Compile(string text, Match? firstExpression, int maxDepth)
    {
        try
        {
            if (firstExpression is null)
            {
                // Mistral indexes the list of {{ }} matches and fails with IndexError when there is none.
                return new(null, null, new JinjaException(ErrorCategories.IndexOutOfRange, "list index out of range"));
            }

            if (firstExpression.Value.Index == 0 && firstExpression.Value.Length == text.Length)
            {
                return new(Parser.ParseExpression(firstExpression.Value.Inner, maxDepth), null, null);
            }

            return new(null, Parser.ParseTemplate(text, maxDepth), null);
        }
        catch (JinjaException e)
        {
            var offset = firstExpression is { Index: 0 } m && m.Length == text.Length ? 2 : 0;
            return new(null, null, new JinjaException(e.Category, e.Message, e.Position + offset));
        }
    }

    public JinjaException? Error => _error;

    public Value Run(Frame frame)
    {
        if (_error is not null)
        {
            throw _error;
        }

        if (_expression is not null)
        {
            try
            {
                return Py.ToPlain(_expression.Evaluate(frame));
            }
            catch (JinjaException e)
            {
                // Positions count from the inside of "{{"; report them in the whole string.
                throw e.Shift(2);
            }
        }

        var output = new StringBuilder();
        foreach (var stmt in _template!)
        {
            stmt.Render(frame, output);
        }

        return new StringValue(output.ToString());
    }

    /// <summary>Where the first <c>{{ }}</c> is and what it holds.</summary>
    public readonly record struct Match(int Index, int Length, string Inner);
}
