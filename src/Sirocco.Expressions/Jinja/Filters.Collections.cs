using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Sequence filters: length, first/last, join, sort, unique, reverse, batch, slice, dictsort, groupby, items.</summary>
internal static partial class Filters
{
    private static void AddCollectionFilters(Dictionary<string, Filter> f)
    {
        f["length"] = (v, a, _) => NoArgs("length", a, Py.Int(Py.Length(v)));
        f["count"] = f["length"];
        f["list"] = (v, a, _) => NoArgs("list", a, new ListValue(Py.Iterate(v)));
        f["first"] = (v, a, _) =>
        {
            a.Bind("first");
            var items = Py.Iterate(v);
            return items.Count > 0 ? items[0] : new Undefined("No first item, sequence was empty.");
        };
        f["last"] = (v, a, _) =>
        {
            a.Bind("last");
            if (v is LazySequence { TypeName: "generator" })
            {
                throw JinjaException.Type("'generator' object is not reversible");
            }

            var items = Py.Iterate(v);
            return items.Count > 0 ? items[^1] : new Undefined("No last item, sequence was empty.");
        };
        f["random"] = (v, a, frame) =>
        {
            a.Bind("random");
            var items = Py.Iterate(v);
            return items.Count > 0 ? items[frame.Options.NextRandom(items.Count)] : new Undefined("No random item, sequence was empty.");
        };
        f["join"] = Join;
        f["sort"] = (v, a, frame) =>
        {
            var b = a.Bind("sort", "reverse", "case_sensitive", "attribute");
            var key = MultiAttrGetter(b[2], ignoreCase: !Flag(b[1]));
            var items = Py.Iterate(v);
            frame.Step(items.Count);
            return new ListValue(Py.Sorted(items, key, Flag(b[0])));
        };
        f["unique"] = (v, a, frame) =>
        {
            var b = a.Bind("unique", "case_sensitive", "attribute");
            var key = AttrGetter(b[1], ignoreCase: !Flag(b[0]));
            var seen = new HashSet<Value>();
            var items = Py.Iterate(v);
            frame.Step(items.Count);
            return LazySequence.Generator(items.Where(item => seen.Add(Hashable(key(item)))).ToList(), "do_unique");
        };
        f["reverse"] = (v, a, _) =>
        {
            a.Bind("reverse");
            return Py.Defined(v) switch
            {
                StringValue s => Py.Str(PyString.Reverse(s.Value)),
                ListValue l => new LazySequence("list_reverseiterator", [.. l.Items.Reverse()]),
                DictValue d => new LazySequence("dict_reversekeyiterator", [.. d.Keys.Reverse()]),
                _ => new ListValue(Py.Iterate(v).Reverse()),
            };
        };
        f["batch"] = (v, a, _) =>
        {
            var b = a.Bind("batch", 1, "linecount", "fill_with");
            return LazySequence.Generator(Batch(Py.Iterate(v), Int(b[0], 1), b[1] is null or NullValue ? null : b[1]), "do_batch");
        };
        f["slice"] = (v, a, _) => Slice(v, a);
        f["dictsort"] = DictSort;
        f["groupby"] = GroupBy;
        f["items"] = (v, a, _) =>
        {
            a.Bind("items");
            return v switch
            {
                Undefined => LazySequence.Generator([], "do_items"),
                DictValue d => LazySequence.Generator(d.Select(e => (Value)new ListValue([e.Key, e.Value], isTuple: true)).ToList(), "do_items"),
                _ => throw new JinjaException(ErrorCategories.TypeError, "Can only get item pairs from a mapping."),
            };
        };
    }

    /// <summary>
    /// The tuples <c>groupby</c> made: Jinja's <c>_GroupTuple</c> is a tuple that also has <c>grouper</c> and
    /// <c>list</c> attributes. Weak keys, so the table forgets them with the evaluation.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ListValue, ListValue> GroupTuples = [];

    internal static Value? GroupAttribute(ListValue tuple, string name) =>
        name is "grouper" or "list" && GroupTuples.TryGetValue(tuple, out _) ? tuple[name == "grouper" ? 0 : 1] : null;

    private static Value Hashable(Value key) =>
        key is ListValue { IsTuple: false } or DictValue ? throw JinjaException.Type($"unhashable type: '{Py.TypeName(key)}'") : Py.Defined(key);

    private static Value Join(Value value, Arguments args, Frame frame)
    {
        var b = args.Bind("join", "d", "attribute");
        var separator = b[0] is null ? string.Empty : Text(b[0]!);
        var getter = AttrGetter(b[1]);
        var builder = new StringBuilder();
        var first = true;
        foreach (var item in Py.Iterate(value))
        {
            frame.Step();
            if (!first)
            {
                builder.Append(separator);
            }

            first = false;
            builder.Append(Text(getter(item)));
            frame.CheckSize(builder.Length);
        }

        return Py.Str(builder.ToString());
    }

    /// <summary>Jinja's batching loop, quirks included (<c>batch(0)</c> yields an empty batch first).</summary>
    private static List<Value> Batch(IReadOnlyList<Value> items, int size, Value? fill)
    {
        var batches = new List<Value>();
        var current = new List<Value>();
        foreach (var item in items)
        {
            if (current.Count == size)
            {
                batches.Add(new ListValue(current));
                current = [];
            }

            current.Add(item);
        }

        if (current.Count > 0)
        {
            while (fill is not null && current.Count < size)
            {
                current.Add(fill);
            }

            batches.Add(new ListValue(current));
        }

        return batches;
    }

    private static Value Slice(Value value, Arguments args)
    {
        var b = args.Bind("slice", 1, "slices", "fill_with");
        var slices = Int(b[0], 1);
        if (slices <= 0)
        {
            throw JinjaException.ValueError("slices must be positive");
        }

        var seq = Py.Iterate(value);
        var perSlice = seq.Count / slices;
        var withExtra = seq.Count % slices;
        var offset = 0;
        var result = new List<Value>();
        for (var i = 0; i < slices; i++)
        {
            var start = offset + (i * perSlice);
            if (i < withExtra)
            {
                offset++;
            }

            var end = offset + ((i + 1) * perSlice);
            var part = seq.Skip(start).Take(end - start).ToList();
            if (b[1] is not (null or NullValue) && i >= withExtra)
            {
                part.Add(b[1]!);
            }

            result.Add(new ListValue(part));
        }

        return LazySequence.Generator(result, "sync_do_slice");
    }

    private static Value DictSort(Value value, Arguments args, Frame frame)
    {
        var b = args.Bind("dictsort", "case_sensitive", "by", "reverse");
        if (Py.Defined(value) is not DictValue dict)
        {
            throw new JinjaException(ErrorCategories.Other, $"'{Py.TypeName(value)}' object has no attribute 'items'");
        }

        var by = b[1] is null ? "key" : Text(b[1]!);
        var position = by switch
        {
            "key" => 0,
            "value" => 1,
            _ => throw new JinjaException(ErrorCategories.Other, "You can only sort by either 'key' or 'value'"),
        };
        var ignoreCase = !Flag(b[0]);
        frame.Step(dict.Count);
        var pairs = dict.Select(e => (Value)new ListValue([e.Key, e.Value], isTuple: true));
        return new ListValue(Py.Sorted(pairs, pair =>
        {
            var key = ((ListValue)pair)[position];
            return ignoreCase ? IgnoreCase(key) : key;
        }, Flag(b[2])));
    }

    private static Value GroupBy(Value value, Arguments args, Frame frame)
    {
        var b = args.Bind("groupby", 1, "attribute", "default", "case_sensitive");
        var ignoreCase = !Flag(b[2]);
        var key = AttrGetter(b[0], ignoreCase, b[1]);
        var output = AttrGetter(b[0], false, b[1]);
        var items = Py.Iterate(value);
        frame.Step(items.Count);
        var sorted = Py.Sorted(items, key);
        var groups = new List<Value>();
        var i = 0;
        while (i < sorted.Count)
        {
            var groupKey = key(sorted[i]);
            var members = new List<Value>();
            while (i < sorted.Count && Py.Equal(key(sorted[i]), groupKey))
            {
                members.Add(sorted[i++]);
            }

            var group = new ListValue([ignoreCase ? output(members[0]) : groupKey, new ListValue(members)], isTuple: true);
            GroupTuples.Add(group, group);
            groups.Add(group);
        }

        return new ListValue(groups);
    }
}
