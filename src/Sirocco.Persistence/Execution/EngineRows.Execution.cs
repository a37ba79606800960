using System.Collections.Immutable;
using System.Text.Json;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Execution;

/// <summary>
/// Maps the engine's row records to stored rows and back. API-visible data goes to the Mistral
/// columns; what only the engine reads goes to <c>engine_state</c> (JSON), so the schema does not
/// follow every engine refactoring.
/// </summary>
internal static partial class EngineRows
{
    public static StoredExecution ToStored(WorkflowExecution e, ExecutionOrigin? origin) => new()
    {
        Id = e.Id,
        WorkflowName = e.WorkflowName,
        WorkflowNamespace = origin?.WorkflowNamespace ?? "",
        WorkflowId = origin?.WorkflowId,
        DefinitionText = origin?.DefinitionText,
        ProjectId = origin?.ProjectId ?? "<default-project>",
        Description = e.Description,
        State = e.State.ToMistral(),
        StateInfo = e.StateInfo,
        InputJson = JsonValues.ToJson(e.Input),
        OutputJson = JsonValues.ToJson(e.Output),
        ParamsJson = JsonValues.ToJson(e.Params),
        EngineStateJson = Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteValue("context", e.Context);
            if (e.ParentExecutionId is not null)
            {
                w.WriteString("parent_execution_id", e.ParentExecutionId);
                w.WriteNumber("depth", e.Depth);
            }

            if (!e.Backlog.IsDefaultOrEmpty)
            {
                w.WriteStartArray("backlog");
                foreach (var t in e.Backlog)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(t.TaskName);
                    w.WriteStringValue(t.FromTaskExecutionId);
                    w.WriteStringValue(t.Event);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }),
        TaskExecutionId = e.TaskExecutionId,
        RootExecutionId = e.RootExecutionId,
        CreatedAt = e.CreatedAt,
        UpdatedAt = e.UpdatedAt,
        FinishedAt = e.State.IsCompleted() ? e.UpdatedAt : null,
    };

    public static WorkflowExecution ToEngine(StoredExecution s)
    {
        using var engine = JsonDocument.Parse(s.EngineStateJson ?? "{}");
        var root = engine.RootElement;
        var backlog = ImmutableArray<PendingTransition>.Empty;
        if (root.TryGetProperty("backlog", out var b))
        {
            backlog = [.. b.EnumerateArray().Select(t => new PendingTransition(t[0].GetString()!, t[1].GetString()!, t[2].GetString()!))];
        }

        return new WorkflowExecution
        {
            Id = s.Id,
            WorkflowName = s.WorkflowName,
            Description = s.Description,
            State = ParseState(s.State),
            StateInfo = s.StateInfo,
            Input = Json.Dict(s.InputJson),
            Output = Json.Dict(s.OutputJson),
            Params = Json.Dict(s.ParamsJson),
            Context = root.TryGetProperty("context", out var c) ? Json.DictCached(c) : DictValue.Empty,
            RootExecutionId = s.RootExecutionId,
            TaskExecutionId = s.TaskExecutionId,
            ParentExecutionId = root.OptionalString("parent_execution_id"),
            // Rows written before the depth was recorded: a sub-workflow is at least one level deep.
            Depth = s.TaskExecutionId is null ? 0 : Math.Max(1, root.OptionalInt("depth")),
            Backlog = backlog,
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt ?? s.CreatedAt,
        };
    }

    public static ExecutionState ParseState(string state) =>
        ExecutionStates.TryParse(state, out var parsed) ? parsed : throw new PersistenceException($"Unknown state '{state}' in the database");
}
