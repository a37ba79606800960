using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Arithmetic: <c>+ - * / // % **</c>.</summary>
internal sealed class BinaryExpr(string op, Expr left, Expr right, int position) : Expr(position)
{
    protected override Value Eval(Frame frame)
    {
        var a = left.Evaluate(frame);
        var b = right.Evaluate(frame);
        return op switch
        {
            "+" => Py.Add(a, b, frame),
            "-" => Py.Subtract(a, b),
            "*" => Py.Multiply(a, b, frame),
            "/" => Py.Divide(a, b),
            "//" => Py.FloorDivide(a, b),
            "%" => Py.Modulo(a, b, frame),
            _ => Py.Power(a, b),
        };
    }
}
