using System.Globalization;
using System.Numerics;
using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Python's <c>printf</c>-style <c>'%s-%05.1f' % args</c>, used by the <c>%</c> operator and the <c>format</c> filter.</summary>
internal static class PercentFormat
{
    private const int MaxWidth = 1_000_000;

    public static string Format(string format, Value args, Frame frame)
    {
        var positional = args is ListValue { IsTuple: true } tuple ? tuple.Items : [args];
        var mapping = args as DictValue;
        var next = 0;
        var builder = new StringBuilder();
        var i = 0;
        while (i < format.Length)
        {
            var c = format[i++];
            if (c != '%')
            {
                builder.Append(c);
                continue;
            }

            if (i >= format.Length)
            {
                throw JinjaException.ValueError("incomplete format");
            }

            Value? named = null;
            if (format[i] == '(')
            {
                var close = format.IndexOf(')', i);
                if (close < 0 || mapping is null)
                {
                    throw mapping is null ? JinjaException.Type("format requires a mapping") : JinjaException.ValueError("incomplete format key");
                }

                var key = new StringValue(format[(i + 1)..close]);
                named = mapping.TryGetValue(key, out var found) ? found : throw new JinjaException(ErrorCategories.KeyNotFound, PythonText.Repr(key));
                i = close + 1;
            }

            var flags = string.Empty;
            while (i < format.Length && "-+ #0".Contains(format[i], StringComparison.Ordinal))
            {
                flags += format[i++];
            }

            int? width = ReadNumber(format, ref i, () => Take(positional, ref next));
            int? precision = null;
            if (i < format.Length && format[i] == '.')
            {
                i++;
                precision = ReadNumber(format, ref i, () => Take(positional, ref next)) ?? 0;
            }

            while (i < format.Length && format[i] is 'h' or 'l' or 'L')
            {
                i++;
            }

            if (i >= format.Length)
            {
                throw JinjaException.ValueError("incomplete format");
            }

            var type = format[i++];
            if (type == '%')
            {
                builder.Append('%');
                continue;
            }

            var value = named ?? Take(positional, ref next);
            if (width < 0)
            {
                flags += "-";
                width = -width;
            }

            builder.Append(FormatOne(value, flags, width ?? 0, precision, type));
            frame.CheckSize(builder.Length);
        }

        if (mapping is null && next < positional.Length)
        {
            throw JinjaException.Type("not all arguments converted during string formatting");
        }

        return builder.ToString();
    }

    // Python refuses a '*' that is not an int and a width or precision past a C int; fuzzing found
    // both escaping as .NET exceptions. Widths past the output limit would only build a huge string.
    private static int? ReadNumber(string format, ref int i, Func<Value> star)
    {
        if (i < format.Length && format[i] == '*')
        {
            i++;
            var value = star();
            return value is IntValue or BoolValue ? Bounded(Py.AsBig(value)) : throw JinjaException.Type("* wants int");
        }

        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]))
        {
            i++;
        }

        return i > start ? Bounded(BigInteger.Parse(format[start..i], CultureInfo.InvariantCulture)) : null;
    }

    private static int Bounded(BigInteger number) =>
        BigInteger.Abs(number) <= MaxWidth ? (int)number : throw JinjaException.ValueError("width too big");

    private static Value Take(IReadOnlyList<Value> positional, ref int next) =>
        next < positional.Count ? positional[next++] : throw JinjaException.Type("not enough arguments for format string");

    private static string FormatOne(Value value, string flags, int width, int? precision, char type)
    {
        var left = flags.Contains('-', StringComparison.Ordinal);
        var zero = flags.Contains('0', StringComparison.Ordinal) && !left;
        string body;
        var negative = false;
        switch (type)
        {
            case 's' or 'r' or 'a':
                body = type == 's' ? Py.Str(value) : PythonText.Repr(Py.Defined(value));
                if (precision is { } p && p < body.Length)
                {
                    body = body[..p];
                }

                return Pad(string.Empty, body, width, left, zeroPad: false);
            case 'c':
                body = value is StringValue { Value.Length: 1 } ch ? ch.Value
                    : value is IntValue code ? Py.Chr(code.Value)
                    : throw JinjaException.Type("%c requires int or char");
                return Pad(string.Empty, body, width, left, zeroPad: false);
            case 'd' or 'i' or 'u' or 'x' or 'X' or 'o':
                var integer = ToInteger(value, type);
                negative = integer.Sign < 0;
                var magnitude = BigInteger.Abs(integer);
                body = type switch
                {
                    'x' => magnitude.ToString("x", CultureInfo.InvariantCulture).TrimStart('0'),
                    'X' => magnitude.ToString("X", CultureInfo.InvariantCulture).TrimStart('0'),
                    'o' => ToOctal(magnitude),
                    _ => magnitude.ToString(CultureInfo.InvariantCulture),
                };
                if (body.Length == 0)
                {
                    body = "0";
                }

                if (precision is { } digits)
                {
                    body = body.PadLeft(digits, '0');
                }

                if (flags.Contains('#', StringComparison.Ordinal) && type != 'd' && type != 'i' && type != 'u')
                {
                    body = (type == 'o' ? "0o" : type == 'x' ? "0x" : "0X") + body;
                }

                break;
            case 'e' or 'E' or 'f' or 'F' or 'g' or 'G':
                var number = ToDouble(value, type);
                negative = double.IsNegative(number);
                var alternate = flags.Contains('#', StringComparison.Ordinal);
                body = !double.IsFinite(number)
                    ? double.IsNaN(number) ? "nan" : "inf"
                    : char.ToLowerInvariant(type) switch
                    {
                        'e' => ExactFloat.Exponent(number, precision ?? 6, alternate),
                        'f' => ExactFloat.Fixed(number, precision ?? 6) + (alternate && precision == 0 ? "." : string.Empty),
                        _ => ExactFloat.General(number, precision ?? 6, alternate),
                    };
                if (char.IsUpper(type))
                {
                    body = body.ToUpperInvariant();
                }

                zero &= double.IsFinite(number);
                break;
            default:
                throw JinjaException.ValueError($"unsupported format character '{type}' (0x{(int)type:x})");
        }

        var sign = negative ? "-" : flags.Contains('+', StringComparison.Ordinal) ? "+" : flags.Contains(' ', StringComparison.Ordinal) ? " " : string.Empty;
        return Pad(sign, body, width, left, zero);
    }

    internal static string Pad(string sign, string body, int width, bool left, bool zeroPad)
    {
        var length = sign.Length + body.Length;
        if (length >= width)
        {
            return sign + body;
        }

        if (left)
        {
            return sign + body + new string(' ', width - length);
        }

        return zeroPad ? sign + new string('0', width - length) + body : new string(' ', width - length) + sign + body;
    }

    private static BigInteger ToInteger(Value value, char type) => Py.Defined(value) switch
    {
        IntValue or BoolValue => Py.AsBig(value),
        FloatValue f when type is 'd' or 'i' or 'u' => double.IsFinite(f.Value)
            ? new BigInteger(Math.Truncate(f.Value))
            : throw new JinjaException(ErrorCategories.Overflow, "cannot convert float infinity to integer"),
        _ => throw JinjaException.Type(type is 'd' or 'i' or 'u'
            ? $"%{type} format: a real number is required, not {Py.TypeName(value)}"
            : $"%{type} format: an integer is required, not {Py.TypeName(value)}"),
    };

    private static double ToDouble(Value value, char type) => Py.IsNumber(Py.Defined(value))
        ? Py.AsDouble(value)
        : throw JinjaException.Type($"must be real number, not {Py.TypeName(value)}");

    private static string ToOctal(BigInteger value)
    {
        if (value.IsZero)
        {
            return "0";
        }

        var builder = new StringBuilder();
        while (!value.IsZero)
        {
            builder.Insert(0, (char)('0' + (int)(value % 8)));
            value /= 8;
        }

        return builder.ToString();
    }
}
