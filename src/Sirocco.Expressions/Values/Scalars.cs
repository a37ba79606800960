using System.Numerics;

namespace Sirocco.Expressions.Values;

/// <summary>JSON null (Python <c>None</c>).</summary>
public sealed class NullValue : Value
{
    internal static readonly NullValue Instance = new();

    private NullValue()
    {
    }

    public override ValueKind Kind => ValueKind.Null;

    public override bool IsTruthy => false;

    public override bool Equals(Value? other) => other is NullValue;

    public override int GetHashCode() => 0;
}

/// <summary>A boolean. As in Python, <c>true == 1</c> and <c>false == 0</c>.</summary>
public sealed class BoolValue : Value
{
    internal static readonly BoolValue TrueInstance = new(true);
    internal static readonly BoolValue FalseInstance = new(false);

    private BoolValue(bool value) => Value = value;

    public bool Value { get; }

    public override ValueKind Kind => ValueKind.Bool;

    public override bool IsTruthy => Value;

    public override bool Equals(Value? other) => other switch
    {
        BoolValue b => b.Value == Value,
        IntValue i => i.Value == (Value ? BigInteger.One : BigInteger.Zero),
        FloatValue f => f.Value == (Value ? 1.0 : 0.0),
        _ => false,
    };

    public override int GetHashCode() => Value ? 1 : 0;
}

/// <summary>An integer of arbitrary precision.</summary>
public sealed class IntValue(BigInteger value) : Value
{
    public BigInteger Value { get; } = value;

    public override ValueKind Kind => ValueKind.Int;

    public override bool IsTruthy => !Value.IsZero;

    public override bool Equals(Value? other) => other switch
    {
        IntValue i => i.Value == Value,
        FloatValue f => NumberEquality.Equal(Value, f.Value),
        BoolValue b => b.Equals(this),
        _ => false,
    };

    // Python: hash(1) == hash(1.0) == hash(True); we keep hashes equal for equal numbers.
    public override int GetHashCode() =>
        Value >= long.MinValue && Value <= long.MaxValue ? NumberEquality.Hash((double)(long)Value) : Value.GetHashCode();
}

/// <summary>A 64-bit float.</summary>
public sealed class FloatValue(double value) : Value
{
    public double Value { get; } = value;

    public override ValueKind Kind => ValueKind.Float;

    public override bool IsTruthy => Value != 0.0;

    public override bool Equals(Value? other) => other switch
    {
        FloatValue f => f.Value.Equals(Value) && !double.IsNaN(Value),
        IntValue i => NumberEquality.Equal(i.Value, Value),
        BoolValue b => b.Equals(this),
        _ => false,
    };

    public override int GetHashCode() => NumberEquality.Hash(Value);
}

/// <summary>A Unicode string.</summary>
public sealed class StringValue(string value) : Value
{
    public string Value { get; } = value;

    public override ValueKind Kind => ValueKind.String;

    public override bool IsTruthy => Value.Length > 0;

    public override bool Equals(Value? other) => other is StringValue s && string.Equals(s.Value, Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);
}

internal static class NumberEquality
{
    public static bool Equal(BigInteger i, double f) =>
        !double.IsNaN(f) && !double.IsInfinity(f) && Math.Floor(f) == f && new BigInteger(f) == i;

    public static int Hash(double f) =>
        Math.Floor(f) == f && f >= long.MinValue && f <= long.MaxValue ? ((long)f).GetHashCode() : f.GetHashCode();
}
