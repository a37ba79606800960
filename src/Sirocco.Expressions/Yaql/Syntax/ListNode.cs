using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>[a, b]</c>.</summary>
internal sealed class ListNode(YaqlNode[] items, int position) : YaqlNode(position)
{
    public YaqlNode[] Items { get; } = items;

    public override int Height { get; } = HeightOf(items);

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        var values = new Value[Items.Length];
        for (var i = 0; i < values.Length; i++)
        {
            if (Items[i] is MappingNode)
            {
                throw YaqlException.NoMatchingFunction("#list");
            }

            values[i] = Items[i].Evaluate(context, scope);
        }

        return new ListValue(values);
    }
}
