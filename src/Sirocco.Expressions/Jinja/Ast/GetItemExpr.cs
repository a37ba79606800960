using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>target[key]</c>: item first, then (for string keys) attribute.</summary>
internal sealed class GetItemExpr(Expr target, Expr key, int position) : Expr(position)
{
    protected override Value Eval(Frame frame) => Py.GetItem(target.Evaluate(frame), key.Evaluate(frame));
}
