using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>name(args)</c>: a function call, or a method call when it is the right side of <c>.</c>.</summary>
internal sealed class CallNode(string name, YaqlNode[] arguments, int position) : YaqlNode(position)
{
    public string Name { get; } = name;

    public YaqlNode[] Arguments { get; } = arguments;

    public override int Height { get; } = HeightOf(arguments);

    /// <summary>The arguments that are not <c>name =&gt; value</c>, split once at parse time.</summary>
    public YaqlNode[] Positional { get; } = [.. arguments.Where(a => a is not MappingNode { Name: not null })];

    /// <summary>The <c>name =&gt; value</c> arguments, or null when there are none.</summary>
    public MappingNode[]? Named { get; } = arguments.OfType<MappingNode>().Where(m => m.Name is not null).ToArray() is { Length: > 0 } named ? named : null;

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        try
        {
            return context.Library.CallFunction(this, scope, context);
        }
        catch (YaqlException e) when (e.Position is null)
        {
            throw e.At(Position);
        }
    }
}
