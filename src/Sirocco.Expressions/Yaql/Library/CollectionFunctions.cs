using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;
using Sirocco.Expressions.Yaql.Syntax;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>Lists, dictionaries and sets: construction, access, modification (always by copy) and type checks.</summary>
internal static partial class CollectionFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("list", CallForm.Function, 0, -1, call => new ListValue(Enumerable.Range(0, call.Count).SelectMany(i =>
            call[i] is YaqlLazy or YaqlOrdered ? Sequences.Enumerate(call[i]) : [call[i]])));
        r.Add("toList", CallForm.Method, 1, 1, call => call.List(call.Seq(0)));
        r.Add("flatten", CallForm.Method, 1, 1, call => Sequences.Result(Flatten(call.Seq(0))));
        r.Add("dict", CallForm.Function, 0, -1, Dict, acceptsNamed: true);
        r.Add("toDict", CallForm.Method, 2, 3, call => DictValue.From(call.Seq(0).Select(v =>
            new KeyValuePair<Value, Value>(PythonLists.RequireHashable(call.Call(1, v)), call.Count > 2 ? call.Call(2, v) : v))));
        r.Add("get", CallForm.Method, 2, 3, call =>
        {
            var dict = call.Dict(0);
            return dict.TryGetValue(call[1], out var value) ? value : call.ArgOr(2, Value.Null);
        });
        r.Add("set", CallForm.Method, 1, 3, DictSet, acceptsNamed: true);
        r.Add("keys", CallForm.Method, 1, 1, call => new YaqlSet(call.Dict(0).Keys));
        r.Add("values", CallForm.Method, 1, 1, call => Sequences.Result(call.Dict(0).Values));
        r.Add("items", CallForm.Method, 1, 1, call => new YaqlSet(call.Dict(0).Select(e => (Value)new ListValue([e.Key, e.Value])), checkHashable: false));
        r.Add("contains", CallForm.Method, 2, 2, call => Value.From(call.Seq(0).Any(v => YaqlEquality.AreEqual(v, call[1]))));
        r.Add("containsKey", CallForm.Method, 2, 2, call => Value.From(call.Dict(0).ContainsKey(call[1])));
        r.Add("containsValue", CallForm.Method, 2, 2, call => Value.From(call.Dict(0).Values.Any(v => YaqlEquality.AreEqual(v, call[1]))));
        r.Add("isList", CallForm.Function, 1, 1, call => Value.From(call[0] is ListValue));
        r.Add("isDict", CallForm.Function, 1, 1, call => Value.From(call[0] is DictValue));
        r.Add("isSet", CallForm.Function, 1, 1, call => Value.From(call[0] is YaqlSet));
        r.Add("delete", CallForm.Method, 2, 3, DeleteAt);
        r.Add("delete", CallForm.Method, 1, -1, call => DeleteKeys(call.Dict(0), Enumerable.Range(1, call.Count - 1).Select(i => call[i])));
        r.Add("deleteAll", CallForm.Method, 2, 2, call => DeleteKeys(call.Dict(0), call.Seq(1)));
        r.Add("replace", CallForm.Method, 3, 4, call => ReplaceAt(call, [call[2]]));
        r.Add("replaceMany", CallForm.Method, 3, 4, call => ReplaceAt(call, [.. call.Seq(2)]));
        r.Add("insert", CallForm.Method, 3, 3, call => InsertAt(call, [call[2]], lazy: false));
        r.Add("insertMany", CallForm.Method, 3, 3, call => InsertAt(call, [.. call.Seq(2)], lazy: true));
        r.Add("set", CallForm.Function, 0, -1, call => new YaqlSet(Enumerable.Range(0, call.Count).SelectMany(i =>
            call[i] is YaqlLazy or YaqlOrdered ? Sequences.Enumerate(call[i]) : [call[i]])));
        r.Add("toSet", CallForm.Method, 1, 1, call => new YaqlSet(call.Seq(0)));
        r.Add("union", CallForm.Method, 2, 2, call => new YaqlSet(Set(call, 0).Items.Concat(Set(call, 1).Items)));
        r.Add("intersect", CallForm.Method, 2, 2, call => new YaqlSet(Set(call, 0).Items.Where(Set(call, 1).Lookup.Contains)));
        r.Add("difference", CallForm.Method, 2, 2, call => new YaqlSet(Set(call, 0).Items.Where(v => !Set(call, 1).Lookup.Contains(v))));
        r.Add("symmetricDifference", CallForm.Method, 2, 2, call =>
        {
            var a = Set(call, 0);
            var b = Set(call, 1);
            return new YaqlSet(a.Items.Where(v => !b.Lookup.Contains(v)).Concat(b.Items.Where(v => !a.Lookup.Contains(v))));
        });
        r.Add("add", CallForm.Method, 1, -1, call => new YaqlSet(Set(call, 0).Items.Concat(Enumerable.Range(1, call.Count - 1).Select(i => call[i]))));
        r.Add("remove", CallForm.Method, 1, -1, call =>
        {
            var removed = new HashSet<Value>(Enumerable.Range(1, call.Count - 1).Select(i => call[i]));
            return new YaqlSet(Set(call, 0).Items.Where(v => !removed.Contains(v)));
        });
    }

    private static YaqlSet Set(Invocation call, int index) => call[index] as YaqlSet ?? throw Invocation.NoMatch;

    private static IEnumerable<Value> Flatten(IEnumerable<Value> items)
    {
        foreach (var item in items)
        {
            if (Sequences.IsIterable(item))
            {
                foreach (var inner in Flatten(Sequences.Enumerate(item)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return item;
            }
        }
    }

    private static Value Dict(Invocation call)
    {
        var entries = new List<KeyValuePair<Value, Value>>();
        if (call.RawArguments.Length == 1 && call.RawArguments[0] is not MappingNode)
        {
            foreach (var pair in call.Seq(0))
            {
                // The reference takes the first two items of whatever each element iterates to.
                var kv = PairItems(pair).Take(2).ToList();
                if (kv.Count < 2)
                {
                    throw new YaqlException("sequence_error", "dict() element has fewer than 2 items");
                }

                entries.Add(new(PythonLists.RequireHashable(kv[0]), kv[1]));
            }

            return DictValue.From(entries);
        }

        foreach (var argument in call.RawArguments)
        {
            if (argument is not MappingNode mapping)
            {
                throw Invocation.NoMatch;
            }

            entries.Add(new(mapping.Key.Evaluate(call.Context, call.Scope), mapping.Value.Evaluate(call.Context, call.Scope)));
        }

        return DictValue.From(entries);
    }

    private static IEnumerable<Value> PairItems(Value pair) => pair switch
    {
        StringValue s => s.Value.Select(c => (Value)new StringValue(c.ToString())),
        DictValue d => d.Keys,
        _ when Sequences.IsIterable(pair) => Sequences.Enumerate(pair),
        _ => throw YaqlException.TypeError($"'{pair.Kind.ToString().ToLowerInvariant()}' object is not iterable"),
    };

    private static Value DictSet(Invocation call)
    {
        var dict = call.Dict(0);
        if (call.Count == 3)
        {
            return dict.With(call[1], call[2]);
        }

        if (call.Count == 2)
        {
            return dict.Merge(call.Dict(1));
        }

        foreach (var argument in call.RawArguments)
        {
            if (argument is not MappingNode mapping)
            {
                throw Invocation.NoMatch;
            }

            dict = dict.With(mapping.Key.Evaluate(call.Context, call.Scope), mapping.Value.Evaluate(call.Context, call.Scope));
        }

        return dict;
    }

    private static DictValue DeleteKeys(DictValue dict, IEnumerable<Value> keys)
    {
        var removed = new HashSet<Value>(keys);
        return DictValue.From(dict.Where(e => !removed.Contains(e.Key)));
    }
}
