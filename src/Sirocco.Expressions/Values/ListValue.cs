using System.Collections;
using System.Collections.Immutable;

namespace Sirocco.Expressions.Values;

/// <summary>
/// An immutable ordered sequence. <see cref="IsTuple"/> only changes how it renders as text
/// (<c>(a, b)</c> instead of <c>[a, b]</c>); in JSON both are arrays.
/// </summary>
public sealed class ListValue : Value, IReadOnlyList<Value>
{
    public static readonly ListValue Empty = new(ImmutableArray<Value>.Empty);

    public ListValue(IEnumerable<Value> items, bool isTuple = false)
    {
        Items = [.. items];
        IsTuple = isTuple;
    }

    public ListValue(ImmutableArray<Value> items, bool isTuple = false)
    {
        Items = items;
        IsTuple = isTuple;
    }

    public ImmutableArray<Value> Items { get; }

    public bool IsTuple { get; }

    public int Count => Items.Length;

    public Value this[int index] => Items[index];

    public override ValueKind Kind => ValueKind.List;

    public override bool IsTruthy => Items.Length > 0;

    public override bool Equals(Value? other)
    {
        if (other is not ListValue list || list.Items.Length != Items.Length)
        {
            return false;
        }

        for (var i = 0; i < Items.Length; i++)
        {
            if (!Items[i].Equals(list.Items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<Value> GetEnumerator() => ((IEnumerable<Value>)Items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
