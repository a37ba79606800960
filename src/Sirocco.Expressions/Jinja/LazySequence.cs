using System.Collections.Immutable;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>
/// A Python iterator, generator or view (<c>map(...)</c>, <c>reverse</c>, <c>dict.items()</c>, <c>range()</c>).
/// We compute the items eagerly; what differs from a list is how it prints inside text, which Python
/// shows as an object description (<c>&lt;generator object ...&gt;</c>, <c>dict_items([...])</c>).
/// </summary>
internal sealed class LazySequence : JinjaObject
{
    private readonly Func<LazySequence, string> _repr;

    public LazySequence(string typeName, ImmutableArray<Value> items, Func<LazySequence, string>? repr = null)
    {
        TypeName = typeName;
        Values = items;
        _repr = repr ?? (s => $"<{s.TypeName} object at 0x7f0000000000>");
    }

    public ImmutableArray<Value> Values { get; }

    public override string TypeName { get; }

    public override IReadOnlyList<Value> Items => Values;

    /// <summary>A generator; <paramref name="function"/> is the Python function name Jinja's text shows for it.</summary>
    public static LazySequence Generator(IEnumerable<Value> items, string function = "genexpr") =>
        new("generator", [.. items], _ => $"<generator object {function} at 0x7f0000000000>");

    public override string ToString() => _repr(this);

    /// <summary>Ranges compare by their items, as Python's do; generators and views by identity.</summary>
    public override bool Equals(Value? other) => other is LazySequence { TypeName: "range" } range && TypeName == "range"
        ? Values.SequenceEqual(range.Values)
        : ReferenceEquals(this, other);

    public override int GetHashCode() => TypeName == "range" ? Values.Length : base.GetHashCode();
}
