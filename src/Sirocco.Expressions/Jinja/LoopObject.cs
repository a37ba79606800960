using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Jinja's <c>loop</c> inside a for block: <c>index</c>, <c>first</c>, <c>last</c>, <c>cycle()</c> and friends.</summary>
internal sealed class LoopObject(IReadOnlyList<Value> items, int index) : JinjaObject
{
    public override string TypeName => "LoopContext";

    public Value? Attribute(string name) => name switch
    {
        "index" => Py.Int(index + 1),
        "index0" => Py.Int(index),
        "revindex" => Py.Int(items.Count - index),
        "revindex0" => Py.Int(items.Count - index - 1),
        "first" => Value.From(index == 0),
        "last" => Value.From(index == items.Count - 1),
        "length" => Py.Int(items.Count),
        "depth" => Py.Int(1),
        "depth0" => Py.Int(0),
        "previtem" => index > 0 ? items[index - 1] : new Undefined("there is no previous item"),
        "nextitem" => index < items.Count - 1 ? items[index + 1] : new Undefined("there is no next item"),
        "cycle" => new Callable("cycle", (args, _) =>
            args.Positional.Count == 0
                ? throw JinjaException.Type("no items for cycling given")
                : args.Positional[index % args.Positional.Count]),
        _ => null,
    };

    public override string ToString() => $"<LoopContext {index + 1}/{items.Count}>";
}
