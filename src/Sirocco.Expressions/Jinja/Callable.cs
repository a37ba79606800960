using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Jinja;

/// <summary>Something an expression can call: a global function, a Mistral function or a bound method.</summary>
internal sealed class Callable : JinjaObject
{
    private readonly Func<Arguments, Frame, Value> _invoke;

    private readonly string? _repr;

    public Callable(string name, Func<Arguments, Frame, Value> invoke, string typeName = "function", string? repr = null)
    {
        Name = name;
        _invoke = invoke;
        TypeName = typeName;
        _repr = repr;
    }

    public string Name { get; }

    public override string TypeName { get; }

    public Value Invoke(Arguments args, Frame frame) => _invoke(args, frame);

    public override string ToString() => _repr ?? $"<{TypeName} {Name} at 0x7f0000000000>";
}
