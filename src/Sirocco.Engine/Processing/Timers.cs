using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Processing;

/// <summary>
/// Timer events. A timer that no longer matches its task (the task moved on, the workflow ended) is
/// ignored, so a firing that races with a <see cref="CancelTimer"/> is harmless. A delay that ends
/// while the workflow is paused is taken up on resume.
/// </summary>
internal static class Timers
{
    public static void OnTimer(Session session, TimerFired timer)
    {
        var task = session.FindTask(timer.TaskExecutionId);
        if (task is null || session.Workflow.State.IsCompleted())
        {
            return;
        }

        if (timer.Purpose == TimerPurpose.Timeout)
        {
            if (task.Policy.TimeoutTimerId == timer.TimerId && !task.State.IsCompleted())
            {
                TimeOut(session, task, timer);
            }

            return;
        }

        if (task.Policy.DelayTimerId != timer.TimerId || task.State != ExecutionState.RunningDelayed)
        {
            return;
        }

        task = task with { Policy = task.Policy with { DelayTimerId = null } };
        if (session.Workflow.State == ExecutionState.Paused)
        {
            session.UpdateTask(task with { Policy = task.Policy with { ExpiredWhilePaused = timer.Purpose } });
            return;
        }

        Continue(session, task, timer.Purpose);
    }

    /// <summary>Takes up a delay that ended (now, or while the workflow was paused).</summary>
    public static void Continue(Session session, TaskExecution task, TimerPurpose purpose)
    {
        task = task with { Policy = task.Policy with { ExpiredWhilePaused = null } };
        switch (purpose)
        {
            case TimerPurpose.WaitBefore:
                task = task with { State = ExecutionState.Running, StateInfo = null };
                session.UpdateTask(task);
                TaskRunner.Launch(session, task);
                break;
            case TimerPurpose.RetryDelay:
                task = task with { State = ExecutionState.Running, StateInfo = null };
                session.UpdateTask(task);
                Policies.RunAgain(session, task, task.WithItems is null ? [] : Policies.FailedItems(session, task));
                break;
            case TimerPurpose.WaitAfter:
                task = task with { State = task.Policy.HeldState ?? ExecutionState.Success, StateInfo = task.Policy.HeldStateInfo };
                session.UpdateTask(task);
                TaskCompletion.AfterPolicies(session, task);
                break;
        }
    }

    /// <summary>Drops the timers of every task when the execution ends.</summary>
    public static void DropAll(Session session)
    {
        foreach (var task in session.Tasks())
        {
            if (task.Policy.DelayTimerId is { } delay)
            {
                session.Emit(new CancelTimer(delay));
            }

            if (task.Policy.TimeoutTimerId is { } timeout && !task.State.IsCompleted())
            {
                session.Emit(new CancelTimer(timeout));
            }
        }
    }

    private static void TimeOut(Session session, TaskExecution task, TimerFired timer)
    {
        _ = timer;
        var seconds = (int)Math.Round((session.Now - task.StartedAt.GetValueOrDefault(session.Now)).TotalSeconds);
        foreach (var action in session.ActionsOf(task.Id).Where(a => a.Accepted && !a.State.IsCompleted()).ToList())
        {
            // Mistral: the late result of a timed-out action is recorded and ignored.
            session.UpdateAction(action with { Accepted = false });
            session.Emit(action.Type == TaskType.Workflow
                ? new SignalSubworkflow(action.Id, new CancelExecution(action.Id, "Parent task timed out."))
                : new CancelAction(action.Id, task.WorkflowExecutionId));
        }

        if (task.Policy.DelayTimerId is { } delay)
        {
            session.Emit(new CancelTimer(delay));
        }

        task = task with { Policy = task.Policy with { TimeoutTimerId = null, DelayTimerId = null } };
        TaskCompletion.Complete(session, task, ExecutionState.Error, $"Task timed out [timeout(s)={TimeoutSeconds(session, task, seconds)}].", Value.Null);
    }

    private static int TimeoutSeconds(Session session, TaskExecution task, int measured)
    {
        var raw = session.Plan.Task(task.Name).Timeout ?? session.Spec.TaskDefaults?.Timeout;
        return raw is IntValue i ? (int)i.Value : measured;
    }
}
