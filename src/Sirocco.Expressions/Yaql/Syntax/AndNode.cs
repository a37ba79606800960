using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>a and b</c>: Python semantics, <c>b</c> only evaluated when <c>a</c> is truthy; yields an operand.</summary>
internal sealed class AndNode(YaqlNode left, YaqlNode right, int position) : YaqlNode(position)
{
    public YaqlNode Left { get; } = left;

    public YaqlNode Right { get; } = right;

    public override int Height { get; } = HeightOf(left, right);

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        var left = Left.Evaluate(context, scope);
        return left.IsTruthy ? Right.Evaluate(context, scope) : left;
    }
}
