using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>context -&gt; expression</c>: evaluates the right side in the context <c>let()</c>/<c>with()</c>/<c>def()</c> made.</summary>
internal sealed class ArrowNode(YaqlNode left, YaqlNode right, int position) : YaqlNode(position)
{
    public YaqlNode Left { get; } = left;

    public YaqlNode Right { get; } = right;

    public override int Height { get; } = HeightOf(left, right);

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        var left = Left.Evaluate(context, scope);
        if (left is not YaqlScopeValue target)
        {
            throw YaqlException.NoMatchingFunction("#operator_->");
        }

        return Right.Evaluate(context, target.Scope);
    }
}
