using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>A literal: number, string, <c>true</c>/<c>false</c>/<c>none</c>.</summary>
internal sealed class ConstExpr(Value value, int position) : Expr(position)
{
    public Value Value { get; } = value;

    protected override Value Eval(Frame frame) => Value;
}
