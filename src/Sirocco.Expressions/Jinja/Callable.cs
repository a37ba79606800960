using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Something an expression can call: a global function, a Mistral function or a bound method.</summary>
internal sealed class Callable : JinjaObject
{
    private readonly Func<Arguments, Frame, Value> _invoke;

    public Callable(string name, Func<Arguments, Frame, Value> invoke, string typeName = "function")
    {
        Name = name;
        _invoke = invoke;
        TypeName = typeName;
    }

    public string Name { get; }

    public override string TypeName { get; }

    public Value Invoke(Arguments args, Frame frame) => _invoke(args, frame);

    public override string ToString() => $"<{TypeName} {Name}>";
}
