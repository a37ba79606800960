using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// A lazy sequence: what the reference's Python iterators are. Like them it is single-pass (reading
/// it again continues where the last reader stopped), never indexable, always truthy, and equal only
/// to itself. Needed for endless producers such as <c>cycle()</c> and cheap for query chains.
/// </summary>
internal sealed class YaqlLazy(IEnumerable<Value> source) : Value
{
    private IEnumerator<Value>? _enumerator;
    private bool _done;

    public override ValueKind Kind => ValueKind.List;

    public override bool IsTruthy => true;

    public IEnumerable<Value> Enumerate()
    {
        // A materialised source (memorize(), results built eagerly) can be read again, as the
        // reference's memorising iterators can.
        if (source is IReadOnlyList<Value> list)
        {
            return list;
        }

        return EnumerateOnce();
    }

    private IEnumerable<Value> EnumerateOnce()
    {
        _enumerator ??= source.GetEnumerator();
        while (!_done)
        {
            if (!_enumerator.MoveNext())
            {
                _done = true;
                _enumerator.Dispose();
                yield break;
            }

            yield return _enumerator.Current;
        }
    }

    public override bool Equals(Value? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString() => "<generator object>";
}
