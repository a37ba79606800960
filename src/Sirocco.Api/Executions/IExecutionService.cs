using Sirocco.Persistence.Executions;

namespace Sirocco.Api.Executions;

/// <summary>
/// What the execution routes need from the runtime: every change to executions, tasks and action
/// executions goes through here (reads go through <see cref="IExecutionReader"/>). The API has checked
/// the request's shape and the ids it names before calling; implementations refuse what the state does
/// not allow with <see cref="Http.ApiException"/> (400/404/409).
/// </summary>
public interface IExecutionService
{
    /// <summary>Starts <see cref="StartExecution.Workflow"/> and returns the new execution (usually already RUNNING).</summary>
    Task<WorkflowExecutionRecord> StartAsync(StartExecution request, CancellationToken cancellationToken);

    /// <summary>
    /// Changes the state of an execution: PAUSED (pause), RUNNING (resume), CANCELLED, ERROR or SUCCESS
    /// (force-complete with <paramref name="stateInfo"/>); <paramref name="envJson"/> (resume only) replaces its env.
    /// </summary>
    Task<WorkflowExecutionRecord> ChangeStateAsync(string executionId, string state, string? stateInfo, string? envJson, CancellationToken cancellationToken);

    /// <summary>Updates the description and/or the env of an execution without changing its state.</summary>
    Task<WorkflowExecutionRecord> UpdateAsync(string executionId, string? description, string? envJson, CancellationToken cancellationToken);

    /// <summary>Deletes an execution and everything below it; <paramref name="force"/> also deletes a running one.</summary>
    Task DeleteAsync(string executionId, bool force, CancellationToken cancellationToken);

    /// <summary>Reruns a task in ERROR; <paramref name="reset"/> false keeps the successful items of a with-items task.</summary>
    Task<TaskExecutionRecord> RerunTaskAsync(string taskExecutionId, bool reset, string? envJson, CancellationToken cancellationToken);

    /// <summary>
    /// Completes (SUCCESS, ERROR, CANCELLED) or updates (RUNNING, PAUSED) a running action execution,
    /// the delegate webhook. The API has already answered repeated and conflicting completions.
    /// </summary>
    Task<ActionExecutionRecord> CompleteActionAsync(string actionExecutionId, ActionCompletion completion, CancellationToken cancellationToken);

    /// <summary>
    /// Completes (SUCCESS, ERROR, CANCELLED) a running action of a workflow in one step when <paramref name="plain"/>
    /// finds nothing to check first in the action as the store holds it at that moment (it may be asked on another
    /// thread, outside the caller's scope); otherwise changes nothing. Returns the action as read — null when it is
    /// unknown or this service does not try — and, when it was completed, the action as stored.
    /// </summary>
    Task<(ActionExecutionRecord? Current, ActionExecutionRecord? Completed)> TryCompleteActionAsync(
        string actionExecutionId, ActionCompletion completion, Func<ActionExecutionRecord, bool> plain, CancellationToken cancellationToken);

    /// <summary>Runs an action outside any workflow (<c>POST /v2/action_executions</c>).</summary>
    Task<ActionExecutionRecord> RunActionAsync(RunAction request, CancellationToken cancellationToken);
}
