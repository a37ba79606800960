using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>input | name(args)</c>; the filter was resolved when the expression was parsed.</summary>
internal sealed class FilterExpr(Expr input, Filter filter, CallArgs args, int position) : Expr(position)
{
    protected override Value Eval(Frame frame) => filter(input.Evaluate(frame), args.Evaluate(frame), frame);
}
