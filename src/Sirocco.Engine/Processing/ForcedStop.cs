using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;

namespace Sirocco.Engine.Processing;

/// <summary>
/// Forcing an execution to SUCCESS or ERROR (Mistral's <c>stop_workflow</c>). Output and output-on-error are
/// evaluated as on a normal end, against the tasks finished so far, and a parent learns of the end through
/// <see cref="NotifyParent"/> like any other (its task succeeds or fails with the child).
/// </summary>
/// <remarks>
/// Mistral leaves the running tasks alone: they finish later inside a finished execution, and only CANCELLED
/// reaches sub-workflows. Here the open work is closed in the same decision, so a finished execution never
/// shows RUNNING rows: running actions are cancelled, running sub-workflows are cancelled, and the open tasks
/// end in ERROR when the execution is forced to ERROR (so <c>task-rerun</c> can take them up again) or
/// CANCELLED when it is forced to SUCCESS.
/// </remarks>
internal static class ForcedStop
{
    public static void Stop(Session session, StopExecution stop)
    {
        var execution = session.Workflow;
        var target = stop.State;
        if (target is not (ExecutionState.Success or ExecutionState.Error))
        {
            session.Reject($"Cannot stop a workflow execution in state {target.ToMistral()}; expected SUCCESS or ERROR.");
            return;
        }

        // Mistral's transition table: RUNNING may become SUCCESS or ERROR, PAUSED only ERROR (or CANCELLED).
        var allowed = execution.State is ExecutionState.Running or ExecutionState.Idle
            || (execution.State == ExecutionState.Paused && target == ExecutionState.Error);
        if (!allowed)
        {
            session.Reject(Lifecycle.Refusal(execution.State, target));
            return;
        }

        if (stop.WithoutOutput && target == ExecutionState.Error)
        {
            Completion.FailWithoutOutput(session, stop.Message);
        }
        else
        {
            Completion.Stop(session, target, stop.Message);
        }

        var taskState = target == ExecutionState.Error ? ExecutionState.Error : ExecutionState.Cancelled;
        var reason = stop.Message ?? $"Workflow execution was forced to {target.ToMistral()}.";
        foreach (var task in session.Tasks().Where(t => !t.State.IsCompleted()).ToList())
        {
            foreach (var action in session.ActionsOf(task.Id).Where(a => !a.State.IsCompleted()).ToList())
            {
                session.UpdateAction(action with { State = ExecutionState.Cancelled, Accepted = false });
                session.Emit(action.Type == TaskType.Workflow
                    ? new SignalSubworkflow(action.Id, new CancelExecution(action.Id, reason))
                    : new CancelAction(action.Id, execution.Id));
            }

            session.UpdateTask(task with { State = taskState, StateInfo = reason, FinishedAt = session.Now });
        }
    }
}
