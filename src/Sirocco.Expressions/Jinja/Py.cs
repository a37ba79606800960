using System.Numerics;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Python's semantics for the values Jinja computes with: truth, text, iteration, length, equality, ordering.</summary>
internal static partial class Py
{
    public static string TypeName(Value value) => value switch
    {
        JinjaObject o => o.TypeName,
        NullValue => "NoneType",
        BoolValue => "bool",
        IntValue => "int",
        FloatValue => "float",
        StringValue => "str",
        ListValue { IsTuple: true } => "tuple",
        ListValue => "list",
        DictValue => "dict",
        _ => value.GetType().Name,
    };

    /// <summary>Raises the deferred error when <paramref name="value"/> is undefined.</summary>
    public static Value Defined(Value value) => value is Undefined u ? throw u.Fail() : value;

    public static bool Truthy(Value value) => value switch
    {
        Undefined { Lenient: true } => false,
        Undefined u => throw u.Fail(),
        LazySequence s => s.Values.Length > 0 || !s.TypeName.StartsWith("dict_", StringComparison.Ordinal),
        JinjaObject => true,
        _ => value.IsTruthy,
    };

    /// <summary>Python <c>str()</c>.</summary>
    public static string Str(Value value) => value switch
    {
        Undefined { Lenient: true } => string.Empty,
        Undefined u => throw u.Fail(),
        StringValue s => s.Value,
        _ => PythonText.Repr(value),
    };

    public static Value Bool(bool value) => Value.From(value);

    public static Value Int(long value) => new IntValue(value);

    public static Value Int(BigInteger value) => new IntValue(value);

    public static Value Str(string value) => new StringValue(value);

    public static bool IsNumber(Value value) => value is IntValue or FloatValue or BoolValue;

    public static bool IsIterable(Value value) => value is StringValue or ListValue or DictValue || value is JinjaObject { Items: not null };

    /// <summary>Python <c>iter()</c>: characters of a string, items of a list, keys of a dict.</summary>
    public static IReadOnlyList<Value> Iterate(Value value) => value switch
    {
        Undefined { Lenient: true } => [],
        Undefined u => throw u.Fail(),
        StringValue s => PyString.Chars(s.Value),
        ListValue l => l.Items,
        DictValue d => [.. d.Keys],
        JinjaObject { Items: { } items } => items,
        _ => throw JinjaException.Type($"'{TypeName(value)}' object is not iterable"),
    };

    public static int Length(Value value) => value switch
    {
        Undefined { Lenient: true } => 0,
        Undefined u => throw u.Fail(),
        StringValue s => PyString.Length(s.Value),
        ListValue l => l.Count,
        DictValue d => d.Count,
        LazySequence { TypeName: not ("generator" or "list_reverseiterator" or "map") } s => s.Values.Length,
        _ => throw JinjaException.Type($"object of type '{TypeName(value)}' has no len()"),
    };

    public static bool Equal(Value left, Value right)
    {
        if (left is Undefined { Lenient: true } && right is Undefined { Lenient: true })
        {
            return true;
        }

        Defined(left);
        Defined(right);
        if (left is ListValue a && right is ListValue b && a.IsTuple != b.IsTuple)
        {
            return false;
        }

        return left.Equals(right);
    }

    /// <summary>Python ordering (<c>&lt;</c>); raises Python's <c>TypeError</c> between unorderable types.</summary>
    public static int Compare(Value left, Value right, string op = "<")
    {
        Defined(left);
        Defined(right);
        switch (left)
        {
            case IntValue or BoolValue when right is IntValue or BoolValue:
                return AsBig(left).CompareTo(AsBig(right));
            case IntValue or BoolValue or FloatValue when right is IntValue or BoolValue or FloatValue:
                return CompareNumbers(left, right);
            case StringValue s when right is StringValue t:
                return PyString.CompareOrdinal(s.Value, t.Value);
            case ListValue l when right is ListValue r && l.IsTuple == r.IsTuple:
                for (var i = 0; i < Math.Min(l.Count, r.Count); i++)
                {
                    if (!Equal(l[i], r[i]))
                    {
                        return Compare(l[i], r[i], op);
                    }
                }

                return l.Count.CompareTo(r.Count);
            default:
                throw JinjaException.Type(
                    $"'{op}' not supported between instances of '{TypeName(left)}' and '{TypeName(right)}'");
        }
    }

    public static bool Contains(Value container, Value item)
    {
        switch (container)
        {
            case Undefined { Lenient: true }:
                return false;
            case Undefined u:
                throw u.Fail();
            case StringValue s:
                return item is StringValue needle
                    ? s.Value.Contains(needle.Value, StringComparison.Ordinal)
                    : throw JinjaException.Type($"'in <string>' requires string as left operand, not {TypeName(Defined(item))}");
            case DictValue d:
                Defined(item);
                return item is ListValue or DictValue
                    ? throw JinjaException.Type($"unhashable type: '{TypeName(item)}'")
                    : d.ContainsKey(item);
            case ListValue or JinjaObject { Items: not null }:
                foreach (var element in Iterate(container))
                {
                    if (Equal(element, item))
                    {
                        return true;
                    }
                }

                return false;
            default:
                throw JinjaException.Type($"argument of type '{TypeName(container)}' is not iterable");
        }
    }

    /// <summary>Python's <c>sorted()</c>: a stable merge sort that raises when two keys cannot be ordered.</summary>
    public static List<T> Sorted<T>(IEnumerable<T> items, Func<T, Value> key, bool reverse = false)
    {
        var entries = items.Select(item => (item, key: key(item))).ToArray();
        var buffer = new (T item, Value key)[entries.Length];
        MergeSort(entries, buffer, 0, entries.Length, reverse);
        return [.. entries.Select(e => e.item)];
    }

    private static void MergeSort<T>((T item, Value key)[] a, (T item, Value key)[] buffer, int from, int to, bool reverse)
    {
        if (to - from < 2)
        {
            return;
        }

        var mid = (from + to) / 2;
        MergeSort(a, buffer, from, mid, reverse);
        MergeSort(a, buffer, mid, to, reverse);
        int i = from, j = mid, k = from;
        while (i < mid && j < to)
        {
            // Python's reverse sort stays stable: equal keys keep their order.
            var c = Compare(a[j].key, a[i].key);
            var takeRight = reverse ? c > 0 : c < 0;
            buffer[k++] = takeRight ? a[j++] : a[i++];
        }

        while (i < mid)
        {
            buffer[k++] = a[i++];
        }

        while (j < to)
        {
            buffer[k++] = a[j++];
        }

        Array.Copy(buffer, from, a, from, to - from);
    }

    /// <summary>Python's <c>%c</c> / <c>{:c}</c> of an int: the code point as text (a lone surrogate stays one char, as in Python).</summary>
    internal static string Chr(BigInteger code)
    {
        if (code < 0 || code > 0x10FFFF)
        {
            throw new JinjaException(ErrorCategories.Overflow, "%c arg not in range(0x110000)");
        }

        var point = (int)code;
        return point is >= 0xD800 and <= 0xDFFF ? ((char)point).ToString() : char.ConvertFromUtf32(point);
    }

    internal static BigInteger AsBig(Value value) => value switch
    {
        IntValue i => i.Value,
        BoolValue b => b.Value ? BigInteger.One : BigInteger.Zero,
        _ => throw JinjaException.Type($"'{TypeName(value)}' object cannot be interpreted as an integer"),
    };

    internal static double AsDouble(Value value) => value switch
    {
        FloatValue f => f.Value,
        IntValue i => BigToDouble(i.Value),
        BoolValue b => b.Value ? 1.0 : 0.0,
        _ => throw JinjaException.Type($"must be real number, not {TypeName(value)}"),
    };

    internal static double BigToDouble(BigInteger value)
    {
        // BigInteger's cast truncates; Python rounds to nearest, which parsing the decimal text does.
        var result = BigInteger.Abs(value) < (BigInteger.One << 53)
            ? (double)value
            : double.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        return double.IsInfinity(result)
            ? throw new JinjaException(ErrorCategories.Overflow, "int too large to convert to float")
            : result;
    }

    private static int CompareNumbers(Value left, Value right)
    {
        if (left is FloatValue { Value: var lf } && double.IsNaN(lf) || right is FloatValue { Value: var rf } && double.IsNaN(rf))
        {
            return 1; // every comparison with NaN is false; callers only test one direction
        }

        return AsDouble(left).CompareTo(AsDouble(right));
    }
}
