using Sirocco.Api.AdHoc;
using Sirocco.Api.Executions;
using Sirocco.Api.Http;
using Sirocco.Api.Projects;
using Sirocco.Persistence.Executions;

namespace Sirocco.Api.Callbacks;

/// <summary>
/// The idempotency rules shared by the callback URL and <c>PUT /v2/action_executions/{id}</c>: the same
/// completion of a finished action is answered again (200), a different one is refused with the current
/// state (409), and a completion of an action whose task already timed out is refused with the reason (409).
/// </summary>
internal static class DelegateCompletion
{
    /// <summary>
    /// The check of a completion decided in one unit of the database writer (<see cref="IExecutionService.TryCompleteActionAsync"/>):
    /// true when none of these rules has anything to say — the caller's own action, still running, its task not
    /// ended, and no ad-hoc <c>output</c> to apply first. Built on the request (its project and services), asked in
    /// the writer, outside the request's scope.
    /// </summary>
    public static Func<ActionExecutionRecord, bool> NothingToCheck(IServiceProvider services, string state)
    {
        var own = ProjectFilter.OwnerCheck();
        var chains = services.GetService<AdHocChain>();
        return action => own(action.ProjectId)
            && !ExecutionStates.IsCompleted(action.State)
            && TimedOutReason(action) is null
            && !AdHocCompletion.Applies(chains, action, state);
    }

    /// <summary>The 409 for a finished action and a completion that differs from how it ended; null when it is running or the completion repeats how it ended.</summary>
    public static ApiException? Refusal(ActionExecutionRecord current, string state, JsonNode? output)
    {
        if (!ExecutionStates.IsCompleted(current.State) || (state == current.State && SameOutput(current.OutputJson, output)))
        {
            return null;
        }

        return new ApiException(StatusCodes.Status409Conflict,
            $"Action execution {current.Id} is already completed with state {current.State}; a different completion ({state}) is refused.")
        {
            Extra = new JsonObject { ["state"] = current.State, ["output"] = ApiResults.JsonString(current.OutputJson) },
        };
    }

    /// <summary>The task's reason when the action still runs but its task has already ended (it timed out), else null.</summary>
    public static string? TimedOutReason(ActionExecutionRecord current) =>
        !ExecutionStates.IsCompleted(current.State) && current.TaskState is { } taskState && ExecutionStates.IsCompleted(taskState)
            ? current.TaskStateInfo ?? $"Task {current.TaskName} is already {taskState}."
            : null;

    public static ApiException TimedOut(string id, string reason) =>
        new(StatusCodes.Status409Conflict, $"Action execution {id} can no longer be completed: {reason}")
        {
            Extra = new JsonObject { ["state"] = ExecutionStates.Error, ["state_info"] = reason },
        };

    /// <summary>The stored output is <c>{"result": …}</c>; a repeated completion sends the bare result.</summary>
    private static bool SameOutput(string? storedJson, JsonNode? sent)
    {
        var stored = storedJson is null ? null : JsonNode.Parse(storedJson);
        var result = stored is JsonObject o && o.TryGetPropertyValue("result", out var r) ? r : stored;
        return JsonNode.DeepEquals(result, sent);
    }
}
