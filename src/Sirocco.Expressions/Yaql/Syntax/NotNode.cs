using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>not x</c>: Python truthiness.</summary>
internal sealed class NotNode(YaqlNode operand, int position) : YaqlNode(position)
{
    public YaqlNode Operand { get; } = operand;

    public override int Height { get; } = HeightOf(operand);

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        return Value.From(!Operand.Evaluate(context, scope).IsTruthy);
    }
}
