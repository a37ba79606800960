using Sirocco.Engine.Commands;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Processing;

/// <summary>Pause, resume, cancel, rerun and update requests; an invalid one is refused with Mistral's reason.</summary>
internal static class Lifecycle
{
    public static void Pause(Session session, string? message)
    {
        var execution = session.Workflow;
        if (execution.State != ExecutionState.Running)
        {
            session.Reject(Refusal(execution.State, ExecutionState.Paused));
            return;
        }

        PauseByCommand(session, message);
        foreach (var child in RunningChildren(session))
        {
            session.Emit(new SignalSubworkflow(child.Id, new PauseExecution(child.Id, message)));
        }
    }

    /// <summary>The <c>pause</c> engine command: nothing new starts until resume.</summary>
    public static void PauseByCommand(Session session, string? message)
    {
        var execution = session.Workflow;
        session.UpdateExecution(execution with { State = ExecutionState.Paused, StateInfo = message });
        session.Emit(new Notify(execution.Id, "WORKFLOW_PAUSED", null, ExecutionState.Paused));
    }

    public static void Resume(Session session, DictValue? env)
    {
        var execution = session.Workflow;
        if (execution.State != ExecutionState.Paused)
        {
            session.Reject(Refusal(execution.State, ExecutionState.Running));
            return;
        }

        var backlog = execution.Backlog;
        execution = execution with { State = ExecutionState.Running, StateInfo = null, Backlog = [] };
        if (env is not null)
        {
            execution = execution with { Params = execution.Params.With("env", Processing.Environments.Update(execution.Environment, env)) };
        }

        session.UpdateExecution(execution);
        session.Emit(new Notify(execution.Id, "WORKFLOW_RESUMED", null, ExecutionState.Running));
        foreach (var child in RunningChildren(session))
        {
            session.Emit(new SignalSubworkflow(child.Id, new ResumeExecution(child.Id, env)));
        }

        foreach (var pending in backlog)
        {
            if (session.Workflow.State != ExecutionState.Running)
            {
                // A resumed transition paused or ended the workflow again: keep the rest for later.
                var current = session.Workflow;
                if (current.State == ExecutionState.Paused)
                {
                    session.UpdateExecution(current with { Backlog = current.Backlog.Add(pending) });
                }

                continue;
            }

            DirectFlow.StartOrHold(session, pending.TaskName, pending.FromTaskExecutionId, pending.Event);
        }

        Policies.ResumeHeldTasks(session);
    }

    public static void Cancel(Session session, string? message)
    {
        var execution = session.Workflow;
        if (execution.State.IsCompleted())
        {
            session.Reject(Refusal(execution.State, ExecutionState.Cancelled));
            return;
        }

        foreach (var task in session.Tasks().Where(t => !t.State.IsCompleted()).ToList())
        {
            foreach (var action in session.ActionsOf(task.Id).Where(a => !a.State.IsCompleted()).ToList())
            {
                session.UpdateAction(action with { State = ExecutionState.Cancelled, Accepted = false });
                session.Emit(action.Type == TaskType.Workflow
                    ? new SignalSubworkflow(action.Id, new CancelExecution(action.Id, message))
                    : new CancelAction(action.Id, execution.Id));
            }

            session.UpdateTask(task with { State = ExecutionState.Cancelled, FinishedAt = session.Now });
        }

        Completion.Cancel(session, message);
    }

    public static void Rerun(Session session, RerunTask rerun)
    {
        var execution = session.Workflow;
        var task = session.FindTask(rerun.TaskExecutionId);
        if (task is null)
        {
            session.Reject($"Task execution not found [id={rerun.TaskExecutionId}]");
            return;
        }

        if (task.State != ExecutionState.Error)
        {
            session.Reject($"Invalid task state for rerun: the task must be in ERROR state [task={task.Name}, state={task.State.ToMistral()}]");
            return;
        }

        if (execution.State is ExecutionState.Success or ExecutionState.Cancelled)
        {
            session.Reject($"Invalid workflow execution state for rerun [state={execution.State.ToMistral()}]");
            return;
        }

        execution = execution with { State = ExecutionState.Running, StateInfo = null, Output = DictValue.Empty };
        if (rerun.Env is not null)
        {
            execution = execution with { Params = execution.Params.With("env", Processing.Environments.Update(execution.Environment, rerun.Env)) };
        }

        session.UpdateExecution(execution);
        Reruns.Rerun(session, task, rerun.Reset);
    }

    /// <summary>A new description and/or env while the state stays; env only while nothing runs (Mistral's rule).</summary>
    public static void Update(Session session, UpdateExecution update)
    {
        var execution = session.Workflow;
        if (update.Env is not null && execution.State is not (ExecutionState.Idle or ExecutionState.Paused or ExecutionState.Error))
        {
            session.Reject("Updating env to workflow execution is only permitted if it is in IDLE, PAUSED, or ERROR state.");
            return;
        }

        if (update.Description is not null)
        {
            execution = execution with { Description = update.Description };
        }

        if (update.Env is not null)
        {
            execution = execution with { Params = execution.Params.With("env", Processing.Environments.Update(execution.Environment, update.Env)) };
        }

        session.UpdateExecution(execution);
    }

    private static IEnumerable<ActionExecution> RunningChildren(Session session) =>
        session.Tasks()
            .Where(t => t.Type == TaskType.Workflow && !t.State.IsCompleted())
            .SelectMany(t => session.ActionsOf(t.Id))
            .Where(a => a.Type == TaskType.Workflow && !a.State.IsCompleted())
            .ToList();

    public static string Refusal(ExecutionState from, ExecutionState to) =>
        $"Can't change workflow execution state from {from.ToMistral()} to {to.ToMistral()}.";
}
