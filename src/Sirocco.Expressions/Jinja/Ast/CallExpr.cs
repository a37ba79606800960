using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary><c>target(args)</c>: a method, a Mistral function or a Jinja global.</summary>
internal sealed class CallExpr(Expr target, CallArgs args, int position) : Expr(position)
{
    protected override Value Eval(Frame frame)
    {
        var callee = target.Evaluate(frame);
        return callee switch
        {
            Undefined u => throw u.Fail(),
            Callable c => c.Invoke(args.Evaluate(frame), frame),
            _ => throw JinjaException.Type($"'{Py.TypeName(callee)}' object is not callable"),
        };
    }
}
