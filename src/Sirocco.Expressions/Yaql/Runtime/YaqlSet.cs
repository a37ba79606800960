using System.Collections.Immutable;
using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>A YAQL set (Python frozenset). Leaves the evaluator as a list whose order is unspecified.</summary>
internal sealed class YaqlSet : Value
{
    /// <param name="items">The members.</param>
    /// <param name="checkHashable">False only for views the reference never hashes (<c>dict.items()</c>).</param>
    public YaqlSet(IEnumerable<Value> items, bool checkHashable = true)
    {
        var seen = new HashSet<Value>();
        var builder = ImmutableArray.CreateBuilder<Value>();
        foreach (var item in items)
        {
            if (checkHashable)
            {
                PythonLists.RequireHashable(item);
            }

            if (seen.Add(item))
            {
                builder.Add(item);
            }
        }

        Items = builder.ToImmutable();
        Lookup = seen;
    }

    public ImmutableArray<Value> Items { get; }

    public HashSet<Value> Lookup { get; }

    public override ValueKind Kind => ValueKind.List;

    public override bool IsTruthy => Items.Length > 0;

    public override bool Equals(Value? other) => other is YaqlSet set && set.Lookup.SetEquals(Lookup);

    public override int GetHashCode()
    {
        var hash = 0;
        foreach (var item in Items)
        {
            hash ^= item.GetHashCode();
        }

        return hash;
    }

    public override string ToString() => YaqlText.Repr(this);
}
