using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>a ~ b ~ c</c>: the <c>str()</c> of each operand joined.</summary>
internal sealed class ConcatExpr(IReadOnlyList<Expr> parts, int position) : Expr(position)
{
    protected override Value Eval(Frame frame)
    {
        var builder = new StringBuilder();
        foreach (var part in parts)
        {
            builder.Append(Py.Str(part.Evaluate(frame)));
            frame.CheckSize(builder.Length);
        }

        return new StringValue(builder.ToString());
    }
}
