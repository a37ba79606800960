using Sirocco.Engine.DataFlow;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>The retry policy, as Mistral's RetryPolicy decides it.</summary>
internal static partial class Policies
{
    /// <summary>
    /// Retries when attempts remain and: the task failed and <c>break-on</c> is not true, or
    /// <c>continue-on</c> is given and true (whatever the state). A with-items task reruns its failed items only.
    /// </summary>
    private static bool Retry(Session session, TaskExecution task, TaskSpec spec, LazyScope scope)
    {
        if ((spec.Retry ?? session.Spec.TaskDefaults?.Retry) is not { } retry
            || !TrySeconds(session, retry.Count, scope, "retry", out var count, out _) || count <= 0 || task.RetryCount >= count)
        {
            return false;
        }

        var continueOn = retry.ContinueOn is not null && TryTruth(session, Value.From(retry.ContinueOn), scope, out var c, out _) && c;
        var breakOn = retry.BreakOn is not null && TryTruth(session, Value.From(retry.BreakOn), scope, out var b, out _) && b;
        if ((task.State == ExecutionState.Success && retry.ContinueOn is null)
            || (retry.ContinueOn is not null && !continueOn)
            || (task.State == ExecutionState.Error && breakOn))
        {
            return false;
        }

        TrySeconds(session, retry.Delay, scope, "retry", out var delay, out _);
        var failedItems = task.WithItems is null ? [] : FailedItems(session, task);
        foreach (var action in session.ActionsOf(task.Id).Where(a => a.Accepted).ToList())
        {
            if (task.WithItems is null || action.State != ExecutionState.Success)
            {
                session.UpdateAction(action with { Accepted = false });
            }
        }

        var retried = task with
        {
            RetryCount = task.RetryCount + 1,
            Result = null,
            Published = DictValue.Empty,
            FinishedAt = null,
            Policy = task.Policy with { WaitAfterDone = false, HeldState = null, HeldStateInfo = null },
            WithItems = task.WithItems is { } progress && failedItems.Count > 0 ? progress with { Failed = 0, Cancelled = 0 } : task.WithItems,
        };
        if (delay > 0)
        {
            Delay(session, retried, TimerPurpose.RetryDelay, delay, $"Delayed by 'retry' policy [delay={delay}]");
            return true;
        }

        session.UpdateTask(retried with { State = ExecutionState.Running, StateInfo = null });
        RunAgain(session, session.FindTask(task.Id)!, failedItems);
        return true;
    }

    /// <summary>Runs the task's action(s) again: a plain task from scratch, a with-items task its failed items.</summary>
    public static void RunAgain(Session session, TaskExecution task, IReadOnlyList<int> failedItems)
    {
        if (task.WithItems is { } progress && failedItems.Count > 0)
        {
            WithItems.RerunItems(session, task, progress, failedItems);
            return;
        }

        TaskRunner.RunActions(session, task with { WithItems = null });
    }

    /// <summary>The failed items of a with-items task are those whose latest accepted attempt did not succeed.</summary>
    public static List<int> FailedItems(Session session, TaskExecution task)
    {
        var latest = new Dictionary<int, ActionExecution>();
        foreach (var action in session.ActionsOf(task.Id))
        {
            latest[action.Index] = action;
        }

        return [.. latest.Values.Where(a => a.State != ExecutionState.Success).Select(a => a.Index).Order()];
    }
}
