using System.Globalization;
using System.Numerics;
using System.Text;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>
/// Python's <c>str.format</c>: <c>{}</c>, <c>{0}</c>, <c>{name}</c>, <c>{{</c>/<c>}}</c>, <c>!r</c>/<c>!s</c>,
/// and the common format specs (<c>[[fill]align][sign][0][width][,][.precision][type]</c>).
/// </summary>
internal static class PythonFormat
{
    public static string Format(string template, IReadOnlyList<Value> args, IReadOnlyDictionary<string, Value> named)
    {
        var builder = new StringBuilder();
        var auto = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '}')
            {
                if (i + 1 < template.Length && template[i + 1] == '}')
                {
                    builder.Append('}');
                    i++;
                    continue;
                }

                throw YaqlException.ValueError("Single '}' encountered in format string");
            }

            if (c != '{')
            {
                builder.Append(c);
                continue;
            }

            if (i + 1 < template.Length && template[i + 1] == '{')
            {
                builder.Append('{');
                i++;
                continue;
            }

            var close = template.IndexOf('}', i);
            if (close < 0)
            {
                throw YaqlException.ValueError("Single '{' encountered in format string");
            }

            var field = template[(i + 1)..close];
            i = close;
            var spec = string.Empty;
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                spec = field[(colon + 1)..];
                field = field[..colon];
            }

            var conversion = ' ';
            var bang = field.IndexOf('!', StringComparison.Ordinal);
            if (bang >= 0)
            {
                conversion = field.Length > bang + 1 ? field[bang + 1] : ' ';
                field = field[..bang];
            }

            // Element access after the field name: {0[1]}, {name[key]}.
            var accessors = new List<string>();
            var bracket = field.IndexOf('[', StringComparison.Ordinal);
            if (bracket >= 0)
            {
                foreach (var part in field[bracket..].Split('[', StringSplitOptions.RemoveEmptyEntries))
                {
                    accessors.Add(part.EndsWith(']') ? part[..^1] : throw YaqlException.ValueError("Missing ']' in format string"));
                }

                field = field[..bracket];
            }

            Value value;
            if (field.Length == 0)
            {
                value = auto < args.Count ? args[auto++] : throw new YaqlException("index_out_of_range", "Replacement index out of range");
            }
            else if (int.TryParse(field, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                value = index < args.Count ? args[index] : throw new YaqlException("index_out_of_range", $"Replacement index {index} out of range");
            }
            else
            {
                value = named.TryGetValue(field, out var v) ? v : throw YaqlException.KeyNotFound("'" + field + "'");
            }

            foreach (var accessor in accessors)
            {
                value = (value, int.TryParse(accessor, NumberStyles.None, CultureInfo.InvariantCulture, out var at)) switch
                {
                    (ListValue list, true) => at < list.Count ? list[at] : throw new YaqlException("index_out_of_range", "tuple index out of range"),
                    (DictValue dict, var numeric) => dict.TryGetValue(numeric ? new IntValue(at) : new StringValue(accessor), out var found)
                        ? found
                        : throw YaqlException.KeyNotFound("'" + accessor + "'"),
                    _ => throw YaqlException.TypeError("object is not subscriptable"),
                };
            }

            var text = conversion == 'r' ? YaqlText.Repr(value) : null;
            builder.Append(ApplySpec(value, text, spec));
        }

        return builder.ToString();
    }

    private static string ApplySpec(Value value, string? converted, string spec)
    {
        if (spec.Length == 0)
        {
            return converted ?? YaqlText.Str(value);
        }

        var p = 0;
        var fill = ' ';
        var align = '\0';
        if (spec.Length > 1 && spec[1] is '<' or '>' or '^' or '=')
        {
            fill = spec[0];
            align = spec[1];
            p = 2;
        }
        else if (spec[0] is '<' or '>' or '^' or '=')
        {
            align = spec[0];
            p = 1;
        }

        var sign = '-';
        if (p < spec.Length && spec[p] is '+' or '-' or ' ')
        {
            sign = spec[p++];
        }

        if (p < spec.Length && spec[p] == '0')
        {
            fill = '0';
            align = align == '\0' ? '=' : align;
            p++;
        }

        var widthStart = p;
        while (p < spec.Length && char.IsAsciiDigit(spec[p]))
        {
            p++;
        }

        var width = p > widthStart ? Bounded(spec.AsSpan(widthStart, p - widthStart)) : 0;
        var grouping = p < spec.Length && spec[p] == ',';
        if (grouping)
        {
            p++;
        }

        int? precision = null;
        if (p < spec.Length && spec[p] == '.')
        {
            var start = ++p;
            while (p < spec.Length && char.IsAsciiDigit(spec[p]))
            {
                p++;
            }

            precision = Bounded(spec.AsSpan(start, p - start));
        }

        var type = p < spec.Length ? spec[p] : '\0';
        var body = FormatBody(value, converted, type, precision, grouping, sign, out var numeric);
        if (align == '\0')
        {
            align = numeric ? '>' : '<';
        }

        if (body.Length >= width)
        {
            return body;
        }

        var pad = width - body.Length;
        return align switch
        {
            '<' => body + new string(fill, pad),
            '^' => new string(fill, pad / 2) + body + new string(fill, pad - (pad / 2)),
            '=' when body.Length > 0 && body[0] is '-' or '+' or ' ' => body[0] + new string(fill, pad) + body[1..],
            _ => new string(fill, pad) + body,
        };
    }

    private static string FormatBody(Value value, string? converted, char type, int? precision, bool grouping, char sign, out bool numeric)
    {
        numeric = value is IntValue or FloatValue && converted is null;
        if (!numeric)
        {
            var text = converted ?? YaqlText.Str(value);
            return precision is { } max && text.Length > max ? text[..max] : text;
        }

        string body;
        var negative = value is IntValue iv ? iv.Value.Sign < 0 : double.IsNegative(((FloatValue)value).Value);
        if (value is IntValue i && type is '\0' or 'd' or 'x' or 'X' or 'o' or 'b')
        {
            var abs = BigInteger.Abs(i.Value);
            body = type switch
            {
                'x' => abs.ToString("x", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0'),
                'X' => abs.ToString("X", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(1, '0'),
                'o' => ToBase(abs, 8),
                'b' => ToBase(abs, 2),
                _ => grouping ? abs.ToString("N0", CultureInfo.InvariantCulture) : abs.ToString(CultureInfo.InvariantCulture),
            };
        }
        else
        {
            var d = Math.Abs(Operators.ToDouble(value));
            body = type switch
            {
                'f' or 'F' => d.ToString((grouping ? "N" : "F") + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                'e' or 'E' => FormatExponent(d, precision ?? 6, type),
                '%' => (d * 100).ToString("F" + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + "%",
                'g' or 'G' => d.ToString("G" + (precision ?? 6).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                _ when precision is { } digits => d.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                _ => PythonText.FloatRepr(d),
            };
        }

        var prefix = negative ? "-" : sign == '+' ? "+" : sign == ' ' ? " " : string.Empty;
        return prefix + body;
    }

    /// <summary>Widths and precisions beyond a thousand only serve to build huge strings.</summary>
    private static int Bounded(ReadOnlySpan<char> digits) =>
        digits.Length <= 4 && int.Parse(digits, CultureInfo.InvariantCulture) is var n && n <= 1000
            ? n
            : throw new YaqlException("limit", "Format width or precision is larger than 1000");

    private static string FormatExponent(double d, int precision, char type)
    {
        var text = d.ToString((type == 'E' ? "E" : "e") + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var e = text.IndexOfAny(['e', 'E']);
        var exponent = int.Parse(text.AsSpan(e + 1), CultureInfo.InvariantCulture);
        return text[..(e + 1)] + (exponent < 0 ? "-" : "+") + Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture);
    }

    private static string ToBase(BigInteger value, int radix)
    {
        if (value.IsZero)
        {
            return "0";
        }

        var digits = new StringBuilder();
        while (value > 0)
        {
            digits.Insert(0, (char)('0' + (int)(value % radix)));
            value /= radix;
        }

        return digits.ToString();
    }
}
