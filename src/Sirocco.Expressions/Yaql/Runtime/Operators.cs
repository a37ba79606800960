using System.Numerics;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// The binary operators with the reference's typing: booleans are not numbers (<c>true + 1</c> has no
/// matching function), integer <c>/</c> floors as Python's <c>//</c>, and ordering with null is defined.
/// </summary>
internal static class Operators
{
    public static Value Apply(string op, Value left, Value right, EvalContext context)
    {
        try
        {
            return ApplyUnchecked(op, left, right, context);
        }
        catch (ArgumentOutOfRangeException) when (left is YaqlDateTime or YaqlTimeSpan || right is YaqlDateTime or YaqlTimeSpan)
        {
            throw new YaqlException("overflow", "date value out of range");
        }
        catch (OverflowException)
        {
            throw new YaqlException("overflow", "numeric result out of range");
        }
    }

    private static Value ApplyUnchecked(string op, Value left, Value right, EvalContext context) => op switch
    {
        "+" => Add(left, right, context),
        "-" => Subtract(left, right),
        "*" => Multiply(left, right, context),
        "/" => Divide(left, right),
        "mod" => Modulo(left, right),
        "=" => Value.From(YaqlEquality.AreEqual(left, right)),
        "!=" => Value.From(!YaqlEquality.AreEqual(left, right)),
        "<" or ">" or "<=" or ">=" => Value.From(Compare(op, left, right)),
        "in" => Value.From(In(left, right)),
        "=~" => Value.From(RegexMatch(left, right)),
        "!~" => Value.From(!RegexMatch(left, right)),
        _ => throw YaqlException.NoMatchingFunction("#operator_" + op),
    };

    /// <summary>
    /// Integers may grow to this many bits (about 20,000 decimal digits). Python would compute bigger ones
    /// but cannot print or store them (4,300-digit conversion limit), and an unbounded one can exhaust memory.
    /// </summary>
    public const long MaxIntegerBits = 65_536;

    public static bool IsNumber(Value value) => value is IntValue or FloatValue;

    public static IntValue CheckedInteger(BigInteger value) => value.GetBitLength() > MaxIntegerBits
        ? throw new YaqlException("limit", $"Integer result exceeds the limit of {MaxIntegerBits} bits")
        : new IntValue(value);

    public static double ToDouble(Value value) => value switch
    {
        // BigInteger's double conversion is not correctly rounded beyond 2^53; Python's is.
        IntValue i => BigInteger.Abs(i.Value) < (BigInteger.One << 53) ? (double)(long)i.Value : BigToDouble(i.Value),
        FloatValue f => f.Value,
        _ => throw new InvalidOperationException("Not a number."),
    };

    private static double BigToDouble(BigInteger value)
    {
        var result = double.Parse(value.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
        return double.IsFinite(result) ? result : throw new YaqlException("overflow", "int too large to convert to float");
    }

    private static Value Add(Value left, Value right, EvalContext context)
    {
        switch (left, right)
        {
            case (IntValue a, IntValue b):
                return new IntValue(a.Value + b.Value);
            case (IntValue or FloatValue, IntValue or FloatValue):
                return new FloatValue(ToDouble(left) + ToDouble(right));
            case (StringValue a, StringValue b):
                context.CheckSize((long)a.Value.Length + b.Value.Length);
                return new StringValue(a.Value + b.Value);
            case (ListValue a, ListValue b):
                context.CheckSize((long)a.Count + b.Count);
                return new ListValue(a.Items.AddRange(b.Items));
            case (ListValue or YaqlLazy or YaqlOrdered, ListValue or YaqlLazy or YaqlOrdered):
                return Sequences.Materialize(Sequences.Enumerate(left).Concat(Sequences.Enumerate(right)), context);
            case (DictValue a, DictValue b):
                return a.Merge(b);
            case (YaqlSet a, YaqlSet b):
                return new YaqlSet(a.Items.Concat(b.Items));
            case (YaqlDateTime a, YaqlTimeSpan b):
                return new YaqlDateTime(a.Value + b.Value);
            case (YaqlTimeSpan a, YaqlDateTime b):
                return new YaqlDateTime(b.Value + a.Value);
            case (YaqlTimeSpan a, YaqlTimeSpan b):
                return new YaqlTimeSpan(a.Value + b.Value);
            default:
                throw YaqlException.NoMatchingFunction("#operator_+");
        }
    }

    private static Value Subtract(Value left, Value right) => (left, right) switch
    {
        (IntValue a, IntValue b) => new IntValue(a.Value - b.Value),
        (IntValue or FloatValue, IntValue or FloatValue) => new FloatValue(ToDouble(left) - ToDouble(right)),
        (YaqlSet a, YaqlSet b) => new YaqlSet(a.Items.Where(v => !b.Lookup.Contains(v))),
        (YaqlDateTime a, YaqlDateTime b) => new YaqlTimeSpan(a.Value - b.Value),
        (YaqlDateTime a, YaqlTimeSpan b) => new YaqlDateTime(a.Value - b.Value),
        (YaqlTimeSpan a, YaqlTimeSpan b) => new YaqlTimeSpan(a.Value - b.Value),
        _ => throw YaqlException.NoMatchingFunction("#operator_-"),
    };

    private static Value Multiply(Value left, Value right, EvalContext context)
    {
        switch (left, right)
        {
            case (IntValue a, IntValue b):
                return a.Value.GetBitLength() + b.Value.GetBitLength() > MaxIntegerBits + 1
                    ? throw new YaqlException("limit", $"Integer result exceeds the limit of {MaxIntegerBits} bits")
                    : new IntValue(a.Value * b.Value);
            case (IntValue or FloatValue, IntValue or FloatValue):
                return new FloatValue(ToDouble(left) * ToDouble(right));
            case (StringValue s, IntValue n):
                return Repeat(s, n.Value, context);
            case (IntValue n, StringValue s):
                return Repeat(s, n.Value, context);
            case (StringValue s, BoolValue b):
                return Repeat(s, b.Value ? 1 : 0, context);
            case (BoolValue b, StringValue s):
                return Repeat(s, b.Value ? 1 : 0, context);
            case (ListValue l, IntValue n):
                return RepeatList(l, n.Value, context);
            case (IntValue n, ListValue l):
                return RepeatList(l, n.Value, context);
            case (ListValue l, BoolValue b):
                return RepeatList(l, b.Value ? 1 : 0, context);
            case (BoolValue b, ListValue l):
                return RepeatList(l, b.Value ? 1 : 0, context);
            case (YaqlTimeSpan t, IntValue or FloatValue):
                return new YaqlTimeSpan(t.Value * ToDouble(right));
            case (IntValue or FloatValue, YaqlTimeSpan t):
                return new YaqlTimeSpan(t.Value * ToDouble(left));
            default:
                throw YaqlException.NoMatchingFunction("#operator_*");
        }
    }

    private static StringValue Repeat(StringValue s, BigInteger count, EvalContext context)
    {
        if (count <= 0 || s.Value.Length == 0)
        {
            return new StringValue(string.Empty);
        }

        context.CheckSize((long)Math.Min((double)count * s.Value.Length, long.MaxValue));
        return new StringValue(string.Concat(Enumerable.Repeat(s.Value, (int)count)));
    }

    private static ListValue RepeatList(ListValue list, BigInteger count, EvalContext context)
    {
        if (count <= 0 || list.Count == 0)
        {
            return ListValue.Empty;
        }

        context.CheckSize((long)Math.Min((double)count * list.Count, long.MaxValue));
        return new ListValue(Enumerable.Repeat(list.Items, (int)count).SelectMany(x => x));
    }

    private static Value Divide(Value left, Value right)
    {
        switch (left, right)
        {
            case (IntValue a, IntValue b):
                if (b.Value.IsZero)
                {
                    throw new YaqlException("division_by_zero", "integer division or modulo by zero");
                }

                return new IntValue(FloorDiv(a.Value, b.Value));
            case (IntValue or FloatValue, IntValue or FloatValue):
                var divisor = ToDouble(right);
                if (divisor == 0)
                {
                    throw new YaqlException("division_by_zero", "float division by zero");
                }

                return new FloatValue(ToDouble(left) / divisor);
            case (YaqlTimeSpan t, IntValue or FloatValue):
                return new YaqlTimeSpan(t.Value / ToDouble(right));
            default:
                throw YaqlException.NoMatchingFunction("#operator_/");
        }
    }

    private static Value Modulo(Value left, Value right)
    {
        switch (left, right)
        {
            case (IntValue a, IntValue b):
                if (b.Value.IsZero)
                {
                    throw new YaqlException("division_by_zero", "integer modulo by zero");
                }

                return new IntValue(a.Value - (FloorDiv(a.Value, b.Value) * b.Value));
            case (IntValue or FloatValue, IntValue or FloatValue):
                var x = ToDouble(left);
                var y = ToDouble(right);
                if (y == 0)
                {
                    throw new YaqlException("division_by_zero", "float modulo");
                }

                var mod = x % y;
                if (mod != 0 && (mod < 0) != (y < 0))
                {
                    mod += y;
                }

                return new FloatValue(mod);
            default:
                throw YaqlException.NoMatchingFunction("#operator_mod");
        }
    }

    public static BigInteger FloorDiv(BigInteger a, BigInteger b)
    {
        var quotient = BigInteger.DivRem(a, b, out var remainder);
        return !remainder.IsZero && (remainder.Sign < 0) != (b.Sign < 0) ? quotient - 1 : quotient;
    }

    /// <summary>Ordering as the reference defines it; throws no-matching for types it cannot order.</summary>
    public static bool Compare(string op, Value left, Value right)
    {
        if (left is NullValue || right is NullValue)
        {
            // null sorts before everything; null vs null is equal.
            var c = left is NullValue ? (right is NullValue ? 0 : -1) : 1;
            return Holds(op, c);
        }

        if (left is YaqlSet a && right is YaqlSet b)
        {
            return op switch
            {
                "<" => a.Lookup.IsProperSubsetOf(b.Lookup),
                "<=" => a.Lookup.IsSubsetOf(b.Lookup),
                ">" => a.Lookup.IsProperSupersetOf(b.Lookup),
                _ => a.Lookup.IsSupersetOf(b.Lookup),
            };
        }

        return Holds(op, CompareOrdered(left, right, "#operator_" + op));
    }

    /// <summary>Three-way comparison of two orderable values (numbers, strings, date-times, intervals).</summary>
    public static int CompareOrdered(Value left, Value right, string operatorName) => (left, right) switch
    {
        (IntValue a, IntValue b) => a.Value.CompareTo(b.Value),
        (IntValue or FloatValue, IntValue or FloatValue) => ToDouble(left).CompareTo(ToDouble(right)),
        (StringValue a, StringValue b) => string.CompareOrdinal(a.Value, b.Value) switch { < 0 => -1, > 0 => 1, _ => 0 },
        (YaqlDateTime a, YaqlDateTime b) => a.Value.CompareTo(b.Value),
        (YaqlTimeSpan a, YaqlTimeSpan b) => a.Value.CompareTo(b.Value),
        (NullValue, NullValue) => 0,
        (NullValue, _) => -1,
        (_, NullValue) => 1,
        _ => throw YaqlException.NoMatchingFunction(operatorName),
    };

    private static bool Holds(string op, int c) => op switch
    {
        "<" => c < 0,
        ">" => c > 0,
        "<=" => c <= 0,
        _ => c >= 0,
    };

    private static bool In(Value item, Value collection)
    {
        switch (collection)
        {
            case StringValue s when item is StringValue sub:
                return s.Value.Contains(sub.Value, StringComparison.Ordinal);
            case YaqlSet set:
                return set.Lookup.Contains(item);
            case ListValue or YaqlLazy or YaqlOrdered:
                foreach (var value in Sequences.Enumerate(collection))
                {
                    if (YaqlEquality.AreEqual(item, value))
                    {
                        return true;
                    }
                }

                return false;
            default:
                throw YaqlException.NoMatchingFunction("#operator_in");
        }
    }

    private static bool RegexMatch(Value left, Value right)
    {
        if (left is not StringValue text)
        {
            throw YaqlException.NoMatchingFunction("#operator_=~");
        }

        var regex = right switch
        {
            YaqlRegex r => r.Regex,
            StringValue pattern => PythonRegex.Compile(pattern.Value, 0),
            _ => throw YaqlException.NoMatchingFunction("#operator_=~"),
        };
        return regex.IsMatch(text.Value);
    }
}
