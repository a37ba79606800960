using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// The result of <c>orderBy</c>: the source and its sort keys, so <c>thenBy</c> can add a key.
/// Sorting is stable; keys that cannot be ordered fail as the reference's <c>#operator_&lt;</c> does.
/// </summary>
internal sealed class YaqlOrdered : Value
{
    private readonly IReadOnlyList<Value> _source;
    private readonly (Func<Value, Value> Key, bool Descending)[] _keys;
    private Value[]? _sorted;

    public YaqlOrdered(IReadOnlyList<Value> source, (Func<Value, Value> Key, bool Descending)[] keys)
    {
        _source = source;
        _keys = keys;
    }

    public override ValueKind Kind => ValueKind.List;

    public override bool IsTruthy => true;

    public YaqlOrdered ThenBy(Func<Value, Value> key, bool descending) => new(_source, [.. _keys, (key, descending)]);

    public IReadOnlyList<Value> Items => _sorted ??= Sort();

    private Value[] Sort()
    {
        // Keys are computed when first compared, as the reference's comparison-based sort does:
        // a single item is never compared, so its key is never evaluated.
        var items = _source.ToArray();
        if (items.Length < 2)
        {
            return items;
        }

        var keys = new Value?[items.Length][];
        var order = Enumerable.Range(0, items.Length).ToArray();
        try
        {
            Array.Sort(order, Compare);
        }
        catch (InvalidOperationException e) when (e.InnerException is YaqlException inner)
        {
            throw inner;
        }

        return [.. order.Select(i => items[i])];

        Value Key(int item, int level)
        {
            var row = keys[item] ??= new Value?[_keys.Length];
            return row[level] ??= _keys[level].Key(items[item]);
        }

        int Compare(int a, int b)
        {
            for (var level = 0; level < _keys.Length; level++)
            {
                var c = Operators.CompareOrdered(Key(a, level), Key(b, level), "#operator_<");
                if (c != 0)
                {
                    return _keys[level].Descending ? -c : c;
                }
            }

            return a.CompareTo(b);
        }
    }

    public override bool Equals(Value? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString() => "<yaql.standard_library.queries.OrderingIterable object>";
}
