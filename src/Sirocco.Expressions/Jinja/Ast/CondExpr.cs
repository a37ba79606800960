using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>a if test else b</c>; without <c>else</c> a false test yields an undefined value.</summary>
internal sealed class CondExpr(Expr test, Expr then, Expr? otherwise, int position, int line) : Expr(position)
{
    protected override Value Eval(Frame frame)
    {
        if (Py.Truthy(test.Evaluate(frame)))
        {
            return then.Evaluate(frame);
        }

        return otherwise?.Evaluate(frame)
            ?? new Undefined($"the inline if-expression on line {line} evaluated to false and no else section was defined.", lenient: true);
    }
}
