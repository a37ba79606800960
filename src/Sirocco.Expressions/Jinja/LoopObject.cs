using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Jinja's <c>loop</c> inside a for block: <c>index</c>, <c>first</c>, <c>last</c>, <c>cycle()</c> and friends.</summary>
internal sealed class LoopObject(IReadOnlyList<Value> items) : JinjaObject
{
    private Value? _lastChanged;

    private int _index;

    /// <summary>Moves to the next iteration; one object serves the whole loop so <c>loop.changed()</c> remembers.</summary>
    public void MoveTo(int position) => _index = position;

    public override string TypeName => "LoopContext";

    public Value? Attribute(string name) => name switch
    {
        "index" => Py.Int(_index + 1),
        "index0" => Py.Int(_index),
        "revindex" => Py.Int(items.Count - _index),
        "revindex0" => Py.Int(items.Count - _index - 1),
        "first" => Value.From(_index == 0),
        "last" => Value.From(_index == items.Count - 1),
        "length" => Py.Int(items.Count),
        "depth" => Py.Int(1),
        "depth0" => Py.Int(0),
        "previtem" => _index > 0 ? items[_index - 1] : new Undefined("there is no previous item"),
        "nextitem" => _index < items.Count - 1 ? items[_index + 1] : new Undefined("there is no next item"),
        "changed" => new Callable("changed", (args, _) =>
        {
            var current = new ListValue(args.Positional);
            var changed = _lastChanged is null || !Py.Equal(_lastChanged, current);
            _lastChanged = current;
            return Value.From(changed);
        }),
        "cycle" => new Callable("cycle", (args, _) =>
            args.Positional.Count == 0
                ? throw JinjaException.Type("no items for cycling given")
                : args.Positional[_index % args.Positional.Count]),
        _ => null,
    };

    public override string ToString() => $"<LoopContext {_index + 1}/{items.Count}>";
}
