using Sirocco.Expressions.Values;

namespace Sirocco.Expressions.Tests.Yaql;

/// <summary>An in-memory <see cref="IWorkflowState"/> that records the arguments it was asked with.</summary>
internal sealed class FakeWorkflowState : IWorkflowState
{
    public Dictionary<string, Value> TasksByName { get; } = new(StringComparer.Ordinal);

    public string? CurrentTask { get; init; }

    public Dictionary<string, Value> Globals { get; } = new(StringComparer.Ordinal);

    public List<string> Calls { get; } = [];

    public Value? Task(string? taskName)
    {
        Calls.Add($"task({taskName ?? "null"})");
        return TasksByName.GetValueOrDefault(taskName ?? CurrentTask ?? string.Empty);
    }

    public Value Tasks(string? workflowExecutionId, bool recursive, string? state, bool flat)
    {
        Calls.Add($"tasks({workflowExecutionId ?? "null"}, {recursive}, {state ?? "null"}, {flat})");
        return new ListValue(TasksByName.Values.Where(t => state is null || ((DictValue)t).Get("state") == Value.From(state)));
    }

    public Value Executions(string? id, string? rootExecutionId, string? state, string? fromTime, string? toTime)
    {
        Calls.Add($"executions({id ?? "null"}, {rootExecutionId ?? "null"}, {state ?? "null"}, {fromTime ?? "null"}, {toTime ?? "null"})");
        return new ListValue([DictValue.From([new KeyValuePair<string, Value>("id", Value.From(id ?? "e1"))])]);
    }

    public Value? Global(string name)
    {
        Calls.Add($"global({name})");
        return Globals.GetValueOrDefault(name);
    }

    public static Value TaskDict(string name, string state, Value result) => DictValue.From([
        new KeyValuePair<string, Value>("id", Value.From("id-" + name)),
        new("name", Value.From(name)),
        new("spec", DictValue.From([new KeyValuePair<string, Value>("action", Value.From("std.noop"))])),
        new("state", Value.From(state)),
        new("state_info", Value.Null),
        new("result", result),
        new("published", DictValue.From([new KeyValuePair<string, Value>("out", result)])),
    ]);
}
