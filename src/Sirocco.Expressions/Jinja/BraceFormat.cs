using System.Globalization;
using System.Numerics;
using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Python's <c>str.format</c> (<c>'{}-{name:>5.2f}'.format(...)</c>) with the format-spec mini-language.
/// Field lookups go through the sandboxed attribute access, so <c>{0.__class__}</c> is refused as in Jinja.
/// </summary>
internal static class BraceFormat
{
    public static string Format(string format, Arguments args, Frame frame)
    {
        var builder = new StringBuilder();
        var auto = 0;
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i];
            if (c == '}')
            {
                if (i + 1 < format.Length && format[i + 1] == '}')
                {
                    builder.Append('}');
                    i += 2;
                    continue;
                }

                throw JinjaException.ValueError("Single '}' encountered in format string");
            }

            if (c != '{')
            {
                builder.Append(c);
                i++;
                continue;
            }

            if (i + 1 < format.Length && format[i + 1] == '{')
            {
                builder.Append('{');
                i += 2;
                continue;
            }

            var close = FindClose(format, i);
            var field = format[(i + 1)..close];
            i = close + 1;
            builder.Append(FormatField(field, args, ref auto, frame));
            frame.CheckSize(builder.Length);
        }

        return builder.ToString();
    }

    private static int FindClose(string format, int open)
    {
        var depth = 0;
        for (var j = open; j < format.Length; j++)
        {
            if (format[j] == '{')
            {
                depth++;
            }
            else if (format[j] == '}' && --depth == 0)
            {
                return j;
            }
        }

        throw JinjaException.ValueError("expected '}' before end of string");
    }

    private static string FormatField(string field, Arguments args, ref int auto, Frame frame)
    {
        var colon = field.IndexOf(':', StringComparison.Ordinal);
        var spec = colon >= 0 ? field[(colon + 1)..] : string.Empty;
        var head = colon >= 0 ? field[..colon] : field;
        char? conversion = null;
        var bang = head.IndexOf('!', StringComparison.Ordinal);
        if (bang >= 0)
        {
            conversion = head.Length > bang + 1 ? head[bang + 1] : throw JinjaException.ValueError("end of string while looking for conversion specifier");
            head = head[..bang];
        }

        if (spec.Contains('{', StringComparison.Ordinal))
        {
            spec = Format(spec, args, frame);
        }

        var value = Resolve(head, args, ref auto);
        value = conversion switch
        {
            null => value,
            's' => new StringValue(Py.Str(value)),
            'r' or 'a' => new StringValue(PythonText.Repr(Py.Defined(value))),
            _ => throw JinjaException.ValueError($"Unknown conversion specifier {conversion}"),
        };
        return FormatValue(value, spec);
    }

    private static Value Resolve(string head, Arguments args, ref int auto)
    {
        var end = 0;
        while (end < head.Length && head[end] is not ('.' or '['))
        {
            end++;
        }

        var first = head[..end];
        Value value;
        if (first.Length == 0 || first.All(char.IsAsciiDigit))
        {
            long index = first.Length == 0 ? auto++
                : long.TryParse(first, CultureInfo.InvariantCulture, out var given) ? given
                : throw JinjaException.ValueError("Too many decimal digits in format string");
            value = index < args.Positional.Count
                ? args.Positional[(int)index]
                : throw new JinjaException(ErrorCategories.IndexOutOfRange, "Replacement index " + index + " out of range for positional args tuple");
        }
        else
        {
            value = args.Named.FirstOrDefault(n => n.Key == first).Value
                ?? throw new JinjaException(ErrorCategories.KeyNotFound, $"'{first}'");
        }

        var pos = end;
        while (pos < head.Length)
        {
            if (head[pos] == '.')
            {
                var stop = pos + 1;
                while (stop < head.Length && head[stop] is not ('.' or '['))
                {
                    stop++;
                }

                value = Py.GetAttr(value, head[(pos + 1)..stop]);
                pos = stop;
            }
            else
            {
                var stop = head.IndexOf(']', pos);
                if (stop < 0)
                {
                    // Found by fuzzing: "{a[x}" sliced with a negative length.
                    throw JinjaException.ValueError("Missing ']' in format string");
                }

                var key = head[(pos + 1)..stop];
                var isIndex = key.Length > 0 && key.All(char.IsAsciiDigit);
                if (isIndex && !long.TryParse(key, CultureInfo.InvariantCulture, out _))
                {
                    throw JinjaException.ValueError("Too many decimal digits in format string");
                }

                value = Py.GetItem(value, isIndex ? Py.Int(long.Parse(key, CultureInfo.InvariantCulture)) : new StringValue(key));
                pos = stop + 1;
            }
        }

        return value;
    }

    /// <summary>Python's <c>format(value, spec)</c>.</summary>
    public static string FormatValue(Value value, string spec)
    {
        Py.Defined(value);
        if (spec.Length == 0)
        {
            return Py.Str(value);
        }

        var s = FormatSpec.Parse(spec);
        switch (value)
        {
            case StringValue str:
                if (s.Type is not (null or 's'))
                {
                    throw JinjaException.ValueError($"Unknown format code '{s.Type}' for object of type 'str'");
                }

                var text = s.Precision is { } p && p < str.Value.Length ? str.Value[..p] : str.Value;
                return s.Align(string.Empty, text, '<');
            case IntValue or BoolValue when s.Type is null or 'd' or 'n' or 'b' or 'o' or 'x' or 'X' or 'c':
                if (value is BoolValue && s.Type is null && s.Width == 0)
                {
                    return Py.Str(value);
                }

                return FormatInteger(Py.AsBig(value), s);
            case IntValue or BoolValue or FloatValue:
                return FormatFloat(Py.AsDouble(value), s);
            default:
                throw JinjaException.Type($"unsupported format string passed to {Py.TypeName(value)}.__format__");
        }
    }

    private static string FormatInteger(BigInteger value, FormatSpec s)
    {
        if (s.Precision is not null)
        {
            throw JinjaException.ValueError("Precision not allowed in integer format specifier");
        }

        var magnitude = BigInteger.Abs(value);
        var body = s.Type switch
        {
            'b' => ToBase(magnitude, 2),
            'o' => ToBase(magnitude, 8),
            'x' => ToBase(magnitude, 16),
            'X' => ToBase(magnitude, 16).ToUpperInvariant(),
            'c' => Py.Chr(value),
            _ => magnitude.ToString(CultureInfo.InvariantCulture),
        };
        if (s.Grouping is { } g && s.Type is null or 'd' or 'n')
        {
            body = ExactFloat.Group(body, g);
        }

        if (s.Alternate && s.Type is 'b' or 'o' or 'x' or 'X')
        {
            body = "0" + s.Type + body;
        }

        return s.Align(s.SignOf(value.Sign < 0), body, '>');
    }

    private static string FormatFloat(double value, FormatSpec s)
    {
        var negative = double.IsNegative(value) && !double.IsNaN(value);
        var abs = Math.Abs(value);
        string body;
        if (!double.IsFinite(value))
        {
            body = double.IsNaN(value) ? "nan" : "inf";
        }
        else
        {
            body = s.Type switch
            {
                'f' or 'F' => ExactFloat.Fixed(abs, s.Precision ?? 6),
                'e' or 'E' => ExactFloat.Exponent(abs, s.Precision ?? 6, s.Alternate),
                'g' or 'G' => ExactFloat.General(abs, s.Precision ?? 6, s.Alternate),
                '%' => ExactFloat.Fixed(abs * 100, s.Precision ?? 6) + "%",
                'n' => ExactFloat.General(abs, s.Precision ?? 6, s.Alternate),
                null => s.Precision is { } p ? ExactFloat.General(abs, p, s.Alternate, keepPoint: true) : PythonText.FloatRepr(abs),
                _ => throw JinjaException.ValueError($"Unknown format code '{s.Type}' for object of type 'float'"),
            };
        }

        if (s.Type is 'E' or 'F' or 'G')
        {
            body = body.ToUpperInvariant();
        }

        if (s.Grouping is { } g)
        {
            var dot = body.IndexOfAny(['.', 'e', 'E', '%']);
            var integerPart = dot < 0 ? body : body[..dot];
            if (integerPart.All(char.IsAsciiDigit))
            {
                body = ExactFloat.Group(integerPart, g) + (dot < 0 ? string.Empty : body[dot..]);
            }
        }

        return s.Align(s.SignOf(negative), body, '>');
    }

    private static string ToBase(BigInteger value, int radix)
    {
        if (value.IsZero)
        {
            return "0";
        }

        var builder = new StringBuilder();
        while (!value.IsZero)
        {
            builder.Insert(0, "0123456789abcdef"[(int)(value % radix)]);
            value /= radix;
        }

        return builder.ToString();
    }
}
