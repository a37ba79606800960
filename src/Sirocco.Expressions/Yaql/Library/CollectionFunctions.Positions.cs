using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>Positional edits of sequences (<c>delete</c>, <c>replace</c>, <c>insert</c>), returning new lists.</summary>
internal static partial class CollectionFunctions
{
    private static Value DeleteAt(Invocation call)
    {
        if (call[0] is DictValue)
        {
            throw Invocation.NoMatch;
        }

        var items = call.Seq(0).ToList();
        var position = call.SmallInt(1);
        var count = call.Count > 2 ? call.SmallInt(2) : 1;
        return call.Result(items.Where((_, i) => i < position || (count >= 0 && i >= position + count)));
    }

    private static Value ReplaceAt(Invocation call, IReadOnlyList<Value> values)
    {
        var items = call.Seq(0).ToList();
        var position = call.SmallInt(1);
        var count = call.Count > 3 ? call.SmallInt(3) : 1;
        var result = new List<Value>();
        for (var i = 0; i < items.Count; i++)
        {
            if (i == position)
            {
                result.AddRange(values);
            }

            if (i < position || (count >= 0 && i >= position + count))
            {
                result.Add(items[i]);
            }
        }

        return call.Result(result);
    }

    private static Value InsertAt(Invocation call, IReadOnlyList<Value> values, bool lazy)
    {
        var items = call.Seq(0).ToList();
        var position = call.SmallInt(1);
        if (position < 0)
        {
            position = Math.Max(0, items.Count + position);
        }

        position = Math.Min(position, items.Count);
        items.InsertRange(position, values);
        return lazy ? call.Result(items) : new ListValue(items);
    }
}
