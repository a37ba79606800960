using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Yaql.Runtime;

/// <summary>
/// A YAQL context: variables (<c>$</c> is <c>$1</c>) and functions defined by <c>def()</c>, with a
/// parent chain. Lambdas get a child scope per call, so scopes are cheap and never shared across evaluations.
/// </summary>
internal sealed class Scope
{
    private Dictionary<string, Value>? _variables;
    private Dictionary<string, UserFunction>? _functions;

    public Scope(Scope? parent, Value? dollar = null)
    {
        Parent = parent;
        Dollar = dollar;
    }

    public Scope? Parent { get; }

    /// <summary>
    /// On the root scope: the data dict, whose <c>__env</c>/<c>__execution</c>/<c>__task_execution</c> are
    /// context variables in Mistral. Read on demand so an evaluation does not pay for copying them.
    /// </summary>
    public DictValue? RootData { get; init; }

    /// <summary><c>$</c> / <c>$1</c> of this scope, or null when this scope does not set it.</summary>
    public Value? Dollar { get; private set; }

    public bool HasFunctions => _functions is not null;

    public void Set(string name, Value value)
    {
        if (name is "" or "1")
        {
            Dollar = value;
            return;
        }

        (_variables ??= new(StringComparer.Ordinal))[name] = value;
    }

    /// <summary>The variable's value; null (not JSON null) when it is not defined anywhere.</summary>
    public Value? Lookup(string name)
    {
        if (name is "" or "1")
        {
            for (var scope = this; scope is not null; scope = scope.Parent)
            {
                if (scope.Dollar is not null)
                {
                    return scope.Dollar;
                }
            }

            return null;
        }

        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._variables is not null && scope._variables.TryGetValue(name, out var value))
            {
                return value;
            }

            if (scope.Parent is null && scope.RootData is { } data && name is "__env" or "__execution" or "__task_execution")
            {
                return data.Get(name) ?? Value.Null;
            }
        }

        return null;
    }

    public void Define(UserFunction function) => (_functions ??= new(StringComparer.Ordinal))[function.Name] = function;

    public UserFunction? FindFunction(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._functions is not null && scope._functions.TryGetValue(name, out var function))
            {
                return function;
            }
        }

        return null;
    }
}
