using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;
using Sirocco.Expressions.Yaql.Syntax;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>
/// The functions an expression can call, resolved the way the reference resolves them: a name that has
/// no overload of the call's form is unknown (<c>unknown_function</c>); a name whose overloads all
/// reject the arguments is <c>no_matching_function</c>. Built once, read-only afterwards.
/// </summary>
internal sealed class FunctionRegistry
{
    private readonly Dictionary<string, List<Overload>> _functions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CallForm> _forms = new(StringComparer.Ordinal);

    public static FunctionRegistry Standard { get; } = CreateStandard();

    public void Add(string name, CallForm form, int minArgs, int maxArgs, Func<Invocation, Value> body, bool acceptsNamed = false)
    {
        if (!_functions.TryGetValue(name, out var list))
        {
            _functions[name] = list = [];
        }

        list.Add(new Overload(form, minArgs, maxArgs, body, acceptsNamed));
        _forms[name] = _forms.GetValueOrDefault(name) | form;
    }

    public Value CallFunction(CallNode node, Scope scope, EvalContext context)
    {
        if (scope.FindFunction(node.Name) is { } user)
        {
            return CallUser(user, node, scope, context);
        }

        if (!_forms.TryGetValue(node.Name, out var forms) || !forms.HasFlag(CallForm.Function))
        {
            throw YaqlException.UnknownFunction(node.Name);
        }

        var overloads = _functions[node.Name];
        var invocation = new Invocation(node, null, false, scope, context);

        return Resolve(overloads, CallForm.Function, invocation) ?? throw YaqlException.NoMatchingFunction(node.Name);
    }

    public Value CallMethod(CallNode node, Value receiver, Scope scope, EvalContext context)
    {
        if (!_forms.TryGetValue(node.Name, out var forms) || !forms.HasFlag(CallForm.Method))
        {
            throw YaqlException.UnknownMethod(node.Name, YaqlText.Str(receiver));
        }

        var overloads = _functions[node.Name];
        var invocation = new Invocation(node, receiver, true, scope, context);

        return Resolve(overloads, CallForm.Method, invocation) ??
            throw YaqlException.NoMatchingMethod(node.Name, YaqlText.Str(receiver));
    }

    private static Value? Resolve(List<Overload> overloads, CallForm form, Invocation invocation)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        context(invocation).Enter();
        try
        {
            foreach (var overload in overloads)
            {
                if (!overload.Form.HasFlag(form) ||
                    invocation.Count < overload.MinArgs ||
                    (overload.MaxArgs >= 0 && invocation.Count > overload.MaxArgs) ||
                    (invocation.HasNamed && !overload.AcceptsNamed))
                {
                    continue;
                }

                try
                {
                    return overload.Body(invocation);
                }
                catch (NoMatchException)
                {
                }
            }

            return null;
        }
        finally
        {
            context(invocation).Leave();
        }

        static EvalContext context(Invocation i) => i.Context;
    }

    private static Value CallUser(UserFunction function, CallNode node, Scope scope, EvalContext context)
    {
        var inner = new Scope(function.Closure);
        for (var i = 0; i < node.Arguments.Length; i++)
        {
            inner.Set((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), node.Arguments[i].Evaluate(context, scope));
        }

        context.Enter();
        try
        {
            return function.Body.Evaluate(context, inner);
        }
        finally
        {
            context.Leave();
        }
    }

    private static FunctionRegistry CreateStandard()
    {
        var registry = new FunctionRegistry();
        SystemFunctions.Register(registry);
        CollectionFunctions.Register(registry);
        QueryFunctions.Register(registry);
        StringFunctions.Register(registry);
        RegexFunctions.Register(registry);
        MathFunctions.Register(registry);
        DateTimeFunctions.Register(registry);
        MistralYaqlFunctions.Register(registry);
        return registry;
    }
}
