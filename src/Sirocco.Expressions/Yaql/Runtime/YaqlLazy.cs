using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// A lazy sequence (a Python iterator in the reference): needed for endless producers such as
/// <c>cycle()</c> and <c>generate()</c>. Items are remembered as they are produced, so it can be read twice.
/// </summary>
internal sealed class YaqlLazy : Value
{
    private readonly IEnumerator<Value> _source;
    private readonly List<Value> _produced = [];
    private bool _done;

    public YaqlLazy(IEnumerable<Value> source) => _source = source.GetEnumerator();

    public override ValueKind Kind => ValueKind.List;

    public override bool IsTruthy => true;

    public IEnumerable<Value> Enumerate()
    {
        for (var i = 0; ; i++)
        {
            if (i < _produced.Count)
            {
                yield return _produced[i];
                continue;
            }

            if (_done || !_source.MoveNext())
            {
                _done = true;
                yield break;
            }

            _produced.Add(_source.Current);
            yield return _source.Current;
        }
    }

    public override bool Equals(Value? other) => ReferenceEquals(this, other);

    public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);

    public override string ToString() => "<generator object>";
}
