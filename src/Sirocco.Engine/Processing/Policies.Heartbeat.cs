using Sirocco.Engine.Commands;
using Sirocco.Engine.DataFlow;
using Sirocco.Engine.Events;
using Sirocco.Engine.State;

namespace Sirocco.Engine.Processing;

internal static partial class Policies
{
    /// <summary>
    /// A heartbeat of a delegate action. A task that asks for them (<c>heartbeat-extends-timeout</c>) gets its
    /// timeout timer replaced by one due a full <c>timeout</c> from now, so the timeout measures silence rather
    /// than total time. The old timer is cancelled; should it fire anyway it no longer matches the task and is
    /// ignored. Anything else (no timeout, not asked, the action or task already over) changes nothing.
    /// </summary>
    public static void OnHeartbeat(Session session, ActionHeartbeat heartbeat)
    {
        var action = session.FindAction(heartbeat.ActionExecutionId);
        if (action is null || action.State.IsCompleted() || !action.Accepted || session.Workflow.State.IsCompleted())
        {
            return;
        }

        var task = session.FindTask(action.TaskExecutionId);
        if (task is null || task.State.IsCompleted() || task.Policy.TimeoutTimerId is not { } current)
        {
            return;
        }

        var spec = session.Plan.Task(task.Name);
        var defaults = session.Spec.TaskDefaults;
        if ((spec.HeartbeatExtendsTimeout ?? defaults?.HeartbeatExtendsTimeout) is not { } extends
            || (spec.Timeout ?? defaults?.Timeout) is not { } timeout)
        {
            return;
        }

        var scope = ExpressionScope.LazyForTask(session, task, () => ContextResolver.Inbound(session, task));
        if (!TryTruth(session, extends, scope, out var asked, out _) || !asked
            || !TrySeconds(session, timeout, scope, "timeout", out var seconds, out _) || seconds <= 0)
        {
            return;
        }

        var timer = session.NewId();
        session.Emit(new CancelTimer(current));
        session.Emit(new ScheduleTimer(timer, task.WorkflowExecutionId, task.Id, TimerPurpose.Timeout, session.Now.AddSeconds(seconds)));
        session.UpdateTask(task with { Policy = task.Policy with { TimeoutTimerId = timer } });
    }
}
