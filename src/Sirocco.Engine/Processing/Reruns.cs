using Sirocco.Engine.State;
using Sirocco.Expressions.Values;

namespace Sirocco.Engine.Processing;

/// <summary>
/// Rerun of a failed task: the same task execution goes back to RUNNING and runs its action again; a
/// with-items task reruns every item (<c>reset</c>) or only the failed ones.
/// </summary>
internal static class Reruns
{
    public static void Rerun(Session session, TaskExecution task, bool reset)
    {
        foreach (var action in session.ActionsOf(task.Id).Where(a => a.Accepted).ToList())
        {
            if (reset || action.State != ExecutionState.Success || task.WithItems is null)
            {
                session.UpdateAction(action with { Accepted = false });
            }
        }

        var rerun = task with
        {
            State = ExecutionState.Running,
            StateInfo = null,
            Result = null,
            Published = DictValue.Empty,
            NextTasks = [],
            ErrorHandled = false,
            RetryCount = 0,
            FinishedAt = null,
        };
        session.UpdateTask(rerun);
        if (task.WithItems is { } progress && !reset)
        {
            WithItems.RerunFailed(session, rerun, progress);
            return;
        }

        TaskRunner.RunActions(session, session.FindTask(task.Id)! with { WithItems = null });
    }
}
