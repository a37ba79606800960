using System.Numerics;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Jinja's global functions available in Mistral's sandbox: <c>range</c> (capped as the sandbox caps it) and <c>dict</c>.</summary>
internal static class Globals
{
    /// <summary>Jinja's sandbox refuses larger ranges (<c>MAX_RANGE</c>).</summary>
    public const int MaxRange = 100_000;

    private static readonly Callable RangeFunction = new("range", (args, frame) => Range(args, frame), "type");

    private static readonly Callable DictFunction = new("dict", (args, _) => Dict(args), "type");

    private static readonly Callable NamespaceFunction = new("namespace", (args, _) => Namespace.Create(args), "type");

    private static readonly Callable JoinerFunction = new("joiner", (args, _) => Joiner(args), "type");

    public static Value? Lookup(string name) => name switch
    {
        "range" => RangeFunction,
        "dict" => DictFunction,
        "namespace" => NamespaceFunction,
        "joiner" => JoinerFunction,
        _ => null,
    };

    /// <summary><c>joiner(sep)</c>: a callable that returns '' the first time and the separator afterwards.</summary>
    private static Value Joiner(Arguments args)
    {
        var separator = args.Bind("joiner", "sep")[0] is { } s ? Py.Str(s) : ", ";
        var used = false;
        return new Callable("joiner", (callArgs, _) =>
        {
            callArgs.Bind("joiner");
            var result = used ? separator : string.Empty;
            used = true;
            return new StringValue(result);
        });
    }

    private static Value Range(Arguments args, Frame frame)
    {
        if (args.Named.Count > 0)
        {
            throw JinjaException.Type("range() takes no keyword arguments");
        }

        var p = args.Positional.Select(Integer).ToArray();
        var (start, stop, step) = p.Length switch
        {
            1 => (BigInteger.Zero, p[0], BigInteger.One),
            2 => (p[0], p[1], BigInteger.One),
            3 => (p[0], p[1], p[2]),
            _ => throw JinjaException.Type($"range expected at most 3 arguments, got {p.Length}"),
        };
        if (step.IsZero)
        {
            throw JinjaException.ValueError("range() arg 3 must not be zero");
        }

        var count = step > 0 ? (stop - start + step - 1) / step : (start - stop - step - 1) / -step;
        if (count < 0)
        {
            count = 0;
        }

        if (count > MaxRange)
        {
            throw new JinjaException(
                ErrorCategories.Overflow, $"Range too big. The sandbox blocks ranges larger than MAX_RANGE ({MaxRange}).");
        }

        frame.Step((int)count);
        var items = new Value[(int)count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Py.Int(start + (step * i));
        }

        var text = step.IsOne ? $"range({start}, {stop})" : $"range({start}, {stop}, {step})";
        return new LazySequence("range", [.. items], _ => text);
    }

    private static BigInteger Integer(Value value) => Py.Defined(value) is IntValue or BoolValue
        ? Py.AsBig(value)
        : throw JinjaException.Type($"'{Py.TypeName(value)}' object cannot be interpreted as an integer");

    private static Value Dict(Arguments args)
    {
        var entries = new List<KeyValuePair<Value, Value>>();
        if (args.Positional.Count > 1)
        {
            throw JinjaException.Type($"dict expected at most 1 argument, got {args.Positional.Count}");
        }

        if (args.Positional.Count == 1)
        {
            var source = Py.Defined(args.Positional[0]);
            if (source is DictValue d)
            {
                entries.AddRange(d);
            }
            else
            {
                foreach (var pair in Py.Iterate(source))
                {
                    var kv = Py.Iterate(pair);
                    if (kv.Count != 2)
                    {
                        throw JinjaException.ValueError($"dictionary update sequence element has length {kv.Count}; 2 is required");
                    }

                    entries.Add(new(kv[0], kv[1]));
                }
            }
        }

        entries.AddRange(args.Named.Select(n => new KeyValuePair<Value, Value>(new StringValue(n.Key), n.Value)));
        return DictValue.From(entries);
    }
}
