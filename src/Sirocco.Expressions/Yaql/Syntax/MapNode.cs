using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Syntax;

/// <summary><c>{key =&gt; value, ...}</c>; a bare-word key is a string.</summary>
internal sealed class MapNode(YaqlNode[] entries, int position) : YaqlNode(position)
{
    public YaqlNode[] Entries { get; } = entries;

    public override int Height { get; } = HeightOf(entries);

    public override Value Evaluate(EvalContext context, Scope scope)
    {
        context.Step();
        var pairs = new List<KeyValuePair<Value, Value>>(Entries.Length);
        foreach (var entry in Entries)
        {
            if (entry is not MappingNode mapping)
            {
                throw YaqlException.NoMatchingFunction("#map");
            }

            pairs.Add(new(PythonLists.RequireHashable(mapping.Key.Evaluate(context, scope)), mapping.Value.Evaluate(context, scope)));
        }

        return DictValue.From(pairs);
    }
}
