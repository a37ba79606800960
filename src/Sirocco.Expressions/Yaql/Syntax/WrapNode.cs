using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>(literal)</c>: evaluates as the literal, but is not one for the literal-type pre-check of operators.</summary>
internal sealed class WrapNode(YaqlNode inner, int position) : YaqlNode(position)
{
    public YaqlNode Inner { get; } = inner;

    public override int Height { get; } = HeightOf(inner);

    public override Value Evaluate(EvalContext context, Scope scope) => Inner.Evaluate(context, scope);
}
