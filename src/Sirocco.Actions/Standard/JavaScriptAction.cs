using System.Globalization;
using Jint;
using Jint.Native;
using Sirocco.Actions.Abstractions;
using Sirocco.Expressions.Values;
using JintJsonParser = Jint.Native.Json.JsonParser;
using JintJsonSerializer = Jint.Native.Json.JsonSerializer;

namespace Sirocco.Actions.Standard;

/// <summary>
/// std.javascript (alias std.js): runs <c>script</c> as the body of a function with <c>$</c> bound to
/// <c>context</c>; the function's return value, as JSON, is the output. Runs in Jint under time, memory,
/// statement and recursion limits, so a runaway script fails its task instead of hurting the runner.
/// </summary>
[Action("std.javascript", Description = "Evaluates 'script' (a function body) with $ = 'context'; outputs what it returns.")]
[Action("std.js", Description = "Alias of std.javascript.")]
internal sealed class JavaScriptAction(StandardActionOptions options) : IAction
{
    [ActionInput("script", Required = true)]
    public string Script { get; set; } = string.Empty;

    [ActionInput("context")]
    public Value Context { get; set; } = Value.Null;

    public ValueTask<ActionOutcome> RunAsync(ActionContext context)
    {
        try
        {
            return ValueTask.FromResult(ActionOutcome.Success(Evaluate(context.CancellationToken)));
        }
        catch (Exception) when (context.CancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(context.CancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Mistral's wording, so that workflows matching on the message keep working.
            throw new ActionException($"JavaScriptAction failed: {Describe(e)}", e);
        }
    }

    private Value Evaluate(CancellationToken cancellationToken)
    {
        using var engine = new Jint.Engine(o =>
        {
            o.TimeoutInterval(options.JavaScriptTimeout);
            o.LimitMemory(options.JavaScriptMemoryLimit);
            o.LimitRecursion(options.JavaScriptRecursionLimit);
            o.CancellationToken(cancellationToken);
            if (options.JavaScriptMaxStatements > 0)
            {
                o.MaxStatements(options.JavaScriptMaxStatements);
            }
        });
        engine.SetValue("$", new JintJsonParser(engine).Parse(Context.ToJson()));
        // As Mistral: the script is a function body, so `return` gives the output.
        var result = engine.Evaluate($"(function f() {{\n{Script}\n}})()");
        if (result.IsUndefined())
        {
            return Value.Null;
        }

        var json = new JintJsonSerializer(engine).Serialize(result, JsValue.Undefined, JsValue.Undefined);
        return json.IsUndefined() ? Value.Null : JsonValues.Parse(json.AsString());
    }

    private string Describe(Exception e) => e switch
    {
        TimeoutException => string.Create(CultureInfo.InvariantCulture,
            $"the script ran longer than its time limit ({options.JavaScriptTimeout.TotalSeconds:0.###} s, server configuration key Limits:JavaScriptTimeoutSeconds)"),
        Jint.Runtime.MemoryLimitExceededException => string.Create(CultureInfo.InvariantCulture,
            $"the script used more memory than its limit ({options.JavaScriptMemoryLimit} bytes, server configuration key Limits:JavaScriptMemoryBytes): {e.Message}"),
        _ => e.Message,
    };
}
