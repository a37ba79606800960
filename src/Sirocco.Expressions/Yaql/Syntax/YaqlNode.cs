using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary>A node of a parsed YAQL expression. Trees are immutable and shared by every evaluation.</summary>
internal abstract class YaqlNode(int position)
{
    public int Position { get; } = position;

    /// <summary>Nesting height of the tree below this node (1 for a leaf); bounds evaluation recursion.</summary>
    public virtual int Height => 1;

    protected static int HeightOf(params ReadOnlySpan<YaqlNode> children)
    {
        var max = 0;
        foreach (var child in children)
        {
            max = Math.Max(max, child.Height);
        }

        return max + 1;
    }

    public abstract Value Evaluate(EvalContext context, Scope scope);
}
