using System.Numerics;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Python's arithmetic: arbitrary-precision integers, true division, floored division and modulo.</summary>
internal static partial class Py
{
    private const int MaxIntegerBits = 1 << 20;

    public static Value Add(Value a, Value b, Frame frame)
    {
        Defined(a);
        Defined(b);
        switch (a)
        {
            case IntValue or BoolValue when b is IntValue or BoolValue:
                return new IntValue(AsBig(a) + AsBig(b));
            case IntValue or BoolValue or FloatValue when b is IntValue or BoolValue or FloatValue:
                return new FloatValue(AsDouble(a) + AsDouble(b));
            case StringValue s when b is StringValue t:
                frame.CheckSize((long)s.Value.Length + t.Value.Length);
                return new StringValue(s.Value + t.Value);
            case StringValue:
                throw JinjaException.Type($"can only concatenate str (not \"{TypeName(b)}\") to str");
            case ListValue l when b is ListValue r && l.IsTuple == r.IsTuple:
                frame.CheckSize((long)l.Count + r.Count);
                return new ListValue(l.Items.AddRange(r.Items), l.IsTuple);
            case ListValue l:
                throw JinjaException.Type($"can only concatenate {TypeName(l)} (not \"{TypeName(b)}\") to {TypeName(l)}");
            default:
                throw Unsupported("+", a, b);
        }
    }

    public static Value Subtract(Value a, Value b)
    {
        Defined(a);
        Defined(b);
        return a switch
        {
            IntValue or BoolValue when b is IntValue or BoolValue => new IntValue(AsBig(a) - AsBig(b)),
            IntValue or BoolValue or FloatValue when IsNumber(b) => new FloatValue(AsDouble(a) - AsDouble(b)),
            _ => throw Unsupported("-", a, b),
        };
    }

    public static Value Multiply(Value a, Value b, Frame frame)
    {
        Defined(a);
        Defined(b);
        switch (a)
        {
            case IntValue or BoolValue when b is IntValue or BoolValue:
                var product = AsBig(a) * AsBig(b);
                CheckBits(product);
                return new IntValue(product);
            case IntValue or BoolValue or FloatValue when IsNumber(b):
                return new FloatValue(AsDouble(a) * AsDouble(b));
            case StringValue or ListValue when b is IntValue or BoolValue:
                return Repeat(a, AsBig(b), frame);
            case IntValue or BoolValue when b is StringValue or ListValue:
                return Repeat(b, AsBig(a), frame);
            default:
                throw Unsupported("*", a, b);
        }
    }

    public static Value Divide(Value a, Value b)
    {
        Defined(a);
        Defined(b);
        if (!IsNumber(a) || !IsNumber(b))
        {
            throw Unsupported("/", a, b);
        }

        if (a is not FloatValue && b is not FloatValue)
        {
            var divisor = AsBig(b);
            return divisor.IsZero
                ? throw new JinjaException(ErrorCategories.DivisionByZero, "division by zero")
                : new FloatValue(IntegerTrueDivide(AsBig(a), divisor));
        }

        var d = AsDouble(b);
        return d == 0
            ? throw new JinjaException(ErrorCategories.DivisionByZero, "float division by zero")
            : new FloatValue(AsDouble(a) / d);
    }

    public static Value FloorDivide(Value a, Value b)
    {
        Defined(a);
        Defined(b);
        if (!IsNumber(a) || !IsNumber(b))
        {
            throw Unsupported("//", a, b);
        }

        if (a is not FloatValue && b is not FloatValue)
        {
            var (quotient, _) = FloorDivMod(AsBig(a), AsBig(b));
            return new IntValue(quotient);
        }

        var d = AsDouble(b);
        return d == 0
            ? throw new JinjaException(ErrorCategories.DivisionByZero, "float floor division by zero")
            : new FloatValue(Math.Floor(AsDouble(a) / d));
    }

    public static Value Modulo(Value a, Value b, Frame frame)
    {
        Defined(a);
        Defined(b);
        if (a is StringValue format)
        {
            return new StringValue(PercentFormat.Format(format.Value, b, frame));
        }

        if (!IsNumber(a) || !IsNumber(b))
        {
            throw Unsupported("%", a, b);
        }

        if (a is not FloatValue && b is not FloatValue)
        {
            var (_, remainder) = FloorDivMod(AsBig(a), AsBig(b));
            return new IntValue(remainder);
        }

        var x = AsDouble(a);
        var y = AsDouble(b);
        if (y == 0)
        {
            throw new JinjaException(ErrorCategories.DivisionByZero, "float modulo");
        }

        var mod = x % y;
        if (mod == 0)
        {
            mod = double.CopySign(0, y);
        }
        else if ((mod < 0) != (y < 0))
        {
            mod += y;
        }

        return new FloatValue(mod);
    }

    public static Value Power(Value a, Value b)
    {
        Defined(a);
        Defined(b);
        if (!IsNumber(a) || !IsNumber(b))
        {
            throw Unsupported("** or pow()", a, b);
        }

        if (a is not FloatValue && b is not FloatValue)
        {
            var exponent = AsBig(b);
            var baseValue = AsBig(a);
            if (exponent.Sign >= 0)
            {
                var bits = baseValue.IsZero ? 0 : (double)baseValue.GetBitLength() * (double)exponent;
                if (bits > MaxIntegerBits && BigInteger.Abs(baseValue) > BigInteger.One)
                {
                    throw new JinjaException(ErrorCategories.Overflow, "integer result too large");
                }

                return new IntValue(BigInteger.Pow(baseValue, (int)BigInteger.Min(exponent, int.MaxValue)));
            }

            if (baseValue.IsZero)
            {
                throw new JinjaException(ErrorCategories.DivisionByZero, "0.0 cannot be raised to a negative power");
            }
        }

        var x = AsDouble(a);
        var y = AsDouble(b);
        if (x == 0 && y < 0)
        {
            throw new JinjaException(ErrorCategories.DivisionByZero, "0.0 cannot be raised to a negative power");
        }

        if (x < 0 && Math.Floor(y) != y)
        {
            throw JinjaException.Type("a complex number cannot be stored as a workflow value");
        }

        var result = Math.Pow(x, y);
        return double.IsInfinity(result) && !double.IsInfinity(x)
            ? throw new JinjaException(ErrorCategories.Overflow, "(34, 'Numerical result out of range')")
            : new FloatValue(result);
    }

    public static Value Negate(Value a) => Defined(a) switch
    {
        IntValue or BoolValue => new IntValue(-AsBig(a)),
        FloatValue f => new FloatValue(-f.Value),
        _ => throw JinjaException.Type($"bad operand type for unary -: '{TypeName(a)}'"),
    };

    public static Value Plus(Value a) => Defined(a) switch
    {
        IntValue or BoolValue => new IntValue(AsBig(a)),
        FloatValue f => f,
        _ => throw JinjaException.Type($"bad operand type for unary +: '{TypeName(a)}'"),
    };

    internal static (BigInteger Quotient, BigInteger Remainder) FloorDivMod(BigInteger a, BigInteger b)
    {
        if (b.IsZero)
        {
            throw new JinjaException(ErrorCategories.DivisionByZero, "integer division or modulo by zero");
        }

        var q = BigInteger.DivRem(a, b, out var r);
        if (!r.IsZero && (r.Sign < 0) != (b.Sign < 0))
        {
            q -= 1;
            r += b;
        }

        return (q, r);
    }

    /// <summary>Python divides integers exactly and rounds once; doubles would round three times.</summary>
    private static double IntegerTrueDivide(BigInteger a, BigInteger b)
    {
        var small = BigInteger.Abs(a) < (BigInteger.One << 53) && BigInteger.Abs(b) < (BigInteger.One << 53);
        if (small)
        {
            return (double)a / (double)b;
        }

        var negative = (a.Sign < 0) != (b.Sign < 0);
        var n = BigInteger.Abs(a);
        var d = BigInteger.Abs(b);
        var shift = (int)Math.Max(0, 55 - (n.GetBitLength() - d.GetBitLength()));
        var quotient = BigInteger.DivRem(n << shift, d, out var remainder);
        if (!remainder.IsZero)
        {
            quotient |= BigInteger.One; // sticky bit: the quotient has 55+ bits, so this only breaks ties correctly
        }

        var result = Math.ScaleB(BigToDouble(quotient), -shift);
        return negative ? -result : result;
    }

    private static Value Repeat(Value sequence, BigInteger times, Frame frame)
    {
        var count = times.Sign <= 0 ? 0 : times > int.MaxValue ? int.MaxValue : (int)times;
        if (sequence is StringValue s)
        {
            frame.CheckSize((long)s.Value.Length * count);
            return new StringValue(count == 0 ? string.Empty : string.Concat(Enumerable.Repeat(s.Value, count)));
        }

        var list = (ListValue)sequence;
        frame.CheckSize((long)list.Count * count);
        return new ListValue(Enumerable.Repeat(list.Items, count).SelectMany(x => x), list.IsTuple);
    }

    private static void CheckBits(BigInteger value)
    {
        if (value.GetBitLength() > MaxIntegerBits)
        {
            throw new JinjaException(ErrorCategories.Overflow, "integer result too large");
        }
    }

    private static JinjaException Unsupported(string op, Value a, Value b) =>
        JinjaException.Type($"unsupported operand type(s) for {op}: '{TypeName(a)}' and '{TypeName(b)}'");
}
