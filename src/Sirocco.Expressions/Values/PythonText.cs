using System.Globalization;
using System.Text;

namespace Sirocco.Expressions.Values;

/// <summary>
/// Python's <c>str()</c> and <c>repr()</c> of values. Mistral renders an expression embedded in
/// text with <c>str()</c>, so <c>"n=&lt;% $.flag %&gt;"</c> reads <c>n=True</c>.
/// </summary>
public static class PythonText
{
    public static string Str(Value value) => value is StringValue s ? s.Value : Repr(value);

    public static string Repr(Value value)
    {
        var builder = new StringBuilder();
        AppendRepr(builder, value);
        return builder.ToString();
    }

    public static void AppendRepr(StringBuilder builder, Value value)
    {
        switch (value)
        {
            case NullValue:
                builder.Append("None");
                break;
            case BoolValue b:
                builder.Append(b.Value ? "True" : "False");
                break;
            case IntValue i:
                builder.Append(i.Value.ToString(CultureInfo.InvariantCulture));
                break;
            case FloatValue f:
                builder.Append(FloatRepr(f.Value));
                break;
            case StringValue s:
                AppendStringRepr(builder, s.Value);
                break;
            case ListValue list:
                builder.Append(list.IsTuple ? '(' : '[');
                for (var i = 0; i < list.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(", ");
                    }

                    AppendRepr(builder, list[i]);
                }

                if (list.IsTuple && list.Count == 1)
                {
                    builder.Append(',');
                }

                builder.Append(list.IsTuple ? ')' : ']');
                break;
            case DictValue dict:
                builder.Append('{');
                var first = true;
                foreach (var (key, item) in dict)
                {
                    if (!first)
                    {
                        builder.Append(", ");
                    }

                    first = false;
                    AppendRepr(builder, key);
                    builder.Append(": ");
                    AppendRepr(builder, item);
                }

                builder.Append('}');
                break;
            default:
                builder.Append(value.ToString());
                break;
        }
    }

    /// <summary>Python's float repr: shortest round-trip digits, exponent form outside 1e-4 ≤ |x| &lt; 1e16.</summary>
    public static string FloatRepr(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        var negative = shortest.StartsWith('-');
        var body = negative ? shortest[1..] : shortest;
        string digits;
        int exponent; // value = 0.d1d2d3... * 10^exponent, expressed as d1.d2d3 * 10^(exponent-1)
        var ePos = body.IndexOfAny(['E', 'e']);
        var mantissa = ePos >= 0 ? body[..ePos] : body;
        var exp = ePos >= 0 ? int.Parse(body[(ePos + 1)..], CultureInfo.InvariantCulture) : 0;
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var intPart = dot >= 0 ? mantissa[..dot] : mantissa;
        var fracPart = dot >= 0 ? mantissa[(dot + 1)..] : string.Empty;
        digits = (intPart + fracPart).TrimStart('0');
        var leadingZeros = (intPart + fracPart).Length - (intPart + fracPart).TrimStart('0').Length;
        exponent = intPart.Length + exp - leadingZeros; // position of decimal point relative to digits start
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        var sci = exponent - 1; // Python's exponent in d.ddd e±XX
        var builder = new StringBuilder();
        if (negative)
        {
            builder.Append('-');
        }

        if (sci < -4 || sci >= 16)
        {
            builder.Append(digits[0]);
            if (digits.Length > 1)
            {
                builder.Append('.').Append(digits.AsSpan(1));
            }

            builder.Append('e').Append(sci < 0 ? '-' : '+').Append(Math.Abs(sci).ToString("00", CultureInfo.InvariantCulture));
        }
        else if (exponent <= 0)
        {
            builder.Append("0.").Append('0', -exponent).Append(digits);
        }
        else if (exponent >= digits.Length)
        {
            builder.Append(digits).Append('0', exponent - digits.Length).Append(".0");
        }
        else
        {
            builder.Append(digits.AsSpan(0, exponent)).Append('.').Append(digits.AsSpan(exponent));
        }

        return builder.ToString();
    }

    /// <summary>Python's string repr: single quotes unless the text has a single quote and no double quote.</summary>
    public static void AppendStringRepr(StringBuilder builder, string text)
    {
        var quote = text.Contains('\'', StringComparison.Ordinal) && !text.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        builder.Append(quote);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c == quote)
                    {
                        builder.Append('\\').Append(c);
                    }
                    else if (c < 0x20 || c == 0x7f)
                    {
                        builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append(quote);
    }
}
