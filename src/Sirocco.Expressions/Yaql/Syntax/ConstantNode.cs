using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>A number, quoted string, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class ConstantNode(Value value, int position) : YaqlNode(position)
{
    public Value Value { get; } = value;

    public override Value Evaluate(EvalContext context, Scope scope) => Value;
}
