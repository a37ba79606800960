using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>What YAQL treats as an iterable (lists, sets, lazy sequences; not strings, not dicts).</summary>
internal static class Sequences
{
    public static bool IsIterable(Value value) => value is ListValue or YaqlSet or YaqlLazy or YaqlOrdered;

    public static IEnumerable<Value> Enumerate(Value value) => value switch
    {
        ListValue list => list.Items,
        YaqlSet set => set.Items,
        YaqlLazy lazy => lazy.Enumerate(),
        YaqlOrdered ordered => ordered.Items,
        _ => throw new InvalidOperationException("Not iterable."),
    };

    /// <summary>
    /// A query result. The reference returns Python iterators here, and that shows: they cannot be
    /// indexed, are always truthy and equal only to themselves, so ours are lazy values too.
    /// </summary>
    public static Value Result(IEnumerable<Value> items) => new YaqlLazy(items);

    /// <summary>An endless producer: each item costs a step, so consuming it all fails at the step limit.</summary>
    public static YaqlLazy Endless(IEnumerable<Value> items, EvalContext context) => new(Stepped(items, context));

    private static IEnumerable<Value> Stepped(IEnumerable<Value> items, EvalContext context)
    {
        foreach (var item in items)
        {
            context.Step();
            yield return item;
        }
    }

    public static ListValue Materialize(IEnumerable<Value> items, EvalContext context)
    {
        var list = new List<Value>();
        foreach (var item in items)
        {
            list.Add(item);
            if (list.Count > 1024)
            {
                context.CheckSize(list.Count);
            }
        }

        return new ListValue(list);
    }
}
