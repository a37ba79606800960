using System.Numerics;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;
using Sirocco.Expressions.Yaql.Syntax;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>
/// One call being resolved: positional arguments (index 0 is the receiver of a method call), named
/// arguments (<c>name =&gt; value</c>), each evaluated at most once, and lambda arguments evaluated with
/// <c>$1..$n</c> bound. Typed accessors throw <see cref="NoMatchException"/> on a type mismatch.
/// </summary>
internal sealed class Invocation
{
    private readonly YaqlNode[] _positional;
    private readonly MappingNode[]? _named;
    private readonly Value?[] _values;
    private readonly int _offset;

    public Invocation(CallNode node, Value? receiver, bool isMethod, Scope scope, EvalContext context)
    {
        Name = node.Name;
        RawArguments = node.Arguments;
        Scope = scope;
        Context = context;
        _offset = isMethod ? 1 : 0;
        _positional = node.Positional;
        _named = node.Named;
        _values = new Value?[_positional.Length + _offset];
        if (isMethod)
        {
            _values[0] = receiver;
        }
    }

    public string Name { get; }

    /// <summary>The arguments as written, mappings included, in order (receiver excluded).</summary>
    public YaqlNode[] RawArguments { get; }

    public Scope Scope { get; }

    public EvalContext Context { get; }

    public int Count => _values.Length;

    public bool HasNamed => _named is not null;

    public IEnumerable<MappingNode> NamedArguments => _named ?? Enumerable.Empty<MappingNode>();

    public Value this[int index] => Arg(index);

    public static NoMatchException NoMatch => NoMatchException.Instance;

    public Value Arg(int index)
    {
        var value = _values[index];
        if (value is null)
        {
            var node = _positional[index - _offset];
            if (node is MappingNode)
            {
                throw NoMatch;
            }

            value = node.Evaluate(Context, Scope);
            _values[index] = value;
        }

        return value;
    }

    /// <summary>The unevaluated argument; null for a method's receiver.</summary>
    public YaqlNode? Node(int index) => index < _offset ? null : _positional[index - _offset];

    public Value ArgOr(int index, Value fallback) => index < Count ? Arg(index) : fallback;

    public Value? Named(string name)
    {
        if (_named is null)
        {
            return null;
        }

        foreach (var mapping in _named)
        {
            if (mapping.Name == name)
            {
                return mapping.Value.Evaluate(Context, Scope);
            }
        }

        return null;
    }

    /// <summary>Evaluates argument <paramref name="index"/> as a lambda with <c>$1..$n</c> = <paramref name="args"/>.</summary>
    public Value Call(int index, params ReadOnlySpan<Value> args)
    {
        var node = Node(index) ?? throw NoMatch;
        return Invoke(node, args);
    }

    public Value Invoke(YaqlNode node, params ReadOnlySpan<Value> args)
    {
        Context.Step();
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var scope = new Scope(Scope, args.Length > 0 ? args[0] : null);
        for (var i = 1; i < args.Length; i++)
        {
            scope.Set((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), args[i]);
        }

        return node.Evaluate(Context, scope);
    }

    public string Str(int index) => Arg(index) is StringValue s ? s.Value : throw NoMatch;

    public BigInteger Int(int index) => Arg(index) is IntValue i ? i.Value : throw NoMatch;

    public int SmallInt(int index)
    {
        var value = Int(index);
        return value > int.MaxValue ? int.MaxValue : value < int.MinValue ? int.MinValue : (int)value;
    }

    public double Number(int index) => Arg(index) is IntValue or FloatValue ? Operators.ToDouble(Arg(index)) : throw NoMatch;

    public DictValue Dict(int index) => Arg(index) as DictValue ?? throw NoMatch;

    public IEnumerable<Value> Seq(int index)
    {
        var value = Arg(index);
        return Sequences.IsIterable(value) ? Sequences.Enumerate(value) : throw NoMatch;
    }

    public ListValue List(IEnumerable<Value> items) => Sequences.Materialize(items, Context);
}
