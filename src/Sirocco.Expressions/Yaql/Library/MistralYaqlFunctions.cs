using Sirocco.Expressions.Mistral;
using Sirocco.Expressions.Values;
using Sirocco.Expressions.Yaql.Runtime;

namespace Sirocco.Expressions.Yaql.Library;

/// <summary>
/// Mistral's functions (function form only, as Mistral registers them): <c>env()</c> and <c>execution()</c>
/// read <c>__env</c>/<c>__execution</c> of the data context; <c>task()</c>, <c>tasks()</c>,
/// <c>executions()</c> and <c>global()</c> ask the <see cref="IWorkflowState"/>.
/// </summary>
internal static class MistralYaqlFunctions
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("env", CallForm.Function, 0, 0, call => call.Scope.Lookup("__env") ?? Value.Null);
        r.Add("execution", CallForm.Function, 0, 0, call => call.Scope.Lookup("__execution") ?? Value.Null);
        r.Add("task", CallForm.Function, 0, 1, call =>
        {
            var name = call.Count > 0 ? OptionalString(call, 0) : null;
            return Workflow(call).Task(name) ?? Value.Null;
        }, acceptsNamed: true);
        r.Add("tasks", CallForm.Function, 0, 4, call => Workflow(call).Tasks(
            Text(call, 0, "workflow_execution_id"),
            (Arg(call, 1, "recursive") ?? Value.False).IsTruthy,
            Text(call, 2, "state"),
            (Arg(call, 3, "flat") ?? Value.False).IsTruthy), acceptsNamed: true);
        r.Add("executions", CallForm.Function, 0, 5, call => Workflow(call).Executions(
            Text(call, 0, "id"),
            Text(call, 1, "root_execution_id"),
            Text(call, 2, "state"),
            Text(call, 3, "from_time"),
            Text(call, 4, "to_time")), acceptsNamed: true);
        r.Add("global", CallForm.Function, 1, 1, call => Workflow(call).Global(call.Str(0)) ?? Value.Null);
        r.Add("json_pp", CallForm.Function, 0, 1, call => Guard(() => new StringValue(MistralFunctions.JsonPp(Stored(call, call.ArgOr(0, Value.Null)), frozenDicts: true))));
        r.Add("json_dump", CallForm.Function, 1, 1, call => Guard(() => new StringValue(MistralFunctions.JsonDump(Stored(call, call[0]), frozenDicts: true))));
        r.Add("json_parse", CallForm.Function, 1, 1, call => Guard(() => MistralFunctions.JsonParse(
            call[0] is StringValue s ? s.Value : throw YaqlException.TypeError("the JSON object must be str, bytes or bytearray"))));
        r.Add("yaml_parse", CallForm.Function, 1, 1, call => Guard(() => MistralFunctions.YamlParse(call.Str(0))));
        r.Add("yaml_dump", CallForm.Function, 1, 1, call => Guard(() => new StringValue(MistralFunctions.YamlDump(Stored(call, call[0])))));
        r.Add("uuid", CallForm.Function, 0, 0, _ => new StringValue(MistralFunctions.Uuid()));
    }

    private static IWorkflowState Workflow(Invocation call) =>
        call.Context.Workflow ?? throw new YaqlException("other", $"{call.Name}() needs a workflow execution and there is none");

    private static Value Stored(Invocation call, Value value) => YaqlOutput.ToStored(value, call.Context);

    private static Value? Arg(Invocation call, int index, string name) => index < call.Count ? call[index] : call.Named(name);

    private static string? Text(Invocation call, int index, string name) => Arg(call, index, name) switch
    {
        null or NullValue => null,
        StringValue s => s.Value,
        var other => YaqlText.Str(other),
    };

    private static string? OptionalString(Invocation call, int index) => call[index] switch
    {
        NullValue => null,
        StringValue s => s.Value,
        _ => throw Invocation.NoMatch,
    };

    private static Value Guard(Func<Value> body)
    {
        try
        {
            return body();
        }
        catch (MistralFunctionException e)
        {
            throw new YaqlException(e.Category, e.Message);
        }
    }
}
