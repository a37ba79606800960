using Sirocco.Engine.Commands;
using Sirocco.Engine.DataFlow;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;
using Sirocco.Expressions.Values;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// Task policies, each from the task or else from task-defaults, values possibly expressions:
/// before the action starts <c>pause-before</c>, <c>wait-before</c> and <c>timeout</c>; after the task
/// completes <c>wait-after</c>, <c>retry</c> (<c>count</c>, <c>delay</c>, <c>break-on</c>, <c>continue-on</c>)
/// and <c>fail-on</c>, in Mistral's order. Delays are timers (<see cref="ScheduleTimer"/>), never waits.
/// </summary>
internal static partial class Policies
{
    /// <summary>True when a policy holds the task back before its action starts (it resumes through a timer or resume).</summary>
    public static bool HoldBeforeStart(Session session, TaskExecution task)
    {
        var spec = session.Plan.Task(task.Name);
        var defaults = session.Spec.TaskDefaults;
        var scope = ExpressionScope.LazyForTask(session, task, () => ContextResolver.Inbound(session, task));
        if (!task.Policy.PausedBefore && (spec.PauseBefore ?? defaults?.PauseBefore) is { } pauseBefore)
        {
            if (!TryTruth(session, pauseBefore, scope, out var pause, out var error))
            {
                TaskCompletion.Complete(session, task, ExecutionState.Error, error, null);
                return true;
            }

            if (pause)
            {
                session.UpdateTask(task with { State = ExecutionState.Idle, StateInfo = "Set by 'pause-before' policy", Policy = task.Policy with { PausedBefore = true } });
                if (session.Workflow.State == ExecutionState.Running)
                {
                    Lifecycle.PauseByCommand(session, null);
                }

                return true;
            }
        }

        if (!task.Policy.WaitBeforeDone && (spec.WaitBefore ?? defaults?.WaitBefore) is { } waitBefore)
        {
            if (!TrySeconds(session, waitBefore, scope, "wait-before", out var delay, out var error))
            {
                TaskCompletion.Complete(session, task, ExecutionState.Error, error, null);
                return true;
            }

            if (delay > 0)
            {
                Delay(session, task with { Policy = task.Policy with { WaitBeforeDone = true } }, TimerPurpose.WaitBefore, delay,
                    $"Delayed by 'wait-before' policy [delay={delay}]");
                return true;
            }
        }

        return false;
    }

    /// <summary>Schedules the task's <c>timeout</c> for the attempt that starts now.</summary>
    public static TaskExecution StartTimeout(Session session, TaskExecution task, TaskSpec spec)
    {
        if ((spec.Timeout ?? session.Spec.TaskDefaults?.Timeout) is not { } timeout)
        {
            return task;
        }

        var scope = ExpressionScope.LazyForTask(session, task, () => ContextResolver.Inbound(session, task));
        if (!TrySeconds(session, timeout, scope, "timeout", out var seconds, out _) || seconds <= 0)
        {
            return task;
        }

        var timer = session.NewId();
        session.Emit(new ScheduleTimer(timer, task.WorkflowExecutionId, task.Id, TimerPurpose.Timeout, session.Now.AddSeconds(seconds)));
        task = task with { Policy = task.Policy with { TimeoutTimerId = timer } };
        session.UpdateTask(task);
        return task;
    }

    /// <summary>An action of a plain (not with-items) task finished: the task completes (policies follow in <see cref="AfterComplete"/>).</summary>
    public static void OnActionFinished(Session session, TaskExecution task, ActionExecution action) =>
        TaskCompletion.Complete(session, task, action.State, action.StateInfo, action.Output);

    /// <summary>
    /// Policies after the task reached SUCCESS or ERROR (and published): returns true when one of them took
    /// over (wait-after holding the task, a retry); <paramref name="task"/> may come back failed by fail-on.
    /// </summary>
    public static bool AfterComplete(Session session, ref TaskExecution task)
    {
        if (task.State is not (ExecutionState.Success or ExecutionState.Error))
        {
            return false;
        }

        var spec = session.Plan.Task(task.Name);
        var defaults = session.Spec.TaskDefaults;
        var current = task;
        var scope = ExpressionScope.LazyForTask(session, current, () => ContextResolver.Outbound(session, current));
        if (!task.Policy.WaitAfterDone && (spec.WaitAfter ?? defaults?.WaitAfter) is { } waitAfter
            && TrySeconds(session, waitAfter, scope, "wait-after", out var delay, out _) && delay > 0)
        {
            Delay(session, task with { Policy = task.Policy with { WaitAfterDone = true, HeldState = task.State, HeldStateInfo = task.StateInfo } },
                TimerPurpose.WaitAfter, delay, $"Delayed by 'wait-after' policy [delay={delay}]");
            return true;
        }

        // Mistral's order: fail-on before retry, so a result that fail-on rejects is retried.
        if (task.State == ExecutionState.Success && (spec.FailOn ?? defaults?.FailOn) is { } failOn
            && TryTruth(session, failOn, scope, out var fail, out _) && fail)
        {
            task = task with { State = ExecutionState.Error, StateInfo = "Failed by 'fail-on' policy" };
            session.UpdateTask(task);
        }

        return Retry(session, task, spec, scope);
    }

    /// <summary>On resume: tasks held by <c>pause-before</c> start, delays that ended while paused continue.</summary>
    public static void ResumeHeldTasks(Session session)
    {
        foreach (var task in session.Tasks().ToList())
        {
            if (session.Workflow.State != ExecutionState.Running)
            {
                return;
            }

            if (task is { State: ExecutionState.Idle, Policy.PausedBefore: true })
            {
                var started = task with { State = ExecutionState.Running, StateInfo = null };
                session.UpdateTask(started);
                TaskRunner.Launch(session, started);
            }
            else if (task is { State: ExecutionState.RunningDelayed, Policy.ExpiredWhilePaused: { } purpose })
            {
                Timers.Continue(session, task, purpose);
            }
        }
    }

    public static bool SafeRerun(Session session, TaskSpec spec) =>
        (spec.SafeRerun ?? session.Spec.TaskDefaults?.SafeRerun) is { IsTruthy: true };

    /// <summary>Holds the task in RUNNING_DELAYED until a timer fires.</summary>
    private static void Delay(Session session, TaskExecution task, TimerPurpose purpose, int seconds, string stateInfo)
    {
        var timer = session.NewId();
        session.UpdateTask(task with
        {
            State = ExecutionState.RunningDelayed,
            StateInfo = stateInfo,
            Policy = task.Policy with { DelayTimerId = timer },
        });
        session.Emit(new ScheduleTimer(timer, task.WorkflowExecutionId, task.Id, purpose, session.Now.AddSeconds(seconds)));
    }

    private static bool TrySeconds(Session session, Value raw, LazyScope scope, string policy, out int seconds, out string error)
    {
        seconds = 0;
        var evaluated = session.EvaluateDeep(raw, scope);
        if (!evaluated.IsSuccess)
        {
            error = Evaluation.Describe(evaluated.Error!);
            return false;
        }

        if (evaluated.Value is IntValue i && i.Value >= 0 && i.Value <= int.MaxValue)
        {
            seconds = (int)i.Value;
            error = string.Empty;
            return true;
        }

        error = $"Invalid data type in {policy} policy: expected a non-negative integer, got {evaluated.Value!.ToText()}";
        return false;
    }

    private static bool TryTruth(Session session, Value raw, LazyScope scope, out bool truth, out string error)
    {
        var evaluated = session.EvaluateDeep(raw, scope);
        truth = evaluated.IsSuccess && evaluated.Value!.IsTruthy;
        error = evaluated.IsSuccess ? string.Empty : Evaluation.Describe(evaluated.Error!);
        return evaluated.IsSuccess;
    }
}
