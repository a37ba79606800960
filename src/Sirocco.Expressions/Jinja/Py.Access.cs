using System.Numerics;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Jinja's sandboxed attribute and item access. <c>a.b</c> tries the Python attribute first (so
/// <c>_.values</c> is the dict method) and then the item; <c>a['b']</c> tries the item first. Dunder
/// attributes are refused as unsafe, as Jinja's <c>SandboxedEnvironment</c> does.
/// </summary>
internal static partial class Py
{
    public static Value GetAttr(Value owner, string name)
    {
        if (owner is Undefined u)
        {
            throw u.Fail();
        }

        if (IsDunder(name))
        {
            return Unsafe(owner, name);
        }

        if (owner is LoopObject loop)
        {
            return loop.Attribute(name) ?? Undefined.Missing(owner, new StringValue(name));
        }

        if (owner is ListValue { IsTuple: true, Count: 2 } tuple && Filters.GroupAttribute(tuple, name) is { } part)
        {
            return part;
        }

        if (owner is Namespace ns)
        {
            return ns.Get(name) ?? Undefined.Missing(owner, new StringValue(name));
        }

        if (Methods.Bind(owner, name) is { } method)
        {
            return method;
        }

        if (owner is DictValue dict && dict.TryGetValue(new StringValue(name), out var item))
        {
            return item;
        }

        return Undefined.Missing(owner, new StringValue(name));
    }

    /// <summary>Only the Python attribute, as the <c>attr</c> filter reads it.</summary>
    public static Value GetAttrOnly(Value owner, string name)
    {
        if (owner is Undefined u)
        {
            throw u.Fail();
        }

        if (IsDunder(name))
        {
            return Unsafe(owner, name);
        }

        return (owner is LoopObject loop ? loop.Attribute(name) : Methods.Bind(owner, name))
            ?? Undefined.Missing(owner, new StringValue(name));
    }

    public static Value GetItem(Value owner, Value key)
    {
        if (owner is Undefined u)
        {
            throw u.Fail();
        }

        Defined(key);
        switch (owner)
        {
            case DictValue dict when key is not (ListValue or DictValue) && dict.TryGetValue(key, out var value):
                return value;
            case ListValue list when key is IntValue or BoolValue:
                var index = AsBig(key);
                if (index < 0)
                {
                    index += list.Count;
                }

                if (index >= 0 && index < list.Count)
                {
                    return list[(int)index];
                }

                break;
            case LazySequence { TypeName: "range" } range when key is IntValue or BoolValue:
                var at = AsBig(key) < 0 ? AsBig(key) + range.Values.Length : AsBig(key);
                if (at >= 0 && at < range.Values.Length)
                {
                    return range.Values[(int)at];
                }

                break;
            case StringValue s when key is IntValue or BoolValue:
                var big = AsBig(key);
                if (big >= long.MinValue && big <= long.MaxValue && PyString.At(s.Value, (long)big) is { } ch)
                {
                    return new StringValue(ch);
                }

                break;
        }

        return key is StringValue name ? GetAttrOnly(owner, name.Value) : Undefined.Missing(owner, key);
    }

    public static Value GetSlice(Value owner, Value? start, Value? stop, Value? step)
    {
        Defined(owner);
        var from = SliceBound(start);
        var to = SliceBound(stop);
        var by = SliceBound(step);
        if (by == 0)
        {
            throw JinjaException.ValueError("slice step cannot be zero");
        }

        return owner switch
        {
            StringValue s => new StringValue(PyString.Slice(s.Value, from, to, by)),
            ListValue l => new ListValue(SliceIndices(l.Count, from, to, by).Select(i => l[i]), l.IsTuple),
            _ => Undefined.Missing(owner, new StringValue("slice")),
        };
    }

    /// <summary>The indices Python's <c>slice(start, stop, step).indices(length)</c> visits.</summary>
    public static IEnumerable<int> SliceIndices(int length, int? start, int? stop, int? step)
    {
        var by = step ?? 1;
        int Clamp(int? value, int whenMissing, int low, int high)
        {
            if (value is null)
            {
                return whenMissing;
            }

            var v = value.Value < 0 ? value.Value + length : value.Value;
            return Math.Clamp(v, low, high);
        }

        if (by > 0)
        {
            var from = Clamp(start, 0, 0, length);
            var to = Clamp(stop, length, 0, length);
            for (var i = from; i < to; i += by)
            {
                yield return i;
            }
        }
        else
        {
            var from = Clamp(start, length - 1, -1, length - 1);
            var to = Clamp(stop, -1, -1, length - 1);
            for (var i = from; i > to; i += by)
            {
                yield return i;
            }
        }
    }

    /// <summary>The value as the workflow stores it: JSON types only, dictionary keys as text.</summary>
    public static Value ToPlain(Value value) => IsPlain(value) ? value : Rebuild(value);

    private static bool IsPlain(Value value) => value switch
    {
        JinjaObject => false,
        ListValue list => !list.IsTuple && list.Items.All(IsPlain),
        DictValue dict => dict.All(e => e.Key is StringValue && IsPlain(e.Value)),
        _ => true,
    };

    private static Value Rebuild(Value value)
    {
        switch (value)
        {
            case Undefined u:
                throw u.Fail();
            case LazySequence s:
                return new ListValue(s.Values.Select(ToPlain));
            case JinjaObject o:
                throw JinjaException.Type($"Object of type '{o.TypeName}' cannot be stored as a workflow value");
            case ListValue list:
                return new ListValue(list.Items.Select(ToPlain));
            case DictValue dict:
                return DictValue.From(dict.Select(e =>
                    new KeyValuePair<Value, Value>(
                        e.Key is StringValue ? e.Key : new StringValue(KeyText(e.Key)), ToPlain(e.Value))));
            default:
                return value;
        }
    }

    private static string KeyText(Value key) => key switch
    {
        FloatValue f => PythonText.FloatRepr(f.Value),
        Undefined u => throw u.Fail(),
        JinjaObject or ListValue or DictValue => throw JinjaException.Type(
            $"keys must be str, int, float, bool or None, not {TypeName(key)}"),
        _ => JsonValues.KeyText(key),
    };

    private static int? SliceBound(Value? value) => value switch
    {
        null or NullValue => null,
        IntValue or BoolValue => (int)BigInteger.Clamp(AsBig(value), int.MinValue + 1, int.MaxValue),
        _ => throw JinjaException.Type("slice indices must be integers or None or have an __index__ method"),
    };

    private static bool IsDunder(string name) => name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal);

    private static Undefined Unsafe(Value owner, string name) =>
        new($"access to attribute '{name}' of '{TypeName(owner)}' object is unsafe.", ErrorCategories.Security);
}
