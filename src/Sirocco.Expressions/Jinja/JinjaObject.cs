using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// A Jinja runtime value that has no JSON form (undefined, callables, lazy sequences, the loop object).
/// These live only during one evaluation; <see cref="Py.ToPlain"/> converts or rejects them before a
/// result leaves the evaluator. <see cref="Value.Kind"/> is meaningless for them, so runtime code
/// always tests for <see cref="JinjaObject"/> before looking at a kind.
/// </summary>
internal abstract class JinjaObject : Value
{
    public override ValueKind Kind => ValueKind.Null;

    public override bool IsTruthy => true;

    /// <summary>Python's type name, used in error messages (<c>'int' object is not callable</c>).</summary>
    public abstract string TypeName { get; }

    /// <summary>The items when the object is iterable, null otherwise.</summary>
    public virtual IReadOnlyList<Value>? Items => null;

    /// <summary>Python <c>repr()</c>; <see cref="PythonText"/> falls back to <c>ToString</c> for unknown values.</summary>
    public override string ToString() => $"<{TypeName} object>";

    public override bool Equals(Value? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
}
