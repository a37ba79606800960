using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>input is name(args)</c>; the test was resolved when the expression was parsed.</summary>
internal sealed class TestExpr(Expr input, JinjaTest test, CallArgs args, int position) : Expr(position)
{
    protected override Value Eval(Frame frame) => Value.From(test(input.Evaluate(frame), args.Evaluate(frame), frame));
}
