using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Jinja;

/// <summary>An <see cref="IWorkflowState"/> over fixed data that records the arguments it was asked for.</summary>
internal sealed class FakeWorkflowState : IWorkflowState
{
    public Dictionary<string, Value> TasksByName { get; } = [];

    public Dictionary<string, Value> Globals { get; } = [];

    public List<string> Calls { get; } = [];

    public Value? Task(string? taskName)
    {
        Calls.Add($"task({taskName ?? "<current>"})");
        return TasksByName.GetValueOrDefault(taskName ?? "current");
    }

    public Value Tasks(string? workflowExecutionId, bool recursive, string? state, bool flat)
    {
        Calls.Add($"tasks({workflowExecutionId}, {recursive}, {state}, {flat})");
        return new ListValue(TasksByName.Values.Where(t => state is null || ((DictValue)t).Get("state") == Value.From(state)));
    }

    public Value Executions(string? id, string? rootExecutionId, string? state, string? fromTime, string? toTime)
    {
        Calls.Add($"executions({id}, {rootExecutionId}, {state}, {fromTime}, {toTime})");
        return Value.List(DictValue.From([new KeyValuePair<string, Value>("id", Value.From(id ?? "all"))]));
    }

    public Value? Global(string name)
    {
        Calls.Add($"global({name})");
        return Globals.GetValueOrDefault(name);
    }

    public static Value TaskDict(string name, string state, Value result) => DictValue.From(
    [
        new KeyValuePair<string, Value>("id", Value.From(name + "-id")),
        new("name", Value.From(name)),
        new("state", Value.From(state)),
        new("result", result),
        new("published", DictValue.Empty),
    ]);
}
