using System.Numerics;

namespace Sirocco.Expressions.Values;

/// <summary>The kind of a <see cref="Value"/>: the JSON types, with integers and floats kept apart.</summary>
public enum ValueKind
{
    Null,
    Bool,
    Int,
    Float,
    String,
    List,
    Dict,
}

/// <summary>
/// An immutable JSON-like value: what workflows read and write and what expressions compute with.
/// Integers are arbitrary precision and distinct from floats; dictionaries keep insertion order.
/// Equality follows Python's <c>==</c> (the language Mistral's evaluators are written in):
/// <c>1 == 1.0</c>, lists compare element-wise, dictionaries compare as maps.
/// </summary>
public abstract class Value : IEquatable<Value>
{
    private protected Value()
    {
    }

    public static Value Null => NullValue.Instance;

    public static Value True => BoolValue.TrueInstance;

    public static Value False => BoolValue.FalseInstance;

    public abstract ValueKind Kind { get; }

    public bool IsNull => Kind == ValueKind.Null;

    public static Value From(bool value) => value ? BoolValue.TrueInstance : BoolValue.FalseInstance;

    public static Value From(long value) => new IntValue(value);

    public static Value From(BigInteger value) => new IntValue(value);

    public static Value From(double value) => new FloatValue(value);

    public static Value From(string? value) => value is null ? NullValue.Instance : new StringValue(value);

    public static Value List(params IEnumerable<Value> items) => new ListValue(items);

    /// <summary>Python truthiness: null, false, 0, 0.0, "" and empty collections are false.</summary>
    public abstract bool IsTruthy { get; }

    /// <summary>Python <c>str()</c> of the value: how it reads when embedded in text.</summary>
    public string ToText() => PythonText.Str(this);

    /// <summary>Python <c>repr()</c> of the value: how it reads inside a list or dict.</summary>
    public string ToRepr() => PythonText.Repr(this);

    /// <summary>Compact JSON text.</summary>
    public string ToJson() => JsonValues.ToJson(this);

    public abstract bool Equals(Value? other);

    public override bool Equals(object? obj) => obj is Value v && Equals(v);

    public abstract override int GetHashCode();

    public override string ToString() => ToRepr();

    public static bool operator ==(Value? left, Value? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(Value? left, Value? right) => !(left == right);
}
