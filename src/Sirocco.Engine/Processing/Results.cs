using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Processing;

/// <summary>Outcomes of actions and sub-workflows. Duplicates and late results are recorded at most once and change nothing else.</summary>
internal static class Results
{
    public static void OnActionCompleted(Session session, ActionCompleted completed) =>
        Record(session, completed.ActionExecutionId, completed.Outcome.State, completed.Outcome.Value);

    public static void OnSubworkflowCompleted(Session session, SubworkflowCompleted completed)
    {
        // As in Mistral, a failed sub-workflow's result is its error message (a default one when it ended
        // without state_info, e.g. forced to ERROR by hand); a successful one's its output.
        var value = completed.State switch
        {
            ExecutionState.Success => completed.Output,
            ExecutionState.Cancelled => Value.From(completed.StateInfo ?? $"Cancelled subworkflow [execution_id={completed.ChildExecutionId}]"),
            _ => Value.From(completed.StateInfo ?? $"Failed subworkflow [execution_id={completed.ChildExecutionId}]"),
        };
        Record(session, completed.ChildExecutionId, completed.State, value);
    }

    public static void OnActionLost(Session session, ActionLost lost)
    {
        var action = session.FindAction(lost.ActionExecutionId);
        if (action is null || action.State.IsCompleted())
        {
            return;
        }

        var task = session.FindTask(action.TaskExecutionId);
        if (task is not null && !task.State.IsCompleted() && Policies.SafeRerun(session, session.Plan.Task(task.Name)))
        {
            session.UpdateAction(action with { State = ExecutionState.Error, StateInfo = "Action lost; run again (safe-rerun).", Accepted = false });
            var spec = session.Plan.Task(task.Name);
            TaskRunner.StartCall(session, task, spec, new PreparedCall(action.Name, action.Input, null), action.Index);
            return;
        }

        Record(session, action.Id, ExecutionState.Error, Value.From($"Heartbeat wasn't received for action execution {action.Id}: its runner was lost."));
    }

    private static void Record(Session session, string actionExecutionId, ExecutionState state, Value value)
    {
        var action = session.FindAction(actionExecutionId);
        if (action is null || action.State.IsCompleted())
        {
            return;
        }

        var stateInfo = state == ExecutionState.Success ? null : value.IsTruthy ? value.ToText() : null;
        action = action with { State = state, Output = value, StateInfo = stateInfo };
        session.UpdateAction(action);

        var task = session.FindTask(action.TaskExecutionId);
        if (task is null || task.State.IsCompleted() || !action.Accepted || session.Workflow.State.IsCompleted())
        {
            return; // A late result (timed out, cancelled, workflow over): recorded, ignored.
        }

        if (task.WithItems is not null)
        {
            WithItems.OnItemCompleted(session, task, action);
            return;
        }

        Policies.OnActionFinished(session, task, action);
    }
}
