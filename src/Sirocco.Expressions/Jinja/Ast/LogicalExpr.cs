using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>and</c> / <c>or</c>: short-circuit, returning an operand as Python does (<c>0 or 'x'</c> is <c>'x'</c>).</summary>
internal sealed class LogicalExpr(bool isAnd, Expr left, Expr right, int position) : Expr(position)
{
    protected override Value Eval(Frame frame)
    {
        var first = left.Evaluate(frame);
        return Py.Truthy(first) == isAnd ? right.Evaluate(frame) : first;
    }
}
