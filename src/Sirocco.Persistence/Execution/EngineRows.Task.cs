using System.Collections.Immutable;
using System.Text.Json;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Persistence.Durable;

namespace Sirocco.Persistence.Execution;

internal static partial class EngineRows
{
    public static StoredTask ToStored(TaskExecution t) => new()
    {
        Id = t.Id,
        WorkflowExecutionId = t.WorkflowExecutionId,
        Name = t.Name,
        Type = t.Type == TaskType.Workflow ? "WORKFLOW" : "ACTION",
        State = t.State.ToMistral(),
        StateInfo = t.StateInfo,
        PublishedJson = JsonValues.ToJson(t.Published),
        RuntimeContextJson = RuntimeContext(t),
        EngineStateJson = Json.Write(w =>
        {
            w.WriteStartObject();
            if (!t.NextTasks.IsDefaultOrEmpty)
            {
                w.WriteStartArray("next_tasks");
                foreach (var n in t.NextTasks)
                {
                    w.WriteStartArray();
                    w.WriteStringValue(n.Name);
                    w.WriteStringValue(n.Event);
                    w.WriteEndArray();
                }

                w.WriteEndArray();
            }

            if (t.ErrorHandled)
            {
                w.WriteBoolean("error_handled", true);
            }

            if (t.IsJoin)
            {
                w.WriteBoolean("is_join", true);
            }

            if (t.Result is { } result)
            {
                w.WriteValue("result", result);
            }

            w.WriteString("workflow_name", t.WorkflowName);
            if (t.Policy != TaskPolicyState.None)
            {
                WritePolicy(w, t.Policy);
            }

            w.WriteEndObject();
        }),
        Processed = t.State.IsCompleted(),
        CreatedAt = t.CreatedAt,
        UpdatedAt = t.UpdatedAt,
        StartedAt = t.StartedAt,
        FinishedAt = t.FinishedAt,
    };

    /// <summary>
    /// The task as reading its row back would give it, made without reading: timestamps at the row's microsecond
    /// precision. Null when a value would come back different (<see cref="JsonValues.RoundTrips"/>).
    /// </summary>
    public static TaskExecution? AsReloaded(TaskExecution t) =>
        JsonValues.RoundTrips(t.Published) && (t.Result is null || JsonValues.RoundTrips(t.Result))
            ? t with
            {
                CreatedAt = Sql.Micros.Stored(t.CreatedAt),
                UpdatedAt = Sql.Micros.Stored(t.UpdatedAt),
                StartedAt = Sql.Micros.Stored(t.StartedAt),
                FinishedAt = Sql.Micros.Stored(t.FinishedAt),
            }
            : null;

    public static TaskExecution ToEngine(StoredTask s)
    {
        using var engine = JsonDocument.Parse(s.EngineStateJson ?? "{}");
        using var runtime = JsonDocument.Parse(s.RuntimeContextJson);
        var e = engine.RootElement;
        var r = runtime.RootElement;
        return new TaskExecution
        {
            Id = s.Id,
            Name = s.Name,
            WorkflowExecutionId = s.WorkflowExecutionId,
            WorkflowName = e.OptionalString("workflow_name") ?? "",
            Type = s.Type == "WORKFLOW" ? TaskType.Workflow : TaskType.Action,
            State = ParseState(s.State),
            StateInfo = s.StateInfo,
            TriggeredBy = r.TryGetProperty("triggered_by", out var tb)
                ? [.. tb.EnumerateArray().Select(x => new TaskTrigger(x.RequiredString("task_id"), x.RequiredString("event")))]
                : ImmutableArray<TaskTrigger>.Empty,
            NextTasks = e.TryGetProperty("next_tasks", out var nt)
                ? [.. nt.EnumerateArray().Select(x => new NextTask(x[0].GetString()!, x[1].GetString()!))]
                : ImmutableArray<NextTask>.Empty,
            Published = Json.Dict(s.PublishedJson),
            Result = e.TryGetProperty("result", out var result) ? JsonValues.FromElement(result) : null,
            ErrorHandled = e.OptionalBool("error_handled"),
            IsJoin = e.OptionalBool("is_join"),
            Policy = e.TryGetProperty("policy", out var policy) ? ReadPolicy(policy) : TaskPolicyState.None,
            RetryCount = r.TryGetProperty("retry_task_policy", out var retry) ? retry.OptionalInt("retry_no") : 0,
            WithItems = r.TryGetProperty("with_items", out var wi)
                ? new WithItemsProgress
                {
                    Count = wi.OptionalInt("count"),
                    NextIndex = wi.OptionalInt("next_index"),
                    Running = wi.OptionalInt("running"),
                    Succeeded = wi.OptionalInt("succeeded"),
                    Failed = wi.OptionalInt("failed"),
                    Cancelled = wi.OptionalInt("cancelled"),
                    Concurrency = wi.OptionalInt("concurrency"),
                }
                : null,
            CreatedAt = s.CreatedAt,
            UpdatedAt = s.UpdatedAt ?? s.CreatedAt,
            StartedAt = s.StartedAt,
            FinishedAt = s.FinishedAt,
        };
    }

    /// <summary>
    /// The engine's policy bookkeeping (pending delay and timeout timers, held state): without it a
    /// due timer no longer matches its task after a reload and is ignored.
    /// </summary>
    private static void WritePolicy(Utf8JsonWriter w, TaskPolicyState p)
    {
        w.WriteStartObject("policy");
        w.WriteBoolean("wait_before_done", p.WaitBeforeDone);
        w.WriteBoolean("wait_after_done", p.WaitAfterDone);
        w.WriteBoolean("paused_before", p.PausedBefore);
        w.WriteString("delay_timer_id", p.DelayTimerId);
        w.WriteString("timeout_timer_id", p.TimeoutTimerId);
        w.WriteString("held_state", p.HeldState?.ToMistral());
        w.WriteString("held_state_info", p.HeldStateInfo);
        w.WriteString("expired_while_paused", p.ExpiredWhilePaused?.ToString());
        w.WriteEndObject();
    }

    private static TaskPolicyState ReadPolicy(JsonElement p) => new()
    {
        WaitBeforeDone = p.OptionalBool("wait_before_done"),
        WaitAfterDone = p.OptionalBool("wait_after_done"),
        PausedBefore = p.OptionalBool("paused_before"),
        DelayTimerId = p.OptionalString("delay_timer_id"),
        TimeoutTimerId = p.OptionalString("timeout_timer_id"),
        HeldState = p.OptionalString("held_state") is { } held ? ParseState(held) : null,
        HeldStateInfo = p.OptionalString("held_state_info"),
        ExpiredWhilePaused = p.OptionalString("expired_while_paused") is { } purpose
            ? Enum.Parse<Engine.Events.TimerPurpose>(purpose)
            : null,
    };

    /// <summary>Mistral's <c>runtime_context</c> shape: what the API shows of a task's bookkeeping.</summary>
    private static string RuntimeContext(TaskExecution t) => Json.Write(w =>
    {
        w.WriteStartObject();
        if (!t.TriggeredBy.IsDefaultOrEmpty)
        {
            w.WriteStartArray("triggered_by");
            foreach (var trigger in t.TriggeredBy)
            {
                w.WriteStartObject();
                w.WriteString("task_id", trigger.TaskExecutionId);
                w.WriteString("event", trigger.Event);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (t.RetryCount > 0)
        {
            w.WriteStartObject("retry_task_policy");
            w.WriteNumber("retry_no", t.RetryCount);
            w.WriteEndObject();
        }

        if (t.WithItems is { } wi)
        {
            w.WriteStartObject("with_items");
            w.WriteNumber("count", wi.Count);
            w.WriteNumber("next_index", wi.NextIndex);
            w.WriteNumber("running", wi.Running);
            w.WriteNumber("succeeded", wi.Succeeded);
            w.WriteNumber("failed", wi.Failed);
            w.WriteNumber("cancelled", wi.Cancelled);
            w.WriteNumber("concurrency", wi.Concurrency);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    });
}
