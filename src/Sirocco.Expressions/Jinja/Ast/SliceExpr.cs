using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>target[start:stop:step]</c>.</summary>
internal sealed class SliceExpr(Expr target, Expr? start, Expr? stop, Expr? step, int position) : Expr(position)
{
    protected override Value Eval(Frame frame) =>
        Py.GetSlice(target.Evaluate(frame), start?.Evaluate(frame), stop?.Evaluate(frame), step?.Evaluate(frame));
}
