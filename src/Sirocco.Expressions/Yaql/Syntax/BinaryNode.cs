using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>Arithmetic, comparison, membership and regex-match operators.</summary>
internal sealed class BinaryNode(string op, YaqlNode left, YaqlNode right, int position) : YaqlNode(position)
{
    public string Operator { get; } = op;

    public YaqlNode Left { get; } = left;

    public YaqlNode Right { get; } = right;

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        var left = Left.Evaluate(context, scope);
        var right = Right.Evaluate(context, scope);
        return Operators.Apply(Operator, left, right, context);
    }
}
