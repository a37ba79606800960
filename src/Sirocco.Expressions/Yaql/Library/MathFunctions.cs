using System.Globalization;
using System.Numerics;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>Numbers, conversions and boolean helpers; booleans are not numbers here, as in the reference.</summary>
internal static class MathFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("abs", CallForm.Function, 1, 1, call => call[0] switch
        {
            IntValue i => new IntValue(BigInteger.Abs(i.Value)),
            FloatValue f => new FloatValue(Math.Abs(f.Value)),
            YaqlTimeSpan t => new YaqlTimeSpan(t.Value.Duration()),
            _ => throw Invocation.NoMatch,
        });
        r.Add("int", CallForm.Function, 1, 1, call => ToInt(call[0]));
        r.Add("float", CallForm.Function, 1, 1, call => ToFloat(call[0]));
        r.Add("bool", CallForm.Function, 1, 1, call => Value.From(call[0].IsTruthy));
        r.Add("isBoolean", CallForm.Function, 1, 1, call => Value.From(call[0] is BoolValue));
        r.Add("isInteger", CallForm.Function, 1, 1, call => Value.From(call[0] is IntValue));
        r.Add("isNumber", CallForm.Function, 1, 1, call => Value.From(call[0] is IntValue or FloatValue));
        r.Add("random", CallForm.Function, 0, 0, _ => new FloatValue(Random.Shared.NextDouble()));
        r.Add("random", CallForm.Function, 2, 2, call => new IntValue(RandomBetween(call.Int(0), call.Int(1))));
        r.Add("bitwiseAnd", CallForm.Function, 2, 2, call => new IntValue(call.Int(0) & call.Int(1)));
        r.Add("bitwiseOr", CallForm.Function, 2, 2, call => new IntValue(call.Int(0) | call.Int(1)));
        r.Add("bitwiseXor", CallForm.Function, 2, 2, call => new IntValue(call.Int(0) ^ call.Int(1)));
        r.Add("bitwiseNot", CallForm.Function, 1, 1, call => new IntValue(-call.Int(0) - 1));
        r.Add("shiftBitsRight", CallForm.Function, 2, 2, call => new IntValue(call.Int(0) >> call.SmallInt(1)));
        r.Add("shiftBitsLeft", CallForm.Function, 2, 2, call =>
        {
            var bits = call.SmallInt(1);
            return bits > Operators.MaxIntegerBits
                ? throw new YaqlException("limit", $"Integer result exceeds the limit of {Operators.MaxIntegerBits} bits")
                : Operators.CheckedInteger(call.Int(0) << bits);
        });
        r.Add("max", CallForm.Function, 2, 2, call => Pick(call, ">"));
        r.Add("min", CallForm.Function, 2, 2, call => Pick(call, "<"));
        r.Add("pow", CallForm.Function, 2, 3, Pow);
        r.Add("sign", CallForm.Function, 1, 1, call => call[0] switch
        {
            IntValue i => Value.From(i.Value.Sign),
            FloatValue f => Value.From(f.Value > 0 ? 1 : f.Value < 0 ? -1 : 0),
            _ => throw Invocation.NoMatch,
        });
        r.Add("round", CallForm.Function, 1, 2, Round);
    }

    private static Value Pick(Invocation call, string op)
    {
        var a = call[0];
        var b = call[1];
        return Operators.Compare(op, b, a) ? b : a;
    }

    public static Value ToInt(Value value) => value switch
    {
        NullValue => Value.From(0),
        BoolValue b => Value.From(b.Value ? 1 : 0),
        IntValue => value,
        FloatValue f when double.IsFinite(f.Value) => new IntValue(new BigInteger(Math.Truncate(f.Value))),
        FloatValue => throw new YaqlException("overflow", "cannot convert float infinity to integer"),
        // Python refuses to convert strings of more than 4300 digits (sys.int_info.default_max_str_digits).
        StringValue s when s.Value.Length > 4300 && s.Value.Trim().Replace("_", string.Empty, StringComparison.Ordinal).TrimStart('+', '-').Length > 4300 =>
            throw YaqlException.ValueError("Exceeds the limit (4300 digits) for integer string conversion"),
        StringValue s when BigInteger.TryParse(s.Value.Trim().Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) && s.Value.Trim().Length > 0 =>
            new IntValue(parsed),
        StringValue s => throw YaqlException.ValueError($"invalid literal for int() with base 10: {YaqlText.Repr(s)}"),
        _ => throw YaqlException.TypeError("int() argument must be a string, a bytes-like object or a real number"),
    };

    public static Value ToFloat(Value value) => value switch
    {
        NullValue => Value.From(0.0),
        BoolValue b => Value.From(b.Value ? 1.0 : 0.0),
        IntValue or FloatValue => Value.From(Operators.ToDouble(value)),
        StringValue s when TryParseFloat(s.Value.Trim(), out var d) => Value.From(d),
        StringValue s => throw YaqlException.ValueError($"could not convert string to float: {YaqlText.Repr(s)}"),
        _ => throw YaqlException.TypeError("float() argument must be a string or a real number"),
    };

    private static bool TryParseFloat(string text, out double value)
    {
        switch (text.ToLowerInvariant())
        {
            case "inf" or "+inf" or "infinity" or "+infinity":
                value = double.PositiveInfinity;
                return true;
            case "-inf" or "-infinity":
                value = double.NegativeInfinity;
                return true;
            case "nan" or "+nan" or "-nan":
                value = double.NaN;
                return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && text.Length > 0;
    }

    private static BigInteger RandomBetween(BigInteger from, BigInteger to)
    {
        if (to < from)
        {
            throw YaqlException.ValueError("empty range for randrange()");
        }

        return from + new BigInteger(Random.Shared.NextDouble() * (double)(to - from + 1));
    }

    private static Value Pow(Invocation call)
    {
        var a = call[0];
        var b = call[1];
        if (call.Count == 3)
        {
            var modulus = call.Int(2);
            if (modulus.IsZero)
            {
                throw YaqlException.ValueError("pow() 3rd argument cannot be 0");
            }

            var result = BigInteger.ModPow(call.Int(0), call.Int(1), modulus);
            return new IntValue(result.Sign != 0 && result.Sign != modulus.Sign ? result + modulus : result);
        }

        if (a is IntValue x && b is IntValue y && y.Value >= 0)
        {
            if ((double)y.Value * Math.Max(0, BigInteger.Abs(x.Value).GetBitLength() - 1) > Operators.MaxIntegerBits)
            {
                throw new YaqlException("limit", $"Integer result exceeds the limit of {Operators.MaxIntegerBits} bits");
            }

            return new IntValue(BigInteger.Pow(x.Value, (int)BigInteger.Min(y.Value, int.MaxValue)));
        }

        if (!Operators.IsNumber(a) || !Operators.IsNumber(b))
        {
            throw Invocation.NoMatch;
        }

        var baseValue = Operators.ToDouble(a);
        var exponent = Operators.ToDouble(b);
        if (baseValue == 0 && exponent < 0)
        {
            throw new YaqlException("division_by_zero", "0.0 cannot be raised to a negative power");
        }

        return new FloatValue(Math.Pow(baseValue, exponent));
    }

    /// <summary>
    /// Python's float <c>round</c>: half-to-even on the exact binary value, so <c>round(2.675, 2)</c>
    /// is 2.67 (2.675 is stored as 2.67499999...).
    /// </summary>
    private static double ExactRound(double value, int digits)
    {
        if (!double.IsFinite(value) || value == 0 || digits > 330)
        {
            return value;
        }

        if (digits < -330)
        {
            return value < 0 ? -0.0 : 0.0;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & 0xFFFFFFFFFFFFFL;
        var negative = value < 0;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        BigInteger numerator = mantissa, denominator = BigInteger.One;
        if (exponent > 0)
        {
            numerator <<= exponent;
        }
        else
        {
            denominator <<= -exponent;
        }

        if (digits >= 0)
        {
            numerator *= BigInteger.Pow(10, digits);
        }
        else
        {
            denominator *= BigInteger.Pow(10, -digits);
        }

        var quotient = BigInteger.DivRem(numerator, denominator, out var remainder);
        var twice = remainder * 2;
        if (twice > denominator || (twice == denominator && !quotient.IsEven))
        {
            quotient += 1;
        }

        var text = quotient.ToString(CultureInfo.InvariantCulture) + "e" + (-digits).ToString(CultureInfo.InvariantCulture);
        var rounded = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return negative ? -rounded : rounded;
    }

    private static Value Round(Invocation call)
    {
        var digits = call.Count > 1 ? call.SmallInt(1) : 0;
        switch (call[0])
        {
            case IntValue i:
                if (digits >= 0)
                {
                    return i;
                }

                if (-(long)digits > i.Value.ToString(CultureInfo.InvariantCulture).Length)
                {
                    return new IntValue(BigInteger.Zero);
                }

                var factor = BigInteger.Pow(10, -digits);
                var q = Operators.FloorDiv(i.Value, factor);
                var remainder = i.Value - (q * factor);
                if (remainder * 2 > factor || (remainder * 2 == factor && !q.IsEven))
                {
                    q += 1;
                }

                return new IntValue(q * factor);
            case FloatValue f:
                return new FloatValue(ExactRound(f.Value, digits));
            default:
                throw Invocation.NoMatch;
        }
    }
}
