using System.Globalization;
using System.Numerics;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Number filters: <c>int</c>, <c>float</c>, <c>abs</c>, <c>round</c>, <c>sum</c>, <c>min</c>, <c>max</c>.</summary>
internal static partial class Filters
{
    private static void AddNumberFilters(Dictionary<string, Filter> f)
    {
        f["abs"] = (v, a, _) =>
        {
            a.Bind("abs");
            return Py.Defined(v) switch
            {
                IntValue or BoolValue => Py.Int(BigInteger.Abs(Py.AsBig(v))),
                FloatValue x => new FloatValue(Math.Abs(x.Value)),
                _ => throw JinjaException.Type($"bad operand type for abs(): '{Py.TypeName(v)}'"),
            };
        };
        f["int"] = (v, a, _) =>
        {
            var b = a.Bind("int", "default", "base");
            return ToInt(v, Int(b[1], 10)) ?? b[0] ?? Py.Int(0);
        };
        f["float"] = (v, a, _) =>
        {
            var b = a.Bind("float", "default");
            return ToFloat(v) is { } d ? new FloatValue(d) : b[0] ?? new FloatValue(0.0);
        };
        f["round"] = (v, a, _) =>
        {
            var b = a.Bind("round", "precision", "method");
            var precision = Int(b[0], 0);
            var method = b[1] is null ? "common" : Text(b[1]!);
            return Round(v, precision, method);
        };
        f["sum"] = (v, a, frame) =>
        {
            var b = a.Bind("sum", "attribute", "start");
            var getter = AttrGetter(b[0]);
            var total = b[1] ?? Py.Int(0);
            foreach (var item in Py.Iterate(v))
            {
                frame.Step();
                total = Py.Add(total, getter(item), frame);
            }

            return total;
        };
        f["min"] = (v, a, _) => MinMax(v, a, "min", -1);
        f["max"] = (v, a, _) => MinMax(v, a, "max", 1);
    }

    /// <summary>Python's <c>int(value)</c> with Jinja's fallback through <c>float</c>; null when both fail.</summary>
    internal static Value? ToInt(Value value, int numberBase)
    {
        switch (Py.Defined(value))
        {
            case IntValue or BoolValue:
                return Py.Int(Py.AsBig(value));
            case FloatValue x:
                return double.IsFinite(x.Value)
                    ? Py.Int(new BigInteger(Math.Truncate(x.Value)))
                    : throw new JinjaException(ErrorCategories.Overflow, "cannot convert float infinity to integer");
            case StringValue s:
                if (ParseInt(s.Value, numberBase) is { } parsed)
                {
                    return Py.Int(parsed);
                }

                return ToFloat(value) is { } d && double.IsFinite(d) ? Py.Int(new BigInteger(Math.Truncate(d))) : null;
            default:
                return null;
        }
    }

    internal static double? ToFloat(Value value) => Py.Defined(value) switch
    {
        IntValue or BoolValue or FloatValue => Py.AsDouble(value),
        StringValue s => ParseFloat(s.Value),
        _ => null,
    };

    private static BigInteger? ParseInt(string text, int numberBase)
    {
        var t = text.Trim();
        var negative = t.StartsWith('-');
        if (t.StartsWith('-') || t.StartsWith('+'))
        {
            t = t[1..];
        }

        if (numberBase == 0)
        {
            // Base 0 reads the prefix as Python literals do; a leading zero without one is invalid.
            var prefix = t.Length > 1 && t[0] == '0' ? char.ToLowerInvariant(t[1]) : '\0';
            numberBase = prefix switch { 'x' => 16, 'o' => 8, 'b' => 2, _ => 10 };
            if (numberBase == 10 && t.Length > 1 && t[0] == '0' && t.Any(c => c != '0'))
            {
                return null;
            }
        }

        if (numberBase == 16 && t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
        }
        else if (numberBase == 8 && t.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
        }
        else if (numberBase == 2 && t.StartsWith("0b", StringComparison.OrdinalIgnoreCase))
        {
            t = t[2..];
        }

        if (t.Length == 0 || t.StartsWith('_') || t.EndsWith('_') || t.Contains("__", StringComparison.Ordinal))
        {
            return null;
        }

        var value = BigInteger.Zero;
        foreach (var c in t.Replace("_", string.Empty, StringComparison.Ordinal))
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiLetter(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= numberBase)
            {
                return null;
            }

            value = (value * numberBase) + digit;
        }

        return negative ? -value : value;
    }

    private static double? ParseFloat(string text)
    {
        var t = text.Trim().ToLowerInvariant();
        var sign = t.StartsWith('-') ? -1.0 : 1.0;
        var body = t.TrimStart('+', '-');
        if (t.Length - body.Length > 1)
        {
            return null;
        }

        if (body is "inf" or "infinity")
        {
            return sign * double.PositiveInfinity;
        }

        if (body == "nan")
        {
            return double.NaN;
        }

        if (body.Length == 0 || body.Contains("__", StringComparison.Ordinal) || body.StartsWith('_') || body.EndsWith('_')
            || body.Any(c => !(char.IsAsciiDigit(c) || c is '.' or 'e' or '+' or '-' or '_')))
        {
            return null;
        }

        return double.TryParse(t.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static Value Round(Value value, int precision, string method)
    {
        if (method is not ("common" or "ceil" or "floor"))
        {
            throw new JinjaException(ErrorCategories.Other, "method must be common, ceil or floor");
        }

        if (!Py.IsNumber(Py.Defined(value)))
        {
            throw JinjaException.Type($"type {Py.TypeName(value)} doesn't define __round__ method");
        }

        if (method == "common")
        {
            if (value is IntValue or BoolValue)
            {
                return precision >= 0 ? Py.Int(Py.AsBig(value)) : Py.Int(RoundInteger(Py.AsBig(value), -precision));
            }

            return new FloatValue(ExactFloat.Round(Py.AsDouble(value), precision));
        }

        var factor = Math.Pow(10, precision);
        var scaled = Py.AsDouble(value) * factor;
        var rounded = method == "ceil" ? Math.Ceiling(scaled) : Math.Floor(scaled);
        return new FloatValue(rounded / factor);
    }

    private static BigInteger RoundInteger(BigInteger value, int digits)
    {
        var unit = BigInteger.Pow(10, digits);
        var (q, r) = Py.FloorDivMod(value, unit);
        var twice = r * 2;
        if (twice > unit || (twice == unit && !q.IsEven))
        {
            q += 1;
        }

        return q * unit;
    }

    private static Value MinMax(Value value, Arguments args, string name, int direction)
    {
        var b = args.Bind(name, "case_sensitive", "attribute");
        var key = AttrGetter(b[1], ignoreCase: !Flag(b[0]));
        var items = Py.Iterate(value);
        if (items.Count == 0)
        {
            return new Undefined("No aggregated item, sequence was empty.");
        }

        var best = items[0];
        var bestKey = key(best);
        foreach (var item in items.Skip(1))
        {
            var k = key(item);
            if (Py.Compare(k, bestKey, direction > 0 ? ">" : "<") * direction > 0)
            {
                best = item;
                bestKey = k;
            }
        }

        return best;
    }
}
