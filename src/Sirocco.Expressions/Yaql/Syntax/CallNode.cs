using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>name(args)</c>: a function call, or a method call when it is the right side of <c>.</c>.</summary>
internal sealed class CallNode(string name, YaqlNode[] arguments, int position) : YaqlNode(position)
{
    public string Name { get; } = name;

    public YaqlNode[] Arguments { get; } = arguments;

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        return context.Library.CallFunction(this, scope, context);
    }
}
