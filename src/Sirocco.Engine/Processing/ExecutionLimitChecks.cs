using System.Globalization;
using Sirocco.Engine.State;
using Sirocco.Language.Model;

namespace Sirocco.Engine.Processing;

/// <summary>
/// The checks of <see cref="ExecutionLimits"/>. Each message names the limit, its value and the configuration
/// key that changes it, because whoever reads the <c>state_info</c> is rarely whoever configured the server.
/// </summary>
internal static class ExecutionLimitChecks
{
    /// <summary>
    /// False when starting <paramref name="spec"/> would pass the task-count limit; the execution has then failed.
    /// Counting costs a query, so it only happens for tasks that can run more than once (or when the definition
    /// alone has more tasks than the limit): the others add at most one execution each.
    /// </summary>
    public static bool AllowNewTask(Session session, TaskSpec spec)
    {
        var max = session.Context.Limits.MaxTasksPerExecution;
        if (max <= 0 || (session.Spec.Tasks.Length < max && !session.Plan.MayRepeat(spec.Name)))
        {
            return true;
        }

        var count = session.CountTasks();
        if (count < max)
        {
            return true;
        }

        Completion.Stop(session, ExecutionState.Error, string.Create(CultureInfo.InvariantCulture,
            $"Too many task executions: the execution has {count}, the limit is {max} per execution; task '{spec.Name}' was not started. "
            + $"A cycle that never ends? Change the limit with the configuration key {ExecutionLimits.MaxTasksPerExecutionKey} (0 switches it off)."));
        return false;
    }

    /// <summary>The error for a with-items list longer than the limit, or null.</summary>
    public static string? TooManyItems(Session session, TaskSpec spec, int count)
    {
        var max = session.Context.Limits.MaxWithItemsLength;
        return max <= 0 || count <= max
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"Too many with-items items: task '{spec.Name}' has {count}, the limit is {max}. "
                + $"Split the list, or change the limit with the configuration key {ExecutionLimits.MaxWithItemsLengthKey} (0 switches it off).");
    }

    /// <summary>The error when a sub-workflow of this execution would nest deeper than the limit, or null.</summary>
    public static string? SubworkflowTooDeep(Session session, TaskSpec spec)
    {
        var max = session.Context.Limits.MaxSubworkflowDepth;
        var depth = session.Workflow.Depth + 1;
        return max <= 0 || depth <= max
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"Sub-workflows nest too deep: task '{spec.Name}' would start one at depth {depth}, the limit is {max}. "
                + $"A workflow that calls itself without end? Change the limit with the configuration key {ExecutionLimits.MaxSubworkflowDepthKey} (0 switches it off).");
    }
}
