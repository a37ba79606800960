using System.Collections.Immutable;
using System.Text.Json;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Execution;

internal static partial class EngineRows
{
    /// <summary>Output is stored wrapped as <c>{"result": …}</c>, which is how Mistral's API shows it.</summary>
    public static StoredAction ToStored(ActionExecution a) => new()
    {
        Id = a.Id,
        TaskExecutionId = a.TaskExecutionId,
        WorkflowExecutionId = a.WorkflowExecutionId,
        Name = a.Name,
        Type = a.Type == TaskType.Workflow ? "WORKFLOW" : "ACTION",
        ItemIndex = a.Index,
        State = a.State.ToMistral(),
        StateInfo = a.StateInfo,
        Accepted = a.Accepted,
        InputJson = JsonValues.ToJson(a.Input),
        OutputJson = a.Output is { } output ? Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteValue("result", output);
            w.WriteEndObject();
        }) : null,
        CreatedAt = a.CreatedAt,
        UpdatedAt = a.UpdatedAt,
    };

    public static ActionExecution ToEngine(StoredAction s) => new()
    {
        Id = s.Id,
        TaskExecutionId = s.TaskExecutionId ?? "",
        WorkflowExecutionId = s.WorkflowExecutionId ?? "",
        Name = s.Name,
        Type = s.Type == "WORKFLOW" ? TaskType.Workflow : TaskType.Action,
        State = ParseState(s.State),
        StateInfo = s.StateInfo,
        Input = Json.Dict(s.InputJson),
        Output = s.OutputJson is null ? null : Json.Dict(s.OutputJson).Get("result") ?? Value.Null,
        Index = s.ItemIndex,
        Accepted = s.Accepted,
        CreatedAt = s.CreatedAt,
        UpdatedAt = s.UpdatedAt ?? s.CreatedAt,
    };

    public static (string Variables, string Lists) ToStored(TaskItems items) =>
        (JsonSerializer.Serialize(items.Variables.ToArray()), JsonValues.ToJson(new ListValue(items.Lists.Cast<Value>())));

    public static TaskItems ToEngine(string taskExecutionId, string variables, string lists) =>
        new(
            taskExecutionId,
            [.. JsonSerializer.Deserialize<string[]>(variables) ?? []],
            [.. ((ListValue)ParsedJsonCache.Parse(lists)).Cast<ListValue>()]);
}
