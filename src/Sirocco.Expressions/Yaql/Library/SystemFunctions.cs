using System.Globalization;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;
using Sirocco.Expressions.Yaql.Syntax;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>Contexts and control flow: <c>let</c>, <c>with</c>, <c>def</c>, <c>assert</c>, <c>switch</c>, <c>coalesce</c>, ...</summary>
internal static class SystemFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("let", CallForm.Function, 0, -1, Let, acceptsNamed: true);
        r.Add("with", CallForm.Function, 0, -1, call =>
        {
            var scope = new Scope(call.Scope);
            for (var i = 0; i < call.Count; i++)
            {
                scope.Set((i + 1).ToString(CultureInfo.InvariantCulture), call[i]);
            }

            return new YaqlScopeValue(scope);
        });
        r.Add("def", CallForm.Function, 2, 2, call =>
        {
            var name = call.Node(0) is KeywordNode keyword ? keyword.Name : call.Str(0);
            var scope = new Scope(call.Scope);
            scope.Define(new UserFunction(name, call.Node(1)!, scope));
            return new YaqlScopeValue(scope);
        });
        r.Add("unpack", CallForm.Method, 1, -1, Unpack);
        r.Add("call", CallForm.Function, 3, 4, CallByName);
        r.Add("assert", CallForm.Method, 2, 3, call =>
        {
            var value = call[0] is YaqlLazy lazy ? new YaqlLazy(lazy.Enumerate().ToList()) : call[0];
            var message = call.Count > 2 ? call.Str(2) : "Assertion failed";
            return call.Call(1, value).IsTruthy ? value : throw new YaqlException("assertion", message);
        });
        r.Add("switch", CallForm.Function, 0, -1, Switch, acceptsNamed: true);
        r.Add("selectCase", CallForm.Function, 0, -1, call =>
        {
            for (var i = 0; i < call.Count; i++)
            {
                if (call[i].IsTruthy)
                {
                    return Value.From(i);
                }
            }

            return Value.From(call.Count);
        });
        r.Add("selectAllCases", CallForm.Function, 0, -1, call =>
            new ListValue(Enumerable.Range(0, call.Count).Where(i => call[i].IsTruthy).Select(i => Value.From(i))));
        r.Add("examine", CallForm.Function, 0, -1, call => new YaqlLazy(Enumerable.Range(0, call.Count).Select(i => Value.From(call[i].IsTruthy))));
        r.Add("switchCase", CallForm.Method, 1, -1, call =>
        {
            var index = call.Int(0);
            if (call.Count < 2)
            {
                throw Invocation.NoMatch;
            }

            return index >= 0 && index < call.Count - 1 ? call[(int)index + 1] : call[call.Count - 1];
        });
        r.Add("coalesce", CallForm.Function, 0, -1, call =>
        {
            for (var i = 0; i < call.Count; i++)
            {
                if (call[i] is not NullValue)
                {
                    return call[i];
                }
            }

            return Value.Null;
        });
    }

    private static Value Let(Invocation call)
    {
        var scope = new Scope(call.Scope);
        for (var i = 0; i < call.Count; i++)
        {
            scope.Set((i + 1).ToString(CultureInfo.InvariantCulture), call[i]);
        }

        foreach (var mapping in call.NamedArguments)
        {
            scope.Set(mapping.Name!, mapping.Value.Evaluate(call.Context, call.Scope));
        }

        return new YaqlScopeValue(scope);
    }

    /// <summary><c>call(name, args, kwargs[, receiver])</c>: calls a function (or, with a receiver, a method) by name.</summary>
    private static Value CallByName(Invocation call)
    {
        var name = call.Node(0) is KeywordNode keyword ? keyword.Name : call.Str(0);
        var args = call.Seq(1).Select(v => (YaqlNode)new ConstantNode(v, call.Node(1)!.Position));
        var kwargs = call.Dict(2).Select(e => (YaqlNode)new MappingNode(
            new KeywordNode(e.Key is StringValue s ? s.Value : throw Invocation.NoMatch, 0),
            new ConstantNode(e.Value, 0),
            0));
        var node = new CallNode(name, [.. args, .. kwargs], call.Node(0)!.Position);
        return call.Count > 3
            ? call.Context.Library.CallMethod(node, call[3], call.Scope, call.Context)
            : call.Context.Library.CallFunction(node, call.Scope, call.Context);
    }

    private static Value Unpack(Invocation call)
    {
        var items = call.Seq(0).ToList();
        var scope = new Scope(call.Scope);
        var names = Enumerable.Range(1, call.Count - 1).Select(i => call.Node(i) is KeywordNode k ? k.Name : call.Str(i)).ToList();
        if (names.Count > 0 && names.Count != items.Count)
        {
            throw YaqlException.ValueError($"Cannot unpack {items.Count} elements into {names.Count}");
        }

        for (var i = 0; i < items.Count; i++)
        {
            scope.Set(names.Count > 0 ? names[i] : (i + 1).ToString(CultureInfo.InvariantCulture), items[i]);
        }

        return new YaqlScopeValue(scope);
    }

    private static Value Switch(Invocation call)
    {
        foreach (var argument in call.RawArguments)
        {
            if (argument is not MappingNode mapping)
            {
                throw Invocation.NoMatch;
            }
        }

        foreach (var argument in call.RawArguments)
        {
            var mapping = (MappingNode)argument;
            if (mapping.Key.Evaluate(call.Context, call.Scope).IsTruthy)
            {
                return mapping.Value.Evaluate(call.Context, call.Scope);
            }
        }

        return Value.Null;
    }
}
