using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>A comparison chain: <c>1 &lt; x &lt;= 3</c> means <c>1 &lt; x and x &lt;= 3</c>; also <c>in</c> and <c>not in</c>.</summary>
internal sealed class CompareExpr(Expr first, IReadOnlyList<KeyValuePair<string, Expr>> operations, int position) : Expr(position)
{
    protected override Value Eval(Frame frame)
    {
        var left = first.Evaluate(frame);
        foreach (var (op, expr) in operations)
        {
            var right = expr.Evaluate(frame);
            if (!Holds(op, left, right))
            {
                return Value.False;
            }

            left = right;
        }

        return Value.True;
    }

    internal static bool Holds(string op, Value left, Value right) => op switch
    {
        "==" => Py.Equal(left, right),
        "!=" => !Py.Equal(left, right),
        "<" => !IsNaN(left, right) && Py.Compare(left, right, op) < 0,
        "<=" => !IsNaN(left, right) && Py.Compare(left, right, op) <= 0,
        ">" => !IsNaN(left, right) && Py.Compare(left, right, op) > 0,
        ">=" => !IsNaN(left, right) && Py.Compare(left, right, op) >= 0,
        "in" => Py.Contains(right, left),
        _ => !Py.Contains(right, left),
    };

    private static bool IsNaN(Value a, Value b) =>
        a is FloatValue { Value: double.NaN } || b is FloatValue { Value: double.NaN };
}
