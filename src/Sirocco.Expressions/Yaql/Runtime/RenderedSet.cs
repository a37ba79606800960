using System.Text;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// A set as it is rendered into text: after Mistral's output conversion it is a Python <c>set</c>,
/// whose <c>str()</c> is <c>{1, 2}</c> (or <c>set()</c>). Only ever rendered, never stored.
/// </summary>
internal sealed class RenderedSet(IReadOnlyList<Value> items) : Value
{
    public override ValueKind Kind => ValueKind.List;

    public override bool IsTruthy => items.Count > 0;

    public override bool Equals(Value? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString()
    {
        if (items.Count == 0)
        {
            return "set()";
        }

        var builder = new StringBuilder("{");
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            PythonText.AppendRepr(builder, items[i]);
        }

        return builder.Append('}').ToString();
    }
}
