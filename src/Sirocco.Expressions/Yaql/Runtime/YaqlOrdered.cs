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
        var keyed = _source.Select((item, index) => (Item: item, Index: index, Keys: _keys.Select(k => k.Key(item)).ToArray())).ToArray();
        try
        {
            Array.Sort(keyed, Compare);
        }
        catch (InvalidOperationException e) when (e.InnerException is YaqlException inner)
        {
            throw inner;
        }

        return [.. keyed.Select(k => k.Item)];

        int Compare((Value Item, int Index, Value[] Keys) a, (Value Item, int Index, Value[] Keys) b)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                var c = Operators.CompareOrdered(a.Keys[i], b.Keys[i], "#operator_<");
                if (c != 0)
                {
                    return _keys[i].Descending ? -c : c;
                }
            }

            return a.Index.CompareTo(b.Index);
        }
    }

    public override bool Equals(Value? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString() => "<yaql.standard_library.queries.OrderingIterable object>";
}
