using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>-x</c>, <c>+x</c> and <c>not x</c>.</summary>
internal sealed class UnaryExpr(string op, Expr operand, int position) : Expr(position)
{
    protected override Value Eval(Frame frame)
    {
        var value = operand.Evaluate(frame);
        return op switch
        {
            "-" => Py.Negate(value),
            "+" => Py.Plus(value),
            _ => Value.From(!Py.Truthy(value)),
        };
    }
}
