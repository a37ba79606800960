using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>A node of a parsed YAQL expression. Trees are immutable and shared by every evaluation.</summary>
internal abstract class YaqlNode(int position)
{
    public int Position { get; } = position;

    public abstract Value Evaluate(EvalContext context, Scope scope);
}
