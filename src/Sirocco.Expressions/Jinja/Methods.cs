using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Python methods of str, dict, list and numbers, reachable as <c>_.s.upper()</c>. Every Python attribute
/// name is listed so that attribute-before-item lookup matches Python (<c>_.values</c> is the dict method,
/// <c>_.count</c> the item); methods that would mutate a value fail when called, since values are immutable here.
/// </summary>
internal static partial class Methods
{
    private static readonly HashSet<string> StrAttributes =
    [
        "capitalize", "casefold", "center", "count", "encode", "endswith", "expandtabs", "find", "format", "format_map",
        "index", "isalnum", "isalpha", "isascii", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
        "isprintable", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans", "partition",
        "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit", "rstrip", "split",
        "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
    ];

    private static readonly HashSet<string> DictAttributes =
        ["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"];

    private static readonly HashSet<string> ListAttributes =
        ["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"];

    private static readonly HashSet<string> TupleAttributes = ["count", "index"];

    private static readonly HashSet<string> IntAttributes =
        ["as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag", "numerator", "real", "to_bytes"];

    private static readonly HashSet<string> FloatAttributes =
        ["as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real"];

    /// <summary>The bound method (or plain attribute such as <c>real</c>) <paramref name="name"/> of <paramref name="owner"/>, or null.</summary>
    public static Value? Bind(Value owner, string name)
    {
        switch (owner)
        {
            case StringValue s when StrAttributes.Contains(name):
                return Method(owner, name, (args, frame) => CallString(s.Value, name, args, frame));
            case DictValue d when DictAttributes.Contains(name):
                return Method(owner, name, (args, _) => CallDict(d, name, args));
            case ListValue { IsTuple: true } t when TupleAttributes.Contains(name):
                return Method(owner, name, (args, _) => CallList(t, name, args));
            case ListValue { IsTuple: false } l when ListAttributes.Contains(name):
                return Method(owner, name, (args, _) => CallList(l, name, args));
            case IntValue or BoolValue when IntAttributes.Contains(name):
                return name switch
                {
                    "real" or "numerator" => Py.Int(Py.AsBig(owner)),
                    "imag" => Py.Int(0),
                    "denominator" => Py.Int(1),
                    _ => Method(owner, name, (args, _) => CallInt(owner, name, args)),
                };
            case FloatValue f when FloatAttributes.Contains(name):
                return name switch
                {
                    "real" => f,
                    "imag" => new FloatValue(0),
                    _ => Method(owner, name, (args, _) => name == "is_integer"
                        ? Value.From(double.IsFinite(f.Value) && Math.Floor(f.Value) == f.Value)
                        : name == "conjugate" ? f : throw NotSupported(owner, name)),
                };
            default:
                return null;
        }
    }

    private static Callable Method(Value owner, string name, Func<Arguments, Frame, Value> call) =>
        new(name, call, "builtin_function_or_method", $"<built-in method {name} of {Py.TypeName(owner)} object at 0x7f0000000000>");

    private static Value CallInt(Value owner, string name, Arguments args)
    {
        args.Bind(name);
        return name switch
        {
            "bit_length" => Py.Int((long)System.Numerics.BigInteger.Abs(Py.AsBig(owner)).GetBitLength()),
            "conjugate" => Py.Int(Py.AsBig(owner)),
            _ => throw NotSupported(owner, name),
        };
    }

    private static Value CallDict(DictValue dict, string name, Arguments args)
    {
        switch (name)
        {
            case "get":
                var a = args.Bind("get", 1, "key", "default");
                return a[0] is ListValue or DictValue
                    ? throw JinjaException.Type($"unhashable type: '{Py.TypeName(a[0]!)}'")
                    : dict.TryGetValue(Py.Defined(a[0]!), out var found) ? found : a[1] ?? Value.Null;
            case "keys":
                args.Bind("keys");
                return View("dict_keys", [.. dict.Keys]);
            case "values":
                args.Bind("values");
                return View("dict_values", [.. dict.Values]);
            case "items":
                args.Bind("items");
                return View("dict_items", [.. dict.Select(e => (Value)new ListValue([e.Key, e.Value], isTuple: true))]);
            case "copy":
                args.Bind("copy");
                return dict;
            default:
                throw NotSupported(dict, name);
        }
    }

    private static LazySequence View(string type, System.Collections.Immutable.ImmutableArray<Value> items) =>
        new(type, items, s => $"{type}([{string.Join(", ", s.Values.Select(PythonText.Repr))}])");

    private static Value CallList(ListValue list, string name, Arguments args)
    {
        switch (name)
        {
            case "count":
                var item = args.Bind("count", 1, "value")[0]!;
                return Py.Int(list.Count(v => Py.Equal(v, item)));
            case "index":
                var b = args.Bind("index", 1, "value", "start", "stop");
                var start = b[1] is null ? 0 : Filters.Int(b[1]!, 0);
                var stop = b[2] is null ? list.Count : Filters.Int(b[2]!, 0);
                foreach (var i in Py.SliceIndices(list.Count, start, stop, 1))
                {
                    if (Py.Equal(list[i], b[0]!))
                    {
                        return Py.Int(i);
                    }
                }

                throw JinjaException.ValueError($"{PythonText.Repr(b[0]!)} is not in list");
            case "copy":
                args.Bind("copy");
                return list;
            default:
                throw NotSupported(list, name);
        }
    }

    private static JinjaException NotSupported(Value owner, string name) =>
        JinjaException.Type($"'{Py.TypeName(owner)}.{name}' is not supported: workflow values are immutable in expressions");
}
