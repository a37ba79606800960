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
        return Sequences.Result(items.Where((_, i) => i < position || (count >= 0 && i >= position + count)));
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

        return Sequences.Result(result);
    }

    private static Value InsertAt(Invocation call, IReadOnlyList<Value> values, bool lazy)
    {
        var position = call.SmallInt(1);
        if (!lazy && call[0] is ListValue list)
        {
            // Python's list.insert: a negative position counts from the end, out of range clamps.
            var items = list.Items.ToList();
            var at = position < 0 ? Math.Max(0, items.Count + position) : Math.Min(position, items.Count);
            items.InsertRange(at, values);
            return PythonLists.Create(items);
        }

        return Sequences.Result(InsertItems(call.Seq(0), position, values, lazy));
    }

    /// <summary>The reference's iterator insert: a negative position drops the value for insert() and prepends for insertMany().</summary>
    private static IEnumerable<Value> InsertItems(IEnumerable<Value> source, int position, IReadOnlyList<Value> values, bool many)
    {
        if (many && position < 0)
        {
            foreach (var v in values)
            {
                yield return v;
            }
        }

        var i = -1;
        foreach (var item in source)
        {
            i++;
            if (i == position)
            {
                foreach (var v in values)
                {
                    yield return v;
                }
            }

            yield return item;
        }

        if (position > i)
        {
            foreach (var v in values)
            {
                yield return v;
            }
        }
    }
}
