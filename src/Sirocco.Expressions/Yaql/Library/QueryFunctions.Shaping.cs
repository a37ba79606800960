using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>Ordering, grouping, zipping, folding and merging.</summary>
internal static partial class QueryFunctions
{
    private static Value OrderBy(Invocation call, bool descending)
    {
        var items = call.Seq(0).ToList();
        return new YaqlOrdered(items, [(v => call.Call(1, v), descending)]);
    }

    private static Value ThenBy(Invocation call, bool descending) =>
        call[0] is YaqlOrdered ordered ? ordered.ThenBy(v => call.Call(1, v), descending) : throw Invocation.NoMatch;

    private static Value GroupBy(Invocation call)
    {
        var groups = new Dictionary<Value, List<Value>>();
        var order = new List<Value>();
        foreach (var item in call.Seq(0))
        {
            var key = PythonLists.RequireHashable(call.Call(1, item));
            if (!groups.TryGetValue(key, out var values))
            {
                groups[key] = values = [];
                order.Add(key);
            }

            values.Add(call.Count > 2 && call.Node(2) is not null ? call.Call(2, item) : item);
        }

        var pairs = order.Select(key => (Value)new ListValue([key, PythonLists.Create(groups[key])]));
        return Sequences.Result(call.Count > 3 ? pairs.Select(p => call.Call(3, p)) : pairs);
    }

    private static Value Zip(Invocation call)
    {
        var lists = Enumerable.Range(0, call.Count).Select(i => call.Seq(i).ToList()).ToList();
        var length = lists.Min(l => l.Count);
        return Sequences.Result(Enumerable.Range(0, length).Select(i => (Value)new ListValue(lists.Select(l => l[i]))));
    }

    private static Value ZipLongest(Invocation call)
    {
        var fallback = call.Named("default") ?? Value.Null;
        if (call.NamedArguments.Any(n => n.Name != "default"))
        {
            throw Invocation.NoMatch;
        }

        var lists = Enumerable.Range(0, call.Count).Select(i => call.Seq(i).ToList()).ToList();
        var length = lists.Max(l => l.Count);
        return Sequences.Result(Enumerable.Range(0, length).Select(i => (Value)new ListValue(lists.Select(l => i < l.Count ? l[i] : fallback))));
    }

    private static Value Join(Invocation call)
    {
        var right = call.Seq(1).ToList();
        return Sequences.Result(call.Seq(0).SelectMany(a => right.Where(b => call.Call(2, a, b).IsTruthy).Select(b => call.Call(3, a, b))));
    }

    private static Value SplitWhere(Invocation call, bool keepSeparator) =>
        Sequences.Result(SplitWhereItems(call, call.Seq(0), keepSeparator));

    private static IEnumerable<Value> SplitWhereItems(Invocation call, IEnumerable<Value> source, bool keepSeparator)
    {
        // Lazy like the reference: the predicate runs only as far as the consumer reads.
        var current = new List<Value>();
        Value? previous = null;
        var any = false;
        foreach (var item in source)
        {
            any = true;
            var p = call.Call(1, item);
            if (keepSeparator)
            {
                if (previous is not null && !YaqlEquality.AreEqual(p, previous))
                {
                    yield return new ListValue(current);
                    current = [];
                }

                previous = p;
                current.Add(item);
            }
            else if (p.IsTruthy)
            {
                yield return new ListValue(current);
                current = [];
            }
            else
            {
                current.Add(item);
            }
        }

        if (any && (current.Count > 0 || keepSeparator))
        {
            if (current.Count > 0)
            {
                yield return new ListValue(current);
            }
        }
    }

    private static Value Aggregate(Invocation call)
    {
        Value? acc = call.Count > 2 ? call[2] : null;
        foreach (var item in call.Seq(0))
        {
            acc = acc is null ? item : call.Call(1, acc, item);
        }

        return acc ?? throw YaqlException.TypeError("reduce() of empty iterable with no initial value");
    }

    private static Value Accumulate(Invocation call)
    {
        var source = call.Seq(0);
        var seed = call.Count > 2 ? call[2] : null;
        return Sequences.Result(AccumulateItems(call, source, seed));
    }

    private static IEnumerable<Value> AccumulateItems(Invocation call, IEnumerable<Value> source, Value? seed)
    {
        using var items = source.GetEnumerator();
        if (seed is null)
        {
            seed = items.MoveNext() ? items.Current : throw YaqlException.TypeError("accumulate() of empty sequence with no initial value");
        }

        yield return seed;
        var total = seed;
        while (items.MoveNext())
        {
            total = call.Call(1, total, items.Current);
            yield return total;
        }
    }

    private static Value Generate(Invocation call)
    {
        var decycle = call.Named("decycle")?.IsTruthy ?? (call.Count > 4 && call[4].IsTruthy);
        var selector = call.Count > 3 ? call.Node(3) : null;
        var initial = call[0];
        return Sequences.Result(Produce(call, initial, selector, decycle));
    }

    private static IEnumerable<Value> Produce(Invocation call, Value current, Syntax.YaqlNode? selector, bool decycle)
    {
        var seen = decycle ? new HashSet<Value>() : null;
        while (call.Call(1, current).IsTruthy)
        {
            if (seen is not null && !seen.Add(current))
            {
                yield break;
            }

            yield return selector is null ? current : call.Invoke(selector, current);
            current = call.Call(2, current);
        }
    }

    private static Value MergeWith(Invocation call)
    {
        var left = call.Dict(0);
        var right = call.Dict(1);
        var listMerger = call.Count > 2 ? call.Node(2) : call.NamedArguments.FirstOrDefault(n => n.Name == "listMerger")?.Value;
        var itemMerger = call.Count > 3 ? call.Node(3) : call.NamedArguments.FirstOrDefault(n => n.Name == "itemMerger")?.Value;
        var levels = call.Count > 4 ? call.SmallInt(4) : call.Named("maxLevels") is IntValue i ? (int)i.Value : 0;
        return Merge(call, left, right, listMerger, itemMerger, levels);
    }

    private static DictValue Merge(Invocation call, DictValue left, DictValue right, Syntax.YaqlNode? listMerger, Syntax.YaqlNode? itemMerger, int levels)
    {
        var result = new List<KeyValuePair<Value, Value>>();
        foreach (var (key, value1) in left)
        {
            var merged = value1;
            if (right.TryGetValue(key, out var value2))
            {
                if (levels != 1 && value2 is DictValue d2)
                {
                    merged = value1 is DictValue d1
                        ? Merge(call, d1, d2, listMerger, itemMerger, levels == 0 ? 0 : levels - 1)
                        : throw YaqlException.TypeError("Cannot merge values of different types");
                }
                else if (levels != 1 && value2 is ListValue l2)
                {
                    merged = value1 is ListValue l1
                        ? listMerger is null ? new ListValue(l1.Items.AddRange(l2.Items).Distinct()) : call.Invoke(listMerger, l1, l2)
                        : throw YaqlException.TypeError("Cannot merge values of different types");
                }
                else
                {
                    merged = itemMerger is null ? value2 : call.Invoke(itemMerger, value1, value2);
                }
            }

            result.Add(new(key, merged));
        }

        foreach (var (key, value2) in right)
        {
            if (!left.ContainsKey(key))
            {
                result.Add(new(key, value2));
            }
        }

        return DictValue.From(result);
    }
}
