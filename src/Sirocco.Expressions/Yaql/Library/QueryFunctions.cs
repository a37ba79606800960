using System.Numerics;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>LINQ-style queries over iterables: <c>where</c>, <c>select</c>, <c>orderBy</c>, <c>groupBy</c>, aggregates, ...</summary>
internal static partial class QueryFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("where", CallForm.Method, 2, 2, Where);
        r.Add("filter", CallForm.Method, 2, 2, Where);
        r.Add("select", CallForm.Method, 2, 2, call => Sequences.Result(call.Seq(0).Select(v => call.Call(1, v))));
        r.Add("selectMany", CallForm.Method, 2, 2, call => Sequences.Result(call.Seq(0).SelectMany(v =>
        {
            var inner = call.Call(1, v);
            return Sequences.IsIterable(inner) ? Sequences.Enumerate(inner) : [inner];
        })));
        r.Add("skip", CallForm.Method, 2, 2, call => Sequences.Result(call.Seq(0).Skip(call.SmallInt(1))));
        r.Add("limit", CallForm.Method, 2, 2, Take);
        r.Add("take", CallForm.Method, 2, 2, Take);
        r.Add("append", CallForm.Both, 1, -1, call => Sequences.Result(call.Seq(0).Concat(Enumerable.Range(1, call.Count - 1).Select(i => call[i]))));
        r.Add("distinct", CallForm.Both, 1, 2, Distinct);
        r.Add("enumerate", CallForm.Both, 1, 2, call =>
        {
            var start = call.Count > 1 ? call.Int(1) : BigInteger.Zero;
            return Sequences.Result(call.Seq(0).Select((v, i) => (Value)PythonLists.Create([new IntValue(start + i), v])));
        });
        r.Add("any", CallForm.Both, 1, 2, call => Value.From(call.Count > 1 ? call.Seq(0).Any(v => call.Call(1, v).IsTruthy) : call.Seq(0).Any()));
        r.Add("all", CallForm.Both, 1, 2, call => Value.From(call.Count > 1 ? call.Seq(0).All(v => call.Call(1, v).IsTruthy) : call.Seq(0).All(v => v.IsTruthy)));
        r.Add("concat", CallForm.Both, 1, -1, call =>
        {
            var parts = Enumerable.Range(0, call.Count).Select(call.Seq).ToList();
            return Sequences.Result(parts.SelectMany(p => p));
        });
        r.Add("len", CallForm.Both, 1, 1, Length);
        r.Add("count", CallForm.Method, 1, 1, call => Value.From(call.Seq(0).LongCount()));
        r.Add("memorize", CallForm.Method, 1, 1, call => call[0] is ListValue list ? list : Sequences.Result(call.Seq(0).ToList()));
        r.Add("sum", CallForm.Method, 1, 2, Sum);
        r.Add("max", CallForm.Method, 1, 2, call => Extreme(call, max: true));
        r.Add("min", CallForm.Method, 1, 2, call => Extreme(call, max: false));
        r.Add("first", CallForm.Method, 1, 2, call =>
        {
            foreach (var v in call.Seq(0))
            {
                return v;
            }

            return call.Count > 1 ? call[1] : throw new YaqlException("sequence_error", "Collection is empty");
        });
        r.Add("last", CallForm.Method, 1, 2, call =>
        {
            Value? last = null;
            foreach (var v in call.Seq(0))
            {
                last = v;
            }

            return last ?? (call.Count > 1 ? call[1] : throw new YaqlException("sequence_error", "Collection is empty"));
        });
        r.Add("single", CallForm.Method, 1, 1, call =>
        {
            var items = call.Seq(0).Take(2).ToList();
            return items.Count switch
            {
                1 => items[0],
                0 => throw new YaqlException("sequence_error", "Collection is empty"),
                _ => throw new YaqlException("sequence_error", "Collection contains more than one item"),
            };
        });
        r.Add("range", CallForm.Function, 1, 3, Range);
        r.Add("sequence", CallForm.Function, 0, 2, call =>
        {
            var start = call.Count > 0 ? call.Int(0) : BigInteger.Zero;
            var step = call.Count > 1 ? call.Int(1) : BigInteger.One;
            return Sequences.Endless(Infinite(start, step), call.Context);
        });
        r.Add("orderBy", CallForm.Method, 2, 2, call => OrderBy(call, descending: false));
        r.Add("orderByDescending", CallForm.Method, 2, 2, call => OrderBy(call, descending: true));
        r.Add("thenBy", CallForm.Method, 2, 2, call => ThenBy(call, descending: false));
        r.Add("thenByDescending", CallForm.Method, 2, 2, call => ThenBy(call, descending: true));
        r.Add("groupBy", CallForm.Method, 2, 4, GroupBy);
        r.Add("zip", CallForm.Method, 2, -1, Zip);
        r.Add("zipLongest", CallForm.Method, 2, -1, ZipLongest, acceptsNamed: true);
        r.Add("join", CallForm.Method, 4, 4, Join);
        r.Add("repeat", CallForm.Method, 1, 2, call =>
        {
            var value = call[0];
            if (call.Count > 1 && call.Int(1) >= 0)
            {
                call.Context.CheckSize((long)BigInteger.Min(call.Int(1), long.MaxValue));
                return Sequences.Result(Enumerable.Repeat(value, call.SmallInt(1)));
            }

            return Sequences.Endless(Forever(value), call.Context);
        });
        r.Add("cycle", CallForm.Method, 1, 1, call =>
        {
            var items = call.Seq(0).ToList();
            return Sequences.Endless(Cycle(items), call.Context);
        });
        r.Add("takeWhile", CallForm.Method, 2, 2, call => Sequences.Result(call.Seq(0).TakeWhile(v => call.Call(1, v).IsTruthy)));
        r.Add("skipWhile", CallForm.Method, 2, 2, call => Sequences.Result(call.Seq(0).SkipWhile(v => call.Call(1, v).IsTruthy)));
        r.Add("indexOf", CallForm.Method, 2, 2, call => Value.From(IndexWhere(call.Seq(0), v => YaqlEquality.AreEqual(v, call[1]), last: false)));
        r.Add("lastIndexOf", CallForm.Method, 2, 2, call => Value.From(IndexWhere(call.Seq(0), v => YaqlEquality.AreEqual(v, call[1]), last: true)));
        r.Add("indexWhere", CallForm.Method, 2, 2, call => Value.From(IndexWhere(call.Seq(0), v => call.Call(1, v).IsTruthy, last: false)));
        r.Add("lastIndexWhere", CallForm.Method, 2, 2, call => Value.From(IndexWhere(call.Seq(0), v => call.Call(1, v).IsTruthy, last: true)));
        r.Add("slice", CallForm.Method, 2, 2, call => call.SmallInt(1) switch
        {
            < 0 => throw YaqlException.ValueError("Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."),
            0 => ListValue.Empty,
            var length => Sequences.Result(call.Seq(0).Chunk(length).Select(c => (Value)new ListValue(c))),
        });
        r.Add("splitWhere", CallForm.Method, 2, 2, call => SplitWhere(call, keepSeparator: false));
        r.Add("sliceWhere", CallForm.Method, 2, 2, call => SplitWhere(call, keepSeparator: true));
        r.Add("splitAt", CallForm.Method, 2, 2, call =>
        {
            var items = call.Seq(0).ToList();
            var index = call.SmallInt(1);
            index = Math.Clamp(index < 0 ? items.Count + index : index, 0, items.Count);
            return PythonLists.Create([new ListValue(items.Take(index)), new ListValue(items.Skip(index))]);
        });
        r.Add("aggregate", CallForm.Method, 2, 3, Aggregate);
        r.Add("reduce", CallForm.Method, 2, 3, Aggregate);
        r.Add("accumulate", CallForm.Method, 2, 3, Accumulate);
        r.Add("reverse", CallForm.Method, 1, 1, call => Sequences.Result(call.Seq(0).Reverse()));
        r.Add("isIterable", CallForm.Function, 1, 1, call => Value.From(Sequences.IsIterable(call[0])));
        r.Add("generate", CallForm.Function, 3, 5, Generate, acceptsNamed: true);
        r.Add("defaultIfEmpty", CallForm.Method, 2, 2, call =>
        {
            var items = call.Seq(0).ToList();
            var fallback = call.Seq(1);
            return items.Count > 0 ? new ListValue(items) : call[1];
        });
        r.Add("mergeWith", CallForm.Method, 2, 5, MergeWith, acceptsNamed: true);
    }

    private static Value Where(Invocation call) => Sequences.Result(call.Seq(0).Where(v => call.Call(1, v).IsTruthy));

    private static Value Take(Invocation call) => Sequences.Result(call.Seq(0).Take(call.SmallInt(1)));

    private static Value Length(Invocation call) => call[0] switch
    {
        StringValue s => Value.From(CodePoints(s.Value)),
        DictValue d => Value.From(d.Count),
        ListValue l => Value.From(l.Count),
        YaqlSet set => Value.From(set.Items.Length),
        var v when Sequences.IsIterable(v) => Value.From(Sequences.Enumerate(v).LongCount()),
        _ => throw Invocation.NoMatch,
    };

    private static int CodePoints(string text)
    {
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                count++;
            }
        }

        return count;
    }

    private static Value Distinct(Invocation call)
    {
        var source = call.Seq(0);
        var seen = new HashSet<Value>();
        return Sequences.Result(call.Count > 1
            ? source.Where(v => seen.Add(PythonLists.RequireHashable(call.Call(1, v))))
            : source.Where(v => seen.Add(PythonLists.RequireHashable(v))));
    }

    private static Value Sum(Invocation call)
    {
        Value? total = call.Count > 1 ? call[1] : null;
        foreach (var v in call.Seq(0))
        {
            total = total is null ? v : Operators.Apply("+", total, v, call.Context);
        }

        return total ?? throw YaqlException.TypeError("reduce() of empty iterable with no initial value");
    }

    private static Value Extreme(Invocation call, bool max)
    {
        Value? best = call.Count > 1 ? call[1] : null;
        foreach (var v in call.Seq(0))
        {
            if (best is null)
            {
                best = v;
                continue;
            }

            var better = max ? Operators.Compare(">", v, best) : Operators.Compare("<", v, best);
            if (better)
            {
                best = v;
            }
        }

        return best ?? throw YaqlException.TypeError("reduce() of empty iterable with no initial value");
    }

    private static Value Range(Invocation call)
    {
        BigInteger start = 0, stop, step = 1;
        if (call.Count == 1)
        {
            stop = call.Int(0);
        }
        else
        {
            start = call.Int(0);
            stop = call.Int(1);
            step = call.Count > 2 ? call.Int(2) : BigInteger.One;
        }

        if (step.IsZero)
        {
            throw YaqlException.ValueError("range() arg 3 must not be zero");
        }

        return Sequences.Endless(RangeItems(start, stop, step), call.Context);
    }

    private static IEnumerable<Value> RangeItems(BigInteger start, BigInteger stop, BigInteger step)
    {
        for (var i = start; step > 0 ? i < stop : i > stop; i += step)
        {
            yield return new IntValue(i);
        }
    }

    private static IEnumerable<Value> Infinite(BigInteger start, BigInteger step)
    {
        for (var i = start; ; i += step)
        {
            yield return new IntValue(i);
        }
    }

    private static IEnumerable<Value> Forever(Value value)
    {
        while (true)
        {
            yield return value;
        }
    }

    private static IEnumerable<Value> Cycle(List<Value> items)
    {
        if (items.Count == 0)
        {
            yield break;
        }

        while (true)
        {
            foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    private static long IndexWhere(IEnumerable<Value> items, Func<Value, bool> predicate, bool last)
    {
        long index = 0, found = -1;
        foreach (var item in items)
        {
            if (predicate(item))
            {
                found = index;
                if (!last)
                {
                    return found;
                }
            }

            index++;
        }

        return found;
    }
}
