using System.Globalization;
using System.Numerics;
using System.Text;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// Decimal digits of a double, exact and rounded half-to-even, as Python's <c>%f</c>, <c>%e</c>,
/// <c>format()</c> and <c>round()</c> compute them (.NET rounds exact ties away from zero).
/// </summary>
internal static class ExactFloat
{
    /// <summary>|value| with <paramref name="precision"/> digits after the point, e.g. <c>3.14</c>.</summary>
    public static string Fixed(double value, int precision)
    {
        var (mantissa, exponent) = Decompose(value);
        BigInteger numerator = mantissa * BigInteger.Pow(10, precision);
        var denominator = BigInteger.One;
        if (exponent >= 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        var digits = RoundHalfEven(numerator, denominator).ToString(CultureInfo.InvariantCulture);
        if (precision == 0)
        {
            return digits;
        }

        digits = digits.PadLeft(precision + 1, '0');
        return digits[..^precision] + "." + digits[^precision..];
    }

    /// <summary>|value| as <c>d.ddd</c> with <paramref name="precision"/> decimals and its decimal exponent.</summary>
    public static (string Mantissa, int Exponent) Scientific(double value, int precision)
    {
        if (value == 0)
        {
            return (precision == 0 ? "0" : "0." + new string('0', precision), 0);
        }

        var (mantissa, exponent) = Decompose(value);
        var e10 = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var scale = precision - e10;
            BigInteger numerator = mantissa;
            var denominator = BigInteger.One;
            if (scale >= 0)
            {
                numerator *= BigInteger.Pow(10, scale);
            }
            else
            {
                denominator *= BigInteger.Pow(10, -scale);
            }

            if (exponent >= 0)
            {
                numerator <<= exponent;
            }
            else
            {
                denominator <<= -exponent;
            }

            var rounded = RoundHalfEven(numerator, denominator);
            if (rounded >= BigInteger.Pow(10, precision + 1))
            {
                e10++;
                continue;
            }

            if (rounded < BigInteger.Pow(10, precision) && attempt == 0)
            {
                e10--;
                continue;
            }

            var digits = rounded.ToString(CultureInfo.InvariantCulture);
            return (precision == 0 ? digits : digits[..1] + "." + digits[1..], e10);
        }

        throw new InvalidOperationException("Could not scale the value.");
    }

    /// <summary>Python's <c>%e</c> body: <c>3.141590e+00</c>.</summary>
    public static string Exponent(double value, int precision, bool alternate = false)
    {
        var (mantissa, e10) = Scientific(value, precision);
        if (alternate && precision == 0)
        {
            mantissa += ".";
        }

        return mantissa + "e" + (e10 < 0 ? "-" : "+") + Math.Abs(e10).ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Python's <c>%g</c> body: shortest of fixed and exponent, trailing zeros removed unless <paramref name="alternate"/>.</summary>
    public static string General(double value, int precision, bool alternate = false, bool keepPoint = false)
    {
        var p = precision == 0 ? 1 : precision;
        var (_, e10) = Scientific(value, p - 1);
        string body;
        if (e10 >= -4 && e10 < p)
        {
            body = Fixed(value, p - 1 - e10);
            if (!alternate)
            {
                body = TrimZeros(body);
            }

            if (keepPoint && !body.Contains('.', StringComparison.Ordinal))
            {
                body += ".0";
            }
        }
        else
        {
            body = Exponent(value, p - 1, alternate);
            if (!alternate)
            {
                var e = body.IndexOf('e', StringComparison.Ordinal);
                body = TrimZeros(body[..e]) + body[e..];
            }
        }

        return body;
    }

    /// <summary>Python's <c>round(x, n)</c> for floats.</summary>
    public static double Round(double value, int digits)
    {
        if (!double.IsFinite(value) || digits > 300)
        {
            return value;
        }

        if (digits < 0)
        {
            var factor = Math.Pow(10, -digits);
            var scaled = Fixed(value / factor, 0);
            return double.CopySign(double.Parse(scaled, CultureInfo.InvariantCulture) * factor, value);
        }

        var text = Fixed(value, digits);
        return double.CopySign(double.Parse(text, CultureInfo.InvariantCulture), value);
    }

    private static string TrimZeros(string body) =>
        body.Contains('.', StringComparison.Ordinal) ? body.TrimEnd('0').TrimEnd('.') : body;

    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & ((1L << 52) - 1);
        return exponent == 0 ? (mantissa, -1074) : (mantissa | (1L << 52), exponent - 1075);
    }

    private static BigInteger RoundHalfEven(BigInteger numerator, BigInteger denominator)
    {
        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        return quotient;
    }

    internal static string Group(string digits, char separator)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0 && (digits.Length - i) % 3 == 0)
            {
                builder.Append(separator);
            }

            builder.Append(digits[i]);
        }

        return builder.ToString();
    }
}
