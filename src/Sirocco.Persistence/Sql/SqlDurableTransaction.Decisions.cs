using Sirocco.Engine;
using Sirocco.Engine.Changes;
using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Persistence.Durable;
using Sirocco.Persistence.Execution;

namespace Sirocco.Persistence.Sql;

/// <summary>Stores one engine decision: its row changes, its timers, its outgoing commands and a history line.</summary>
internal sealed partial class SqlDurableTransaction
{
    public IExecutionState ExecutionState(string executionId) => new DurableExecutionState(this, executionId);

    public async Task<IReadOnlyList<OutboxMessage>> ApplyDecisionAsync(Decision decision, EngineEvent cause, ExecutionOrigin? origin, string runner, CancellationToken cancellationToken)
    {
        var history = new List<(string Kind, string? PayloadJson)> { (cause.GetType().Name, EventSummary(cause)) };
        foreach (var change in decision.Changes)
        {
            switch (change)
            {
                case ExecutionCreated created:
                    await SaveExecutionAsync(EngineRows.ToStored(created.Execution, origin), cancellationToken).ConfigureAwait(false);
                    break;
                case ExecutionUpdated updated:
                    await SaveExecutionAsync(EngineRows.ToStored(updated.Execution, null), cancellationToken).ConfigureAwait(false);
                    break;
                case TaskExecutionCreated created:
                    SaveTask(created.Task, created: true, stateChanged: true);
                    history.Add(("Task" + created.Task.State.ToMistral(), Json.Write(w => TaskLine(w, created.Task))));
                    break;
                case TaskExecutionUpdated updated:
                    // History tells state changes: a with-items task's progress (RUNNING to RUNNING on each item) is not one.
                    var state = updated.Task.State.ToMistral();
                    var changed = !_taskStates.TryGetValue(updated.Task.Id, out var before) || before != state;
                    SaveTask(updated.Task, created: false, stateChanged: changed);
                    if (changed)
                    {
                        history.Add(("Task" + state, Json.Write(w => TaskLine(w, updated.Task))));
                    }

                    break;
                case ActionExecutionCreated created:
                    await SaveActionsAsync([EngineRows.ToStored(created.Action) with { Runner = runner }], cancellationToken).ConfigureAwait(false);
                    break;
                case ActionExecutionUpdated updated:
                    await UpdateActionAsync(EngineRows.ToStored(updated.Action), cancellationToken).ConfigureAwait(false);
                    break;
                case TaskItemsCreated items:
                    var (variables, lists) = EngineRows.ToStored(items.Items);
                    await SaveTaskItemsAsync(items.Items.TaskExecutionId, variables, lists, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new PersistenceException($"Unknown engine change {change.GetType().Name}");
            }
        }

        var outgoing = new List<NewOutboxMessage>();
        foreach (var command in decision.Commands)
        {
            switch (command)
            {
                case ScheduleTimer timer:
                    await ScheduleTimersAsync([TimerRow(timer)], cancellationToken).ConfigureAwait(false);
                    break;
                case CancelTimer cancel:
                    await CancelTimersAsync([cancel.TimerId], cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    var (kind, payload) = CommandCodec.Encode(command);
                    outgoing.Add(new NewOutboxMessage(cause.ExecutionId, kind, payload));
                    break;
            }
        }

        if (decision.Rejection is not null)
        {
            history.Add(("Rejected", Json.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("reason", decision.Rejection);
                w.WriteEndObject();
            })));
        }

        await AppendEventsAsync(cause.ExecutionId, history, cancellationToken).ConfigureAwait(false);
        return await AppendOutboxAsync(outgoing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The timer row of a <see cref="ScheduleTimer"/>; its payload rebuilds the <see cref="TimerFired"/> event.</summary>
    private static DurableTimer TimerRow(ScheduleTimer timer) =>
        new(timer.TimerId, timer.ExecutionId, timer.Purpose.ToString(), Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("task_execution_id", timer.TaskExecutionId);
            w.WriteEndObject();
        }), timer.DueAt);

    private static void TaskLine(System.Text.Json.Utf8JsonWriter w, TaskExecution task)
    {
        w.WriteStartObject();
        w.WriteString("task", task.Name);
        w.WriteString("task_execution_id", task.Id);
        w.WriteString("state", task.State.ToMistral());
        w.WriteEndObject();
    }

    private static string? EventSummary(EngineEvent cause) => cause switch
    {
        ActionCompleted c => Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("action_execution_id", c.ActionExecutionId);
            w.WriteString("state", c.Outcome.State.ToMistral());
            w.WriteEndObject();
        }),
        ActionLost l => Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("action_execution_id", l.ActionExecutionId);
            w.WriteEndObject();
        }),
        TimerFired t => Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("timer_id", t.TimerId);
            w.WriteString("purpose", t.Purpose.ToString());
            w.WriteEndObject();
        }),
        SubworkflowCompleted s => Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("child_execution_id", s.ChildExecutionId);
            w.WriteString("state", s.State.ToMistral());
            w.WriteEndObject();
        }),
        _ => null,
    };
}
