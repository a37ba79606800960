using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>A context object (what <c>let()</c>, <c>with()</c> and <c>def()</c> return), consumed by <c>-&gt;</c>.</summary>
internal sealed class YaqlScopeValue(Scope scope) : Value
{
    public Scope Scope { get; } = scope;

    public override ValueKind Kind => ValueKind.Dict;

    public override bool IsTruthy => true;

    public override bool Equals(Value? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString() => "<yaql.language.contexts.Context object>";
}
